// @ts-check
// One store of what a client knows about its dialogs, derived from the server's frames: the dialogs, their
// timelines, the caller's place (participant, role, permissions) in each, queue positions and the connection
// state. The widget, the console and the dashboard keep their data here and redraw their panels when it changes.

/**
 * @typedef {{participantId?: string, name?: string, role?: string, avatar?: object}} Person
 * @typedef {{id: string, status?: string, mode?: string, participants?: Person[], host?: Person, expert?: Person,
 *   rating?: number | null, [key: string]: unknown}} Dialog
 * @typedef {{dialogId: string, seq?: number, kind: string, text?: string, author?: Person, at?: string}} TimelineEvent
 * @typedef {{participantId?: string | null, role?: string, present?: boolean, permissions?: string[]}} You
 * @typedef {{dialogId: string, position?: number, expertsOnline?: boolean}} QueueFrame
 * @typedef {{
 *   connection: string,
 *   dialogs: Map<string, Dialog>,
 *   timelines: Map<string, TimelineEvent[]>,
 *   you: Map<string, You>,
 *   queue: Map<string, QueueFrame>,
 *   subscribed: Set<string>,
 * }} DialogState
 * @typedef {{type: 'connection'} | {type: 'dialog', dialogId: string} | {type: 'event', dialogId: string, event: TimelineEvent}
 *   | {type: 'subscribed', dialogId: string, before: You | undefined} | {type: 'queue', dialogId: string}
 *   | {type: 'reset', dialogId: string}} Change
 * @typedef {(state: DialogState, change: Change) => void} Listener
 */

/** @typedef {{on: (type: string, fn: (frame: any) => void) => unknown, onState: (fn: (status: string) => void) => unknown}} FrameSource */

export function createDialogStore() {
  /** @type {DialogState} */
  const state = {
    connection: 'idle',
    dialogs: new Map(),
    timelines: new Map(),
    you: new Map(),
    queue: new Map(),
    subscribed: new Set(),
  };
  /** @type {Set<Listener>} */
  const listeners = new Set();
  /** @param {Change} change */
  const emit = (change) => {
    for (const listener of listeners) listener(state, change);
  };

  return {
    state,
    /** Reduces the socket's frames into the state. @param {FrameSource} socket */
    connect: (socket) => reduceFrames(socket, state, emit),
    /** Merges what is known of a dialog; returns the merged dialog. @param {Dialog} dialog */
    remember: (dialog) => remember(state, dialog),
    /** @param {Dialog[]} list */
    rememberAll: (list) => list.map((dialog) => remember(state, dialog)),
    /** Stores a transcript loaded over HTTP. @param {string} dialogId @param {TimelineEvent[]} events */
    setTimeline(dialogId, events) {
      state.timelines.set(dialogId, [...events]);
    },
    /** @param {string} dialogId @param {You} you */
    setYou(dialogId, you) {
      state.you.set(dialogId, you);
    },
    /** Calls `listener(state, change)` after every change; returns the way to stop. @param {Listener} listener */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Forgets everything (another identity takes over). */
    clear() {
      for (const part of [state.dialogs, state.timelines, state.you, state.queue, state.subscribed]) part.clear();
    },
  };
}

/** @param {DialogState} state @param {Dialog} dialog */
function remember(state, dialog) {
  const merged = { ...state.dialogs.get(dialog.id), ...dialog };
  state.dialogs.set(dialog.id, merged);
  return merged;
}

/** Adds an event to its dialog's timeline once (a replay may repeat it); true when it was new. */
function addEvent(/** @type {DialogState} */ state, /** @type {TimelineEvent} */ event) {
  const timeline = state.timelines.get(event.dialogId) ?? [];
  const known = event.seq != null && timeline.some((e) => e.seq === event.seq);
  if (!known) timeline.push(event);
  state.timelines.set(event.dialogId, timeline);
  return !known;
}

/** @param {FrameSource} socket @param {DialogState} state @param {(change: Change) => void} emit */
function reduceFrames(socket, state, emit) {
  socket.onState((status) => {
    state.connection = status;
    if (status !== 'live') state.subscribed.clear(); // every dialog is subscribed afresh after a reconnect
    emit({ type: 'connection' });
  });
  socket.on('event', (/** @type {TimelineEvent} */ event) => {
    if (addEvent(state, event)) emit({ type: 'event', dialogId: event.dialogId, event });
  });
  socket.on('subscribed', (frame) => {
    state.subscribed.add(frame.dialogId);
    const before = state.you.get(frame.dialogId);
    if (frame.you) state.you.set(frame.dialogId, frame.you);
    if (frame.dialog?.id) remember(state, frame.dialog);
    emit({ type: 'subscribed', dialogId: frame.dialogId, before });
  });
  // Our copy is from a timeline the server no longer holds; the whole timeline is replayed right after.
  socket.on('reset', (frame) => {
    state.timelines.set(frame.dialogId, []);
    emit({ type: 'reset', dialogId: frame.dialogId });
  });
  socket.on('dialog', (frame) => {
    if (!frame.dialog?.id) return;
    remember(state, frame.dialog);
    emit({ type: 'dialog', dialogId: frame.dialog.id });
  });
  socket.on('queue', (/** @type {QueueFrame} */ frame) => {
    state.queue.set(frame.dialogId, frame);
    emit({ type: 'queue', dialogId: frame.dialogId });
  });
}
