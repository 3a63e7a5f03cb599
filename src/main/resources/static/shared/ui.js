// @ts-check
// Small DOM and chat building blocks shared by the widget, the console and the dashboard.
// Everything that shows data uses textContent, never HTML parsing.
import { t, describeEvent, hasTranslation } from './i18n.js';
import { avatarElement } from './avatar.js';
import { productCardElement } from './products.js';

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
    // Invalid input is explained in our own words next to each field; other problems keep the server's detail.
    const own = problem?.code === 'invalid' && Array.isArray(problem?.errors) ? t('error.invalid') : null;
    super(own || problem?.detail || problem?.title || (status === 0 ? t('error.network') : t('error.generic')));
    this.status = status;
    this.code = problem?.code ?? null;
    this.fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

/**
 * fetch + JSON + problem details.
 * @param {string} url
 * @param {{method?: string, body?: unknown, headers?: Record<string, string>, credentials?: RequestCredentials}} options
 */
export async function requestJson(url, { method = 'GET', body, headers = {}, credentials } = {}) {
  /** @type {Record<string, string>} */
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

/**
 * Staff API call: session cookie, plus the CSRF token on state-changing requests.
 * @param {string} path
 * @param {{method?: string, body?: unknown}} options
 */
export function staffApi(path, { method = 'GET', body } = {}) {
  const headers = method === 'GET' ? {} : csrfHeader();
  return requestJson(`/api/v1${path}`, { method, body, headers, credentials: 'same-origin' });
}

export function csrfHeader() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  const token = cookie
    ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length))
    : /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="csrf-token"]'))?.content;
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
  for (const problem of err.fieldErrors ?? []) {
    const { field } = problem;
    const message = fieldErrorText(problem);
    const control = field ? form.elements.namedItem(field) : null;
    const slot = control?.id ? form.querySelector(`[id="${control.id}-error"]`) : null;
    if (!slot) {
      const label = control?.id ? form.querySelector(`label[for="${control.id}"]`)?.textContent : null;
      unplaced.push(label ? `${label}: ${message}` : message);
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

/**
 * A field error in words for people: the translation of its code (per field first, e.g. `field.phone.format`),
 * else the server's sentence.
 * @param {{field?: string, code?: string, min?: number, max?: number, message?: string}} problem
 */
export function fieldErrorText({ field, code, min, max, message }) {
  const params = { min: min ?? 0, max: max ?? '' };
  if (code && field && hasTranslation(`field.${field}.${code}`)) return t(`field.${field}.${code}`, params);
  if (code && hasTranslation(`field.${code}`)) return t(`field.${code}`, params);
  return message || t('field.invalid');
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
  // Entries carry a reason code and the name (or number) it mentions; older entries only an English detail.
  const reasonKey = entry.reason ? `log.reason.${entry.reason}` : null;
  const detail = reasonKey && hasTranslation(reasonKey) ? t(reasonKey, { subject: entry.subject ?? '' })
    : entry.detail ?? entry.note ?? '';
  return h('li', { testid: 'routing-entry' },
    timeElement(entry.at ?? entry.time ?? entry.createdAt, 'time'), ' ',
    h('strong', { text: label }),
    who ? ` · ${who}` : '',
    detail ? ` — ${detail}` : '');
}

/** One timeline event: messages as bubbles with avatar, name and time; the rest as small notices. */
export function eventElement(event, isOwn) {
  if (event.kind === 'PRODUCT') return productCardElement(event);
  if (event.kind === 'MESSAGE' || event.kind === 'MESSAGE_LEFT') {
    const author = event.author ?? {};
    return h('li', {
      class: isOwn(author) ? 'msg msg--own' : 'msg', testid: 'chat-message', 'data-seq': event.seq, 'data-kind': event.kind,
      'data-author': author.participantId ?? author.name ?? '', 'data-at': event.at ?? '',
    },
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

/** @type {WeakMap<Element, {atEnd: boolean}>} logs that follow their newest entry (see followEnd) */
const following = new WeakMap();
const NEAR_END_PX = 80;

/** Codes of refused chat messages: the text goes back into the composer, so nothing typed is lost. */
export const SAY_REFUSALS = new Set(['invalid', 'forbidden', 'ended', 'not_accepted', 'rate_limited']);

/**
 * A socket error frame in words for people: our own text for the codes we know, else the server's sentence.
 * @param {{code?: string, message?: string}} frame
 */
export function refusalText(frame) {
  if (frame.code && hasTranslation(`refusal.${frame.code}`)) return t(`refusal.${frame.code}`);
  return frame.message || t('error.generic');
}

/** Keeps a log scrolled to the newest entry unless the reader scrolled up. */
export function appendToLog(log, element, { force = false } = {}) {
  const tracked = following.get(log);
  const nearEnd = tracked ? tracked.atEnd : log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_END_PX;
  log.append(element);
  markFollowUp(element);
  if (nearEnd || force) scrollLogToEnd(log);
}

const FOLLOW_UP_MS = 5 * 60 * 1000;

/**
 * A message right after another of the same author (within minutes) drops the repeated name, time and avatar,
 * so more of the conversation fits on screen.
 * @param {Element} element
 */
export function markFollowUp(element) {
  const previous = element.previousElementSibling;
  if (!(element instanceof HTMLElement) || !(previous instanceof HTMLElement)) return;
  const sameAuthor = previous.classList.contains('msg') && element.classList.contains('msg')
    && element.dataset.author !== '' && previous.dataset.author === element.dataset.author;
  const gap = Date.parse(element.dataset.at ?? '') - Date.parse(previous.dataset.at ?? '');
  element.classList.toggle('msg--follow', sameAuthor && gap >= 0 && gap < FOLLOW_UP_MS);
}

/** Marks follow-ups in a whole log, after it was filled at once. @param {Element} log */
export function groupMessages(log) {
  for (const item of log.children) markFollowUp(item);
}

/** Scrolls to the newest entry; a hidden log (the widget closed) gets there when it is shown again. */
export function scrollLogToEnd(log) {
  const tracked = following.get(log);
  if (tracked) tracked.atEnd = true;
  log.scrollTop = log.scrollHeight;
}

/**
 * Keeps the newest entry in view while the log changes size (a video above it appears, the widget is reopened)
 * as long as the reader has not scrolled up.
 */
export function followEnd(log) {
  const tracked = { atEnd: true };
  following.set(log, tracked);
  let height = log.clientHeight;
  log.addEventListener('scroll', () => {
    // Hidden, or a scroll the browser made because the log changed size (it comes before the resize callback):
    // keep what the reader chose before; only the reader's own scrolling decides.
    if (log.clientHeight === 0 || log.clientHeight !== height) return;
    tracked.atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_END_PX;
  }, { passive: true });
  new ResizeObserver(() => {
    height = log.clientHeight;
    if (tracked.atEnd && log.clientHeight > 0) log.scrollTop = log.scrollHeight;
  }).observe(log);
}

/**
 * An inline "are you sure?" bar shown by `trigger`; no native dialogs, so it works well inside iframes. `labels`
 * names the buttons and their test ids (by default those of ending a conversation).
 */
export function confirmBar(question, onConfirm, trigger, labels = {}) {
  const yes = h('button', { type: 'button', class: 'button button--danger button--small', testid: labels.yesTestid ?? 'confirm-end', text: labels.yes ?? t('conversation.confirmYes') });
  const no = h('button', { type: 'button', class: 'button button--quiet button--small', testid: labels.noTestid ?? 'cancel-end', text: labels.no ?? t('conversation.confirmNo') });
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
