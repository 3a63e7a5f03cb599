// The expert console: presence, the live queue, active dialogs, history and the chat pane.
import { t, translatePage } from '../shared/i18n.js';
import { avatarElement } from '../shared/avatar.js';
import { connectSocket } from '../shared/socket.js';
import { loadTranscript } from '../shared/transcript.js';
import {
  h, timeElement, formatDuration, stars, setBusy, asList, staffApi as api, errorText,
  eventElement, appendToLog, confirmBar, createComposer, transcriptOf, statusBadge, routingLogItem, groupMessages, SAY_REFUSALS, refusalText,
} from '../shared/ui.js';
import { LocalMedia } from '../shared/media.js';
import {
  ParticipantList, toggleButton, reportProblem, isLiveVideo, can, MEDIA_ICONS,
  MEDIA_ERRORS,
} from '../shared/live.js';
import { recordError } from '../shared/diagnostics.js';
import { unread, newRequest, unreadBadge, alertControls } from './alerts.js';
import { createDialogStore } from '../shared/store.js';
import { createTypingLine } from '../shared/typing.js';
import { createChatMedia } from './chat/media.js';
import { createProductsPanel } from './products/picker.js';
import { cameraWarmUp } from './warmup.js';
import { createContacts } from './contacts.js';
import { createAppointmentsList, createProposePanel } from './appointments.js';

const PRESENCES = ['ONLINE', 'AWAY', 'OFFLINE'];
const REFRESH_DELAY_MS = 300;
const NOTICE_SHOW_MS = 6000;

const me = readMember();
const dom = {
  pane: document.getElementById('pane'),
  queueList: byTestId('queue-list'),
  messagesList: byTestId('messages-list'),
  activeList: byTestId('active-list'),
  historyList: byTestId('history-list'),
  queueBadge: byTestId('queue-badge'),
  queueEmpty: byTestId('queue-empty'),
  messagesEmpty: byTestId('messages-empty'),
  activeEmpty: byTestId('active-empty'),
  historyEmpty: byTestId('history-empty'),
  queueAnnouncer: document.getElementById('queue-announcer'),
  connection: byTestId('connection-status'),
  notice: byTestId('console-notice'),
};
// Dialogs, timelines, my place in each (`you`) and subscriptions live in the shared store.
const store = createDialogStore();
const state = {
  presence: null,
  queue: { waiting: [], messages: [] },
  active: [],
  history: [],
  dialogs: store.state.dialogs,
  timelines: store.state.timelines,
  replaying: new Set(),
  unread: new Set(),
  selectedId: null,
  chat: null,
  sessionEnded: false,
  you: store.state.you, // dialogId → my place in it (permissions), from `subscribed` frames and transcripts
  subscribed: store.state.subscribed, // dialogs whose `subscribed` frame came on the current connection
  local: new LocalMedia(), // one camera and microphone, used by the dialog in view
};

const warmUp = cameraWarmUp(state.local, { inUse: () => state.chat?.live?.() ?? false });

translatePage(document);
document.querySelector('.topbar-end')?.prepend(alertControls());
updateTitle();
const socket = connectSocket();
const myAppointments = createAppointmentsList();
document.querySelector('nav.sidebar')?.append(myAppointments.element);
/** Counts the expert's own status changes, so an older answer never overwrites a newer choice. */
let presenceEdits = 0;

wireSocket();
const contacts = createContacts({ socket, notice: showNotice, onUnread: renderContactsBadge });
byTestId('open-contacts')?.addEventListener('click', showContacts);
wirePresence();
document.body.dataset.ready = 'true'; // the template's controls are live from here on
boot();
setInterval(tick, 1000);

// ---------------------------------------------------------------- start-up

function readMember() {
  const data = document.body.dataset;
  return { id: data.memberId ?? '', name: data.memberName ?? '', role: data.memberRole ?? '', merchantName: data.merchantName ?? '' };
}

async function boot() {
  // The queue itself arrives as a staffQueue frame as soon as the socket connects.
  await Promise.all([loadMe(), refreshLists()]);
}

async function loadMe() {
  const editsBefore = presenceEdits;
  try {
    const data = await api('/me');
    const member = data?.member ?? data;
    if (member?.id) me.id = String(member.id);
    // A status the expert picked while this was loading is newer than what the server said before it.
    if (presenceEdits === editsBefore) renderPresence(member?.presence ?? null);
  } catch (err) {
    showFailure(err);
  }
}

