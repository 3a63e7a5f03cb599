// @ts-check
// "Download .ics": the invitation fetched with the caller's credentials and saved as a file.
import { ApiError } from '/shared/ui.js';

/**
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {string} id
 */
export async function downloadCalendar(url, headers, id) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'text/calendar', ...headers }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const file = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = file;
  link.download = `appointment-${id}.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(file), 10_000);
}
