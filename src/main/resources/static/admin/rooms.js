// @ts-check
// The dashboard's list of all rooms of the shop (docs/rooms.md): title, expert, start, state, link; move or cancel.
import { t } from '../shared/i18n.js';
import { h, errorText, staffApi } from '../shared/ui.js';
import { BROWSER_ZONE, formatIn } from '../shared/appointments.js';
import { roomActions } from '../shared/room-actions.js';

export function mountRoomsCard(main) {
  const list = h('ul', { class: 'items', testid: 'all-rooms' });
  const empty = h('p', { class: 'empty', testid: 'all-rooms-empty', text: t('rooms.empty') });
  main?.append(h('section', { class: 'card', 'aria-labelledby': 'rooms-heading' },
    h('h2', { id: 'rooms-heading', text: t('rooms.all') }), list, empty));
  const load = async () => {
    try {
      const all = await staffApi('/rooms/all');
      list.replaceChildren(...all.map((room) => h('li', { class: 'item', testid: 'all-rooms-item', 'data-state': room.state },
        h('strong', { text: `${room.title} · ${formatIn(room.start, BROWSER_ZONE)}` }), ' ',
        h('span', { text: `${room.expertName} · ${t(`rooms.STATE.${room.state}`)} · ${t(room.video ? 'rooms.video' : 'rooms.text')} ` }),
        h('a', { href: room.link, target: '_blank', rel: 'noopener', text: room.link }),
        roomActions(room, load))));
      empty.hidden = all.length > 0;
    } catch (err) {
      empty.textContent = errorText(err);
    }
  };
  load();
}
