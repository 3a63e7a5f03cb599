// @ts-check
// The widget's side of its conversation with embed.js on the merchant's page: whether the widget is shown,
// the unread count for the launcher badge and the page title, and how much room the widget asks for.
import { t } from '../shared/i18n.js';

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
export const soundSetting = {
  get() {
    try {
      return localStorage.getItem(SOUND_KEY) === 'on';
    } catch {
      return false;
    }
  },
  /** @param {boolean} on */
  set(on) {
    try {
      if (on) localStorage.setItem(SOUND_KEY, 'on');
      else localStorage.removeItem(SOUND_KEY);
    } catch {
      // storage blocked: no sound
    }
  },
};

/** A short soft tone; silently nothing where audio may not start. */
function chime() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.onended = () => audio.close();
    tone.start();
    tone.stop(audio.currentTime + 0.3);
  } catch {
    // no audio here
  }
}
