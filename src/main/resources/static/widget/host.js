// @ts-check
// The widget's side of its conversation with embed.js on the merchant's page: whether the widget is shown,
// the unread count for the launcher badge and the page title, and how much room the widget asks for.
import { t } from '../shared/i18n.js';
import { chime, storedSwitch } from '../shared/chime.js';

const embedded = window.parent !== window;
const SOUND_KEY = 'vitrine.sound';

/** @param {object} message */
function tellHost(message) {
  // The merchant's origin is not known to the widget; nothing private is sent this way.
  if (embedded) window.parent.postMessage(message, '*');
}

/**
 * Follows whether the shopper can see the widget: embed.js says when it opens and closes the overlay; a page of
 * its own is seen while its tab is.
 * @param {{onShow: () => void, onHide: (how: {closed: boolean}) => void}} handlers
 * @returns {{isVisible: () => boolean}}
 */
export function watchHost({ onShow, onHide }) {
  let visible = true;
  /** @param {boolean} next @param {boolean} closed */
  const set = (next, closed) => {
    if (next === visible) return;
    visible = next;
    if (next) onShow();
    else onHide({ closed });
  };
  window.addEventListener('message', (event) => {
    if (!embedded || event.source !== window.parent || event.data?.type !== 'vitrine:visibility') return;
    set(event.data.open === true, true);
  });
  document.addEventListener('visibilitychange', () => {
    if (!embedded) set(document.visibilityState === 'visible', false);
  });
  return { isVisible: () => visible };
}

/**
 * Counts messages that arrive while the widget is not seen: a badge on the launcher and the count in the page
 * title (the embedding page's, or our own when standalone).
 * @param {() => string} baseTitle
 */
export function unreadCounter(baseTitle) {
  let count = 0;
  const publish = () => {
    // The embedding page fills {title} with its own title.
    const title = count > 0 ? t('widget.unreadTitle', { count }) : null;
    tellHost({ type: 'vitrine:unread', count, title });
    if (!embedded) document.title = title ? title.replace('{title}', baseTitle()) : baseTitle();
  };
  return {
    add() {
      count += 1;
      publish();
      if (soundSetting.get()) chime();
    },
    clear() {
      if (count === 0) return;
      count = 0;
      publish();
    },
    get count() { return count; },
  };
}

/** Asks the embedding page for a wide overlay (video beside the chat) or the usual one. @param {boolean} wide */
export function askForRoom(wide) {
  tellHost({ type: 'vitrine:layout', wide });
}

/** The shopper's choice of a sound for new messages, kept in this browser. */
export const soundSetting = storedSwitch(SOUND_KEY);
