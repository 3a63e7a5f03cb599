// The shopper widget: runs inside the iframe that embed.js opens (or standalone at /widget/{merchant}).
import { contactCard } from './contact-card.js';
import { t, describeEvent } from '../shared/i18n.js';
import { avatarElement } from '../shared/avatar.js';
import { connectSocket } from '../shared/socket.js';
import { loadTranscript } from '../shared/transcript.js';
import {
  h, icon, ICONS, timeElement, stars, setBusy, safeUrl, asList, requestJson, errorText,
  showFormErrors, clearFormErrors, createComposer, MAX_MESSAGE,
  transcriptOf, statusBadge, SAY_REFUSALS, refusalText,
} from '../shared/ui.js';
import { reportProblem, can, MEDIA_ICONS, MEDIA_ERRORS } from '../shared/live.js';
import { recordError } from '../shared/diagnostics.js';
import { createDialogStore } from '../shared/store.js';
import { watchHost, unreadCounter, askForRoom, soundSetting } from './host.js';
import { createInvitePanel } from './invite.js';
import { createStatus } from './status.js';
import { createConversationHead } from './conversation/head.js';
import { createConversationLog } from './conversation/log.js';
import { createConversationMedia } from './conversation/live.js';
import { createWidgetProducts } from './products.js';
import { createAppointmentPanel } from './appointment.js';
import { createRoomWaiting } from './room.js';
import { createAppointmentLinkView } from './appointment-link.js';

const OPEN_STATUSES = new Set(['WAITING', 'ACTIVE']);
const PERSONAL_FIELDS = {
  name: { testid: 'pd-name', type: 'text', autocomplete: 'name', label: 'form.name', maxlength: '120' },
  email: { testid: 'pd-email', type: 'email', autocomplete: 'email', label: 'form.email', maxlength: '254' },
  phone: { testid: 'pd-phone', type: 'tel', autocomplete: 'tel', label: 'form.phone', maxlength: '20' },
};
const FIELD_TESTIDS = { screenName: 'screen-name', name: 'pd-name', email: 'pd-email', phone: 'pd-phone', consent: 'consent', message: 'leave-message' };
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
// What the creator of a dialog may do, used until the server's `you` arrives (and by servers without it).
const HOST_PERMISSIONS = ['VIEW', 'CHAT', 'SPEAK', 'SEE_PARTICIPANTS', 'READ_PRIVACY_POLICY', 'REPORT_PROBLEM', 'INVITE', 'END',
  'RATE', 'SET_MODE', 'REOPEN_WIDGET'];
const DEFAULT_MAX_CUSTOMERS = 5;

const page = readPage();
const tokenStore = createTokenStore(`vitrine.token.${page.merchant}`);
// Dialogs, timelines, my place in each (`you`), queue positions and subscriptions live in the shared store.
const store = createDialogStore();
const state = {
  config: null,
  roomWaiting: null, // a room link's countdown, while one shows
  token: tokenStore.get(),
  profile: null,
  socket: null,
  dialogs: store.state.dialogs,
  timelines: store.state.timelines,
  queue: store.state.queue,
  you: store.state.you, // dialogId → the caller's place in it: participantId, role, present, permissions
  created: new Set(), // dialogs this browser started: their creator is the Host
  invites: new Map(), // dialogId → the invite link shown last {url, expiresAt}
  subscribed: store.state.subscribed, // dialogs whose `subscribed` frame came on the current connection
  conversation: null,
};
store.subscribe((_, change) => {
  if (change.type === 'event') onEvent(change.event);
  else if (change.type === 'subscribed') onSubscribed(change);
  else if (change.type === 'reset' && state.conversation?.dialogId === change.dialogId) state.conversation.reset();
  else if (change.type === 'dialog' || change.type === 'queue') refreshConversation(change.dialogId);
});
const ui = buildChrome();
const unread = unreadCounter(() => t('widget.documentTitle', { merchant: ui.title.textContent }));
const host = watchHost({
  onShow: () => {
    unread.clear();
    state.conversation?.scrollToEnd();
  },
  // A closed widget must not listen: the microphone goes off with it.
  onHide: ({ closed }) => { if (closed) state.conversation?.onClosed(); },
});

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !e.defaultPrevented) closeWidget();
});
boot().finally(() => { document.body.dataset.ready = 'true'; });

// ---------------------------------------------------------------- start-up

function readPage() {
  const data = { ...document.body.dataset, ...document.querySelector('main')?.dataset };
  const query = new URLSearchParams(location.search);
  return {
    merchant: data.merchant ?? location.pathname.split('/').filter(Boolean).pop(),
    merchantName: data.merchantName ?? '',
    expert: query.get('expert') || null,
    store: query.get('store') || null,
    pageUrl: query.get('page') || null,
    invite: data.invite || null,
    room: data.room || null,
    // The conversation an answer email links to; this browser may or may not hold it.
    dialog: query.get('dialog') || null,
    // An appointment link from an email or notice: it opens the appointment's room as its holder.
    appointment: query.get('appointment') || null,
  };
}

async function boot() {
  showLoading();
  try {
    state.config = await api(`/${encodeURIComponent(page.merchant)}/config`);
  } catch (err) {
    showFailure(err, boot);
    return;
  }
  applyConfig(state.config);
  if (page.invite) {
    await showJoin();
    return;
  }
  if (page.room) {
    await showRoom();
    return;
  }
  if (page.appointment) {
    await showAppointmentLink();
    return;
  }
  if (state.token) {
    try {
      await resumeShopper();
      return;
    } catch (err) {
      if (![401, 403, 404].includes(err.status)) {
        showFailure(err, boot);
        return;
      }
      forgetShopper();
    }
  }
  showStart();
}

