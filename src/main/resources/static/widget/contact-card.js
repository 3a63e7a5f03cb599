// @ts-check
// The card with which the dialog's Host joins the expert's contacts: choose a channel, enter the address, agree.
// The address goes straight to the server; the expert never sees it.
import { t } from '../shared/i18n.js';
import { h, setBusy, errorText } from '../shared/ui.js';

/**
 * @param {{inviteId: string, expert: string, channels: string[]}} invite
 * @param {(body: {channel: string, address: string, consent: boolean}) => Promise<unknown>} join
 */
export function contactCard(invite, join) {
  const id = `contact-${invite.inviteId}`;
  const channel = h('select', { id: `${id}-channel`, class: 'input', testid: 'contact-card-channel' },
    invite.channels.map((c) => h('option', { value: c, text: t(`contacts.channel.${c}`) })));
  const address = h('input', { id: `${id}-address`, type: 'email', class: 'input', required: true, maxlength: '320',
    autocomplete: 'email', testid: 'contact-card-address' });
  const addressLabel = h('label', { for: address.id, text: t('contacts.cardAddress') });
  // SMS and WhatsApp take a phone number: the right keyboard, autofill and label for the chosen channel.
  const fitAddress = () => {
    const phone = channel.value !== 'EMAIL';
    address.setAttribute('type', phone ? 'tel' : 'email');
    address.setAttribute('autocomplete', phone ? 'tel' : 'email');
    addressLabel.textContent = t(phone ? 'contacts.cardPhone' : 'contacts.cardAddress');
  };
  channel.addEventListener('change', fitAddress);
  fitAddress();
  const consent = h('input', { id: `${id}-consent`, type: 'checkbox', required: true, testid: 'contact-card-consent' });
  const error = h('p', { class: 'form-error', role: 'alert', testid: 'contact-card-error' });
  const submit = h('button', { type: 'submit', class: 'button', testid: 'contact-card-join', text: t('contacts.cardJoin') });
  const dismiss = h('button', { type: 'button', class: 'button button--quiet', text: t('contacts.cardDismiss'),
    onclick: () => card.remove() });
  const form = h('form', { onsubmit: async (/** @type {Event} */ e) => {
    e.preventDefault();
    error.textContent = '';
    setBusy(submit, true, t('contacts.sending'));
    try {
      await join({ channel: channel.value, address: address.value, consent: consent.checked });
      card.replaceChildren(h('p', { role: 'status', testid: 'contact-card-done', text: t('contacts.cardDone') }));
    } catch (err) {
      error.textContent = errorText(err);
      setBusy(submit, false);
    }
  } },
  invite.channels.length > 1 ? [h('label', { for: channel.id, text: t('contacts.cardChannel') }), channel] : null,
  addressLabel, address,
  h('label', { class: 'check' }, consent, ' ', t('contacts.cardConsent')),
  error, h('div', { class: 'actions' }, submit, dismiss));
  const card = h('section', { class: 'notice-box contact-card', testid: 'contact-card', 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title`, text: t('contacts.cardTitle', { expert: invite.expert }) }),
    h('p', { text: t('contacts.cardText', { expert: invite.expert }) }),
    form);
  return card;
}
