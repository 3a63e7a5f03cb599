// @ts-check
// What a "report a problem" form sends along: the last few errors seen on this page, plus a snapshot of
// the connection states, so a report says more than "it did not work".

const KEEP_ERRORS = 10;
const MAX_ERROR_CHARS = 200;
const MAX_CONTEXT_CHARS = 3800; // the server takes under 4 KB
const errors = [];

/** Remembers an error message (a ring buffer of the last ten). */
export function recordError(error) {
  const message = String(error?.message ?? error ?? '').slice(0, MAX_ERROR_CHARS);
  if (!message) return;
  errors.push({ at: new Date().toISOString(), message });
  console.debug('vitrine:', message); // hidden unless the browser's console shows debug messages
  if (errors.length > KEEP_ERRORS) errors.shift();
}

export function recentErrors() {
  return errors.slice();
}

window.addEventListener('error', (e) => recordError(e.message || e.error));
/** @type {any} */ (window).vitrineErrors = recentErrors; // for a look from the browser's console
window.addEventListener('unhandledrejection', (e) => recordError(e.reason));

/**
 * The context of a problem report: browser, screen, socket and per-peer states, recent errors.
 * @param {{socket?: {state: string}, mesh?: {diagnostics(): object} | null, mode?: string, status?: string}} parts
 */
export function problemContext({ socket, mesh, mode, status } = {}) {
  const context = {
    userAgent: navigator.userAgent,
    viewport: `${window.innerWidth}x${window.innerHeight}`,
    screen: `${screen.width}x${screen.height}@${window.devicePixelRatio}`,
    socket: socket?.state ?? 'none',
    mode: mode ?? null,
    status: status ?? null,
    peers: mesh?.diagnostics() ?? {},
    errors: recentErrors(),
  };
  // Oldest errors go first if the whole would be too large for the server.
  while (JSON.stringify(context).length > MAX_CONTEXT_CHARS && context.errors.length > 0) context.errors.shift();
  return context;
}
