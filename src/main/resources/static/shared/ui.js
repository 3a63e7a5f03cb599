// Small DOM and chat building blocks shared by the widget, the console and the dashboard.
// Everything that shows data uses textContent, never HTML parsing.
import { t, describeEvent, hasTranslation } from './i18n.js';
import { avatarElement } from './avatar.js';

export const MAX_MESSAGE = 2000;
const COUNTER_FROM = 1800;
const TYPING_SEND_EVERY_MS = 3000;

/** createElement with props (`text`, `class`, `testid`, `value`, `checked`, `on…` handlers, attributes) and children. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'class') el.className = value;
    else if (key === 'testid') el.dataset.testid = value;
    else if (key === 'value' || key === 'checked') el[key] = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
  return el;
}

/** A one-path stroked SVG icon, hidden from assistive technology. */
export function icon(path) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon');
  const line = document.createElementNS(ns, 'path');
  line.setAttribute('d', path);
  svg.append(line);
  return svg;
}

export const ICONS = {
  close: 'M6 6l12 12M18 6L6 18',
  send: 'M4 12l16-8-6 16-2-6-8-2z',
  back: 'M15 5l-7 7 7 7',
};

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `<time>` showing the clock time (`time`) or date and time (`datetime`). */
export function timeElement(iso, style = 'time') {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return h('time', { datetime: iso, text: (style === 'time' ? TIME : DATE_TIME).format(date) });
}

