// @ts-check
// Moving and cancelling a brand room, each after an inline confirmation (docs/rooms.md): used by the console's Rooms
// panel and the dashboard's Rooms card. Everyone the room was announced to is told by email by the server.
import { t } from './i18n.js';
import { h, staffApi, errorText, setBusy, confirmBar } from './ui.js';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `2027-03-29T15:00` for a datetime-local input, in the browser's zone. */
function localInput(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Move and Cancel for a room that is neither ended nor cancelled; nothing otherwise.
 * @param {any} room a RoomView
 * @param {() => any} onChanged called after a move or a cancellation succeeded
 */
export function roomActions(room, onChanged) {
  if (room.state === 'ENDED' || room.state === 'CANCELLED') return null;
  const path = `/rooms/${encodeURIComponent(room.id)}`;
  const status = h('p', { class: 'form-error', role: 'alert', testid: 'room-action-error', hidden: true });
  const fail = (err) => { status.textContent = errorText(err); status.hidden = false; };

  const start = /** @type {HTMLInputElement} */ (h('input', { type: 'datetime-local', required: true, value: localInput(room.start), testid: 'room-move-start' }));
  const expiry = /** @type {HTMLInputElement} */ (h('input', { type: 'number', min: '1', max: '24', value: String(room.expiryHours) }));
  const move = h('button', { type: 'button', class: 'button button--small', testid: 'room-move', text: t('rooms.move') });
  const moving = confirmBar(t('rooms.confirmMove'), async () => {
    status.hidden = true;
    setBusy(move, true);
    try {
      await staffApi(`${path}/move`, { method: 'POST', body: { start: start.value, zone: ZONE, expiryHours: expiry.value === '' ? null : Number(expiry.value) } });
      await onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(move, false);
    }
  }, move, { yes: t('rooms.confirmMoveYes'), no: t('rooms.keep'), yesTestid: 'room-move-confirm', noTestid: 'room-move-keep' });

  const cancel = h('button', { type: 'button', class: 'button button--danger button--small', testid: 'room-cancel', text: t('rooms.cancel') });
  const cancelling = confirmBar(t('rooms.confirmCancel'), async () => {
    status.hidden = true;
    setBusy(cancel, true);
    try {
      await staffApi(`${path}/cancel`, { method: 'POST', body: {} });
      await onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(cancel, false);
    }
  }, cancel, { yes: t('rooms.confirmCancelYes'), no: t('rooms.keep'), yesTestid: 'room-cancel-confirm', noTestid: 'room-cancel-keep' });

  return h('div', { class: 'stack room-actions' },
    h('details', {}, h('summary', { text: t('rooms.moveTitle') }),
      h('div', { class: 'stack' },
        h('label', { class: 'field' }, h('span', { text: t('rooms.startLabel', { zone: ZONE }) }), start),
        h('label', { class: 'field' }, h('span', { text: t('rooms.expiryLabel') }), expiry),
        move, moving.element)),
    h('div', {}, cancel, cancelling.element), status);
}
