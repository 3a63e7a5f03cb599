// @ts-check
// The dashboard's Requests page: appointment and video chat requests to confirm (booked with an expert) or decline,
// messages to mark handled, and who receives them.
import { t, translate } from './texts.js';
import { h, errorText, setBusy, showFormErrors, clearFormErrors, staffApi } from '/shared/ui.js';

const list = /** @type {HTMLElement} */ (document.getElementById('requests-list'));
const status = /** @type {HTMLElement} */ (document.getElementById('requests-status'));
const filter = /** @type {HTMLSelectElement} */ (document.getElementById('requests-filter'));
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** @type {{id: string, displayName: string, handle: string | null, role: string}[]} */
let team = [];

translate();
filter.addEventListener('change', load);
load().then(loadSettings).finally(() => { document.body.dataset.ready = 'true'; });

async function load() {
  status.textContent = t('common.loading');
  try {
    if (!team.length) team = await staffApi('/team');
    const requests = await staffApi(`/inquiries${filter.value ? `?status=${filter.value}` : ''}`);
    list.replaceChildren(...requests.map(item));
    status.textContent = requests.length ? '' : t('requests.none');
  } catch (err) {
    status.textContent = errorText(err);
  }
}

/** @param {string} iso @param {string} [timeZone] */
function when(iso, timeZone) {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A datetime-local value in this browser's zone. @param {string} iso */
function localInput(iso) {
  const d = new Date(iso);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function item(request) {
  const li = h('li', { class: 'card requests-item', testid: `request-${request.id}`, 'data-status': request.status },
    h('h2', {}, `${t(`requests.kind.${request.kind}`)} · ${request.name}`),
    h('p', {}, h('span', { class: 'requests-badge', testid: 'request-status' }, t(`requests.status.${request.status}`))),
    h('p', {}, h('a', { href: `mailto:${request.email}` }, request.email),
      request.phone ? ` · ${request.phone}` : '', request.company ? ` · ${request.company}` : ''));
  if (request.requestedStart) {
    li.append(h('p', { testid: 'request-when' }, t('requests.requested', { when: when(request.requestedStart) })));
    if (request.zone !== zone) {
      li.append(h('p', { class: 'muted small' }, t('requests.theirs', { when: when(request.requestedStart, request.zone), zone: request.zone })));
    }
  }
  if (request.confirmedStart) li.append(h('p', {}, t('requests.confirmed', { when: when(request.confirmedStart) })));
  if (request.message) li.append(h('p', { class: 'requests-message' }, request.message));
  if (request.status === 'OPEN') li.append(request.requestedStart ? decideForm(request) : handledForm(request));
  return li;
}

function decideForm(request) {
  const experts = team.filter((m) => m.handle && m.role === 'EXPERT');
  const form = h('form', { class: 'stack', novalidate: true, testid: 'request-decide' });
  const expertId = `rq-${request.id}-expert`;
  const startId = `rq-${request.id}-start`;
  const reasonId = `rq-${request.id}-reason`;
  const expert = h('select', { id: expertId, name: 'expert', testid: 'request-expert' },
    ...experts.map((m) => h('option', { value: m.handle }, m.displayName)));
  const start = h('input', { id: startId, name: 'start', type: 'datetime-local', value: localInput(request.requestedStart), testid: 'request-start' });
  const reason = h('input', { id: reasonId, name: 'reason', maxlength: '500', testid: 'request-reason' });
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true, testid: 'request-error' });
  const confirm = h('button', { type: 'submit', class: 'button button--primary', testid: 'request-confirm' }, t('requests.confirm'));
  const decline = h('button', { type: 'button', class: 'button', testid: 'request-decline' }, t('requests.decline'));
  const free = h('div', { class: 'requests-free', testid: 'request-free' });
  form.append(
    h('div', { class: 'requests-actions' },
      h('div', { class: 'field' }, h('label', { for: expertId }, t('requests.expert')), expert,
        h('p', { class: 'field-error', id: `${expertId}-error`, hidden: true })),
      h('div', { class: 'field' }, h('label', { for: startId }, t('requests.start')), start,
        h('p', { class: 'field-error', id: `${startId}-error`, hidden: true })),
      confirm),
    free,
    h('div', { class: 'requests-actions' },
      h('div', { class: 'field' }, h('label', { for: reasonId }, t('requests.reason')), reason), decline),
    error);
  if (!experts.length) {
    confirm.disabled = true;
    error.textContent = t('requests.noExperts');
    error.hidden = false;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    free.replaceChildren();
    const refused = await act(form, error, confirm, () => staffApi(`/inquiries/${request.id}/confirm`, {
      method: 'POST', body: { expert: expert.value, start: start.value ? new Date(start.value).toISOString() : null },
    }));
    if (refused && (refused.code === 'slot_taken' || refused.fieldErrors?.some((e) => e.field === 'start'))) {
      offerFreeTimes(free, expert.value, start, request.requestedStart);
    }
  });
  decline.addEventListener('click', () => act(form, error, decline, () => staffApi(`/inquiries/${request.id}/decline`, {
    method: 'POST', body: { reason: reason.value.trim() || null },
  })));
  return form;
}

