// @ts-check
// The console's appointments: proposing a time from a live dialog (with the customer's time next to mine), and the
// sidebar list of my upcoming appointments. Changes arrive as `appointment` frames.
import { t } from '../shared/i18n.js';
import { h, errorText, staffApi } from '../shared/ui.js';
import { BROWSER_ZONE, appointmentCard, createAppointmentRequests, createTimePicker, formatIn } from '../shared/appointments.js';

/**
 * The panel in a live dialog: its appointments, and a picker to propose or move one.
 * @param {{dialogId: string}} options
 */
export function createProposePanel({ dialogId }) {
  const base = `/dialogs/${encodeURIComponent(dialogId)}/appointments`;
  /** @type {any} */
  let data = null;
  /** @type {string | null} */
  let moving = null;
  const list = h('div', { class: 'appointment-list', testid: 'console-appointments' });
  const error = h('p', { class: 'message message--error', role: 'alert', hidden: true, testid: 'console-appointment-error' });
  const picker = createTimePicker({
    myZone: myZone(),
    otherZone: () => data?.customerZone ?? null,
    testid: 'console-picker',
    submitLabel: t('appointment.proposeSubmit'),
    onSubmit: (slot, button) => run(button, () => moving
      ? staffApi(`/appointments/${encodeURIComponent(moving)}/reschedule`, { method: 'POST', body: slot })
      : staffApi(base, { method: 'POST', body: slot })),
  });
  picker.element.hidden = true;
  const toggle = h('button', { type: 'button', class: 'button button--small', testid: 'console-propose',
    'aria-expanded': 'false', text: t('appointment.propose'), onclick: () => open(null) });
  const element = h('section', { class: 'appointments', hidden: true, 'aria-label': t('appointment.mine') },
    list, error, toggle, picker.element);

  function open(id) {
    moving = id;
    const show = picker.element.hidden || id != null;
    picker.element.hidden = !show;
    toggle.setAttribute('aria-expanded', String(show));
    // The customer's zone may have been reported since the panel loaded.
    if (show) load().then(() => picker.refresh());
  }

  const { load, run } = createAppointmentRequests({
    fetch: () => staffApi(base),
    loaded: (loaded) => {
      data = loaded;
      render();
    },
    error,
    changed: () => {
      picker.element.hidden = true;
      moving = null;
    },
  });

  function render() {
    element.hidden = !data?.enabled && !(data?.appointments ?? []).length;
    const live = (data?.appointments ?? []).filter((a) => a.status !== 'CANCELLED');
    list.replaceChildren(...live.map((appointment) => {
      const id = encodeURIComponent(appointment.id);
      const actions = [];
      if (appointment.status === 'PROPOSED' && appointment.proposedBy !== 'EXPERT') {
        actions.push(h('button', { type: 'button', class: 'button button--primary button--small', testid: 'console-appointment-confirm',
          text: t('appointment.confirm'), onclick: (e) => run(e.currentTarget, () => staffApi(`/appointments/${id}/confirm`, { method: 'POST' })) }));
      }
      actions.push(h('button', { type: 'button', class: 'button button--small', testid: 'console-appointment-reschedule',
        text: t('appointment.reschedule'), onclick: () => open(appointment.id) }));
      actions.push(h('button', { type: 'button', class: 'button button--small', testid: 'console-appointment-cancel',
        text: t('appointment.cancel'), onclick: (e) => run(e.currentTarget, () => staffApi(`/appointments/${id}/cancel`, { method: 'POST' })) }));
      actions.push(h('a', { class: 'button button--small', href: `/api/v1/appointments/${id}/invitation.ics`,
        download: `appointment-${appointment.id}.ics`, testid: 'console-appointment-ics', text: t('appointment.downloadIcs') }));
      return appointmentCard(appointment, { myZone: myZone(), otherZone: data.customerZone,
        otherWho: appointment.customerName ?? '', actions });
    }));
  }

  load();
  return { element, reload: load };
}

/** The sidebar's "Appointments": mine from yesterday on, soonest first. */
export function createAppointmentsList() {
  const items = h('ul', { class: 'items', testid: 'appointments-list' });
  const empty = h('p', { class: 'empty', testid: 'appointments-empty', text: t('appointment.none') });
  const element = h('section', { class: 'side-section', 'aria-labelledby': 'appointments-heading' },
    h('h2', { id: 'appointments-heading', class: 'side-heading', text: t('appointment.mine') }), items, empty);

  async function load() {
    try {
      const mine = await staffApi('/appointments');
      const upcoming = mine.filter((a) => a.status !== 'CANCELLED');
      items.replaceChildren(...upcoming.map((a) => h('li', { class: 'item', testid: 'appointments-item', 'data-status': a.status },
        h('strong', { text: formatIn(a.startsAt, myZone()) }), ' ',
        h('span', { class: 'muted', text: `${t(`appointment.STATUS.${a.status}`)}${a.customerName ? ` · ${a.customerName}` : ''}` }))));
      empty.hidden = upcoming.length > 0;
    } catch (err) {
      empty.textContent = errorText(err);
      empty.hidden = false;
    }
  }

  load();
  return { element, reload: load };
}

/** My zone: the one stored with my working hours would be better; the browser's is what I see on my clock. */
function myZone() {
  return BROWSER_ZONE;
}
