// @ts-check
// The "… is typing" line under a chat log: shown for a few seconds after each typing frame.
import { t } from './i18n.js';
import { h } from './ui.js';

const TYPING_SHOW_MS = 4000;

export function createTypingLine() {
  const element = h('p', { class: 'typing', testid: 'typing-indicator', 'aria-live': 'polite' });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return {
    element,
    /** @param {string | undefined | null} name who is typing */
    show(name) {
      element.textContent = t('conversation.typing', { name: name ?? '' });
      clearTimeout(timer);
      timer = setTimeout(() => { element.textContent = ''; }, TYPING_SHOW_MS);
    },
    clear() {
      element.textContent = '';
    },
  };
}