let refreshTimer = null;
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshLists, REFRESH_DELAY_MS);
}

async function refreshLists() {
  try {
    const [active, history] = await Promise.all([
      api('/dialogs?status=ACTIVE&mine=true'),
      api('/dialogs?status=ENDED&mine=true'),
    ]);
    state.active = asList(active).map(remember);
    state.history = asList(history).map(remember);
    for (const dialog of state.active) follow(dialog.id);
    renderActive();
    renderHistory();
  } catch (err) {
    showFailure(err);
  }
}

// ---------------------------------------------------------------- realtime

function wireSocket() {
  store.connect(socket);
  store.subscribe((_, change) => {
    if (change.type === 'event') onEvent(change.event);
    else if (change.type === 'dialog') onDialogFrame(state.dialogs.get(change.dialogId));
    else if (change.type === 'subscribed') onSubscribed(change.dialogId);
    else if (change.type === 'reset') onReset(change.dialogId);
  });
  socket.onState(renderConnection);
  socket.on('staffQueue', (frame) => {
    // Offers count down from the time left the server stated, so a console whose clock is off shows the same time.
    const received = Date.now();
    const local = (entry) => (entry.offerMillisLeft == null ? entry
      : { ...entry, offerExpiresAt: new Date(received + entry.offerMillisLeft).toISOString() });
    state.queue = { waiting: (frame.waiting ?? []).map(local), messages: frame.messages ?? [] };
    renderQueue();
    scheduleRefresh();
  });
  socket.on('presence', (frame) => {
    if (!frame.memberId || String(frame.memberId) === me.id) renderPresence(frame.status);
  });
  socket.on('typing', (frame) => {
    if (state.chat?.dialogId === frame.dialogId && frame.name !== me.name) state.chat.showTyping(frame);
  });
  socket.on('appointment', (frame) => {
    myAppointments.reload();
    if (state.chat?.dialogId === frame.dialogId) state.chat.reloadAppointments?.();
  });
  socket.on('error', (frame) => {
    if (frame.code === 'unauthenticated') {
      sessionEnded();
      return;
    }
    if (MEDIA_ERRORS.has(frame.code)) return; // expected: a customer left or the stream ended while we were signalling
    recordError(`${frame.code}: ${frame.message ?? ''}`);
    const inChat = state.chat && (!frame.dialogId || frame.dialogId === state.chat.dialogId);
    if (inChat) state.chat.showError(refusalText(frame), frame.code);
    else showNotice(refusalText(frame));
  });
}

function onDialogFrame(dialog) {
  if (dialog.status === 'ENDED') moveToHistory(dialog);
  onDialogChanged(dialog);
  scheduleRefresh();
}

/** The server's timeline replaces ours: the replay that follows is nothing new, so it marks nothing unread. */
function onReset(dialogId) {
  state.replaying.add(dialogId);
  if (state.chat?.dialogId === dialogId) state.chat.reset();
}

function onSubscribed(dialogId) {
  state.replaying.delete(dialogId);
  const dialog = state.dialogs.get(dialogId);
  if (dialog) onDialogChanged(dialog);
  if (state.chat?.dialogId === dialogId) state.chat.onSubscribed();
}

/** Subscribes to a dialog once; its replay fills the timeline without marking anything unread. */
function follow(dialogId) {
  if (socket.isSubscribed(dialogId)) return;
  state.replaying.add(dialogId);
  socket.subscribe(dialogId);
}

function onEvent(event) {
  if (state.chat?.dialogId === event.dialogId) {
    state.chat.append(event);
  } else if (isMessage(event) && !isStaff(event.author) && !state.replaying.has(event.dialogId)) {
    state.unread.add(event.dialogId);
    unread.add(event);
    updateTitle();
  }
  if (isMessage(event)) renderActive();
}

/** Shows an ended dialog under History right away; the next list refresh confirms it. */
function moveToHistory(dialog) {
  if (!state.active.some((d) => d.id === dialog.id)) return;
  state.active = state.active.filter((d) => d.id !== dialog.id);
  state.history = [dialog, ...state.history.filter((d) => d.id !== dialog.id)];
  renderActive();
  renderHistory();
}

