// @ts-check
// The widget's appointment panel: the dialog's appointments as cards. The Host proposes, confirms, reschedules and
// cancels, and may ask to be notified; everyone may add an appointment to a calendar.
import { t } from '../shared/i18n.js';
import { h, errorText, requestJson, safeUrl } from '../shared/ui.js';
import { BROWSER_ZONE, appointmentCard, createAppointmentRequests, createTimePicker } from '../shared/appointments.js';
import { downloadCalendar } from '../shared/calendar.js';
import { createGuestAdder } from './appointment-guests.js';

/**
 * @param {{dialogId: string, api: (path: string, options?: any) => Promise<any>, token: () => string | null,
 *   allowed: (permission: string) => boolean, socket: () => any}} options
 */
export function createAppointmentPanel({ dialogId, api, token, allowed, socket }) {
  const base = `/me/dialogs/${encodeURIComponent(dialogId)}/appointments`;
  /** @type {any} */
  let data = null;
  let zoneReported = false;
  const list = h('div', { class: 'appointment-list', testid: 'appointment-list' });
  const error = h('p', { class: 'message message--error', role: 'alert', hidden: true, testid: 'appointment-error' });
  const status = h('p', { class: 'muted small', role: 'status' });
  /** @type {string | null} appointment being rescheduled */
  let moving = null;
  const picker = createTimePicker({
    myZone: BROWSER_ZONE,
    otherZone: () => data?.expertZone ?? null,
    testid: 'appointment-picker',
    submitLabel: t('appointment.proposeSubmit'),
    onSubmit: (slot, button) => run(button, () => moving
      ? api(`/me/appointments/${moving}/reschedule`, { method: 'POST', body: slot })
      : api(base, { method: 'POST', body: slot })),
  });
  picker.element.hidden = true;
  const propose = h('button', { type: 'button', class: 'button', testid: 'appointment-propose', text: t('appointment.propose'),
    'aria-expanded': 'false', onclick: () => togglePicker(null) });
  const notify = h('button', { type: 'button', class: 'button button--small', testid: 'appointment-notify',
    text: t('appointment.notifyMe'), onclick: () => subscribe() });
  const element = h('section', { class: 'appointments', 'aria-label': t('appointment.mine'), hidden: true,
    testid: 'appointments' }, list, error, status, h('div', { class: 'appointment-actions' }, propose, notify), picker.element);

  function togglePicker(id) {
    moving = id;
    const open = picker.element.hidden || id != null;
    picker.element.hidden = !open;
    propose.setAttribute('aria-expanded', String(open));
    if (open) picker.refresh();
  }

  const { load, run } = createAppointmentRequests({
    fetch: () => api(base),
    loaded: (loaded) => {
      data = loaded;
      render();
    },
    error,
    loadError: (err) => { status.textContent = errorText(err); },
    changed: (appointment) => {
      show(appointment);
      picker.element.hidden = true;
      moving = null;
    },
  });

  function show(appointment) {
    if (!data || !appointment?.id) return;
    const others = data.appointments.filter((a) => a.id !== appointment.id);
    data.appointments = [...others, appointment].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    render();
  }

  let rendered = '';
  function render() {
    const scheduling = allowed('SCHEDULE_APPOINTMENT') && data?.enabled;
    const visible = data?.appointments.filter((a) => a.status !== 'CANCELLED') ?? [];
    // The conversation updates often (presence, media); redraw the cards only when they change, so a click on
    // one never lands on a card just replaced.
    const key = JSON.stringify([scheduling, allowed('SUBSCRIBE_NOTIFICATIONS'), data?.expertZone, visible]);
    if (key === rendered) return;
    rendered = key;
    element.hidden = !scheduling && visible.length === 0;
    propose.hidden = !scheduling;
    notify.hidden = !allowed('SUBSCRIBE_NOTIFICATIONS') || !('serviceWorker' in navigator) || !('PushManager' in window)
      || visible.length === 0;
    list.replaceChildren(...visible.map(card));
  }

  function card(appointment) {
    const id = encodeURIComponent(appointment.id);
    const actions = [];
    if (allowed('SCHEDULE_APPOINTMENT')) {
      if (appointment.status === 'PROPOSED') {
        actions.push(h('button', { type: 'button', class: 'button button--primary button--small', testid: 'appointment-confirm',
          text: t('appointment.confirm'), onclick: (e) => run(e.currentTarget, () => api(`/me/appointments/${id}/confirm`, { method: 'POST' })) }));
      }
      actions.push(h('button', { type: 'button', class: 'button button--small', testid: 'appointment-reschedule',
        text: t('appointment.reschedule'), onclick: () => togglePicker(appointment.id) }));
      actions.push(h('button', { type: 'button', class: 'button button--small', testid: 'appointment-cancel',
        text: t('appointment.cancel'), onclick: (e) => run(e.currentTarget, () => api(`/me/appointments/${id}/cancel`, { method: 'POST' })) }));
    }
    if (allowed('INVITE_TO_APPOINTMENT') && appointment.status === 'CONFIRMED' && new Date(appointment.startsAt) > new Date()) {
      actions.push(createGuestAdder({ path: `/me/appointments/${id}/guests`, api }).element);
    }
    actions.push(h('a', { class: 'button button--small', href: safeUrl(appointment.googleCalendarUrl), target: '_blank',
      rel: 'noopener', testid: 'appointment-google', text: t('appointment.addToGoogle') }));
    actions.push(h('button', { type: 'button', class: 'button button--small', testid: 'appointment-ics',
      text: t('appointment.downloadIcs'),
      onclick: () => downloadCalendar(`/api/v1/widget/me/appointments/${id}/invitation.ics`,
        { Authorization: `Bearer ${token()}` }, appointment.id).catch((err) => { status.textContent = errorText(err); }) }));
    return appointmentCard(appointment, { myZone: BROWSER_ZONE, otherZone: data.expertZone, otherWho: appointment.expertName, actions });
  }

  /** "Notify me": a push subscription through the widget's service worker, stored for this dialog's Host. */
  async function subscribe() {
    try {
      const key = (await requestJson('/api/v1/push/vapid-public-key')).publicKey;
      const registration = await navigator.serviceWorker.register('/widget/push-worker.js', { scope: '/widget/' });
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      await api(`/me/dialogs/${encodeURIComponent(dialogId)}/notify-me`, { method: 'POST', body: subscription.toJSON() });
      status.textContent = t('appointment.notifyOn');
    } catch (err) {
      status.textContent = err instanceof Error && err.name === 'NotAllowedError' ? t('appointment.notifyUnsupported') : errorText(err);
    }
  }

  let loadedFor = '';
  return {
    element,
    /** The dialog changed: reload when its state or expert did, and report my zone once the socket is live. */
    update(dialog) {
      if (!zoneReported && allowed('SCHEDULE_APPOINTMENT') && socket()) {
        zoneReported = socket().send({ type: 'timeZone', dialogId, zone: BROWSER_ZONE }) === true;
      }
      const key = `${dialog.status}/${dialog.expert?.participantId ?? ''}`;
      if (key !== loadedFor) {
        loadedFor = key;
        load();
      } else {
        render();
      }
    },
    /** An `appointment` frame for this dialog. */
    onFrame(frame) {
      if (!data) return;
      show(frame.appointment);
    },
  };
}
