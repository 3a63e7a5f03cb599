// The merchant dashboard: embed code, button/widget settings, team and dialogs.
import { t, translatePage, hasTranslation } from '../shared/i18n.js';
import { avatarElement } from '../shared/avatar.js';
import {
  h, timeElement, stars, setBusy, asList, staffApi as api, errorText,
  showFormErrors, clearFormErrors, eventElement, transcriptOf, statusBadge, routingLogItem,
} from '../shared/ui.js';
import { loadTranscript } from '../shared/transcript.js';
import { createDialogStore } from '../shared/store.js';
import { dialogOrders } from './dialog-orders.js';
import { mountSchedulingCard } from './appointments.js';
import { mountRoomsCard } from './rooms.js';

const STATUS_SHOW_MS = 4000;
const page = document.body.dataset;
// The dialogs the dashboard has loaded, kept like the widget and the console keep theirs.
const store = createDialogStore();

translatePage(document);
showOfferTime();
renderSnippet();
wireSettings();
wireTeam();
wireDrawer();
document.body.dataset.ready = 'true'; // the template's controls are live from here on
loadSettings();
loadTeam();
loadDialogs();
loadReports();
mountSchedulingCard(document.getElementById('main'));
mountRoomsCard(document.getElementById('main'));

// ---------------------------------------------------------------- embed snippet

function renderSnippet() {
  const snippet = `<script src="${location.origin}/embed.js" data-merchant="${page.merchantSlug ?? ''}" async></script>`;
  const code = byTestId('embed-snippet');
  code.textContent = snippet;
  byTestId('copy-snippet').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      flash(byTestId('copy-status'), t('admin.copied'));
    } catch {
      // Clipboard refused (e.g. plain http): select the text so Ctrl+C works.
      getSelection().selectAllChildren(code);
      flash(byTestId('copy-status'), t('admin.copyManually'));
    }
  });
}

// ---------------------------------------------------------------- settings

function settingsForm() {
  return byTestId('settings-form');
}

async function loadSettings() {
  const form = settingsForm();
  try {
    const merchant = await api('/merchant');
    fillSettings(form, merchant?.settings ?? merchant ?? {});
    form.removeAttribute('aria-busy');
  } catch (err) {
    showFormErrors(form, form.querySelector('.form-error'), err);
  }
}

function fillSettings(form, settings) {
  const el = form.elements;
  el.buttonColor.value = settings.buttonColor ?? '#1f6feb';
  el.buttonPosition.value = settings.buttonPosition ?? 'bottom-right';
  el.buttonLabel.value = settings.buttonLabel ?? '';
  el.collectPersonalData.checked = settings.collectPersonalData === true;
  el.coopShopping.checked = settings.coopShopping !== false;
  const fields = new Set(settings.personalDataFields ?? []);
  for (const box of form.querySelectorAll('input[name="personalDataFields"]')) box.checked = fields.has(box.value);
  el.privacyPolicyUrl.value = settings.privacyPolicyUrl ?? '';
  el.routingFallbackSeconds.value = settings.routingFallbackSeconds ?? 60;
  el.abandonedByExpert.value = settings.abandonedByExpert ?? 'REQUEUE';
  el.expertCapacity.value = settings.expertCapacity ?? 3;
  syncPersonalDataFields(form);
}

/** The offer time is the server's (vitrine.routing.offer-timeout); the console counts down the same offers. */
function showOfferTime() {
  const note = byTestId('settings-offer-time');
  note.textContent = t('settings.offerTime', { seconds: note.dataset.offerSeconds });
}

/** The field choice only matters while personal data is collected. */
function syncPersonalDataFields(form) {
  const collect = form.elements.collectPersonalData.checked;
  form.querySelector('[data-pd-fields]').disabled = !collect;
}

function wireSettings() {
  const form = settingsForm();
  const errorBox = form.querySelector('.form-error');
  form.elements.collectPersonalData.addEventListener('change', () => syncPersonalDataFields(form));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const submit = byTestId('settings-save');
    clearFormErrors(form, errorBox);
    setBusy(submit, true, t('admin.saving'));
    try {
      const saved = await api('/merchant/settings', { method: 'PUT', body: readSettings(form) });
      if (saved) fillSettings(form, saved.settings ?? saved);
      flash(byTestId('settings-status'), t('admin.saved'));
    } catch (err) {
      showFormErrors(form, errorBox, err);
    } finally {
      setBusy(submit, false);
    }
  });
}

function readSettings(form) {
  const el = form.elements;
  return {
    buttonColor: el.buttonColor.value,
    buttonPosition: el.buttonPosition.value,
    buttonLabel: el.buttonLabel.value.trim(),
    collectPersonalData: el.collectPersonalData.checked,
    coopShopping: el.coopShopping.checked,
    personalDataFields: [...form.querySelectorAll('input[name="personalDataFields"]:checked')].map((box) => box.value),
    privacyPolicyUrl: el.privacyPolicyUrl.value.trim() || null,
    routingFallbackSeconds: Number(el.routingFallbackSeconds.value),
    expertCapacity: Number(el.expertCapacity.value),
    abandonedByExpert: el.abandonedByExpert.value,
  };
}

