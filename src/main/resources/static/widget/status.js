// @ts-check
// The top of a conversation: the place in the queue while waiting, then the expert, and a line saying how
// the dialog stands (a message was left, it ended, I left the stream).
import { t } from '../shared/i18n.js';
import { h } from '../shared/ui.js';
import { avatarElement } from '../shared/avatar.js';

/**
 * @typedef {{status?: string, expert?: {name?: string}}} StatusDialog
 * @typedef {{position?: number, expertsOnline?: boolean}} QueueInfo
 */

export function createStatus() {
  const queueText = h('p', { class: 'queue-text', testid: 'queue-position', 'aria-live': 'polite' });
  const waitingBox = h('div', { class: 'status-box' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    h('div', {}, queueText, h('p', { class: 'hint', text: t('conversation.typeWhileWaiting') })));
  const expertAvatar = h('span', { class: 'expert-avatar' });
  const expertName = h('strong', { testid: 'expert-name' });
  const expertBox = h('div', { class: 'status-box' }, expertAvatar,
    h('div', {}, h('p', { class: 'hint', text: t('conversation.yourExpert') }), expertName));
  const statusText = h('p', { class: 'status-text', role: 'status' });
  return {
    elements: [waitingBox, expertBox, statusText],
    /** @param {StatusDialog} dialog @param {{open: boolean, present: boolean, queue: QueueInfo | undefined}} where */
    update(dialog, { open, present, queue }) {
      const status = dialog.status;
      waitingBox.hidden = status !== 'WAITING';
      queueText.textContent = queueMessage(queue);
      expertBox.hidden = !(dialog.expert && status !== 'WAITING');
      if (dialog.expert) {
        expertAvatar.replaceChildren(avatarElement(dialog.expert, 40));
        expertName.textContent = dialog.expert.name ?? '';
      }
      statusText.textContent = open && !present ? t('conversation.left') : statusMessage(status);
      statusText.hidden = !statusText.textContent;
      if (status === 'MESSAGE') statusText.dataset.testid = 'left-message-sent';
      else delete statusText.dataset.testid;
    },
  };
}

/** @param {QueueInfo | undefined} queue */
function queueMessage(queue) {
  if (queue?.expertsOnline === false) return t('conversation.queueNoExperts');
  if ((queue?.position ?? 0) > 0) return t('conversation.queuePosition', { position: queue?.position });
  return t('conversation.waiting');
}

/** @param {string | undefined} status */
function statusMessage(status) {
  if (status === 'MESSAGE') return t('conversation.messageSent');
  if (status === 'ENDED') return t('conversation.ended');
  return '';
}