/** A returning shopper goes straight into an open dialog, else sees their dialog list. */
async function resumeShopper() {
  const [profile, dialogs] = await Promise.all([api('/me'), api('/me/dialogs')]);
  state.profile = profile;
  const list = rememberDialogs(dialogs);
  ui.listButton.hidden = false;
  const linked = list.find((d) => d.id === page.dialog);
  if (linked) page.dialog = null;
  const open = linked ?? list.find((d) => OPEN_STATUSES.has(d.status));
  if (open) openConversation(open);
  else if (list.length > 0) renderList(list);
  else showStart();
}

/** An appointment link: it signs its holder in (Host or Guest) and opens the room, then all goes on as usual. */
function showAppointmentLink() {
  showLoading();
  const view = createAppointmentLinkView({
    path: `/${encodeURIComponent(page.merchant)}/appointment-links/${encodeURIComponent(page.appointment)}`,
    api,
    show: (node) => show(node, { focus: true }),
    onJoined: async (joined) => {
      view.stop();
      forgetShopper(); // whoever this browser held before, it is the link's holder now
      state.token = joined.token;
      tokenStore.set(joined.token);
      page.appointment = null;
      page.dialog = joined.dialogId;
      try {
        await resumeShopper();
      } catch (err) {
        showFailure(err, boot);
      }
    },
  });
  return view.start();
}

function forgetShopper() {
  tokenStore.clear();
  state.token = null;
  state.profile = null;
  state.socket?.close();
  state.socket = null;
  state.dialogs.clear();
  state.timelines.clear();
  ui.listButton.hidden = true;
}

function applyConfig(config) {
  ui.title.textContent = config.merchant?.name || page.merchantName;
  document.title = t('widget.documentTitle', { merchant: ui.title.textContent });
  const color = config.button?.color;
  if (HEX_COLOR.test(color ?? '')) {
    document.documentElement.style.setProperty('--brand', color);
    document.documentElement.style.setProperty('--on-brand', readableTextOn(color));
  }
  const privacyUrl = safeUrl(config.privacyPolicyUrl);
  ui.footer.replaceChildren();
  if (privacyUrl) {
    ui.footer.append(h('a', { href: privacyUrl, target: '_blank', rel: 'noopener', testid: 'privacy-link', text: t('widget.privacyPolicy') }));
  }
  ui.footer.hidden = !privacyUrl;
}

// ---------------------------------------------------------------- chrome and generic views

function buildChrome() {
  const app = document.getElementById('app') ?? document.body;
  const title = h('h1', { class: 'bar-title', testid: 'merchant-name', text: page.merchantName });
  const connection = h('span', { class: 'pill', role: 'status', testid: 'connection-status', hidden: true });
  const listButton = h('button', {
    type: 'button', class: 'bar-link', testid: 'my-conversations', hidden: true,
    text: t('widget.myConversations'), onclick: () => showList(),
  });
  const invite = h('button', {
    type: 'button', class: 'icon-button', testid: 'invite-button', hidden: true, 'aria-expanded': 'false',
    'aria-label': t('invite.open'), title: t('invite.open'), onclick: () => state.conversation?.toggleInvite(),
  }, icon(MEDIA_ICONS.person));
  const close = h('button', {
    type: 'button', class: 'icon-button', testid: 'close-widget',
    'aria-label': t('widget.close'), title: t('widget.close'), onclick: closeWidget,
    // An invite link opens the widget as a page of its own, where there is nothing to close.
    hidden: Boolean(page.invite || page.room) && window.parent === window,
  }, icon(ICONS.close));
  const view = h('main', { class: 'view', id: 'view', tabindex: '-1' });
  const footer = h('footer', { class: 'foot', hidden: true });
  app.replaceChildren(h('header', { class: 'bar' }, title, connection, listButton, invite, close), view, footer);
  app.removeAttribute('aria-busy');
  return { title, connection, listButton, invite, view, footer };
}

/** Asks the embedding page to hide the overlay; the dialog goes on in the background. */
function closeWidget() {
  if (window.parent !== window) window.parent.postMessage({ type: 'vitrine:close' }, '*');
}

function show(node, { fill = false, focus = false } = {}) {
  if (state.conversation && !node.contains(state.conversation.root)) {
    state.conversation.dispose();
    state.conversation = null;
    ui.invite.hidden = true;
  }
  ui.view.classList.toggle('view--fill', fill);
  ui.view.replaceChildren(node);
  // The privacy link is shown once: in the consent text when there is one, else in the footer.
  ui.footer.hidden = !ui.footer.hasChildNodes() || Boolean(node.querySelector('[data-testid="consent-privacy-link"]'));
  ui.view.scrollTop = 0;
  if (focus) (node.querySelector('[data-autofocus]') ?? ui.view).focus();
}