// ---------------------------------------------------------------- team

async function loadTeam() {
  const list = byTestId('team-list');
  try {
    const members = asList(await api('/team'));
    list.replaceChildren(...members.map(memberRow));
    byTestId('team-empty').hidden = members.length > 0;
  } catch (err) {
    list.replaceChildren(errorRow(err, 5));
  }
}

function memberRow(member) {
  const name = member.displayName ?? member.name ?? member.email;
  return h('tr', { testid: 'team-item' },
    h('td', {}, h('span', { class: 'person' }, avatarElement({ name, initials: member.initials, color: member.color }, 28), h('span', { text: name }))),
    h('td', { text: member.email ?? '' }),
    h('td', { text: label('role', member.role) }),
    h('td', { text: [member.handle, member.store].filter(Boolean).join(' · ') }),
    h('td', { text: label('presence', member.presence) }));
}

/** A translated enum value, or the value itself when there is no translation. */
function label(group, value) {
  return hasTranslation(`${group}.${value}`) ? t(`${group}.${value}`) : String(value ?? '');
}

function wireTeam() {
  const form = byTestId('team-form');
  const errorBox = form.querySelector('.form-error');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const submit = byTestId('team-add');
    clearFormErrors(form, errorBox);
    setBusy(submit, true, t('admin.adding'));
    const el = form.elements;
    const body = {
      email: el.email.value.trim(),
      displayName: el.displayName.value.trim(),
      password: el.password.value,
      role: el.role.value,
    };
    if (el.handle.value.trim()) body.handle = el.handle.value.trim();
    if (el.store.value.trim()) body.store = el.store.value.trim();
    try {
      await api('/team', { method: 'POST', body });
      form.reset();
      flash(byTestId('team-status'), t('admin.memberAdded', { name: body.displayName }));
      await loadTeam();
    } catch (err) {
      showFormErrors(form, errorBox, err);
    } finally {
      setBusy(submit, false);
    }
  });
}

// ---------------------------------------------------------------- dialogs and the detail drawer

async function loadDialogs() {
  const body = byTestId('dialogs-table').querySelector('tbody');
  try {
    const dialogs = store.rememberAll(asList(await api('/dialogs')));
    body.replaceChildren(...dialogs.map(dialogRow));
    byTestId('dialogs-empty').hidden = dialogs.length > 0;
  } catch (err) {
    body.replaceChildren(errorRow(err, 6));
  }
}

function dialogRow(dialog) {
  const open = h('button', { type: 'button', class: 'link-button', testid: 'dialog-open', text: t('admin.view') });
  open.addEventListener('click', () => openDrawer(dialog.id, open));
  return h('tr', { testid: 'dialog-row', 'data-dialog-id': dialog.id },
    h('td', {}, timeElement(dialog.createdAt, 'datetime')),
    h('td', {}, person(dialog.host)),
    h('td', {}, dialog.expert ? person(dialog.expert) : h('span', { class: 'muted', text: '—' })),
    h('td', {}, statusBadge(dialog.status)),
    h('td', {}, dialog.rating != null ? h('span', { class: 'stars-static', role: 'img', 'aria-label': t('console.rated', { score: dialog.rating }), text: stars(dialog.rating) }) : ''),
    h('td', {}, open));
}

function person(avatar) {
  if (!avatar) return null;
  return h('span', { class: 'person' }, avatarElement(avatar, 24), h('span', { text: avatar.name ?? '' }));
}

let drawerOpener = null;

function wireDrawer() {
  const drawer = byTestId('dialog-drawer');
  byTestId('drawer-close').addEventListener('click', closeDrawer);
  drawer.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeDrawer();
  });
  byTestId('dialogs-refresh').addEventListener('click', loadDialogs);
  byTestId('reports-refresh').addEventListener('click', loadReports);
}

async function openDrawer(dialogId, opener) {
  const drawer = byTestId('dialog-drawer');
  const content = drawer.querySelector('[data-drawer-content]');
  drawerOpener = opener;
  drawer.hidden = false;
  byTestId('drawer-close').focus();
  content.replaceChildren(h('p', { class: 'muted', role: 'status', text: t('common.loading') }));
  try {
    const [detail, log] = await Promise.all([
      loadTranscript(api, `/dialogs/${encodeURIComponent(dialogId)}`),
      api(`/dialogs/${encodeURIComponent(dialogId)}/log`).catch(() => []),
    ]);
    content.replaceChildren(dialogDetail(detail, asList(log)), dialogOrders(dialogId));
  } catch (err) {
    content.replaceChildren(h('p', { class: 'error', role: 'alert', text: errorText(err) }));
  }
}

function closeDrawer() {
  byTestId('dialog-drawer').hidden = true;
  drawerOpener?.focus();
  drawerOpener = null;
}