function onDialogChanged(dialog) {
  if (state.chat?.dialogId === dialog.id) state.chat.update(dialog);
}

function renderConnection(status) {
  dom.connection.dataset.state = status;
  dom.connection.textContent = t(`connection.${status}`);
}

// ---------------------------------------------------------------- presence

function wirePresence() {
  for (const status of PRESENCES) {
    byTestId(`presence-${status}`).addEventListener('click', () => setPresence(status));
  }
}

async function setPresence(status) {
  presenceEdits += 1;
  const previous = state.presence;
  renderPresence(status);
  try {
    await api('/me/presence', { method: 'PUT', body: { status } });
  } catch (err) {
    renderPresence(previous);
    showFailure(err);
  }
}

function renderPresence(status) {
  state.presence = status;
  document.body.dataset.presence = status ?? '';
  for (const option of PRESENCES) {
    byTestId(`presence-${option}`).setAttribute('aria-pressed', String(option === status));
  }
}

// ---------------------------------------------------------------- sidebar lists

function renderQueue() {
  const { waiting, messages } = state.queue;
  const previousCount = Number(dom.queueBadge.textContent) || 0;
  keepingFocus(() => {
    dom.queueList.replaceChildren(...waiting.map((entry) => queueItem(entry, 'waiting')));
    dom.messagesList.replaceChildren(...messages.map((entry) => queueItem(entry, 'message')));
  });
  dom.queueEmpty.hidden = waiting.length > 0;
  dom.messagesEmpty.hidden = messages.length > 0;
  const count = waiting.length + messages.length;
  dom.queueBadge.textContent = String(count);
  dom.queueBadge.hidden = count === 0;
  dom.queueBadge.setAttribute('aria-label', t('console.queueCount', { count }));
  if (count > previousCount) {
    dom.queueAnnouncer.textContent = t('console.queueAnnounce', { count });
    newRequest(count);
  }
  updateTitle();
  tick();
  warmUp.update(waiting.some((entry) => entry.offeredTo != null && String(entry.offeredTo) === me.id));
}

function queueItem(entry, kind) {
  const offeredToMe = entry.offeredTo != null && String(entry.offeredTo) === me.id;
  const canAccept = kind === 'message' || offeredToMe;
  const acceptButton = h('button', {
    type: 'button', class: 'button button--primary button--small', testid: 'accept-button',
    text: kind === 'message' ? t('console.answer') : t('console.accept'),
  });
  acceptButton.addEventListener('click', () => accept(entry, acceptButton));
  return h('li', { class: 'item queue-item', testid: 'queue-item', 'data-dialog-id': entry.dialogId, 'data-kind': kind },
    avatarElement(entry.host, 36),
    h('div', { class: 'item-body' },
      h('div', { class: 'item-row' },
        h('strong', { class: 'item-name', text: entry.host?.name ?? '' }),
        h('span', { class: 'waiting-time', testid: 'waiting-time', 'data-since': entry.since })),
      entry.lastMessage ? h('p', { class: 'preview', text: entry.lastMessage }) : null,
      entry.offeredTo && !offeredToMe ? h('p', { class: 'muted small', text: t('console.offeredToColleague') }) : null,
      canAccept ? h('div', { class: 'item-actions' },
        acceptButton,
        offeredToMe && entry.offerExpiresAt
          ? h('span', { class: 'countdown', testid: 'offer-countdown', 'data-expires': entry.offerExpiresAt })
          : null) : null));
}

function renderActive() {
  keepingFocus(() => dom.activeList.replaceChildren(...state.active.map(activeItem)));
  dom.activeEmpty.hidden = state.active.length > 0;
}

/** A sidebar entry: the Host's avatar and name, opening the dialog when clicked. */
function dialogItem(dialog, testid, besideName, belowName) {
  return h('li', {}, h('button', {
    type: 'button', class: 'item', testid, 'data-dialog-id': dialog.id,
    'aria-current': dialog.id === state.selectedId ? 'true' : null,
    onclick: () => select(dialog.id),
  },
  avatarElement(dialog.host, 36),
  h('span', { class: 'item-body' },
    h('span', { class: 'item-row' },
      h('strong', { class: 'item-name', text: dialog.host?.name ?? '' }),
      besideName),
    belowName)));
}

