// The head of a conversation: how it stands (widget/status.js) and its actions — text only, leave or rejoin the stream, end.
import { t } from '../../shared/i18n.js';
import { h, confirmBar } from '../../shared/ui.js';
import { toggleButton, MEDIA_ICONS } from '../../shared/live.js';

/** `onLeave(action, button)` is called with 'leave' or 'rejoin'. */
export function createConversationHead({ statusElements, onMode, onLeave, onEnd }) {
  const modeToggle = toggleButton({
    testid: 'mode-toggle', label: t('conversation.textOnly'), iconPath: MEDIA_ICONS.text, className: 'button button--quiet button--small toggle',
    onToggle: (textOnly, button) => onMode(textOnly ? 'TEXT' : 'VIDEO', button),
  });
  const endButton = h('button', { type: 'button', class: 'button button--quiet button--small', testid: 'end-dialog', hidden: true });
  const leaveButton = h('button', { type: 'button', class: 'button button--quiet button--small', testid: 'leave-stream', hidden: true, text: t('conversation.leave') });
  const rejoinButton = h('button', { type: 'button', class: 'button button--primary button--small', testid: 'rejoin-stream', hidden: true, text: t('conversation.rejoin') });
  leaveButton.addEventListener('click', () => onLeave('leave', leaveButton));
  rejoinButton.addEventListener('click', () => onLeave('rejoin', rejoinButton));
  const confirm = confirmBar(t('conversation.confirmEnd'), () => onEnd(), endButton);
  return {
    element: h('div', { class: 'conversation-head' }, ...statusElements,
      h('div', { class: 'head-actions' }, modeToggle.element, leaveButton, rejoinButton, endButton)),
    confirm: confirm.element,
    update(dialog, { open, present, allowed }) {
      const { status } = dialog;
      endButton.hidden = !open || !allowed('END');
      endButton.textContent = status === 'WAITING' ? t('conversation.cancel') : t('conversation.end');
      confirm.setQuestion(status === 'WAITING' ? t('conversation.confirmCancel') : t('conversation.confirmEnd'));
      if (!open || endButton.hidden) confirm.hide();
      leaveButton.hidden = !open || !present || !allowed('LEAVE');
      rejoinButton.hidden = !open || present || !allowed('LEAVE');
      modeToggle.element.hidden = status !== 'ACTIVE' || !allowed('SET_MODE');
      modeToggle.set(dialog.mode === 'TEXT');
    },
    /** After leaving, the focus goes to "rejoin", and back. */
    focusAfter(action) {
      (action === 'leave' ? rejoinButton : leaveButton).focus();
    },
  };
}