function showLoading(text = t('common.loading')) {
  show(h('div', { class: 'loading', role: 'status', testid: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text));
}

function showFailure(err, retry) {
  show(h('div', { class: 'panel stack' },
    h('p', { class: 'error', role: 'alert', text: errorText(err) }),
    h('button', { type: 'button', class: 'button', 'data-autofocus': true, text: t('common.retry'), onclick: retry })), { focus: true });
}

function renderConnection(status) {
  const labels = { connecting: t('connection.connecting'), reconnecting: t('connection.reconnecting') };
  ui.connection.textContent = labels[status] ?? '';
  ui.connection.hidden = !labels[status];
}

// ---------------------------------------------------------------- start form (and leave-a-message)

async function startNewConversation() {
  showLoading();
  try {
    state.config = await api(`/${encodeURIComponent(page.merchant)}/config`);
  } catch {
    // Keep the last known config; the request itself will tell if nobody is online.
  }
  showStart({ focus: true });
}

function showStart({ focus = false, error = null } = {}) {
  const config = state.config;
  const offline = config.expertsOnline === false;
  const collect = config.personalData?.collect === true;
  const fields = collect ? (config.personalData.fields ?? []).filter((f) => PERSONAL_FIELDS[f]) : [];
  const profile = profileValues(state.profile);
  const merchant = ui.title.textContent;

  const formError = h('div', { class: 'form-error', role: 'alert', testid: 'form-error', hidden: true });
  const submit = h('button', {
    type: 'submit', class: 'button button--primary',
    testid: offline ? 'send-left-message' : 'start-dialog',
    text: offline ? t('start.sendMessage') : t('start.startDialog'),
  });
  const form = h('form', { class: 'stack', testid: 'start-form' },
    offline ? noExpertNotice() : h('p', { class: 'lead', text: t('start.intro', { merchant }) }),
    // What is needed before the first word comes first: the question (when leaving one), then the screen name.
    offline ? field('message', t('start.messageLabel'), h('textarea', {
      required: true, rows: '4', maxlength: String(MAX_MESSAGE), 'data-autofocus': true,
    })) : null,
    field('screenName', t('form.screenName'), h('input', {
      type: 'text', required: true, autocomplete: 'nickname', maxlength: '40',
      value: profile.screenName, 'data-autofocus': !offline,
    }), t('form.screenNameHint')),
    fields.map((name) => {
      const spec = PERSONAL_FIELDS[name];
      return field(name, t(spec.label), h('input', {
        type: spec.type, autocomplete: spec.autocomplete, maxlength: spec.maxlength, value: profile[name],
      }));
    }),
    // Personal data is only stored with consent, so a shopper who has some already agreed once.
    collect ? consentField(Boolean(profile.name || profile.email || profile.phone)) : null,
    offline ? null : textOnlyField(),
    formError,
    submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitStart(form, { fields, collect, offline, submit, formError });
  });
  prefillScreenName(form);
  show(h('section', { class: 'panel', 'aria-labelledby': 'start-title' },
    h('h2', { id: 'start-title', class: 'view-title', text: offline ? t('start.titleOffline') : t('start.title') }),
    linkedElsewhereNotice(),
    form), { focus });
  if (error) showFormErrors(form, formError, error);
}

/** The screen name follows the first word of the full name until the shopper edits it. */
function prefillScreenName(form) {
  const screenName = form.elements.namedItem('screenName');
  const fullName = form.elements.namedItem('name');
  if (!screenName || !fullName) return;
  let touched = screenName.value !== '';
  screenName.addEventListener('input', () => { touched = true; });
  fullName.addEventListener('input', () => {
    if (!touched) screenName.value = fullName.value.trim().split(/\s+/)[0] ?? '';
  });
}

function textOnlyField() {
  return h('div', { class: 'field field--check' },
    h('input', { type: 'checkbox', id: 'f-textOnly', name: 'textOnly', testid: 'start-text-only' }),
    h('label', { for: 'f-textOnly', text: t('start.textOnly') }));
}

/** The emailed link names a conversation this browser does not hold (shown once): it lives where it was started. */
function linkedElsewhereNotice() {
  if (!page.dialog) return null;
  page.dialog = null;
  return h('div', { class: 'notice-box', testid: 'linked-elsewhere', role: 'status' },
    h('p', { text: t('start.linkedElsewhere') }));
}

function noExpertNotice() {
  return h('div', { class: 'notice-box', testid: 'no-expert', role: 'status' },
    h('strong', { text: t('start.noExpertTitle') }),
    h('p', { text: t('start.noExpertText') }));
}