function activeItem(dialog) {
  const last = [...(state.timelines.get(dialog.id) ?? [])].reverse().find(isMessage);
  return dialogItem(dialog, 'active-item',
    state.unread.has(dialog.id) ? unreadBadge(dialog.id) : null,
    last ? h('span', { class: 'preview', text: last.text ?? '' }) : null);
}

function renderHistory() {
  keepingFocus(() => dom.historyList.replaceChildren(...state.history.map(historyItem)));
  dom.historyEmpty.hidden = state.history.length > 0;
}

function historyItem(dialog) {
  return dialogItem(dialog, 'history-item',
    timeElement(dialog.endedAt ?? dialog.createdAt, 'datetime'), ratingStars(dialog.rating));
}

function ratingStars(rating) {
  if (rating == null) return h('span', { class: 'muted small', testid: 'rating-stars', text: t('console.notRated') });
  return h('span', { class: 'stars-static', testid: 'rating-stars', role: 'img', 'aria-label': t('console.rated', { score: rating }), text: stars(rating) });
}

/** Live "waiting 1:23" timers and offer countdowns. */
function tick() {
  const now = Date.now();
  for (const el of document.querySelectorAll('[data-since]')) {
    const since = Date.parse(el.dataset.since);
    el.textContent = Number.isNaN(since) ? '' : t('console.waitingFor', { time: formatDuration((now - since) / 1000) });
  }
  for (const el of document.querySelectorAll('[data-expires]')) {
    const left = (Date.parse(el.dataset.expires) - now) / 1000;
    // An expired offer moves to a colleague; the next staffQueue frame shows where it went.
    if (left <= 0) el.closest('.item-actions').hidden = true;
    else el.textContent = t('console.offerExpires', { time: formatDuration(left) });
  }
}

function updateTitle() {
  const count = state.queue.waiting.length + state.queue.messages.length + unread.total();
  const base = t('console.documentTitle', { merchant: me.merchantName });
  document.title = count > 0 ? `(${count}) ${base}` : base;
}

// ---------------------------------------------------------------- actions

async function accept(entry, button) {
  setBusy(button, true, t('console.accepting'));
  try {
    const dialog = await api(`/dialogs/${encodeURIComponent(entry.dialogId)}/accept`, { method: 'POST' });
    const accepted = remember(dialog?.id ? dialog : { id: entry.dialogId, status: 'ACTIVE', host: entry.host });
    state.queue.waiting = state.queue.waiting.filter((e) => e.dialogId !== entry.dialogId);
    state.queue.messages = state.queue.messages.filter((e) => e.dialogId !== entry.dialogId);
    if (!state.active.some((d) => d.id === accepted.id)) state.active.unshift(accepted);
    renderQueue();
    follow(accepted.id);
    await select(accepted.id, { focusInput: true });
    scheduleRefresh();
  } catch (err) {
    setBusy(button, false);
    showFailure(err);
  }
}

/** The Contacts area takes the pane, as a dialog does. */
function showContacts() {
  state.selectedId = null;
  state.chat?.dispose();
  state.chat = null;
  renderActive();
  renderHistory();
  dom.pane.replaceChildren(contacts.element);
  contacts.load();
}

function renderContactsBadge(count) {
  const badge = byTestId('contacts-badge');
  if (!badge) return;
  badge.textContent = String(count);
  badge.hidden = count === 0;
}

async function select(dialogId, { focusInput = false } = {}) {
  state.selectedId = dialogId;
  state.unread.delete(dialogId);
  unread.read(dialogId);
  updateTitle();
  renderActive();
  renderHistory();
  const dialog = state.dialogs.get(dialogId);
  if (dialog?.status === 'ENDED') await showEnded(dialogId);
  else showLive(dialog, focusInput);
}

function showLive(dialog, focusInput) {
  follow(dialog.id);
  showChat(chatView(dialog, { events: state.timelines.get(dialog.id) ?? [] }));
  if (focusInput) state.chat.focusInput();
}