/** 83 seconds → "1:23", 3725 → "1:02:05". */
export function formatDuration(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  const two = (n) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${two(minutes)}:${two(s % 60)}` : `${minutes}:${two(s % 60)}`;
}

export function stars(score) {
  const n = Math.max(0, Math.min(5, Number(score) || 0));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/** Disables a button while its request runs, showing `label` meanwhile. */
export function setBusy(button, busy, label) {
  if (busy) {
    button.dataset.idleLabel = button.textContent;
    if (label) button.textContent = label;
  } else if (button.dataset.idleLabel !== undefined) {
    button.textContent = button.dataset.idleLabel;
    delete button.dataset.idleLabel;
  }
  button.disabled = busy;
  button.setAttribute('aria-busy', String(busy));
}

/** Only http(s) links may be followed; anything else (e.g. javascript:) is dropped. */
export function safeUrl(value) {
  if (!value) return null;
  try {
    const url = new URL(value, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Lists come as a JSON array or wrapped in a page object. */
export function asList(data) {
  if (Array.isArray(data)) return data;
  return data?.items ?? data?.content ?? data?.dialogs ?? data?.members ?? data?.entries ?? [];
}

// ---------------------------------------------------------------- HTTP

/** A failed API call, carrying the problem detail's text and field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || (status === 0 ? t('error.network') : t('error.generic')));
    this.status = status;
    this.code = problem?.code ?? null;
    this.fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

/** fetch + JSON + problem details. */
export async function requestJson(url, { method = 'GET', body, headers = {}, credentials } = {}) {
  const allHeaders = { Accept: 'application/json', ...headers };
  if (body !== undefined) allHeaders['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method, headers: allHeaders, credentials, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null);
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Staff API call: session cookie, plus the CSRF token on state-changing requests. */
export function staffApi(path, { method = 'GET', body } = {}) {
  const headers = method === 'GET' ? {} : csrfHeader();
  return requestJson(`/api/v1${path}`, { method, body, headers, credentials: 'same-origin' });
}

export function csrfHeader() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  const token = cookie
    ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length))
    : document.querySelector('meta[name="csrf-token"]')?.content;
  return token ? { 'X-XSRF-TOKEN': token } : {};
}

export function errorText(err) {
  return err?.message || t('error.generic');
}

/**
 * Shows a problem's field errors next to the controls named like the fields (each field's error slot
 * has the id `{control id}-error`) and the problem's detail plus unplaced errors in `box`.
 */
export function showFormErrors(form, box, err) {
  clearFormErrors(form, box);
  const unplaced = [];
  for (const { field, message } of err.fieldErrors ?? []) {
    const control = field ? form.elements.namedItem(field) : null;
    const slot = control?.id ? form.querySelector(`[id="${control.id}-error"]`) : null;
    if (!slot) {
      unplaced.push(field ? `${field}: ${message}` : message);
      continue;
    }
    slot.textContent = message;
    slot.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), slot.id].filter(Boolean).join(' '));
  }
  box.replaceChildren(h('p', { text: errorText(err) }));
  if (unplaced.length) box.append(h('ul', {}, unplaced.map((m) => h('li', { text: m }))));
  box.hidden = false;
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  if (firstInvalid) firstInvalid.focus();
}

export function clearFormErrors(form, box) {
  box.hidden = true;
  box.replaceChildren();
  for (const slot of form.querySelectorAll('.field-error')) slot.hidden = true;
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    const rest = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
    else control.removeAttribute('aria-describedby');
  }
}

// ---------------------------------------------------------------- chat

/** Splits "one dialog with its transcript" into the dialog and its events in seq order. */
export function transcriptOf(detail) {
  const events = detail?.events ?? detail?.transcript ?? detail?.timeline ?? [];
  const dialog = detail?.dialog ?? detail ?? {};
  return { dialog, events: [...events].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)) };
}

export function statusBadge(status) {
  return h('span', { class: `badge badge--${String(status).toLowerCase()}`, text: t(`status.${status}`) });
}

/** One line of a dialog's routing log; entry kinds without a translation are shown as they come. */
export function routingLogItem(entry) {
  const kind = String(entry.type ?? entry.kind ?? entry.event ?? entry.action ?? '');
  const label = hasTranslation(`log.${kind.toUpperCase()}`) ? t(`log.${kind.toUpperCase()}`) : kind;
  const who = entry.memberName ?? entry.member?.displayName ?? entry.member?.name ?? entry.expertName ?? entry.expert?.name ?? '';
  const detail = entry.detail ?? entry.note ?? entry.reason ?? '';
  return h('li', { testid: 'routing-entry' },
    timeElement(entry.at ?? entry.time ?? entry.createdAt, 'time'), ' ',
    h('strong', { text: label }),
    who ? ` · ${who}` : '',
    detail ? ` — ${detail}` : '');
}

/** One timeline event: messages as bubbles with avatar, name and time; the rest as small notices. */
export function eventElement(event, isOwn) {
  if (event.kind === 'MESSAGE' || event.kind === 'MESSAGE_LEFT') {
    const author = event.author ?? {};
    return h('li', { class: isOwn(author) ? 'msg msg--own' : 'msg', testid: 'chat-message', 'data-seq': event.seq, 'data-kind': event.kind },
      avatarElement(author, 32),
      h('div', { class: 'msg-body' },
        h('p', { class: 'msg-meta' }, h('span', { class: 'msg-author', text: author.name ?? '' }), ' ', timeElement(event.at)),
        h('p', { class: 'msg-text', text: event.text ?? '' })));
  }
  // Joins and leaves of a co-op stream show who it was, with their avatar.
  const presence = (event.kind === 'JOINED' || event.kind === 'LEFT') && event.author;
  return h('li', {
    class: presence ? 'notice notice--presence' : 'notice', testid: 'chat-notice', 'data-kind': event.kind,
    'data-participant-id': presence ? event.author.participantId : null,
  }, presence ? avatarElement(event.author, 18) : null, h('span', { text: describeEvent(event) }), ' ', timeElement(event.at));
}

/** Keeps a log scrolled to the newest entry unless the reader scrolled up. */
export function appendToLog(log, element, { force = false } = {}) {
  const nearEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  log.append(element);
  if (nearEnd || force) log.scrollTop = log.scrollHeight;
}

/** An inline "are you sure?" bar shown by `trigger`; no native dialogs, so it works well inside iframes. */
export function confirmBar(question, onConfirm, trigger) {
  const yes = h('button', { type: 'button', class: 'button button--danger button--small', testid: 'confirm-end', text: t('conversation.confirmYes') });
  const no = h('button', { type: 'button', class: 'button button--quiet button--small', testid: 'cancel-end', text: t('conversation.confirmNo') });
  const text = h('p', { text: question });
  const element = h('div', { class: 'confirm-bar', role: 'group', 'aria-label': question, hidden: true }, text, yes, no);
  const hide = () => { element.hidden = true; };
  trigger.addEventListener('click', () => {
    element.hidden = false;
    yes.focus();
  });
  no.addEventListener('click', () => { hide(); trigger.focus(); });
  yes.addEventListener('click', () => { hide(); onConfirm(); });
  element.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    hide();
    trigger.focus();
  });
  return { element, hide, setQuestion: (q) => { text.textContent = q; element.setAttribute('aria-label', q); } };
}

/** Message box with Enter-to-send, a counter near the 2,000 character limit and an inline error line. */
export function createComposer({ onSend, onTyping, id = 'chat-input' }) {
  const input = h('textarea', {
    id, class: 'chat-input', testid: 'chat-input', rows: '1', maxlength: String(MAX_MESSAGE),
    placeholder: t('chat.placeholder'), 'aria-describedby': `${id}-counter`,
  });
  const send = h('button', { type: 'submit', class: 'button button--primary send', testid: 'chat-send', 'aria-label': t('chat.send'), title: t('chat.send') },
    icon(ICONS.send));
  const counter = h('p', { class: 'counter', id: `${id}-counter`, 'aria-live': 'polite', hidden: true });
  const error = h('p', { class: 'inline-error', role: 'alert', testid: 'chat-error', hidden: true });
  const element = h('form', { class: 'composer' },
    h('label', { for: id, class: 'visually-hidden', text: t('chat.label') }),
    h('div', { class: 'composer-row' }, input, send), counter, error);
  let lastTypingSent = 0;
  let lastSent = '';

  const updateCounter = () => {
    const length = input.value.length;
    counter.hidden = length < COUNTER_FROM;
    counter.textContent = t('chat.counter', { count: length, max: MAX_MESSAGE });
  };
  const submit = () => {
    const text = input.value.trim();
    if (!text) return;
    lastSent = text;
    error.hidden = true;
    onSend(text);
    input.value = '';
    updateCounter();
    input.focus();
  };
  element.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => {
    updateCounter();
    const now = Date.now();
    if (input.value && now - lastTypingSent > TYPING_SEND_EVERY_MS) {
      lastTypingSent = now;
      onTyping?.();
    }
  });
  return {
    element,
    input,
    showError(message, { restore = false } = {}) {
      error.textContent = message;
      error.hidden = false;
      // A refused message goes back into an empty box, so nothing typed is lost.
      if (restore && lastSent && !input.value) input.value = lastSent;
      updateCounter();
    },
  };
}
