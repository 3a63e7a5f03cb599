// @ts-check
// An appointment link (`/widget/{merchant}?appointment=…`): the booker's opens the appointment's room as its Host, a
// Guest's (the Host added them) as a Guest. Before the start it says when the room opens and looks again now and then.
import { t } from '../shared/i18n.js';
import { h, errorText, setBusy, showFormErrors, clearFormErrors } from '../shared/ui.js';
import { BROWSER_ZONE, formatIn } from '../shared/appointments.js';
import { createGuestAdder } from './appointment-guests.js';

const LOOK_AGAIN_MS = 5000;

/**
 * @param {{path: string, api: (path: string, options?: any) => Promise<any>, show: (node: Node) => void,
 *   onJoined: (joined: {token: string, dialogId: string, role: string}) => void}} options
 * @returns {{start: () => Promise<void>, stop: () => void}}
 */
export function createAppointmentLinkView({ path, api, show, onJoined }) {
  /** @type {number | undefined} */
  let timer;
  let stopped = false;
  /** @type {HTMLElement | null} what this view showed last; once the widget shows something else, it stops looking */
  let shown = null;

  /** @param {HTMLElement} node */
  function showPanel(node) {
    shown = node;
    show(node);
  }

  async function look() {
    clearTimeout(timer);
    if (stopped || (shown && !shown.isConnected)) return;
    try {
      render(await api(path));
    } catch (err) {
      showPanel(panel(h('p', { class: 'notice-box', role: 'alert', testid: 'appointment-link-invalid',
        text: err.status === 404 ? t('appointmentLink.invalid') : errorText(err) })));
    }
  }

  function render(link) {
    const when = h('p', { class: 'lead', testid: 'appointment-link-when',
      text: t('appointmentLink.when', { when: formatIn(link.startsAt, BROWSER_ZONE), name: link.expertName ?? '' }) });
    if (link.room === 'NOT_OPEN') {
      timer = window.setTimeout(look, LOOK_AGAIN_MS);
      if (shown?.isConnected && shown.dataset.waiting === 'true') return; // keep the Host's Guest form as it is
      const waiting = panel(when, h('p', { class: 'notice-box', role: 'status', testid: 'appointment-link-waiting',
        text: t('appointmentLink.notOpen') }),
      link.role === 'HOST' ? createGuestAdder({ path: `${path}/guests`, api }).element : null);
      waiting.dataset.waiting = 'true';
      showPanel(waiting);
    } else if (link.room !== 'OPEN') {
      showPanel(panel(when, h('p', { class: 'notice-box', role: 'status', testid: 'appointment-link-over',
        text: t(link.room === 'CANCELLED' ? 'appointmentLink.cancelled' : 'appointmentLink.ended') })));
    } else {
      showPanel(panel(when, joinForm(link.role === 'GUEST')));
    }
  }

  function joinForm(asGuest) {
    const formError = h('div', { class: 'form-error', role: 'alert', testid: 'form-error', hidden: true });
    const join = h('button', { type: 'submit', class: 'button button--primary', testid: 'appointment-link-join',
      'data-autofocus': true, text: t('appointmentLink.join') });
    const name = asGuest ? h('div', { class: 'field' },
      h('label', { for: 'f-appointment-name', text: t('form.screenName') }),
      h('input', { type: 'text', id: 'f-appointment-name', name: 'screenName', required: true, maxlength: '40',
        autocomplete: 'nickname', testid: 'appointment-link-name' }),
      h('p', { class: 'field-error', id: 'f-appointment-name-error', hidden: true })) : null;
    const form = h('form', { class: 'stack', testid: 'appointment-link-form' }, name, formError, join);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearFormErrors(form, formError);
      setBusy(join, true, t('join.joining'));
      try {
        const body = asGuest ? { screenName: form.elements.namedItem('screenName').value.trim() } : {};
        onJoined(await api(`${path}/join`, { method: 'POST', body }));
      } catch (err) {
        setBusy(join, false);
        if (['not_open', 'ended', 'cancelled'].includes(err.code)) look();
        else showFormErrors(form, formError, err);
      }
    });
    return form;
  }

  function panel(...children) {
    return h('section', { class: 'panel stack', 'aria-labelledby': 'appointment-link-title', testid: 'appointment-link' },
      h('h2', { id: 'appointment-link-title', class: 'view-title', text: t('appointmentLink.title') }), ...children);
  }

  return {
    start: look,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
