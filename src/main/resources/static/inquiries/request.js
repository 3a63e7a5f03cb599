// @ts-check
// The public request page: an appointment request, a message, or a video chat request to one merchant.
import { t, translate } from './texts.js';
import { ApiError, requestJson, setBusy, showFormErrors, clearFormErrors } from '/shared/ui.js';

const body = document.body;
const merchant = body.dataset.merchant ?? '';
const merchantName = body.dataset.merchantName ?? merchant;
const brandZone = body.dataset.brandZone || 'UTC';
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const form = /** @type {HTMLFormElement} */ (document.getElementById('request-form'));
const formError = /** @type {HTMLElement} */ (document.getElementById('request-error'));
const when = /** @type {HTMLFieldSetElement} */ (document.getElementById('request-when'));
const date = /** @type {HTMLInputElement} */ (document.getElementById('request-date'));
const time = /** @type {HTMLInputElement} */ (document.getElementById('request-time'));
const message = /** @type {HTMLTextAreaElement} */ (document.getElementById('request-message'));
const done = /** @type {HTMLElement} */ (document.getElementById('request-done'));
const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
let kind = body.dataset.kind || 'appointment';

translate();
byId('request-title').textContent = t('request.title', { merchant: merchantName });
byId('request-zone').textContent = t('request.yourZone', { zone });
date.min = isoDate(new Date());

if (body.dataset.embedded === 'true' && window.parent !== window) {
  const close = byId('request-close');
  close.hidden = false;
  close.addEventListener('click', () => window.parent.postMessage({ type: 'vitrine:close' }, '*'));
}

for (const tab of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('[role="tab"]'))) {
  tab.addEventListener('click', () => choose(tab.dataset.kind ?? 'appointment'));
}
choose(kind);

/** @param {string} next */
function choose(next) {
  kind = next;
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    tab.setAttribute('aria-selected', String(/** @type {HTMLElement} */ (tab).dataset.kind === kind));
  }
  form.setAttribute('aria-labelledby', `tab-${kind}`);
  byId('request-intro').textContent = t(`request.intro.${kind}`, { merchant: merchantName });
  when.hidden = kind === 'email';
  message.required = kind === 'email';
  byId('request-message-label').textContent = t(kind === 'email' ? 'request.message' : 'request.messageOptional');
  form.hidden = false;
  done.hidden = true;
  clearFormErrors(form, formError);
}

/** The picked wall-clock time in the visitor's zone, as an instant; null when incomplete. */
function picked() {
  if (!date.value || !time.value) return null;
  const at = new Date(`${date.value}T${time.value}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

function showBrandTime() {
  const at = picked();
  const out = byId('request-brand-time');
  if (!at || brandZone === zone) {
    out.textContent = '';
    return;
  }
  out.textContent = t('request.brandTime', {
    time: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: brandZone }).format(at),
    day: new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: brandZone }).format(at),
    merchant: merchantName, zone: brandZone,
  });
}
date.addEventListener('input', showBrandTime);
time.addEventListener('input', showBrandTime);
message.addEventListener('input', () => {
  byId('request-left').textContent = t('request.left', { count: message.maxLength - message.value.length });
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const submit = /** @type {HTMLButtonElement} */ (form.querySelector('button[type="submit"]'));
  clearFormErrors(form, formError);
  const at = picked();
  if (kind !== 'email' && !at) {
    showFormErrors(form, formError, new ApiError(400, {
      code: 'invalid', errors: [{ field: 'start', message: t('request.pickTime') }],
    }));
    return;
  }
  const data = new FormData(form);
  const text = (/** @type {string} */ name) => String(data.get(name) ?? '').trim();
  setBusy(submit, true, t('request.sending'));
  try {
    await requestJson(`/api/v1/requests/${encodeURIComponent(merchant)}`, {
      method: 'POST',
      body: {
        kind: kind.toUpperCase(), name: text('name'), email: text('email'), phone: text('phone') || null,
        company: text('company') || null, message: text('message') || null,
        start: kind === 'email' || !at ? null : at.toISOString(), zone, website: String(data.get('website') ?? ''),
      },
    });
    showDone(at);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'rate_limited') err.message = t('request.rateLimited');
    showFormErrors(form, formError, err);
  } finally {
    setBusy(submit, false);
  }
});

/** @param {Date | null} at */
function showDone(at) {
  form.hidden = true;
  done.hidden = false;
  byId('request-done-text').textContent = t(`request.done.${kind}`, {
    merchant: merchantName,
    day: at ? new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(at) : '',
    time: at ? new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(at) : '',
  });
  form.reset();
  done.focus();
}

byId('request-another').addEventListener('click', () => choose(kind));

/** @param {Date} d */
function isoDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
