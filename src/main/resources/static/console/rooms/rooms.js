// @ts-check
// The console's Rooms panel: an expert creates a room for a scheduled presentation (video or text chat), copies its
// link, shows its QR code, announces it by email, moves or cancels it. Mounts itself beside the topbar links (docs/rooms.md).
import { t } from '../../shared/i18n.js';
import { h, staffApi, errorText, setBusy, showFormErrors, clearFormErrors } from '../../shared/ui.js';
import { roomActions } from '../../shared/room-actions.js';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** @param {string} testid */
const byTestId = (testid) => /** @type {HTMLElement} */ (document.querySelector(`[data-testid="${testid}"]`));

function mount() {
  const topbar = document.querySelector('.topbar-end');
  if (!topbar || byTestId('rooms-open')) return;
  const panel = createPanel();
  const open = h('button', { type: 'button', class: 'topbar-link', testid: 'rooms-open', 'aria-haspopup': 'dialog', text: t('rooms.open') });
  open.addEventListener('click', () => panel.show());
  topbar.prepend(open);
  document.body.append(panel.element);
}

/** An empty number field means the server's default. */
function numberOrNull(value) {
  return value === '' ? null : Number(value);
}

function field(label, input) {
  return h('label', { class: 'field' }, h('span', { text: label }), input);
}

function createForm(onCreated) {
  const error = h('p', { class: 'form-error', role: 'alert', testid: 'rooms-form-error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button button--primary', testid: 'rooms-create', text: t('rooms.create') });
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'stack rooms-form', testid: 'rooms-form' },
    field(t('rooms.titleLabel'), h('input', { name: 'title', required: true, maxlength: '120', testid: 'rooms-title' })),
    field(t('rooms.startLabel', { zone: ZONE }), h('input', { name: 'start', type: 'datetime-local', required: true, testid: 'rooms-start' })),
    field(t('rooms.expiryLabel'), h('input', { name: 'expiryHours', type: 'number', min: '1', max: '24', value: '3' })),
    field(t('rooms.capacityLabel'), h('input', { name: 'capacity', type: 'number', min: '1', max: '5', value: '5' })),
    h('label', { class: 'check' }, h('input', { name: 'video', type: 'checkbox', checked: true, testid: 'rooms-video' }),
      h('span', { text: t('rooms.videoLabel') })),
    error, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form, error);
    setBusy(submit, true);
    const f = form.elements;
    try {
      await staffApi('/rooms', { method: 'POST', body: {
        title: f.title.value, start: f.start.value, zone: ZONE, video: f.video.checked,
        expiryHours: numberOrNull(f.expiryHours.value), capacity: numberOrNull(f.capacity.value),
      } });
      f.title.value = '';
      await onCreated();
    } catch (err) {
      showFormErrors(form, error, err);
    } finally {
      setBusy(submit, false);
    }
  });
  return form;
}

function createPanel() {
  const list = h('ul', { class: 'shares-list', testid: 'rooms-list' });
  const status = h('p', { class: 'shares-status', role: 'status', testid: 'rooms-status' });
  const close = h('button', { type: 'button', class: 'button button--quiet', testid: 'rooms-close', text: t('shares.close') });
  const element = /** @type {HTMLDialogElement} */ (h('dialog', { class: 'shares-panel', testid: 'rooms-panel', 'aria-labelledby': 'rooms-title' },
    h('div', { class: 'shares-head' }, h('h2', { id: 'rooms-title', text: t('rooms.title') }), close),
    createForm(load), h('h3', { text: t('rooms.mine') }), status, list));
  close.addEventListener('click', () => element.close());

  async function load() {
    status.textContent = t('common.loading');
    try {
      const rooms = await staffApi('/rooms');
      list.replaceChildren(...rooms.map((room) => roomItem(room, status, load)));
      status.textContent = rooms.length ? '' : t('rooms.empty');
    } catch (err) {
      status.textContent = errorText(err);
    }
  }

  return { element, show: () => { element.showModal(); load(); } };
}

function roomItem(room, status, reload) {
  const copy = h('button', { type: 'button', class: 'button button--quiet', testid: 'rooms-copy', text: t('shares.copy') });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(room.link);
      status.textContent = t('shares.copied');
    } catch {
      status.textContent = t('shares.copyManually', { link: room.link });
    }
  });
  const qr = h('figure', { class: 'shares-qr', hidden: true });
  const showQr = h('button', { type: 'button', class: 'button button--quiet', testid: 'rooms-show-qr', text: t('shares.showQr') });
  showQr.addEventListener('click', () => {
    qr.replaceChildren(h('img', { src: `/api/v1/rooms/${encodeURIComponent(room.id)}/qr.svg`, alt: t('rooms.qrAlt', { title: room.title }), width: '200', height: '200' }));
    qr.hidden = false;
  });
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(room.start));
  return h('li', { class: 'shares-item rooms-item', testid: 'rooms-row', 'data-state': room.state },
    h('span', { class: 'shares-title', text: room.title }),
    h('span', { class: 'muted', text: `${when} · ${t(`rooms.STATE.${room.state}`)} · ${t(room.video ? 'rooms.video' : 'rooms.text')}` }),
    h('a', { href: room.link, target: '_blank', rel: 'noopener', testid: 'rooms-link', text: room.link }),
    room.state === 'ENDED' || room.state === 'CANCELLED' ? null : [copy, showQr, announceForm(room)], qr,
    roomActions(room, reload));
}

function announceForm(room) {
  const result = h('p', { class: 'muted', role: 'status', testid: 'rooms-announced' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button', text: t('rooms.announce') });
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'stack' },
    field(t('rooms.addressesLabel'), h('textarea', { name: 'addresses', rows: '3', testid: 'rooms-addresses' })),
    error, submit, result));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form, error);
    setBusy(submit, true);
    try {
      const sent = await staffApi(`/rooms/${encodeURIComponent(room.id)}/announce`, { method: 'POST',
        body: { addresses: form.elements.addresses.value } });
      result.textContent = t('rooms.announced', { sent: sent.sent, skipped: sent.skipped });
      form.elements.addresses.value = '';
    } catch (err) {
      showFormErrors(form, error, err);
    } finally {
      setBusy(submit, false);
    }
  });
  const toContacts = h('button', { type: 'button', class: 'button', testid: 'rooms-announce-contacts', text: t('rooms.announceContacts') });
  toContacts.addEventListener('click', async () => {
    clearFormErrors(form, error);
    setBusy(toContacts, true);
    try {
      const sent = await staffApi(`/rooms/${encodeURIComponent(room.id)}/announce-contacts`, { method: 'POST', body: {} });
      result.textContent = t('rooms.announcedContacts', { sent: sent.sent, skipped: sent.skipped });
    } catch (err) {
      showFormErrors(form, error, err);
    } finally {
      setBusy(toContacts, false);
    }
  });
  return h('details', {}, h('summary', { text: t('rooms.announce') }), form, toContacts);
}

mount();
