// @ts-check
// The Host adds Guests to an upcoming appointment: by email (they get the invitation and their link) or as a link to
// pass on. Each Guest's link opens the room as a Guest at the start time; five customers at most, the Host included.
import { t } from '../shared/i18n.js';
import { h, errorText, setBusy } from '../shared/ui.js';

/**
 * @param {{path: string, api: (path: string, options?: any) => Promise<any>}} options  `path` ends in `/guests`
 * @returns {{element: HTMLElement}}
 */
export function createGuestAdder({ path, api }) {
  const list = h('ul', { class: 'guest-list', testid: 'appointment-guests' });
  const count = h('p', { class: 'hint', testid: 'appointment-guest-count' });
  const error = h('p', { class: 'message message--error', role: 'alert', hidden: true, testid: 'appointment-guest-error' });
  const email = h('input', { type: 'email', id: `guest-email-${Math.random().toString(36).slice(2)}`, maxlength: '254',
    autocomplete: 'off', testid: 'appointment-guest-email', placeholder: t('appointmentGuests.emailPlaceholder') });
  const add = h('button', { type: 'submit', class: 'button button--primary button--small', testid: 'appointment-guest-add',
    text: t('appointmentGuests.add') });
  const form = h('form', { class: 'stack', hidden: true, testid: 'appointment-guest-form' },
    h('label', { for: email.id, text: t('appointmentGuests.emailLabel') }), email,
    h('p', { class: 'hint', text: t('appointmentGuests.hint') }), add, error, count, list);
  const toggle = h('button', { type: 'button', class: 'button button--small', testid: 'appointment-guests-toggle',
    'aria-expanded': 'false', text: t('appointmentGuests.open'), onclick: () => {
      form.hidden = !form.hidden;
      toggle.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) load();
    } });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    setBusy(add, true);
    error.hidden = true;
    try {
      const value = email.value.trim();
      await api(path, { method: 'POST', body: value ? { email: value } : {} });
      email.value = '';
      await load();
    } catch (err) {
      error.textContent = errorText(err);
      error.hidden = false;
    } finally {
      setBusy(add, false);
    }
  });

  async function load() {
    try {
      const data = await api(path);
      count.textContent = t('appointmentGuests.count', { count: data.customers, max: data.maxCustomers });
      list.replaceChildren(...data.guests.map(guestItem));
    } catch (err) {
      error.textContent = errorText(err);
      error.hidden = false;
    }
  }

  function guestItem(guest) {
    const url = new URL(guest.link, location.origin).href;
    return h('li', { class: 'guest-item', testid: 'appointment-guest' },
      h('span', { text: guest.email ?? t('appointmentGuests.byLink') }),
      guest.joined ? h('span', { class: 'hint', text: t('appointmentGuests.joined') }) : null,
      h('input', { type: 'text', readonly: true, value: url, testid: 'appointment-guest-link',
        'aria-label': t('appointmentGuests.linkLabel'), onfocus: (e) => e.currentTarget.select() }));
  }

  return { element: h('div', { class: 'appointment-guests' }, toggle, form) };
}
