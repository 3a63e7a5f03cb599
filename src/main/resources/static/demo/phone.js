// @ts-check
// The shopper's demo phone: lists what the demo providers delivered to a number and sends the shopper's replies.
import { t, translatePage } from '../shared/i18n.js';
import { h, requestJson, csrfHeader, errorText, setBusy, safeUrl } from '../shared/ui.js';

const POLL_MS = 1500;
const numberInput = /** @type {HTMLInputElement} */ (byTestId('phone-number'));
const log = byTestId('phone-log');
let number = numberInput.value;
let shownKey = '';

translatePage(document);
byTestId('phone-number-form').addEventListener('submit', (event) => {
  event.preventDefault();
  number = numberInput.value.trim();
  shownKey = '';
  refresh();
});
wireCompose();
document.body.dataset.ready = 'true';
refresh();
setInterval(refresh, POLL_MS);

async function refresh() {
  try {
    const messages = await requestJson(`/demo/phone/messages?number=${encodeURIComponent(number)}`, { credentials: 'same-origin' });
    show(messages);
  } catch (err) {
    byTestId('phone-loading').textContent = errorText(err);
  }
}

function show(messages) {
  byTestId('phone-loading').hidden = true;
  byTestId('phone-empty').hidden = messages.length > 0;
  const key = JSON.stringify(messages.map((m) => [m.id, m.status]));
  if (key === shownKey) return;
  shownKey = key;
  log.replaceChildren(...messages.map(bubble));
  log.lastElementChild?.scrollIntoView({ block: 'end' });
}

function bubble(m) {
  const incoming = m.direction === 'TO_SHOPPER';
  const channel = m.channel === 'SMS' ? 'SMS' : 'WhatsApp';
  const parts = [];
  const image = m.mediaUrl && safeUrl(m.mediaUrl);
  if (image) parts.push(h('img', { src: image, alt: '' }));
  if (m.templateName) parts.push(h('span', { class: 'template-name', text: t('phone.template', { name: m.templateName }) }));
  if (m.body) parts.push(h('span', { text: m.body }));
  const link = m.linkUrl && safeUrl(m.linkUrl);
  if (link) parts.push(h('a', { href: link, target: '_blank', rel: 'noopener', text: ` ${t('phone.open')}` }));
  if (m.quickReply) {
    parts.push(h('button', { type: 'button', class: 'button button--small quick-reply', 'data-testid': 'phone-quick-reply',
      text: t('phone.quickReply'), onclick: () => send(m.channel, m.businessNumber, t('phone.quickReply'), m.quickReply) }));
  }
  const meta = incoming
    ? t('phone.from', { channel, number: m.businessNumber, status: t(`phone.status.${m.status}`) })
    : t('phone.sentTo', { channel, number: m.businessNumber, status: t(`phone.status.${m.status}`) });
  parts.push(h('span', { class: 'bubble-meta', text: meta }));
  return h('li', { class: `bubble ${incoming ? 'bubble--in' : 'bubble--out'}`, 'data-testid': 'phone-message',
    'data-direction': m.direction, 'data-status': m.status }, ...parts);
}

function wireCompose() {
  const form = /** @type {HTMLFormElement} */ (byTestId('phone-compose'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const [channel, to] = String(new FormData(form).get('to') ?? '').split(' ');
    const text = /** @type {HTMLTextAreaElement} */ (byTestId('phone-text'));
    if (await send(channel, to, text.value, null)) text.value = '';
  });
}

async function send(channel, to, text, quickReply) {
  const button = /** @type {HTMLButtonElement} */ (byTestId('phone-send'));
  const box = byTestId('phone-error');
  box.hidden = true;
  setBusy(button, true, t('phone.sending'));
  try {
    const answer = await requestJson('/demo/phone/messages', {
      method: 'POST', credentials: 'same-origin', headers: csrfHeader(),
      body: { from: number, to, channel, text, quickReply },
    });
    if (!answer.accepted) throw new Error(t('phone.refused', { status: answer.webhookStatus }));
    await refresh();
    return true;
  } catch (err) {
    box.replaceChildren(h('p', { text: errorText(err) }));
    box.hidden = false;
    return false;
  } finally {
    setBusy(button, false);
  }
}

/** @param {string} id */
function byTestId(id) {
  return /** @type {HTMLElement} */ (document.querySelector(`[data-testid="${id}"]`));
}
