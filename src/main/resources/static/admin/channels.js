// @ts-check
// The dashboard's SMS and WhatsApp page: account ids and numbers are shown; secrets are write-only (only "set").
import { t, translatePage } from '../shared/i18n.js';
import { staffApi as api, setBusy, showFormErrors, clearFormErrors } from '../shared/ui.js';

translatePage(document);
wire('twilio', (form) => {
  const data = new FormData(form);
  const body = { accountSid: String(data.get('accountSid') ?? '').trim(), numbers: lines(data.get('numbers')) };
  const token = String(data.get('authToken') ?? '');
  if (token) body.authToken = token;
  return api('/channels/settings/twilio', { method: 'PUT', body });
});
wire('whatsapp', (form) => {
  const data = new FormData(form);
  const body = {
    numbers: lines(data.get('numbers')).map((line) => {
      const [phoneNumberId, number] = line.split(/\s+/);
      return { phoneNumberId, number };
    }),
  };
  for (const secret of ['accessToken', 'appSecret', 'verifyToken']) {
    const value = String(data.get(secret) ?? '');
    if (value) body[secret] = value;
  }
  return api('/channels/settings/whatsapp', { method: 'PUT', body });
});
load();

async function load() {
  const loading = byTestId('channels-loading');
  try {
    show(await api('/channels/settings'));
    loading.hidden = true;
  } catch (err) {
    loading.textContent = err.message;
  }
  document.body.dataset.ready = 'true';
}

function show(settings) {
  field('twilio-sid').value = settings.twilio.accountSid ?? '';
  field('twilio-numbers').value = settings.twilio.numbers.join('\n');
  field('whatsapp-numbers').value = settings.whatsapp.numbers.map((n) => `${n.phoneNumberId} ${n.number}`).join('\n');
  secretState('twilio-token', settings.twilio.authTokenSet);
  secretState('whatsapp-access-token', settings.whatsapp.accessTokenSet);
  secretState('whatsapp-app-secret', settings.whatsapp.appSecretSet);
  secretState('whatsapp-verify-token', settings.whatsapp.verifyTokenSet);
  byTestId('hook-twilio-messages').textContent = settings.webhooks.twilioMessages;
  byTestId('hook-twilio-status').textContent = settings.webhooks.twilioStatus;
  byTestId('hook-whatsapp').textContent = settings.webhooks.whatsapp;
}

/** A secret field stays empty; its hint says whether one is stored (typing replaces it). */
function secretState(testId, set) {
  field(testId).value = '';
  byTestId(`${testId}-state`).textContent = t(set ? 'channels.secretSet' : 'channels.secretUnset');
}

function wire(name, save) {
  const form = /** @type {HTMLFormElement} */ (byTestId(`${name}-form`));
  const box = byTestId(`${name}-error`);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = /** @type {HTMLButtonElement} */ (byTestId(`${name}-save`));
    clearFormErrors(form, box);
    byTestId(`${name}-status`).textContent = '';
    setBusy(button, true, t('admin.saving'));
    try {
      show(await save(form));
      byTestId(`${name}-status`).textContent = t('admin.saved');
    } catch (err) {
      showFormErrors(form, box, err);
    } finally {
      setBusy(button, false);
    }
  });
}

function lines(value) {
  return String(value ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
}

/** @param {string} id */
function field(id) {
  return /** @type {HTMLInputElement} */ (byTestId(id));
}

/** @param {string} id */
function byTestId(id) {
  return /** @type {HTMLElement} */ (document.querySelector(`[data-testid="${id}"]`));
}