async function showEnded(dialogId) {
  state.chat?.dispose();
  state.chat = null;
  dom.pane.replaceChildren(h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('common.loading')));
  try {
    const [detail, log] = await Promise.all([
      loadTranscript(api, `/dialogs/${encodeURIComponent(dialogId)}`),
      api(`/dialogs/${encodeURIComponent(dialogId)}/log`).catch(() => []),
    ]);
    if (state.selectedId !== dialogId) return;
    const { dialog, events } = transcriptOf(detail);
    if (detail?.you) state.you.set(dialogId, detail.you);
    showChat(chatView(remember({ id: dialogId, ...dialog }), { events, routingLog: asList(log) }));
  } catch (err) {
    if (state.selectedId !== dialogId) return;
    dom.pane.replaceChildren(h('div', { class: 'pane-empty' },
      h('p', { class: 'error', role: 'alert', text: errorText(err) }),
      h('button', { type: 'button', class: 'button', text: t('common.retry'), onclick: () => showEnded(dialogId) })));
  }
}

/** Who the customer is: the name they gave, contact details (admins only) and the page the button was on. */
async function showCustomer(dialogId, line) {
  try {
    const c = await api(`/dialogs/${encodeURIComponent(dialogId)}/customer`);
    const parts = [
      c.name ? h('span', { testid: 'customer-name', text: c.name }) : null,
      c.email ? h('a', { href: `mailto:${c.email}`, testid: 'customer-email', text: c.email }) : null,
      c.phone ? h('span', { testid: 'customer-phone', text: c.phone }) : null,
      c.contactWithheld ? h('span', { class: 'muted', text: t('console.contactWithheld') }) : null,
      c.leftMessage ? h('span', { class: 'muted', testid: 'customer-answer-reach',
        text: t(c.answerByEmail ? 'console.answerByEmail' : 'console.answerOnReturn') }) : null,
      c.pageUrl ? h('span', {}, `${t('console.fromPage')} `,
        h('a', { href: c.pageUrl, target: '_blank', rel: 'noopener noreferrer', testid: 'customer-page', text: c.pageUrl })) : null,
    ].filter(Boolean);
    line.replaceChildren(...parts.flatMap((part, i) => (i ? [' · ', part] : [part])));
  } catch {
    line.replaceChildren(); // the heading still names the customer by screen name
  }
}

function showChat(chat) {
  if (state.chat !== chat) state.chat?.dispose();
  state.chat = chat;
  dom.pane.replaceChildren(chat.root);
  chat.scrollToEnd();
  chat.start?.();
}

async function endDialog(dialogId, onError) {
  try {
    const dialog = await api(`/dialogs/${encodeURIComponent(dialogId)}/end`, { method: 'POST' });
    moveToHistory(remember(dialog?.id ? dialog : { id: dialogId, status: 'ENDED' }));
    if (state.selectedId === dialogId) await select(dialogId);
    scheduleRefresh();
  } catch (err) {
    onError(errorText(err));
  }
}

// ---------------------------------------------------------------- chat pane

