// @ts-check
// The dashboard's scheduling card: scheduled streams on or off, the slot length, an expert's time zone and working
// hours (which the booking page offers), and all appointments of the shop.
import { t } from '../shared/i18n.js';
import { h, asList, errorText, setBusy, staffApi } from '../shared/ui.js';
import { BROWSER_ZONE, formatIn } from '../shared/appointments.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export function mountSchedulingCard(main) {
  const enabled = h('input', { type: 'checkbox', id: 'scheduling-enabled', testid: 'scheduling-enabled' });
  const minutes = h('input', { type: 'number', id: 'scheduling-minutes', min: 10, max: 240, step: 5, value: 30, testid: 'scheduling-minutes' });
  const saved = h('p', { class: 'muted small', role: 'status', testid: 'scheduling-status' });
  const saveSettings = h('button', { type: 'submit', class: 'button button--primary', text: t('scheduling.save'), testid: 'scheduling-save' });
  const settings = h('form', { class: 'stack', testid: 'scheduling-settings' },
    h('div', { class: 'field field--inline' }, enabled, h('label', { for: enabled.id, text: t('scheduling.enabled') })),
    h('div', { class: 'field' }, h('label', { for: minutes.id, text: t('scheduling.minutes') }), minutes),
    saveSettings, saved);

  const expert = h('select', { id: 'hours-expert', testid: 'hours-expert' });
  const zone = h('input', { id: 'hours-zone', value: BROWSER_ZONE, testid: 'hours-zone' });
  const rows = DAYS.map((day) => ({
    day,
    from: h('input', { type: 'time', id: `hours-${day}-from`, 'aria-label': t('scheduling.from', { day: t(`scheduling.day.${day}`) }), testid: `hours-${day}-from` }),
    to: h('input', { type: 'time', id: `hours-${day}-to`, 'aria-label': t('scheduling.to', { day: t(`scheduling.day.${day}`) }), testid: `hours-${day}-to` }),
  }));
  const hoursStatus = h('p', { class: 'muted small', role: 'status', testid: 'hours-status' });
  const saveHours = h('button', { type: 'submit', class: 'button', text: t('scheduling.saveHours'), testid: 'hours-save' });
  const hours = h('form', { class: 'stack', testid: 'hours-form' },
    h('div', { class: 'field' }, h('label', { for: expert.id, text: t('scheduling.expert') }), expert),
    h('div', { class: 'field' }, h('label', { for: zone.id, text: t('scheduling.zone') }), zone),
    h('table', { class: 'table' }, h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row', text: t(`scheduling.day.${r.day}`) }),
      h('td', {}, r.from), h('td', {}, r.to))))),
    saveHours, hoursStatus);

  const list = h('ul', { class: 'items', testid: 'all-appointments' });
  const empty = h('p', { class: 'empty', text: t('appointment.none'), testid: 'all-appointments-empty' });
  main.append(h('section', { class: 'card', 'aria-labelledby': 'scheduling-title', testid: 'scheduling-card' },
    h('h2', { id: 'scheduling-title', text: t('appointment.mine') }), settings, hours, list, empty));

  settings.addEventListener('submit', async (event) => {
    event.preventDefault();
    setBusy(saveSettings, true);
    try {
      await staffApi('/scheduling/settings', { method: 'PUT', body: { enabled: enabled.checked, slotMinutes: Number(minutes.value) } });
      saved.textContent = t('scheduling.saved');
    } catch (err) {
      saved.textContent = errorText(err);
    } finally {
      setBusy(saveSettings, false);
    }
  });
  expert.addEventListener('change', () => loadHours());
  hours.addEventListener('submit', async (event) => {
    event.preventDefault();
    setBusy(saveHours, true);
    try {
      const stretches = rows.filter((r) => r.from.value && r.to.value).map((r) => ({ day: r.day, from: r.from.value, to: r.to.value }));
      await staffApi(`/scheduling/experts/${encodeURIComponent(expert.value)}/hours`, { method: 'PUT', body: { zone: zone.value, hours: stretches } });
      hoursStatus.textContent = t('scheduling.saved');
    } catch (err) {
      hoursStatus.textContent = errorText(err);
    } finally {
      setBusy(saveHours, false);
    }
  });

  async function loadHours() {
    if (!expert.value) return;
    try {
      const current = await staffApi(`/scheduling/experts/${encodeURIComponent(expert.value)}/hours`);
      if (current.zone) zone.value = current.zone;
      for (const r of rows) {
        const stretch = current.hours.find((s) => s.day === r.day);
        r.from.value = stretch ? stretch.from.slice(0, 5) : '';
        r.to.value = stretch ? stretch.to.slice(0, 5) : '';
      }
    } catch (err) {
      hoursStatus.textContent = errorText(err);
    }
  }

  (async () => {
    try {
      const [current, team, all] = await Promise.all([staffApi('/scheduling/settings'), staffApi('/team'), staffApi('/appointments/all')]);
      enabled.checked = current.enabled;
      minutes.value = String(current.slotMinutes);
      expert.replaceChildren(...asList(team).filter((m) => m.role === 'EXPERT')
        .map((m) => h('option', { value: m.id, text: m.displayName })));
      loadHours();
      list.replaceChildren(...all.map((a) => h('li', { class: 'item', testid: 'all-appointments-item', 'data-status': a.status },
        h('strong', { text: formatIn(a.startsAt, BROWSER_ZONE) }), ' ',
        h('span', { text: `${a.expertName}${a.customerName ? ` · ${a.customerName}` : ''} · ${t(`appointment.STATUS.${a.status}`)}` }))));
      empty.hidden = all.length > 0;
    } catch (err) {
      empty.textContent = errorText(err);
    }
  })();
}
