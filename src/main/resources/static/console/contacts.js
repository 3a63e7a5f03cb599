// @ts-check
// The Contacts area of the console: the expert's contacts (unread counts, search), a thread per contact, a composer
// with product cards, send later, away mode, reminders and an invite link. It never shows a contact's address.
import { t } from '../shared/i18n.js';
import { h, timeElement, staffApi as api, errorText, asList, setBusy } from '../shared/ui.js';
import { avatarElement } from '../shared/avatar.js';

/**
 * @param {{socket: {on: (type: string, fn: (frame: any) => void) => void}, notice: (text: string) => void,
 *   onUnread: (count: number) => void}} options
 */
export function createContacts({ socket, notice, onUnread }) {
  const state = { contacts: /** @type {any[]} */ ([]), selected: /** @type {string | null} */ (null),
    messages: /** @type {any[]} */ ([]), products: /** @type {any[]} */ ([]), search: '', loaded: false };

  const search = h('input', { type: 'search', id: 'contacts-search', class: 'input', testid: 'contacts-search',
    placeholder: t('contacts.search'), 'aria-label': t('contacts.search'),
    oninput: () => { state.search = search.value; load(); } });
  const list = h('ul', { class: 'items contacts-list', testid: 'contacts-list' });
  const empty = h('p', { class: 'empty', testid: 'contacts-empty', text: t('contacts.empty'), hidden: true });
  const loading = h('p', { class: 'muted', role: 'status', text: t('common.loading') });
  const thread = h('section', { class: 'contact-thread', testid: 'contact-thread', 'aria-live': 'polite' });
  const inviteBox = h('p', { class: 'muted contacts-invite', testid: 'contacts-invite-link' });
  const inviteButton = h('button', { type: 'button', class: 'button button--small', testid: 'contacts-invite',
    text: t('contacts.inviteLink'), onclick: invite });
  const awayBox = awayControls();
  const element = h('div', { class: 'contacts', testid: 'contacts-area' },
    h('div', { class: 'contacts-side' },
      h('h2', { class: 'side-heading', text: t('contacts.heading') }),
      search, loading, list, empty,
      h('div', { class: 'contacts-tools' }, inviteButton, inviteBox, awayBox.element)),
    thread);

  socket.on('contact', (frame) => upsert(frame.contact));
  socket.on('contactMessage', (frame) => {
    if (frame.contactId === state.selected) {
      const at = state.messages.findIndex((m) => m.id === frame.message.id);
      if (at >= 0) state.messages[at] = frame.message; else state.messages.push(frame.message);
      renderThread();
    }
  });
  socket.on('contactReminder', (frame) => notice(t('contacts.reminderDue', { name: frame.screenName, note: frame.note })));

  async function load() {
    try {
      const q = state.search.trim();
      state.contacts = asList(await api(`/contacts${q ? `?q=${encodeURIComponent(q)}` : ''}`));
      state.loaded = true;
      renderList();
    } catch (err) {
      notice(errorText(err));
    } finally {
      loading.hidden = true;
    }
  }

  function upsert(contact) {
    const at = state.contacts.findIndex((c) => c.id === contact.id);
    if (at >= 0) state.contacts[at] = contact; else state.contacts.unshift(contact);
    if (contact.id === state.selected) contact.unread = 0;
    renderList();
    if (contact.id === state.selected) renderThread();
  }

  function renderList() {
    list.replaceChildren(...state.contacts.map((c) => h('li', {},
      h('button', { type: 'button', class: `item${c.id === state.selected ? ' is-selected' : ''}`, testid: 'contact-item',
        'aria-current': c.id === state.selected ? 'true' : null, onclick: () => select(c.id) },
        avatarElement(c.avatar, 32),
        h('span', { class: 'item-body' },
          h('span', { class: 'item-title', text: c.screenName }),
          h('span', { class: 'item-sub', text: `${t(`contacts.channel.${c.channel}`)} · ${t(`contacts.state.${c.state}`)}` }),
          c.lastMessage ? h('span', { class: 'item-sub', text: c.lastMessage }) : null),
        c.unread ? h('span', { class: 'count', testid: 'contact-unread', 'aria-label': t('contacts.unread', { count: c.unread }), text: String(c.unread) }) : null))));
    empty.hidden = !state.loaded || state.contacts.length > 0;
    onUnread(state.contacts.reduce((sum, c) => sum + (c.unread ?? 0), 0));
  }

  async function select(id) {
    state.selected = id;
    state.messages = [];
    renderList();
    thread.replaceChildren(h('p', { class: 'muted', role: 'status', text: t('common.loading') }));
    try {
      state.messages = asList(await api(`/contacts/${encodeURIComponent(id)}/messages`));
      const contact = state.contacts.find((c) => c.id === id);
      if (contact) contact.unread = 0;
      renderList();
      renderThread();
    } catch (err) {
      thread.replaceChildren(h('p', { role: 'alert', text: errorText(err) }));
    }
  }

  function renderThread() {
    const contact = state.contacts.find((c) => c.id === state.selected);
    if (!contact) return;
    const log = h('ol', { class: 'log contact-log', testid: 'contact-log' }, state.messages.map(messageItem));
    thread.replaceChildren(
      h('header', { class: 'chat-head' }, avatarElement(contact.avatar, 40),
        h('div', {}, h('h2', { class: 'chat-title', testid: 'contact-title', text: contact.screenName }),
          h('p', { class: 'chat-meta', testid: 'contact-state',
            text: `${t(`contacts.channel.${contact.channel}`)} · ${t(`contacts.state.${contact.state}`)}` }))),
      log,
      contact.state === 'CONFIRMED' ? composer(contact) : h('p', { class: 'muted', testid: 'contact-cannot-write',
        text: t(`contacts.cannotWrite.${contact.state}`) }),
      reminderForm(contact));
    log.scrollTop = log.scrollHeight;
  }

  function messageItem(m) {
    const own = m.direction === 'OUT';
    const label = m.direction === 'IN' ? null : t(`contacts.message.${m.state}`);
    return h('li', { class: `contact-msg${own ? ' is-own' : ''}`, testid: 'contact-message', 'data-kind': m.kind },
      h('div', { class: 'bubble' },
        m.kind === 'CONFIRMATION' || m.kind === 'AUTO_REPLY' ? h('p', { class: 'muted', text: t(`contacts.kind.${m.kind}`) }) : null,
        m.template ? h('p', { class: 'muted', testid: 'contact-message-template', text: t('contacts.sentAsTemplate') }) : null,
        m.text ? h('p', { class: 'text', text: m.text }) : null,
        (m.products ?? []).map((p) => h('p', { class: 'product-card', text: `${p.title}${p.price ? ` · ${p.price}` : ''}` })),
        (m.attachments ?? []).map((a) => h('a', { href: `/api/v1/contacts/${encodeURIComponent(state.selected ?? '')}/attachments/${encodeURIComponent(a.id)}`,
          text: a.fileName, download: a.fileName }))),
      h('p', { class: 'meta' }, timeElement(m.at, 'datetime') ?? '',
        label ? h('span', { testid: 'contact-message-state', text: ` · ${label}${m.failure && m.state === 'FAILED' ? `: ${m.failure}` : ''}` }) : null,
        m.state === 'QUEUED' && new Date(m.sendAt).getTime() > Date.now()
          ? h('span', { text: ` · ${t('contacts.scheduledFor')} ` }, timeElement(m.sendAt, 'datetime') ?? '') : null));
  }

  /** WhatsApp's 24-hour window: closed, only the approved template (text only) reaches the contact. */
  function windowNotice(contact) {
    const serviceWindow = contact.channel === 'WHATSAPP' ? contact.serviceWindow : null;
    if (!serviceWindow) return { closed: false, element: null };
    if (!serviceWindow.open) {
      return { closed: true, element: h('p', { class: 'contact-window-closed', role: 'note', testid: 'contact-window-closed',
        text: t('contacts.windowClosed') }) };
    }
    return { closed: false, element: h('p', { class: 'muted', testid: 'contact-window-open' },
      t('contacts.windowOpenUntil'), ' ', timeElement(serviceWindow.closesAt, 'datetime') ?? '') };
  }

  function composer(contact) {
    const notice = windowNotice(contact);
    const text = h('textarea', { id: 'contact-text', class: 'input', rows: '3', maxlength: '5000', testid: 'contact-composer' });
    const when = h('input', { id: 'contact-when', type: 'datetime-local', class: 'input', testid: 'contact-send-at' });
    const followUp = h('input', { id: 'contact-follow-up', type: 'checkbox', testid: 'contact-follow-up' });
    const picked = h('ul', { class: 'picked-products', testid: 'contact-picked' });
    const query = h('input', { id: 'contact-product-query', type: 'search', class: 'input', testid: 'contact-product-query',
      placeholder: t('contacts.productSearch'), 'aria-label': t('contacts.productSearch') });
    const results = h('ul', { class: 'product-results', testid: 'contact-product-results' });
    const error = h('p', { class: 'form-error', role: 'alert', testid: 'contact-error' });
    const send = h('button', { type: 'submit', class: 'button', testid: 'contact-send',
      text: t(notice.closed ? 'contacts.sendTemplate' : 'contacts.send') });
    /** @type {any[]} */
    const chosen = [];
    const renderPicked = () => picked.replaceChildren(...chosen.map((p, i) => h('li', {}, p.title, ' ',
      h('button', { type: 'button', class: 'button button--small', 'aria-label': t('contacts.removeProduct', { title: p.title }), text: '×',
        onclick: () => { chosen.splice(i, 1); renderPicked(); } }))));
    query.addEventListener('input', async () => {
      const q = query.value.trim();
      if (!q) { results.replaceChildren(); return; }
      try {
        const page = await api(`/catalog/products?q=${encodeURIComponent(q)}&size=5`);
        results.replaceChildren(...asList(page).map((p) => h('li', {}, h('button', { type: 'button', class: 'button button--small',
          testid: 'contact-product-option', text: p.title, onclick: () => { chosen.push(p); renderPicked(); results.replaceChildren(); query.value = ''; } }))));
      } catch (err) {
        error.textContent = errorText(err);
      }
    });
    const form = h('form', { class: 'contact-composer', onsubmit: async (/** @type {Event} */ e) => {
      e.preventDefault();
      error.textContent = '';
      setBusy(send, true, t('contacts.sending'));
      try {
        const sendAt = when.value ? new Date(when.value).toISOString() : null;
        const message = await api(`/contacts/${encodeURIComponent(contact.id)}/messages`, { method: 'POST',
          body: { text: text.value, productIds: chosen.map((p) => p.id), sendAt, followUp: followUp.checked,
            template: notice.closed } });
        if (!state.messages.some((m) => m.id === message.id)) state.messages.push(message);
        renderThread();
      } catch (err) {
        error.textContent = errorText(err);
        setBusy(send, false);
      }
    } },
    notice.element,
    h('label', { for: 'contact-text', text: t(notice.closed ? 'contacts.templateText' : 'contacts.message') }), text,
    // A template carries text only: products wait until the contact writes again.
    notice.closed ? null : h('label', { for: 'contact-product-query', text: t('contacts.addProduct') }),
    notice.closed ? null : query, notice.closed ? null : results, notice.closed ? null : picked,
    h('div', { class: 'contact-schedule' },
      h('label', { for: 'contact-when', text: t('contacts.sendLater') }), when,
      h('label', { class: 'check' }, followUp, ' ', t('contacts.followUp'))),
    error, send);
    return form;
  }

  function reminderForm(contact) {
    const when = h('input', { id: 'reminder-when', type: 'datetime-local', class: 'input', required: true, testid: 'reminder-when' });
    const note = h('input', { id: 'reminder-note', type: 'text', class: 'input', maxlength: '1000', required: true, testid: 'reminder-note' });
    const status = h('p', { role: 'status', class: 'muted' });
    return h('form', { class: 'contact-reminder', testid: 'reminder-form', onsubmit: async (/** @type {Event} */ e) => {
      e.preventDefault();
      try {
        await api(`/contacts/${encodeURIComponent(contact.id)}/reminders`, { method: 'POST',
          body: { dueAt: new Date(when.value).toISOString(), note: note.value } });
        status.textContent = t('contacts.reminderSet');
        note.value = '';
      } catch (err) {
        status.textContent = errorText(err);
      }
    } },
    h('h3', { text: t('contacts.reminder') }),
    h('label', { for: 'reminder-when', text: t('contacts.reminderWhen') }), when,
    h('label', { for: 'reminder-note', text: t('contacts.reminderNote') }), note,
    h('button', { type: 'submit', class: 'button button--small', text: t('contacts.remind') }), status);
  }

  function awayControls() {
    const message = h('textarea', { id: 'away-message', class: 'input', rows: '2', maxlength: '2000', testid: 'away-message',
      placeholder: t('contacts.awayPlaceholder') });
    const back = h('input', { id: 'away-back', type: 'datetime-local', class: 'input', testid: 'away-back' });
    const toggle = h('button', { type: 'button', class: 'button button--small', testid: 'away-toggle' });
    const status = h('p', { role: 'status', class: 'muted', testid: 'away-status' });
    let away = false;
    const render = () => {
      toggle.textContent = away ? t('contacts.awayEnd') : t('contacts.awayStart');
      status.textContent = away ? t('contacts.awayOn') : '';
    };
    toggle.addEventListener('click', async () => {
      try {
        if (away) await api('/contacts/away', { method: 'DELETE' });
        else await api('/contacts/away', { method: 'PUT', body: { message: message.value, backAt: back.value ? new Date(back.value).toISOString() : null } });
        away = !away;
        render();
      } catch (err) {
        status.textContent = errorText(err);
      }
    });
    api('/contacts/away').then((s) => { away = Boolean(s?.away); if (s?.message) message.value = s.message; render(); })
      .catch((err) => { status.textContent = errorText(err); });
    return { element: h('details', { class: 'away' }, h('summary', { text: t('contacts.away') }),
      h('label', { for: 'away-message', text: t('contacts.awayMessage') }), message,
      h('label', { for: 'away-back', text: t('contacts.awayBack') }), back, toggle, status) };
  }

  async function invite() {
    setBusy(inviteButton, true, t('contacts.inviting'));
    try {
      const link = await api('/contacts/invites', { method: 'POST' });
      inviteBox.replaceChildren(t('contacts.inviteHint'), ' ', h('a', { href: link.url, target: '_blank', rel: 'noopener', text: link.url }),
        h('img', { src: link.qr, alt: t('contacts.inviteQrAlt'), width: '200', height: '200', testid: 'contacts-invite-qr', class: 'contacts-invite__qr' }));
    } catch (err) {
      inviteBox.textContent = errorText(err);
    } finally {
      setBusy(inviteButton, false);
    }
  }

  return { element, load };
}
