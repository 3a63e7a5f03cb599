// @ts-check
// The Host's invite panel: the link, copy, share, revoke and a new link.
import { t } from '../shared/i18n.js';
import { h, timeElement, setBusy, errorText } from '../shared/ui.js';
import { recordError } from '../shared/diagnostics.js';

/**
 * @typedef {{url: string, expiresAt?: string}} InviteLink
 * @typedef {{
 *   max: number,
 *   merchantName: () => string,
 *   link: () => InviteLink | undefined,
 *   create: () => Promise<unknown>,
 *   revoke: () => Promise<unknown>,
 *   onClose: () => void,
 * }} InviteOptions
 */

/** @param {InviteOptions} options */
export function createInvitePanel(options) {
  const parts = panelParts(options.max);
  const render = () => renderLink(parts, options.link());
  wireActions(parts, options, render);
  render();
  return { element: parts.element, focus: () => (options.link() ? parts.url : parts.renew).focus() };
}

/** @param {number} max */
function panelParts(max) {
  const button = (/** @type {string} */ testid, /** @type {string} */ kind, /** @type {string | undefined} */ text) => (
    /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: `button button--small ${kind}`, testid, text })));
  const url = /** @type {HTMLInputElement} */ (h('input', { type: 'text', id: 'invite-url', testid: 'invite-url', class: 'invite-url', readonly: true }));
  const parts = {
    url,
    expires: h('p', { class: 'hint' }),
    copy: button('invite-copy', '', t('invite.copy')),
    share: button('invite-share', '', t('invite.share')),
    revoke: button('invite-revoke', 'button--quiet', t('invite.revoke')),
    renew: button('invite-new', 'button--primary', undefined),
    close: button('invite-close', 'button--quiet', t('invite.close')),
    none: h('p', { class: 'hint', testid: 'invite-none', text: t('invite.none') }),
    status: h('p', { class: 'invite-status', role: 'status', testid: 'invite-status' }),
    error: h('p', { class: 'inline-error', role: 'alert', hidden: true }),
    linkBox: h('div', { class: 'stack invite-link' }),
    element: h('section', { class: 'invite-panel stack', testid: 'invite-panel', hidden: true, 'aria-labelledby': 'invite-title' }),
  };
  parts.share.hidden = typeof navigator.share !== 'function';
  parts.linkBox.append(
    h('div', { class: 'field' }, h('label', { for: 'invite-url', text: t('invite.linkLabel') }), url, parts.expires),
    h('div', { class: 'row row--wrap' }, parts.copy, parts.share, parts.revoke));
  parts.element.append(
    h('div', { class: 'row row--between' }, h('h2', { id: 'invite-title', class: 'view-title', text: t('invite.title') }), parts.close),
    h('p', { class: 'hint', text: t('invite.intro', { max }) }),
    parts.none, parts.linkBox, h('div', { class: 'row' }, parts.renew), parts.status, parts.error);
  return parts;
}

/** @param {ReturnType<typeof panelParts>} parts @param {InviteLink | undefined} link */
function renderLink(parts, link) {
  parts.none.hidden = Boolean(link);
  parts.linkBox.hidden = !link;
  parts.url.value = link?.url ?? '';
  const until = link?.expiresAt ? timeElement(link.expiresAt, 'datetime') : null;
  parts.expires.replaceChildren(...(until ? [t('invite.expires', { time: until.textContent })] : []));
  parts.renew.textContent = link ? t('invite.new') : t('invite.create');
}

/** @param {ReturnType<typeof panelParts>} parts @param {InviteOptions} options @param {() => void} render */
function wireActions(parts, options, render) {
  const { url, status, error, renew } = parts;
  const run = async (/** @type {HTMLButtonElement} */ button, /** @type {() => Promise<void>} */ action) => {
    error.hidden = true;
    status.textContent = '';
    setBusy(button, true, t('invite.working'));
    try {
      await action();
    } catch (err) {
      error.textContent = errorText(err);
      error.hidden = false;
    } finally {
      setBusy(button, false);
      render();
    }
  };
  renew.addEventListener('click', () => run(renew, async () => {
    await options.create();
    render();
    url.focus();
    url.select();
  }));
  parts.revoke.addEventListener('click', () => run(parts.revoke, async () => {
    await options.revoke();
    status.textContent = t('invite.revoked');
    renew.focus();
  }));
  parts.copy.addEventListener('click', () => copyLink(url, status));
  parts.share.addEventListener('click', () => shareLink(url.value, options.merchantName()));
  parts.close.addEventListener('click', options.onClose);
  parts.element.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    options.onClose();
  });
}

/** @param {HTMLInputElement} url @param {HTMLElement} status */
async function copyLink(url, status) {
  try {
    await navigator.clipboard.writeText(url.value);
    status.textContent = t('invite.copied');
  } catch {
    // No clipboard access (plain http, an iframe without permission): select the link for Ctrl+C.
    url.focus();
    url.select();
    status.textContent = document.execCommand?.('copy') ? t('invite.copied') : t('invite.copyManually');
  }
}

/** @param {string} url @param {string} merchant */
async function shareLink(url, merchant) {
  try {
    await navigator.share({ title: t('invite.shareTitle', { merchant }), url });
  } catch (err) {
    if (/** @type {Error} */ (err)?.name !== 'AbortError') recordError(err);
  }
}
