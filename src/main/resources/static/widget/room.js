// @ts-check
// A brand room's link before it opens (when, a countdown, Add to calendar), after it has ended or was cancelled.
import { h } from '../shared/ui.js';
import { t } from '../shared/i18n.js';

/** The visitor's own zone, as the browser knows it. */
function visitorZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A moment in the visitor's zone, with the zone named. */
export function roomTime(iso) {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

function countdownText(ms) {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(seconds / 86400);
  const clock = [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60]
    .map((n) => String(n).padStart(2, '0')).join(':');
  return days > 0 ? t('room.countdownDays', { count: days, clock }) : clock;
}

/**
 * The panel for a room that is not open: SCHEDULED counts down to its opening and calls {@code onOpen} then;
 * ENDED and CANCELLED say so. The countdown follows the server's clock ({@code room.now}), not the device's.
 * @returns {{ root: HTMLElement, dispose: () => void }}
 */
export function createRoomWaiting(room, { icsUrl, onOpen }) {
  const skew = Date.parse(room.now) - Date.now();
  const title = h('h2', { id: 'room-title', class: 'view-title', testid: 'room-title', text: room.title });
  const kind = h('p', { class: 'hint', text: t(room.video ? 'room.video' : 'room.text') });
  if (room.state === 'ENDED' || room.state === 'CANCELLED') {
    const cancelled = room.state === 'CANCELLED';
    return {
      root: h('section', { class: 'panel stack', 'aria-labelledby': 'room-title' }, title, kind,
        h('p', { class: 'notice-box', role: 'status', testid: cancelled ? 'room-cancelled' : 'room-ended',
          text: t(cancelled ? 'room.cancelled' : 'room.ended') })),
      dispose: () => {},
    };
  }
  const countdown = h('strong', { class: 'room-countdown', testid: 'room-countdown', 'aria-live': 'off' });
  const tick = () => {
    const left = Date.parse(room.opensAt) - (Date.now() + skew);
    countdown.textContent = countdownText(left);
    if (left <= 0) {
      clearInterval(timer);
      onOpen();
    }
  };
  const timer = setInterval(tick, 1000);
  tick();
  const root = h('section', { class: 'panel stack', 'aria-labelledby': 'room-title' }, title, kind,
    h('p', { class: 'lead', testid: 'room-opens-at', text: t('room.opensAt', { time: roomTime(room.opensAt) }) }),
    h('p', { class: 'hint', text: t('room.startsAt', { time: roomTime(room.start), zone: visitorZone() }) }),
    h('p', { class: 'status-box' }, h('span', { text: t('room.opensIn') }), countdown),
    h('a', { class: 'button', href: icsUrl, download: 'room.ics', testid: 'room-calendar', text: t('room.addToCalendar') }));
  return { root, dispose: () => clearInterval(timer) };
}
