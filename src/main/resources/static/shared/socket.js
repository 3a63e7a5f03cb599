// Reconnecting client for the realtime protocol (docs/protocol.md).
// It remembers the last `seq` seen per dialog, so after a reconnect or a gap it subscribes again
// with `afterSeq` and the server replays exactly what was missed.

const PING_EVERY_MS = 25_000;
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10_000;

/** The `/ws` endpoint on the host that served this page. */
export function defaultSocketUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

/**
 * States reported to `onState` listeners: `connecting` (first attempt), `live`, `reconnecting`, `closed`.
 */
export class VitrineSocket {
  #url;
  #token;
  #ws = null;
  #state = 'idle';
  #wasLive = false;
  #attempt = 0;
  #pingTimer = null;
  #retryTimer = null;
  #closedByUs = false;
  #listeners = new Map();
  #stateListeners = new Set();
  #lastSeq = new Map();
  #resyncing = new Set();
  #outbox = [];
  #refCounter = 0;
  #connections = 0;

  /** The `welcome` frame of the current connection (shoppers only). */
  identity = null;

  /** @param {{url?: string, token?: string | null}} options a token makes this a shopper connection */
  constructor({ url = defaultSocketUrl(), token = null } = {}) {
    this.#url = url;
    this.#token = token;
    window.addEventListener('online', () => this.#retryNow());
  }

  get state() {
    return this.#state;
  }

  /** Counts the connections made so far: frames answered on an earlier one do not hold for the current one. */
  get connection() {
    return this.#connections;
  }

  /** Listen to a server frame type (`event`, `dialog`, `queue`, `error`, …). Returns an unsubscribe function. */
  on(type, fn) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type).add(fn);
    return () => this.#listeners.get(type).delete(fn);
  }

  /** Listen to connection state changes; called at once with the current state. */
  onState(fn) {
    this.#stateListeners.add(fn);
    fn(this.#state);
    return () => this.#stateListeners.delete(fn);
  }

  connect() {
    this.#closedByUs = false;
    if (!this.#ws) this.#open();
    return this;
  }

  close() {
    this.#closedByUs = true;
    clearTimeout(this.#retryTimer);
    this.#stopPing();
    this.#ws?.close(1000);
    this.#ws = null;
    this.#setState('closed');
  }

  /** Follow a dialog's timeline; events after `afterSeq` (or after the last one seen) are replayed. */
  subscribe(dialogId, afterSeq = 0) {
    this.#lastSeq.set(dialogId, Math.max(this.#lastSeq.get(dialogId) ?? 0, afterSeq));
    if (this.#state === 'live') this.#sendSubscribe(dialogId);
  }

  unsubscribe(dialogId) {
    if (!this.#lastSeq.delete(dialogId)) return;
    this.#resyncing.delete(dialogId);
    if (this.#state === 'live') this.#send({ type: 'unsubscribe', dialogId });
  }

  /**
   * Unsubscribes and subscribes again from the last `seq` seen: the server takes this connection out of the
   * dialog's stream while the timeline goes on without a gap.
   */
  resubscribe(dialogId) {
    if (!this.#lastSeq.has(dialogId) || this.#state !== 'live') return;
    this.#send({ type: 'unsubscribe', dialogId });
    this.#sendSubscribe(dialogId);
  }

  isSubscribed(dialogId) {
    return this.#lastSeq.has(dialogId);
  }

  /** Sends a chat message (queued while offline). Returns the `clientRef` the stored event will carry. */
  say(dialogId, text, clientRef = this.#nextRef()) {
    const frame = { type: 'say', dialogId, text, clientRef };
    if (this.#state === 'live') this.#send(frame);
    else this.#outbox.push(frame);
    return clientRef;
  }

  /** Typing notices are ephemeral: dropped when not connected. */
  typing(dialogId) {
    if (this.#state === 'live') this.#send({ type: 'typing', dialogId });
  }

  /** Sends an ephemeral frame (media signalling); dropped when not connected. Returns whether it went out. */
  send(frame) {
    return this.#state === 'live' && this.#send(frame);
  }

  #open() {
    this.#setState(this.#wasLive ? 'reconnecting' : 'connecting');
    let ws;
    try {
      ws = new WebSocket(this.#url);
    } catch {
      this.#scheduleReconnect();
      return;
    }
    this.#ws = ws;
    ws.addEventListener('open', () => this.#onOpen());
    ws.addEventListener('message', (e) => this.#onFrame(e.data));
    // An 'error' is always followed by 'close', so 'close' alone drives reconnection.
    ws.addEventListener('close', () => this.#onClose(ws));
  }

  #onOpen() {
    this.#startPing();
    // Shoppers authenticate with their token; staff are already known by their session cookie.
    if (this.#token) this.#send({ type: 'hello', token: this.#token });
    else this.#goLive();
  }

  #goLive() {
    this.#connections += 1;
    this.#attempt = 0;
    this.#wasLive = true;
    this.#setState('live');
    this.#resyncing.clear();
    for (const dialogId of this.#lastSeq.keys()) this.#sendSubscribe(dialogId);
    for (const frame of this.#outbox.splice(0)) this.#send(frame);
  }

  #onClose(ws) {
    if (ws !== this.#ws) return;
    this.#ws = null;
    this.#stopPing();
    if (!this.#closedByUs) this.#scheduleReconnect();
  }

  #scheduleReconnect() {
    this.#setState(this.#wasLive ? 'reconnecting' : 'connecting');
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.#attempt);
    this.#attempt += 1;
    // Jitter spreads reconnects of many clients after a server restart.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#open(), delay);
  }

  #retryNow() {
    if (this.#ws || this.#closedByUs || this.#state === 'idle') return;
    clearTimeout(this.#retryTimer);
    this.#open();
  }

  #onFrame(raw) {
    let frame;
    try {
      frame = JSON.parse(raw);
    } catch {
      return;
    }
    if (!frame || typeof frame.type !== 'string') return;
    switch (frame.type) {
      case 'pong':
        return;
      case 'welcome':
        this.identity = frame;
        if (this.#state !== 'live') this.#goLive();
        break;
      case 'event':
        if (!this.#isNext(frame)) return;
        break;
      case 'subscribed':
        this.#resyncing.delete(frame.dialogId);
        break;
      case 'reset':
        // The server does not hold what we saw (it lost its newest events): forget our place; the whole
        // timeline follows from seq 1, and listeners drop their copy.
        if (this.#lastSeq.has(frame.dialogId)) this.#lastSeq.set(frame.dialogId, 0);
        break;
    }
    this.#emit(frame.type, frame);
  }

  /** True for the next event of a dialog; duplicates are dropped and a gap triggers a resubscribe. */
  #isNext(event) {
    const last = this.#lastSeq.get(event.dialogId);
    if (last === undefined) return true;
    if (event.seq <= last) return false;
    if (event.seq > last + 1) {
      if (!this.#resyncing.has(event.dialogId)) this.#sendSubscribe(event.dialogId);
      return false;
    }
    this.#lastSeq.set(event.dialogId, event.seq);
    return true;
  }

  #sendSubscribe(dialogId) {
    this.#resyncing.add(dialogId);
    this.#send({ type: 'subscribe', dialogId, afterSeq: this.#lastSeq.get(dialogId) ?? 0 });
  }

  #send(frame) {
    if (this.#ws?.readyState !== WebSocket.OPEN) return false;
    this.#ws.send(JSON.stringify(frame));
    return true;
  }

  #emit(type, frame) {
    for (const fn of this.#listeners.get(type) ?? []) {
      try {
        fn(frame);
      } catch (err) {
        console.error(err);
      }
    }
  }

  #setState(state) {
    if (state === this.#state) return;
    this.#state = state;
    for (const fn of this.#stateListeners) fn(state);
  }

  #startPing() {
    this.#stopPing();
    this.#pingTimer = setInterval(() => this.#send({ type: 'ping' }), PING_EVERY_MS);
  }

  #stopPing() {
    clearInterval(this.#pingTimer);
  }

  #nextRef() {
    this.#refCounter += 1;
    return `c-${Date.now().toString(36)}-${this.#refCounter}`;
  }
}

/** Creates and connects a socket. */
export function connectSocket(options) {
  return new VitrineSocket(options).connect();
}
