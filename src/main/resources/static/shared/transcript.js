// @ts-check
// Reads a dialog's whole transcript, page after page by sequence (docs/http-api.md): a long dialog is never cut off
// after its first page. The widget, the console and the dashboard all load transcripts through here.

const PAGE_SIZE = 1000;

/**
 * @param {(path: string) => Promise<any>} get fetches one page as JSON (the page's own `api` helper)
 * @param {string} path the transcript's path, without a query
 * @param {{pageSize?: number}} [options]
 * @returns {Promise<{dialog?: object, you?: object, events: object[]}>} every event, with the newest page's dialog and seat
 */
export async function loadTranscript(get, path, { pageSize = PAGE_SIZE } = {}) {
  /** @type {object[]} */
  const events = [];
  let afterSeq = 0;
  for (;;) {
    const page = await get(`${path}?afterSeq=${afterSeq}&limit=${pageSize}`);
    events.push(...(page?.events ?? []));
    // A page without a forward cursor ends the walk, so a server that does not page cannot make us loop.
    if (!page?.hasMore || !(page.nextAfterSeq > afterSeq)) return { ...page, events };
    afterSeq = page.nextAfterSeq;
  }
}