function field(name, label, control, hint = null) {
  const id = `f-${name}`;
  control.id = id;
  control.name = name;
  control.dataset.testid = FIELD_TESTIDS[name];
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint`, text: hint }) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control, hintEl,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

function consentField(checked) {
  const box = h('input', { type: 'checkbox', id: 'f-consent', name: 'consent', required: true, testid: 'consent', checked });
  const privacyUrl = safeUrl(state.config.privacyPolicyUrl);
  const label = h('label', { for: 'f-consent' }, t('form.consent', { merchant: ui.title.textContent }));
  return h('div', { class: 'field field--check' }, box,
    h('div', {}, label, privacyUrl ? h('p', {}, h('a', {
      href: privacyUrl, target: '_blank', rel: 'noopener', testid: 'consent-privacy-link', text: t('widget.privacyPolicy'),
    })) : null, h('p', { class: 'field-error', id: 'f-consent-error', hidden: true })));
}

async function submitStart(form, { fields, collect, offline, submit, formError }) {
  const values = {
    screenName: form.elements.screenName.value.trim(),
    ...Object.fromEntries(fields.map((name) => [name, form.elements[name].value.trim()])),
    consent: collect ? form.elements.consent.checked : false,
  };
  const message = offline ? form.elements.message.value.trim() : null;
  const textOnly = !offline && form.elements.namedItem('textOnly')?.checked === true;
  clearFormErrors(form, formError);
  setBusy(submit, true, offline ? t('start.sending') : t('start.starting'));
  try {
    await saveShopper(values);
    const dialog = await api('/me/dialogs', { method: 'POST', body: dialogRequest(message, textOnly) });
    state.created.add(dialog.id);
    ui.listButton.hidden = false;
    openConversation(dialog, { focus: true });
  } catch (err) {
    setBusy(submit, false);
    if (err.code === 'no_expert_online' && !offline) {
      // Everyone went offline since the config was loaded: offer to leave a message instead.
      state.config = { ...state.config, expertsOnline: false };
      showStart({ focus: true });
      return;
    }
    showFormErrors(form, formError, err);
  }
}

/** Creates the shopper on first use; afterwards saves the form when something in it changed. */
async function saveShopper(values) {
  // Empty optional fields are left out rather than sent as "" (which would not be a valid phone, say).
  const body = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
  if (!state.token) {
    const created = await api(`/${encodeURIComponent(page.merchant)}/shoppers`, { method: 'POST', body });
    state.token = created.token;
    tokenStore.set(created.token);
    state.profile = created.shopper;
    return;
  }
  const stored = profileValues(state.profile);
  const changed = Object.keys(values).some((key) => key !== 'consent' && stored[key] !== values[key]);
  if (changed) state.profile = await api('/me', { method: 'PATCH', body });
}

/** The start form's fields as the stored shopper has them (the API names the full name `fullName`). */
function profileValues(profile) {
  return {
    screenName: profile?.screenName ?? '',
    name: profile?.fullName ?? '',
    email: profile?.email ?? '',
    phone: profile?.phone ?? '',
  };
}

function dialogRequest(message, textOnly) {
  const body = {};
  if (textOnly) body.textOnly = true;
  if (page.expert) body.expert = page.expert;
  if (page.store) body.store = page.store;
  if (page.pageUrl) body.pageUrl = page.pageUrl;
  if (message) body.message = message;
  return body;
}

// ---------------------------------------------------------------- joining through an invite link

/** The page of an invite link: who invited, which expert, a screen name and Ready. */
async function showJoin() {
  showLoading();
  let invite;
  try {
    invite = await api(`/invites/${encodeURIComponent(page.invite)}`);
  } catch (err) {
    if (isInviteGone(err)) showInviteInvalid();
    else showFailure(err, showJoin);
    return;
  }
  if (state.token && !state.profile) {
    try {
      state.profile = await api('/me');
      ui.listButton.hidden = false;
    } catch (err) {
      if ([401, 403, 404].includes(err.status)) forgetShopper();
    }
  }
  renderJoin(invite);
}

function isInviteGone(err) {
  return err.status === 404 || err.code === 'invite_not_found' || err.code === 'ended';
}

function showInviteInvalid() {
  show(h('section', { class: 'panel stack', 'aria-labelledby': 'join-title' },
    h('h2', { id: 'join-title', class: 'view-title', text: t('join.title') }),
    h('p', { class: 'notice-box', role: 'alert', testid: 'invite-invalid', text: t('join.invalid') })), { focus: true });
}

function renderJoin(invite, { full = false, fullText = null } = {}) {
  const max = invite.maxCustomers ?? DEFAULT_MAX_CUSTOMERS;
  const isFull = full || (!invite.room && (invite.customers ?? 0) >= max);
  const merchant = invite.merchant?.name ?? ui.title.textContent;
  if (invite.merchant?.name) ui.title.textContent = invite.merchant.name;
  const formError = h('div', { class: 'form-error', role: 'alert', testid: 'form-error', hidden: true });
  const ready = h('button', { type: 'submit', class: 'button button--primary', testid: 'guest-ready', text: t('join.ready') });
  const form = h('form', { class: 'stack', testid: 'join-form' },
    field('screenName', t('form.screenName'), h('input', {
      type: 'text', required: true, autocomplete: 'nickname', maxlength: '40',
      value: profileValues(state.profile).screenName, 'data-autofocus': true,
    }), t('form.screenNameHint')),
    formError, ready);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    joinStream(invite, form, { ready, formError });
  });
  show(h('section', { class: 'panel stack join', 'aria-labelledby': 'join-title' },
    h('h2', { id: 'join-title', class: 'view-title', testid: invite.room ? 'room-title' : null, text: invite.room ?? t('join.title') }),
    h('p', { class: 'lead' }, h('strong', { testid: 'join-merchant', text: merchant })),
    invite.host ? h('p', { class: 'lead', text: t('join.invitedBy', { name: invite.host.name ?? '', merchant }) }) : null,
    h('div', { class: 'status-box', testid: 'join-expert' },
      invite.expert ? avatarElement(invite.expert, 40) : h('span', { class: 'avatar-placeholder', 'aria-hidden': 'true' }),
      h('div', {},
        h('p', { class: 'hint', text: t('join.expert') }),
        h('strong', { text: invite.expert?.name ?? t('join.noExpert') }))),
    invite.room ? null : h('p', { class: 'hint', text: t('join.count', { count: Math.min(invite.customers ?? 0, max), max }) }),
    isFull
      ? h('div', { class: 'stack' },
        h('p', { class: 'notice-box', role: 'alert', testid: 'stream-full', text: fullText || t('join.full') }),
        h('button', { type: 'button', class: 'button', 'data-autofocus': true, text: t('join.checkAgain'), onclick: page.room ? showRoom : showJoin }))
      : form), { focus: true });
}

async function joinStream(invite, form, { ready, formError }) {
  const screenName = form.elements.screenName.value.trim();
  clearFormErrors(form, formError);
  setBusy(ready, true, t('join.joining'));
  try {
    const path = page.room ? `/rooms/${encodeURIComponent(page.room)}/join` : `/invites/${encodeURIComponent(page.invite)}/join`;
    const joined = await api(path, { method: 'POST', body: { screenName } });
    if (joined.token) {
      state.token = joined.token;
      tokenStore.set(joined.token);
      state.socket?.close(); // a socket of another identity must not carry on
      state.socket = null;
    }
    state.profile = joined.shopper ?? state.profile;
    ui.listButton.hidden = false;
    openConversation(joined.dialog, { focus: true });
  } catch (err) {
    setBusy(ready, false);
    if (err.code === 'stream_full' || err.code === 'room_full') renderJoin(invite, { full: true, fullText: err.message });
    else if (page.room && (err.code === 'room_not_open' || err.code === 'room_ended')) showRoom();
    else if (isInviteGone(err)) showInviteInvalid();
    else showFormErrors(form, formError, err);
  }
}

// ---------------------------------------------------------------- a brand room's link

/** A room's link: when it opens (with a countdown), that it has ended, or a screen name and Ready while open. */
async function showRoom() {
  showLoading();
  let room;
  try {
    room = await api(`/rooms/${encodeURIComponent(page.room)}`);
  } catch (err) {
    if (err.status === 404) {
      show(h('section', { class: 'panel stack' },
        h('p', { class: 'notice-box', role: 'alert', testid: 'room-not-found', text: t('room.notFound') })), { focus: true });
    } else showFailure(err, showRoom);
    return;
  }
  ui.title.textContent = room.merchantName;
  if (room.state !== 'OPEN') {
    state.roomWaiting?.dispose();
    state.roomWaiting = createRoomWaiting(room, {
      icsUrl: `/api/v1/widget/rooms/${encodeURIComponent(page.room)}/invitation.ics`, onOpen: showRoom,
    });
    show(state.roomWaiting.root, { focus: true });
    return;
  }
  renderJoin({
    room: room.title, merchant: { name: room.merchantName }, expert: { name: room.expert },
    maxCustomers: room.capacity,
  });
}

// ---------------------------------------------------------------- dialog list

async function showList() {
  showLoading();
  try {
    renderList(rememberDialogs(await api('/me/dialogs')), { focus: true });
  } catch (err) {
    showFailure(err, showList);
  }
}

function renderList(dialogs, { focus = false } = {}) {
  const list = h('ul', { class: 'dialog-list', testid: 'dialog-list' }, dialogs.map(dialogItem));
  show(h('section', { class: 'panel stack', 'aria-labelledby': 'list-title' },
    h('div', { class: 'row row--between' },
      h('h2', { id: 'list-title', class: 'view-title', text: t('list.title') }),
      h('button', {
        type: 'button', class: 'button button--primary button--small', testid: 'new-conversation',
        'data-autofocus': true, text: t('list.new'), onclick: startNewConversation,
      })),
    dialogs.length === 0 ? h('p', { class: 'empty', testid: 'dialog-list-empty', text: t('list.empty') }) : null,
    list,
    h('p', { class: 'lead', text: t('list.forgetHint') }),
    h('button', { type: 'button', class: 'button button--small', testid: 'forget-browser', text: t('list.forget'), onclick: forgetBrowser }),
  ), { focus });
}

/** "Forget this browser": the server revokes the token, then the widget starts afresh. */
async function forgetBrowser() {
  try {
    await api('/me/token', { method: 'DELETE' });
  } catch (err) {
    if (![401, 403].includes(err.status)) {
      showFailure(err, showList);
      return;
    }
  }
  forgetShopper();
  showStart();
}

function dialogItem(dialog) {
  const who = dialog.expert;
  const preview = dialog.lastMessage?.text ?? dialog.lastMessage;
  return h('li', {}, h('button', {
    type: 'button', class: 'dialog-item', testid: 'dialog-item', 'data-status': dialog.status,
    onclick: () => openConversation(dialog, { focus: true }),
  },
  who ? avatarElement(who, 36) : h('span', { class: 'avatar-placeholder', 'aria-hidden': 'true' }),
  h('span', { class: 'dialog-item-body' },
    h('span', { class: 'row row--between' },
      h('strong', { text: who?.name ?? t('list.noExpert') }),
      statusBadge(dialog.status)),
    timeElement(dialog.createdAt, 'datetime'),
    typeof preview === 'string' && preview ? h('span', { class: 'preview', text: preview }) : null)));
}

// ---------------------------------------------------------------- conversation

function ensureSocket() {
  if (state.socket) return state.socket;
  const socket = connectSocket({ token: state.token });
  store.connect(socket);
  socket.onState(renderConnection);
  socket.on('typing', (frame) => state.conversation?.dialogId === frame.dialogId && state.conversation.showTyping(frame));
  socket.on('error', onSocketError);
  socket.on('contactInvite', onContactInvite);
  socket.on('appointment', (frame) => state.conversation?.dialogId === frame.dialogId && state.conversation.onAppointment(frame));
  state.socket = socket;
  return socket;
}

async function openConversation(dialog, { focus = false } = {}) {
  remember(dialog);
  const needsTranscript = dialog.status === 'ENDED' && !state.timelines.has(dialog.id);
  if (needsTranscript) {
    showLoading();
    try {
      const detail = await loadTranscript(api, `/me/dialogs/${encodeURIComponent(dialog.id)}`);
      const { dialog: full, events } = transcriptOf(detail);
      state.timelines.set(dialog.id, events);
      state.you.set(dialog.id, detail?.you ?? state.you.get(dialog.id) ?? legacyHost());
      remember({ ...dialog, ...full });
    } catch (err) {
      showFailure(err, () => openConversation(dialog, { focus }));
      return;
    }
  } else if (!state.timelines.has(dialog.id)) {
    state.timelines.set(dialog.id, []);
  }
  const conversation = renderConversation(state.dialogs.get(dialog.id));
  show(conversation.root, { fill: true, focus }); // closes the previous conversation's media first
  state.conversation = conversation;
  conversation.update(state.dialogs.get(dialog.id));
  conversation.scrollToEnd();
  if (dialog.status !== 'ENDED' && !state.socket?.isSubscribed(dialog.id)) ensureSocket().subscribe(dialog.id);
}

/** The expert invites the Host to their contacts: the card shows in the Host's open conversation only. */
function onContactInvite(frame) {
  const open = state.conversation?.dialogId === frame.dialogId ? state.conversation : null;
  if (!open || youOf(frame.dialogId)?.role !== 'HOST') return;
  open.root.querySelector('[data-testid="contact-card"]')?.remove();
  const card = contactCard(frame, (body) => api(`/me/contact-invites/${encodeURIComponent(frame.inviteId)}`,
    { method: 'POST', body }));
  open.root.insertBefore(card, open.root.querySelector('.conversation-body'));
}

/** The caller's place in a dialog; the creator is the Host even before the server said so. */
function youOf(dialogId) {
  if (state.you.has(dialogId)) return state.you.get(dialogId);
  return state.created.has(dialogId) ? legacyHost() : null;
}

/** Servers that do not send `you` only know the Host. */
function legacyHost() {
  return { participantId: null, role: 'HOST', present: true, permissions: HOST_PERMISSIONS };
}

function onEvent(event) {
  const open = state.conversation?.dialogId === event.dialogId ? state.conversation : null;
  open?.append(event);
  if (!host.isVisible() && isFromOthers(event, open)) unread.add();
}

function isFromOthers(event, conversation) {
  if (event.kind !== 'MESSAGE' || !event.author) return false;
  return conversation ? !conversation.isMine(event.author) : event.author.role === 'EXPERT';
}

function onSubscribed({ dialogId, before }) {
  if (!state.you.has(dialogId)) state.you.set(dialogId, legacyHost());
  if (state.conversation?.dialogId === dialogId) {
    state.conversation.onSubscribed({ newIdentity: before?.participantId !== state.you.get(dialogId)?.participantId });
  }
}

/** A dialog changed or its queue position moved: the conversation showing it redraws. */
function refreshConversation(dialogId) {
  if (state.conversation?.dialogId === dialogId) state.conversation.update(state.dialogs.get(dialogId));
}

function onDialog(dialog) {
  if (!dialog?.id) return;
  remember(dialog);
  refreshConversation(dialog.id);
}

function onSocketError(frame) {
  if (frame.code === 'unauthenticated') {
    // The stored token is no longer valid: start over as a new shopper.
    forgetShopper();
    showStart({ error: { message: frame.message } });
    return;
  }
  if (MEDIA_ERRORS.has(frame.code)) return; // expected: a peer left or the stream ended while we were signalling
  recordError(`${frame.code}: ${frame.message ?? ''}`);
  if (state.conversation && (!frame.dialogId || frame.dialogId === state.conversation.dialogId)) {
    state.conversation.showError(refusalText(frame), frame.code);
  }
}

/** Builds the live/waiting/ended view of one dialog; `update` re-renders it for a new DialogView. */
function renderConversation(initial) {
  let dialog = initial;
  const dialogId = dialog.id;
  const you = () => youOf(dialogId);
  const allowed = (permission) => can(you(), permission);
  const isMine = (author) => isMyAuthor(author, dialog);
  const timeline = () => state.timelines.get(dialogId) ?? [];
  const showError = (message) => composer.showError(message);

  const statusBox = createStatus();
  const head = createConversationHead({
    statusElements: statusBox.elements,
    onMode: (mode, button) => setDialogMode(dialogId, mode, button, showError),
    onLeave: (action, button) => leaveOrRejoin(action, button, { dialogId, dialog: () => dialog, media, head, showError }),
    onEnd: () => endDialog(dialogId, () => dialog, showError),
  });
  const guestEnd = guestEndedPanel();
  const invite = invitePanel(dialogId, () => toggleInvite(false));
  const media = createConversationMedia({
    dialogId, you, allowed,
    dialog: () => dialog,
    isOpen: () => OPEN_STATUSES.has(dialog.status),
    isSubscribed: () => state.subscribed.has(dialogId),
    socket: () => state.socket,
    ensureSocket,
    onLive: (live) => root.classList.toggle('conversation--live', live),
    onMicError: showError,
  });
  const log = createConversationLog({ timeline, isMine });
  // Product cards, votes and the Host's cart follow the live dialog; an ended one shows its cards as they were.
  const products = OPEN_STATUSES.has(dialog.status)
    ? createWidgetProducts({ dialogId, socket: ensureSocket(), log: log.element, you,
      placeOrder: (body) => api(`/me/dialogs/${encodeURIComponent(dialogId)}/checkout`, { method: 'POST', body }) }) : null;
  const composer = createComposer({
    onSend: (text) => ensureSocket().say(dialogId, text),
    onTyping: () => state.socket?.typing(dialogId),
  });
  const rating = ratingArea();
  const report = reportProblem({
    send: (body) => api(`/me/dialogs/${encodeURIComponent(dialogId)}/reports`, { method: 'POST', body }),
    context: () => ({ socket: state.socket, mesh: media.session()?.mesh, mode: dialog.mode, status: dialog.status }),
  });
  const sound = soundToggle();
  const appointments = createAppointmentPanel({ dialogId, api, token: () => state.token, allowed, socket: () => state.socket });
  const root = h('section', { class: 'conversation', 'aria-label': t('conversation.label'), 'data-dialog-id': dialogId },
    head.element, head.confirm, invite.element, guestEnd.element, appointments.element,
    // Narrow: video above the chat. Wide (a live stream on a desktop): video beside the chat.
    h('div', { class: 'conversation-body' }, media.stage,
      h('div', { class: 'chat-pane' }, media.strip.element, log.element, log.typingElement, products?.element, composer.element, rating.element),
      h('div', { class: 'conversation-foot' }, report, sound)));

  function update(next) {
    dialog = next;
    const me = you();
    const { status } = dialog;
    const open = OPEN_STATUSES.has(status);
    const present = me?.present !== false;
    statusBox.update(dialog, { open, present, queue: state.queue.get(dialogId) });
    head.update(dialog, { open, present, allowed });
    const canInvite = open && present && dialog.coop === true && allowed('INVITE');
    ui.invite.hidden = !canInvite;
    if (!canInvite) toggleInvite(false);
    composer.element.hidden = !open || !present || (me != null && !allowed('CHAT'));
    // Only a dialog an expert took part in asks for a rating; the server says so in `rateable`.
    const rateable = status === 'ENDED' && allowed('RATE') && dialog.rateable === true;
    if (rateable) rating.render(dialog);
    rating.element.hidden = !rateable;
    report.hidden = !allowed('REPORT_PROBLEM');
    sound.hidden = !open;
    guestEnd.update(dialog, me, timeline());
    media.strip.element.hidden = status !== 'ACTIVE' || !present || !allowed('SEE_PARTICIPANTS');
    media.sync();
    media.render();
    products?.render();
    appointments.update(dialog);
  }

  function toggleInvite(open = invite.element.hidden) {
    invite.element.hidden = !open;
    ui.invite.setAttribute('aria-expanded', String(open));
    if (open) invite.focus();
  }

  log.fill();
  if (state.subscribed.has(dialogId)) products?.load();
  return {
    root, dialogId, update,
    append(event) {
      log.append(event);
      // The dialog frame may come before its ENDED event: the Guest's notice then learns who ended it.
      if (event.kind === 'ENDED') guestEnd.update(dialog, you(), timeline());
    },
    scrollToEnd: () => log.scrollToEnd(),
    showTyping(frame) {
      if (frame.participantId && frame.participantId === you()?.participantId) return;
      log.showTyping(frame.name);
    },
    reset: () => log.fill(),
    toggleInvite: () => toggleInvite(),
    showError: (message, code) => composer.showError(message, { restore: SAY_REFUSALS.has(code) }),
    /** `you` arrived (again): the log is redrawn when it tells who "I" am, and the stream is entered again. */
    onSubscribed({ newIdentity }) {
      if (newIdentity) {
        log.fill();
        log.scrollToEnd();
      }
      const hadSession = media.session() != null;
      update(state.dialogs.get(dialogId));
      if (hadSession) media.session()?.join();
      products?.load();
    },
    isMine,
    onAppointment: (frame) => appointments.onFrame(frame),
    onClosed: () => { if (media.session()?.local.micWanted) media.setMic(false); },
    dispose: () => {
      products?.stop();
      media.stop({ leaveStream: true });
      askForRoom(false);
    },
  };
}

/** Whether `author` is me: by participant id once `you` told it, else as the Host of a dialog I created here. */
function isMyAuthor(author, dialog) {
  const me = youOf(dialog.id);
  if (me?.participantId && author?.participantId) return author.participantId === me.participantId;
  if (!state.created.has(dialog.id)) return false;
  return author?.participantId ? author.participantId === dialog.host?.participantId : author?.role === 'HOST';
}

async function setDialogMode(dialogId, mode, button, showError) {
  button.disabled = true;
  try {
    onDialog(await api(`/me/dialogs/${encodeURIComponent(dialogId)}/mode`, { method: 'POST', body: { mode } }));
  } catch (err) {
    showError(errorText(err));
  } finally {
    button.disabled = false;
  }
}

/** Leaves the live stream (the dialog goes on) or comes back to it. */
async function leaveOrRejoin(action, button, { dialogId, dialog, media, head, showError }) {
  setBusy(button, true);
  try {
    const changed = await api(`/me/dialogs/${encodeURIComponent(dialogId)}/${action}`, { method: 'POST' });
    state.you.set(dialogId, { ...youOf(dialogId), present: action === 'rejoin' });
    if (action === 'leave') media.stop();
    if (action === 'rejoin') {
      // A fresh subscription brings the server's view of my place back; the stream is entered after it.
      state.subscribed.delete(dialogId);
      state.socket?.resubscribe(dialogId);
    }
    onDialog(changed?.id ? changed : dialog());
    head.focusAfter(action);
  } catch (err) {
    showError(errorText(err));
  } finally {
    setBusy(button, false);
  }
}

async function endDialog(dialogId, dialog, showError) {
  try {
    const ended = await api(`/me/dialogs/${encodeURIComponent(dialogId)}/end`, { method: 'POST' });
    onDialog(ended?.id ? ended : { ...dialog(), status: 'ENDED' });
  } catch (err) {
    showError(errorText(err));
  }
}

/** The optional chime for messages that arrive while the widget is closed. */
function soundToggle() {
  const box = h('input', { type: 'checkbox', id: 'sound-toggle', testid: 'sound-toggle', checked: soundSetting.get() });
  box.addEventListener('change', () => soundSetting.set(box.checked));
  return h('div', { class: 'sound-setting' }, box, h('label', { for: 'sound-toggle', text: t('widget.soundOn') }));
}

// ---------------------------------------------------------------- invite links (the Host)

/** The Host's invite panel (widget/invite.js) for one dialog; the links live in `state.invites`. */
function invitePanel(dialogId, onClose) {
  const path = `/me/dialogs/${encodeURIComponent(dialogId)}/invite`;
  return createInvitePanel({
    max: state.dialogs.get(dialogId)?.maxCustomers ?? DEFAULT_MAX_CUSTOMERS,
    merchantName: () => ui.title.textContent,
    link: () => state.invites.get(dialogId),
    create: async () => state.invites.set(dialogId, await api(path, { method: 'POST' })),
    revoke: async () => {
      await api(path, { method: 'DELETE' });
      state.invites.delete(dialogId);
    },
    onClose: () => {
      onClose();
      ui.invite.focus();
    },
  });
}

// ---------------------------------------------------------------- the end, as a Guest sees it

/** For a Guest whose consultation ended: who ended it, and the way back to the merchant's shop. */
function guestEndedPanel() {
  const what = h('p', { class: 'guest-end-what', testid: 'guest-end-what' });
  const site = h('a', { class: 'button button--primary', testid: 'guest-end-site', rel: 'noopener', target: '_top' });
  const element = h('section', { class: 'guest-end notice-box', testid: 'guest-ended', role: 'status', hidden: true },
    h('strong', { text: t('guestEnd.title') }), what, site);
  return {
    element,
    update(dialog, me, timeline) {
      element.hidden = dialog.status !== 'ENDED' || me?.role !== 'GUEST';
      if (element.hidden) return;
      const ended = [...timeline].reverse().find((event) => event.kind === 'ENDED');
      what.textContent = `${ended ? describeEvent(ended) : t('event.ENDED_BY_SYSTEM')}. ${t('guestEnd.thanks', { name: dialog.host?.name ?? '' })}.`;
      const url = merchantSite();
      site.hidden = !url;
      if (url) site.href = url;
      site.textContent = t('guestEnd.visit', { merchant: ui.title.textContent });
    },
  };
}

/**
 * The merchant's own shop, as far as Vitrine knows it: the site its privacy policy lives on, or, for a policy
 * served by Vitrine itself (as in the demo shop), the page its first path segment names.
 */
function merchantSite() {
  const policy = safeUrl(state.config?.privacyPolicyUrl);
  if (!policy) return null;
  const url = new URL(policy);
  if (url.origin !== location.origin) return `${url.origin}/`;
  const first = url.pathname.split('/').filter(Boolean)[0];
  return first ? `${url.origin}/${first}` : null;
}

// ---------------------------------------------------------------- rating

/** The rating form until the Host rated, then the score (with thanks when it was given just now). */
function ratingArea() {
  const element = h('div', { class: 'rating-area' });
  let shownFor; // the rating value the area was last drawn for
  function render(dialog) {
    if (shownFor === dialog.rating) return;
    const justRated = shownFor === null && dialog.rating != null;
    shownFor = dialog.rating;
    element.replaceChildren(dialog.rating == null
      ? ratingForm(dialog, (score) => render({ ...dialog, rating: score }))
      : ratedSummary(dialog, justRated));
  }
  return { element, render };
}

function ratingForm(dialog, onRated) {
  let score = 0;
  const starButtons = [1, 2, 3, 4, 5].map((n) => h('button', {
    type: 'button', class: 'star', testid: `rating-star-${n}`, 'aria-pressed': 'false',
    'aria-label': t('rating.star', { count: n }), text: '★',
    onclick: () => choose(n),
  }));
  const comment = h('textarea', { id: 'rating-comment', testid: 'rating-comment', rows: '3', maxlength: '1000' });
  const submit = h('button', { type: 'submit', class: 'button button--primary', testid: 'rating-submit', disabled: true, text: t('rating.submit') });
  const error = h('p', { class: 'inline-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'stack rating', 'aria-labelledby': 'rating-title' },
    h('h2', { id: 'rating-title', class: 'view-title', text: t('rating.title') }),
    h('div', { class: 'stars', role: 'group', 'aria-label': t('rating.label') }, starButtons),
    h('div', { class: 'field' }, h('label', { for: 'rating-comment', text: t('rating.comment') }), comment),
    error, submit);

  function choose(n) {
    score = n;
    starButtons.forEach((star, i) => {
      star.setAttribute('aria-pressed', String(i + 1 === n));
      star.classList.toggle('star--on', i < n);
    });
    submit.disabled = false;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!score) return;
    setBusy(submit, true, t('rating.sending'));
    error.hidden = true;
    try {
      const body = { score };
      if (comment.value.trim()) body.comment = comment.value.trim();
      await api(`/me/dialogs/${encodeURIComponent(dialog.id)}/rating`, { method: 'POST', body });
      remember({ ...state.dialogs.get(dialog.id), rating: score, ratingComment: body.comment ?? null });
      onRated(score);
    } catch (err) {
      setBusy(submit, false);
      error.textContent = errorText(err);
      error.hidden = false;
    }
  });
  return form;
}

function ratedSummary(dialog, withThanks) {
  return h('div', { class: 'stack', role: 'status' },
    withThanks ? h('p', { class: 'thanks', testid: 'rating-thanks', text: t('rating.thanks') }) : null,
    h('p', { class: 'rated', testid: 'rating-summary' },
      h('span', { class: 'stars-static', 'aria-hidden': 'true', text: stars(dialog.rating) }),
      ' ', t('rating.given', { score: dialog.rating })));
}

// ---------------------------------------------------------------- data

function remember(dialog) {
  return store.remember(dialog);
}

function rememberDialogs(data) {
  return asList(data).map(remember);
}

/** Widget API call; the shopper's token is the only credential (no cookies). */
function api(path, { method = 'GET', body } = {}) {
  const headers = state.token ? { Authorization: `Bearer ${state.token}` } : {};
  return requestJson(`/api/v1/widget${path}`, { method, body, headers, credentials: 'omit' });
}

function createTokenStore(key) {
  let memory = null;
  return {
    get() {
      try {
        return localStorage.getItem(key) ?? memory;
      } catch {
        return memory;
      }
    },
    set(token) {
      memory = token;
      try {
        localStorage.setItem(key, token);
      } catch {
        // Storage blocked (e.g. third-party iframe rules): the token lives for this visit only.
      }
    },
    clear() {
      memory = null;
      try {
        localStorage.removeItem(key);
      } catch {
        // nothing stored
      }
    },
  };
}

/** Black or white, whichever reads better on the merchant's colour. */
function readableTextOn(hex) {
  const full = hex.length === 4 ? hex.replace(/([0-9a-f])/gi, '$1$1').slice(1) : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#111' : '#fff';
}
