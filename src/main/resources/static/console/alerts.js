// @ts-check
// What tells an expert that something needs them while they look elsewhere: unread counts per dialog, a desktop
// notification (with their permission) while the console is not in view, and an optional chime.
import { t } from '../shared/i18n.js';
import { h } from '../shared/ui.js';
import { chime, storedSwitch } from '../shared/chime.js';

const sound = storedSwitch('vitrine.console.sound');

/** @returns {boolean} whether the console is out of the expert's sight */
function outOfSight() {
  return document.visibilityState !== 'visible' || !document.hasFocus();
}

/** @param {string} title @param {string} body @param {string} tag */
function notify(title, body, tag) {
  if (typeof Notification !== 'function' || Notification.permission !== 'granted' || !outOfSight()) return;
  try {
    const note = new Notification(title, { body, tag });
    note.onclick = () => {
      window.focus();
      note.close();
    };
  } catch {
    // some browsers allow notifications only from a service worker
  }
}

/** Unread messages per dialog, counted while the dialog is not the one in view. */
export const unread = {
  /** @type {Map<string, number>} */
  counts: new Map(),
  /** @param {string} dialogId */
  countOf(dialogId) {
    return this.counts.get(dialogId) ?? 0;
  },
  /**
   * @param {{dialogId: string, text?: string, author?: {name?: string}}} event
   */
  add(event) {
    this.counts.set(event.dialogId, this.countOf(event.dialogId) + 1);
    const name = event.author?.name ?? '';
    notify(t('console.notifyMessage', { name }), event.text ?? '', `message-${event.dialogId}`);
    if (sound.get()) chime();
  },
  total() {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  },
  /** @param {string} dialogId */
  read(dialogId) {
    this.counts.delete(dialogId);
  },
};

/** A new customer in the queue or a new message to answer. @param {number} count the queue's length */
export function newRequest(count) {
  notify(t('console.notifyRequest'), t('console.queueAnnounce', { count }), 'queue');
  if (sound.get()) chime();
}

/** The badge beside a dialog in the sidebar: how many messages are unread. @param {string} dialogId */
export function unreadBadge(dialogId) {
  const count = unread.countOf(dialogId);
  if (count === 0) return null;
  return h('span', { class: 'unread', testid: 'unread-count', 'aria-label': t('console.unreadCount', { count }), text: String(count) });
}

/** The two switches in the top bar: desktop notifications (asks the browser once) and the chime. */
export function alertControls() {
  const supported = typeof Notification === 'function';
  const notes = h('button', {
    type: 'button', class: 'topbar-link', testid: 'notifications-toggle', hidden: !supported,
    'aria-pressed': String(supported && Notification.permission === 'granted'), text: t('console.notifications'),
  });
  notes.addEventListener('click', async () => {
    if (Notification.permission === 'default') await Notification.requestPermission();
    notes.setAttribute('aria-pressed', String(Notification.permission === 'granted'));
    notes.title = Notification.permission === 'denied' ? t('console.notificationsBlocked') : '';
  });
  const box = h('input', { type: 'checkbox', id: 'console-sound', testid: 'console-sound', checked: sound.get() });
  box.addEventListener('change', () => sound.set(box.checked));
  return h('span', { class: 'alert-controls' }, notes,
    h('span', { class: 'sound-switch' }, box, h('label', { for: 'console-sound', text: t('console.sound') })));
}
