// The chat log of a conversation and the typing line under it.
import { t } from '../../shared/i18n.js';
import { h, eventElement, appendToLog, followEnd, scrollLogToEnd, groupMessages } from '../../shared/ui.js';
import { createTypingLine } from '../../shared/typing.js';

/** `timeline()` gives the dialog's events; `isMine(author)` tells my messages from the others'. */
export function createConversationLog({ timeline, isMine }) {
  const element = h('ol', { class: 'chat-log', testid: 'chat-log', 'aria-live': 'polite', 'aria-label': t('conversation.logLabel') });
  followEnd(element);
  const typing = createTypingLine();
  return {
    element,
    typingElement: typing.element,
    append(event) {
      appendToLog(element, eventElement(event, isMine), { force: isMine(event.author) });
      if (event.kind === 'MESSAGE' && !isMine(event.author)) typing.clear();
    },
    fill() {
      element.replaceChildren(...timeline().map((event) => eventElement(event, isMine)));
      groupMessages(element);
    },
    scrollToEnd: () => scrollLogToEnd(element),
    showTyping: (name) => typing.show(name),
  };
}