/** The chat of one dialog: live (with composer and, for video, the stage) or, once ended, the transcript with rating and routing log. */
function chatView(initial, { events, routingLog = null }) {
  let dialog = initial;
  const dialogId = dialog.id;
  const ended = dialog.status === 'ENDED';
  const you = () => state.you.get(dialogId) ?? null;

  const participants = new ParticipantList({ testid: 'participants', className: 'participants' });
  const head = chatHead(dialogId, ended, { onMode: (mode, button) => setMode(mode, button), onError: (message) => composer?.showError(message) });
  const log = h('ol', { class: 'chat-log', testid: 'chat-log', 'aria-live': 'polite', 'aria-labelledby': 'chat-title' },
    events.map((event) => eventElement(event, isStaff)));
  groupMessages(log);
  const typing = createTypingLine();
  const composer = ended ? null : createComposer({
    onSend: (text) => socket.say(dialogId, text),
    onTyping: () => socket.typing(dialogId),
  });
  const media = ended ? null : createChatMedia({
    dialogId, socket, local: state.local, participants,
    status: () => dialog.status,
    // Before `you` arrives, the expert named on the dialog is the one who publishes.
    isLive: () => isLiveVideo(dialog) && (can(you(), 'PUBLISH_VIDEO') || (you() == null && dialog.expert?.name === me.name)),
    // The server handles a connection's frames in order: a `stream` sent after this connection's `subscribe`
    // finds the subscription, so an accepted dialog's stream is entered without waiting for the replay.
    isSubscribed: () => state.subscribed.has(dialogId) || (socket.state === 'live' && socket.isSubscribed(dialogId)),
    onChange: () => renderMedia(),
  });
  // The expert's product picker and the Host's cart, while the dialog is live.
  const products = ended ? null : createProductsPanel({ dialogId, socket, log, timeline: () => state.timelines.get(dialogId) ?? events });
  const report = ended ? null : reportProblem({
    send: (body) => api(`/dialogs/${encodeURIComponent(dialogId)}/reports`, { method: 'POST', body }),
    context: () => ({ socket, mesh: media.session()?.mesh, mode: dialog.mode, status: dialog.status }),
  });
  const appointments = ended ? null : createProposePanel({ dialogId });
  const root = h('section', { class: ended ? 'chat chat--ended' : 'chat', 'aria-labelledby': 'chat-title', 'data-dialog-id': dialogId },
    h('header', { class: 'chat-head' }, participants.element, ...head.elements),
    ended ? null : head.confirm,
    h('div', { class: 'chat-body' },
      h('div', { class: 'chat-main' }, log, typing.element, products?.element, appointments?.element, composer?.element,
        report ? h('div', { class: 'chat-foot' }, products?.toggle, report) : null),
      ended ? endedSummary(dialog, routingLog) : media.stage.element));

  function renderMedia() {
    const session = media?.session();
    participants.render(participantsOf(dialog), {
      selfId: you()?.participantId,
      micOf: (id) => session?.micOf(id) ?? false,
      speakingOf: (id) => session?.speaking.isSpeaking(id) ?? false,
    });
    media?.stage.render();
  }

  async function setMode(mode, button) {
    button.disabled = true;
    try {
      const changed = await api(`/dialogs/${encodeURIComponent(dialogId)}/mode`, { method: 'POST', body: { mode } });
      if (changed?.id) update(remember(changed));
    } catch (err) {
      composer?.showError(errorText(err));
    } finally {
      button.disabled = false;
    }
  }

  function renderHead() {
    head.render(dialog, you());
    if (report) report.hidden = you() != null && !can(you(), 'REPORT_PROBLEM');
    if (products) products.toggle.hidden = !(you() == null ? dialog.status === 'ACTIVE' : can(you(), 'SHOW_PRODUCT'));
    renderMedia();
  }

  function update(next) {
    const previous = dialog;
    dialog = { ...dialog, ...next };
    // Ending or rating changes the summary and the routing log: show the dialog afresh from the server.
    const ends = !ended && dialog.status === 'ENDED';
    const rated = ended && dialog.rating !== previous.rating;
    if ((ends || rated) && state.selectedId === dialogId) {
      media?.stop();
      select(dialogId);
      return;
    }
    renderHead();
    media?.sync();
  }

  renderHead();
  return {
    root,
    dialogId,
    update,
    start: () => {
      media?.sync();
      if (state.subscribed.has(dialogId)) products?.load();
    },
    live: () => media?.session() != null,
    onSubscribed() {
      products?.load();
      const hadSession = media?.session() != null;
      update(state.dialogs.get(dialogId) ?? dialog);
      if (hadSession) media.maybeJoin();
    },
    dispose: () => {
      products?.stop();
      media?.stop({ leaveStream: true });
    },
    reloadAppointments: () => appointments?.reload(),
    append: (event) => {
      appendToLog(log, eventElement(event, isStaff), { force: isStaff(event.author) });
      products?.onEvent(event);
      if (isMessage(event)) typing.clear();
    },
    scrollToEnd: () => { log.scrollTop = log.scrollHeight; },
    reset: () => log.replaceChildren(),
    focusInput: () => composer?.input.focus(),
    showTyping: (frame) => typing.show(frame.name),
    showError: (message, code) => (composer ? composer.showError(message, { restore: SAY_REFUSALS.has(code) }) : showNotice(message)),
  };
}

