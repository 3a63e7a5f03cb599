// @ts-check
// Appointments shared by the widget and the console: the time picker with quick picks and both time zones, the
// appointment card, and formatting. Times travel as a local date + time + IANA zone; instants come back.
import { t } from './i18n.js';
import { h, errorText, setBusy } from './ui.js';

/** The browser's IANA zone, as the server expects it. */
export const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Wall-clock parts of an instant in a zone.
 * @param {Date} instant
 * @param {string} zone
 */
export function localParts(instant, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The instant a local date and time mean in a zone (the first one in an autumn overlap; a time in a spring gap moves
 * forward like the clocks do; the server refuses it with a clear message).
 * @param {string} date yyyy-mm-dd
 * @param {string} time HH:mm
 * @param {string} zone
 */
export function instantOf(date, time, zone) {
  const guess = new Date(`${date}T${time}:00Z`);
  let instant = guess;
  for (let i = 0; i < 3; i++) {
    const seen = localParts(instant, zone);
    const drift = new Date(`${seen.date}T${seen.time}:00Z`).getTime() - guess.getTime();
    if (drift === 0) break;
    instant = new Date(instant.getTime() - drift);
  }
  return instant;
}

/** @param {string} iso @param {string} zone */
export function formatIn(iso, zone) {
  const at = new Date(iso);
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone }).format(at);
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(at);
  return t('appointment.when', { day, time });
}

/**
 * A time picker: quick picks (today, tomorrow, the day after), a date and a time in my zone, and the same moment in
 * the other side's zone; changing either time moves the other.
 * @param {{myZone: string, otherZone: () => string | null, testid: string, submitLabel: string,
 *   onSubmit: (slot: {date: string, time: string, zone: string}, button: HTMLButtonElement) => void}} options
 */
export function createTimePicker({ myZone, otherZone, testid, submitLabel, onSubmit }) {
  const date = h('input', { type: 'date', id: `${testid}-date`, required: true, testid: `${testid}-date` });
  const time = h('input', { type: 'time', id: `${testid}-time`, required: true, step: 300, testid: `${testid}-time` });
  const other = h('input', { type: 'time', id: `${testid}-other`, step: 300, testid: `${testid}-other` });
  const otherLabel = h('label', { for: `${testid}-other` });
  const otherField = h('div', { class: 'field' }, otherLabel, other);
  const submit = h('button', { type: 'submit', class: 'button button--primary', testid: `${testid}-submit`, text: submitLabel });
  const quick = (days, key) => h('button', {
    type: 'button', class: 'button button--small', testid: `${testid}-quick-${days}`, text: t(key),
    onclick: () => { date.value = dayFrom(days, myZone); syncOther(); },
  });
  const form = h('form', { class: 'appointment-picker stack', testid },
    h('div', { class: 'appointment-quick', role: 'group', 'aria-label': t('appointment.date') },
      quick(0, 'appointment.today'), quick(1, 'appointment.tomorrow'), quick(2, 'appointment.dayAfter')),
    h('div', { class: 'field' }, h('label', { for: date.id, text: t('appointment.date') }), date),
    h('div', { class: 'field' }, h('label', { for: time.id, text: t('appointment.yourTime', { zone: myZone }) }), time),
    otherField, submit);

  function syncOther() {
    const zone = otherZone();
    otherField.hidden = !zone || zone === myZone;
    if (!zone || !date.value || !time.value) return;
    other.value = localParts(instantOf(date.value, time.value, myZone), zone).time;
  }

  function syncMine() {
    const zone = otherZone();
    if (!zone || !date.value || !other.value) return;
    // The other side's date may differ from mine; keep my date's day in their zone, then convert back.
    const theirDate = localParts(instantOf(date.value, time.value || '12:00', myZone), zone).date;
    const mine = localParts(instantOf(theirDate, other.value, zone), myZone);
    date.value = mine.date;
    time.value = mine.time;
  }

  date.addEventListener('change', syncOther);
  time.addEventListener('input', syncOther);
  other.addEventListener('input', syncMine);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!date.value || !time.value) return;
    onSubmit({ date: date.value, time: time.value, zone: myZone }, /** @type {HTMLButtonElement} */ (submit));
  });

  return {
    element: form,
    refresh() {
      otherLabel.textContent = t('appointment.otherTime', { zone: otherZone() ?? '' });
      syncOther();
    },
  };
}

/** yyyy-mm-dd of today plus `days` in the zone. */
function dayFrom(days, zone) {
  return localParts(new Date(Date.now() + days * 86_400_000), zone).date;
}

/**
 * One appointment as a card: when, in my zone and the other side's; its status; and the actions given.
 * @param {any} appointment
 * @param {{myZone: string, otherZone: string | null, otherWho: string, actions: HTMLElement[]}} options
 */
export function appointmentCard(appointment, { myZone, otherZone, otherWho, actions }) {
  const theirs = otherZone && otherZone !== myZone
    ? h('p', { class: 'muted small', testid: 'appointment-their-time',
        text: t('appointment.theirTime', { time: formatIn(appointment.startsAt, otherZone), who: otherWho, zone: otherZone }) })
    : null;
  return h('article', { class: `appointment-card appointment-card--${appointment.status.toLowerCase()}`,
    testid: 'appointment-card', 'data-appointment-id': appointment.id, 'data-status': appointment.status },
  h('p', {}, h('strong', { text: t('appointment.title') }), ' · ',
    h('span', { testid: 'appointment-status', text: t(`appointment.STATUS.${appointment.status}`) })),
  h('p', { testid: 'appointment-when', text: formatIn(appointment.startsAt, myZone) }),
  theirs,
  h('div', { class: 'appointment-actions' }, ...actions));
}

/**
 * What the widget's and the console's appointment panels share: loading the appointments, and sending a change with
 * its button busy, a refusal shown in `error` and, once it went through, `changed` told and the panel loaded again.
 * @param {{fetch: () => Promise<any>, loaded: (data: any) => void, error: HTMLElement,
 *   loadError?: (err: any) => void, changed?: (result: any) => void}} options
 */
export function createAppointmentRequests({ fetch, loaded, error, loadError, changed }) {
  /** @param {any} err */
  function fail(err) {
    error.textContent = errorText(err);
    error.hidden = false;
  }

  async function load() {
    try {
      loaded(await fetch());
    } catch (err) {
      (loadError ?? fail)(err);
    }
  }

  /** @param {HTMLButtonElement} button @param {() => Promise<any>} call */
  async function run(button, call) {
    setBusy(button, true);
    error.hidden = true;
    try {
      changed?.(await call());
      await load();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(button, false);
    }
  }

  return { load, run };
}