function handledForm(request) {
  const form = h('form', { class: 'row', testid: 'request-handle' });
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const done = h('button', { type: 'submit', class: 'button button--primary', testid: 'request-handled' }, t('requests.handled'));
  form.append(h('a', { class: 'button', href: `mailto:${request.email}` }, t('requests.reply')), done, error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, error, done, () => staffApi(`/inquiries/${request.id}/handled`, { method: 'POST' }));
  });
  return form;
}

/**
 * Runs the call; success reloads the list, a refusal (e.g. the slot is taken) is shown next to the form and returned.
 * @returns {Promise<any>} the refusal, or null
 */
async function act(form, error, button, call) {
  clearFormErrors(form, error);
  setBusy(button, true);
  try {
    await call();
    await load();
    return null;
  } catch (err) {
    showFormErrors(form, error, err);
    return err;
  } finally {
    setBusy(button, false);
  }
}

/** The expert's free times nearest the requested one (from the booking page's slots), to pick with one click. */
async function offerFreeTimes(box, handle, input, requested) {
  const slug = document.body.dataset.merchantSlug ?? '';
  try {
    const experts = await staffApi(`/book/${encodeURIComponent(slug)}/slots?expert=${encodeURIComponent(handle)}`);
    const wanted = new Date(requested).getTime();
    const nearest = (experts[0]?.slots ?? []).map((iso) => ({ iso, distance: Math.abs(new Date(iso).getTime() - wanted) }))
      .sort((a, b) => a.distance - b.distance).slice(0, 6).map((s) => s.iso).sort();
    if (!nearest.length) return;
    box.replaceChildren(h('p', { class: 'muted small' }, t('requests.freeTimes')), h('div', { class: 'row' },
      ...nearest.map((iso) => h('button', {
        type: 'button', class: 'button', testid: 'request-free-time', 'data-start': iso,
        onclick: () => { input.value = localInput(iso); input.focus(); },
      }, when(iso)))));
  } catch {
    // The refusal above already says what to do; without free times the admin types another one.
  }
}

async function loadSettings() {
  const form = /** @type {HTMLFormElement} */ (document.getElementById('requests-settings'));
  const error = /** @type {HTMLElement} */ (document.getElementById('rs-error'));
  const saved = /** @type {HTMLElement} */ (document.getElementById('rs-status'));
  const account = /** @type {HTMLSelectElement} */ (document.getElementById('rs-accountMemberId'));
  const enabled = /** @type {HTMLInputElement} */ (document.getElementById('rs-enabled'));
  const brandZone = /** @type {HTMLInputElement} */ (document.getElementById('rs-zone'));
  const slug = document.body.dataset.merchantSlug ?? '';
  /** @type {HTMLElement} */ (document.getElementById('requests-page-url')).textContent =
    t('requests.page', { url: `${location.origin}/request/${slug}` });
  account.replaceChildren(...team.map((m) => h('option', { value: m.id }, m.displayName)));
  const show = (settings) => {
    enabled.checked = settings.enabled;
    account.value = settings.accountMemberId ?? '';
    brandZone.value = settings.zone;
  };
  show(await staffApi('/inquiries/settings'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form, error);
    saved.textContent = '';
    try {
      show(await staffApi('/inquiries/settings', {
        method: 'PUT', body: { enabled: enabled.checked, accountMemberId: account.value, zone: brandZone.value.trim() },
      }));
      saved.textContent = t('requests.saved');
    } catch (err) {
      showFormErrors(form, error, err);
    }
  });
}