/** The chat's title, status line, customer details and (while live) the mode toggle and the end button with its confirmation. */
function chatHead(dialogId, ended, { onMode, onError }) {
  const title = h('h2', { id: 'chat-title', class: 'chat-title', testid: 'chat-title' });
  const meta = h('p', { class: 'chat-meta' });
  const customer = h('p', { class: 'chat-meta chat-customer', testid: 'customer-details' });
  showCustomer(dialogId, customer);
  const modeToggle = toggleButton({
    testid: 'mode-toggle', label: t('conversation.textOnly'), iconPath: MEDIA_ICONS.text, className: 'button button--small toggle',
    onToggle: (textOnly, button) => onMode(textOnly ? 'TEXT' : 'VIDEO', button),
  });
  const endButton = h('button', { type: 'button', class: 'button button--danger-quiet', testid: 'end-dialog', text: t('console.end') });
  const confirm = confirmBar(t('console.confirmEnd'), () => endDialog(dialogId, onError), endButton);
  const inviteButton = h('button', { type: 'button', class: 'button button--small', testid: 'invite-to-contacts',
    text: t('contacts.inviteToContacts'), onclick: () => {
      if (socket.send({ type: 'inviteToContacts', dialogId })) showNotice(t('contacts.invited'));
      else onError(t('error.network'));
    } });
  return {
    elements: [h('div', { class: 'chat-heading' }, title, meta, customer),
      ended ? null : h('div', { class: 'head-actions' }, inviteButton, modeToggle.element, endButton)],
    confirm: confirm.element,
    render(dialog, you) {
      title.textContent = dialog.host?.name ?? '';
      meta.replaceChildren(statusBadge(dialog.status), ' ', t('console.started'), ' ', timeElement(dialog.createdAt, 'datetime') ?? '');
      modeToggle.element.hidden = dialog.status !== 'ACTIVE' || !can(you, 'SET_MODE');
      inviteButton.hidden = dialog.status !== 'ACTIVE' || !can(you, 'INVITE_TO_CONTACTS');
      modeToggle.set(dialog.mode === 'TEXT');
    },
  };
}

function participantsOf(dialog) {
  return dialog.participants?.length ? dialog.participants : [dialog.host, dialog.expert].filter(Boolean);
}

function endedSummary(dialog, routingLog) {
  return h('aside', { class: 'summary', 'aria-label': t('console.summary') },
    h('h3', { text: t('console.rating') }),
    h('p', { testid: 'dialog-rating' }, ratingStars(dialog.rating), dialog.rating != null ? ` ${t('console.ratedShort', { score: dialog.rating })}` : ''),
    dialog.ratingComment ? h('blockquote', { class: 'comment', testid: 'dialog-rating-comment', text: dialog.ratingComment }) : null,
    h('h3', { text: t('console.routingLog') }),
    routingLog?.length
      ? h('ol', { class: 'routing-log', testid: 'routing-log' }, routingLog.map(routingLogItem))
      : h('p', { class: 'muted', testid: 'routing-log', text: t('console.noLog') }));
}

// ---------------------------------------------------------------- helpers

function remember(dialog) {
  return store.remember(dialog);
}

function isMessage(event) {
  return event.kind === 'MESSAGE' || event.kind === 'MESSAGE_LEFT';
}

/** Staff messages sit on the right of the console's chat. */
function isStaff(author) {
  return author?.role === 'EXPERT' || author?.role === 'ADMIN';
}

/** Re-rendering a list must not throw keyboard users out of it: focus returns to the same button. */
function keepingFocus(render) {
  const active = document.activeElement;
  const dialogId = active?.closest?.('[data-dialog-id]')?.dataset.dialogId;
  const testid = active?.dataset?.testid;
  render();
  if (!dialogId || document.activeElement !== document.body) return;
  const item = document.querySelector(`[data-dialog-id="${CSS.escape(dialogId)}"]`);
  const target = item?.dataset.testid === testid ? item : item?.querySelector(`[data-testid="${CSS.escape(testid ?? '')}"]`);
  target?.focus();
}

let noticeTimer = null;
function showNotice(message) {
  if (state.sessionEnded) return;
  dom.notice.textContent = message;
  dom.notice.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { dom.notice.hidden = true; }, NOTICE_SHOW_MS);
}

/** Failed calls: an expired login gets its own lasting notice, anything else a short one. */
function showFailure(err) {
  if (err?.status === 401) sessionEnded();
  else showNotice(errorText(err));
}

/** The login session is gone (logged out elsewhere, server restarted): nothing works until signing in again. */
function sessionEnded() {
  if (state.sessionEnded) return;
  state.sessionEnded = true;
  socket.close();
  clearTimeout(noticeTimer);
  dom.notice.replaceChildren(t('console.sessionEnded'), ' ',
    h('a', { href: `/login`, class: 'toast-link', testid: 'login-again', text: t('console.signInAgain') }));
  dom.notice.hidden = false;
}

function byTestId(id) {
  return document.querySelector(`[data-testid="${id}"]`);
}