function dialogDetail(detail, routingLog) {
  const { dialog, events } = transcriptOf(detail);
  if (dialog.id) {
    store.remember(dialog);
    store.setTimeline(dialog.id, events);
  }
  const isStaff = (author) => author?.role === 'EXPERT' || author?.role === 'ADMIN';
  return h('div', {},
    h('p', { class: 'drawer-meta' },
      statusBadge(dialog.status), ' ',
      timeElement(dialog.createdAt, 'datetime')),
    h('div', { class: 'participants' }, (dialog.participants?.length ? dialog.participants : [dialog.host, dialog.expert].filter(Boolean)).map(person)),
    dialog.rating != null ? h('p', { testid: 'drawer-rating' }, h('span', { class: 'stars-static', 'aria-hidden': 'true', text: stars(dialog.rating) }), ` ${t('console.ratedShort', { score: dialog.rating })}`) : null,
    dialog.ratingComment ? h('blockquote', { class: 'comment', text: dialog.ratingComment }) : null,
    h('h3', { text: t('admin.transcript') }),
    events.length
      ? h('ol', { class: 'chat-log', testid: 'drawer-transcript' }, events.map((event) => eventElement(event, isStaff)))
      : h('p', { class: 'muted', text: t('admin.noMessages') }),
    h('h3', { text: t('console.routingLog') }),
    routingLog.length
      ? h('ol', { class: 'routing-log', testid: 'drawer-routing-log' }, routingLog.map(routingLogItem))
      : h('p', { class: 'muted', text: t('console.noLog') }));
}

// ---------------------------------------------------------------- problem reports

async function loadReports() {
  const list = byTestId('reports-list');
  const loading = byTestId('reports-loading');
  loading.hidden = false;
  try {
    const reports = asList(await api('/reports?limit=50'));
    list.replaceChildren(...reports.map(reportItem));
    byTestId('reports-empty').hidden = reports.length > 0;
  } catch (err) {
    list.replaceChildren(h('li', { class: 'error', role: 'alert', text: errorText(err) }));
  } finally {
    loading.hidden = true;
  }
}

function reportItem(report) {
  const open = h('button', { type: 'button', class: 'link-button', testid: 'report-dialog', text: t('admin.reportDialog') });
  open.addEventListener('click', () => openDrawer(report.dialogId, open));
  return h('li', { class: 'report-item', testid: 'report-item', 'data-report-id': report.id, 'data-dialog-id': report.dialogId },
    h('div', { class: 'row row--between' },
      h('span', { class: 'row' }, person(report.reporter), report.reporter?.role ? h('span', { class: 'badge', text: label('role', report.reporter.role) }) : null),
      h('span', { class: 'row' }, timeElement(report.reportedAt, 'datetime'), open)),
    h('p', { class: report.text ? 'report-text' : 'report-text muted', text: report.text || t('admin.reportNoText') }),
    h('p', { class: 'report-context muted small', testid: 'report-context', text: contextSummary(report.context ?? {}) }));
}

/** A report's technical context in one readable line: browser, screen, socket, media connections, errors. */
function contextSummary(context) {
  const parts = [];
  if (context.userAgent) parts.push(browserName(String(context.userAgent)));
  if (context.viewport) parts.push(String(context.viewport));
  if (context.mode) parts.push(String(context.mode).toLowerCase());
  if (context.socket) parts.push(t('admin.reportSocket', { state: context.socket }));
  const peers = Object.values(context.peers ?? {});
  parts.push(peers.length
    ? t('admin.reportPeers', { count: peers.length, states: peers.map((p) => p?.state ?? p?.connection ?? '?').join(', ') })
    : t('admin.reportNoPeers'));
  const errors = Array.isArray(context.errors) ? context.errors : [];
  if (errors.length) {
    const last = errors[errors.length - 1];
    parts.push(`${t('admin.reportErrors', { count: errors.length })} (${t('admin.reportLastError', { message: last?.message ?? last })})`);
  }
  return parts.join(' · ');
}

function browserName(userAgent) {
  const match = /(Edg|OPR|Firefox|Chrome|Chromium|Version)\/(\d+)/.exec(userAgent);
  if (!match) return userAgent.slice(0, 40);
  const names = { Edg: 'Edge', OPR: 'Opera', Version: /Mobile/.test(userAgent) ? 'Mobile Safari' : 'Safari' };
  return `${names[match[1]] ?? match[1]} ${match[2]}${/Mobile|Android/.test(userAgent) ? ' (mobile)' : ''}`;
}

// ---------------------------------------------------------------- helpers

function errorRow(err, columns) {
  return h('tr', {}, h('td', { colspan: String(columns), class: 'error', role: 'alert', text: errorText(err) }));
}

function flash(el, message) {
  el.textContent = message;
  clearTimeout(el.flashTimer);
  el.flashTimer = setTimeout(() => { el.textContent = ''; }, STATUS_SHOW_MS);
}

function byTestId(id) {
  return document.querySelector(`[data-testid="${id}"]`);
}
