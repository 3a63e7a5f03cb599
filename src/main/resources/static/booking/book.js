// @ts-check
// The public booking page: an expert's free slots in the visitor's own time zone, and booking one with name and email.
import { t, translatePage } from '/shared/i18n.js';
import { ApiError, errorText, h, requestJson, setBusy, showFormErrors } from '/shared/ui.js';
import { downloadCalendar } from '/shared/calendar.js';

const body = document.body;
const merchant = body.dataset.merchant ?? '';
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const slotsBox = /** @type {HTMLElement} */ (document.getElementById('book-slots'));
const status = /** @type {HTMLElement} */ (document.getElementById('book-status'));
const form = /** @type {HTMLFormElement} */ (document.getElementById('book-form'));
const formError = /** @type {HTMLElement} */ (document.getElementById('book-error'));
/** @type {{expert: string, name: string, start: string} | null} */
let chosen = null;

translatePage();
/** @type {HTMLElement} */ (document.getElementById('book-zone')).textContent = t('book.zone', { zone });

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

async function loadSlots() {
  status.textContent = t('common.loading');
  const query = new URLSearchParams();
  if (body.dataset.expert) query.set('expert', body.dataset.expert);
  if (body.dataset.store) query.set('store', body.dataset.store);
  try {
    const experts = await requestJson(`/api/v1/book/${encodeURIComponent(merchant)}/slots?${query}`);
    renderExperts(experts);
    status.textContent = experts.some((e) => e.slots.length) ? '' : t('book.noSlots');
  } catch (err) {
    status.textContent = errorText(err);
  }
}

/** @param {{expert: string, name: string, store: string | null, zone: string, slots: string[]}[]} experts */
function renderExperts(experts) {
  slotsBox.querySelectorAll('.booking-expert').forEach((el) => el.remove());
  for (const expert of experts) {
    const days = new Map();
    for (const start of expert.slots) {
      const day = dayFormat.format(new Date(start));
      if (!days.has(day)) days.set(day, []);
      days.get(day).push(start);
    }
    const section = h('section', { class: 'booking-expert card', testid: `book-expert-${expert.expert}` },
      h('h3', {}, expert.store ? `${expert.name} · ${expert.store}` : expert.name));
    for (const [day, starts] of days) {
      section.append(h('div', { class: 'booking-day' }, h('h4', {}, day),
        h('ul', { class: 'booking-times' }, ...starts.map((start) => h('li', {}, slotButton(expert, start))))));
    }
    slotsBox.append(section);
  }
}

function slotButton(expert, start) {
  const theirs = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: expert.zone })
    .format(new Date(start));
  const button = h('button', {
    type: 'button', class: 'button', 'aria-pressed': 'false', 'data-start': start, testid: 'book-slot',
    title: t('book.theirTime', { time: theirs, zone: expert.zone }),
  }, timeFormat.format(new Date(start)));
  button.addEventListener('click', () => {
    slotsBox.querySelectorAll('[aria-pressed="true"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    button.setAttribute('aria-pressed', 'true');
    chosen = { expert: expert.expert, name: expert.name, start };
    /** @type {HTMLElement} */ (document.getElementById('book-chosen')).textContent = t('book.chosen', {
      name: expert.name, day: dayFormat.format(new Date(start)), time: timeFormat.format(new Date(start)),
    });
    form.hidden = false;
    /** @type {HTMLInputElement} */ (document.getElementById('book-name')).focus();
  });
  return button;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!chosen) return;
  const submit = /** @type {HTMLButtonElement} */ (form.querySelector('button[type="submit"]'));
  setBusy(submit, true, t('book.booking'));
  formError.hidden = true;
  const data = new FormData(form);
  try {
    const booked = await requestJson(`/api/v1/book/${encodeURIComponent(merchant)}`, {
      method: 'POST',
      body: { name: data.get('name'), email: data.get('email'), expert: chosen.expert, start: chosen.start, zone },
    });
    showBooked(booked);
  } catch (err) {
    showFormErrors(form, formError, err);
    formError.hidden = !formError.textContent;
    if (err instanceof ApiError && err.code === 'slot_taken') loadSlots();
  } finally {
    setBusy(submit, false);
  }
});

function showBooked(booked) {
  const appointment = booked.appointment;
  form.hidden = true;
  slotsBox.hidden = true;
  const done = /** @type {HTMLElement} */ (document.getElementById('book-done'));
  done.hidden = false;
  /** @type {HTMLElement} */ (document.getElementById('book-done-text')).textContent = t('book.doneText', {
    name: appointment.expertName, day: dayFormat.format(new Date(appointment.startsAt)),
    time: timeFormat.format(new Date(appointment.startsAt)),
  });
  /** @type {HTMLAnchorElement} */ (document.getElementById('book-google')).href = appointment.googleCalendarUrl;
  /** @type {HTMLElement} */ (document.getElementById('book-ics')).addEventListener('click', () =>
    downloadCalendar(`/api/v1/widget/me/appointments/${appointment.id}/invitation.ics`, { Authorization: `Bearer ${booked.token}` },
      appointment.id).catch((err) => { status.textContent = errorText(err); }));
  done.querySelector('h2')?.focus();
}

loadSlots();
