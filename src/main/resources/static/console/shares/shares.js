// @ts-check
// The console's Share panel: an expert searches the catalog, shares a product as a link that counts visits and
// attributes orders, and copies the link, shows its QR code or revokes it. Mounts itself beside the topbar links.
import { t } from '../../shared/i18n.js';
import { h, staffApi, errorText, timeElement } from '../../shared/ui.js';

const SEARCH_SIZE = 8;

/** @param {string} testid */
const byTestId = (testid) => /** @type {HTMLElement} */ (document.querySelector(`[data-testid="${testid}"]`));

function mount() {
  const topbar = document.querySelector('.topbar-end');
  if (!topbar || byTestId('shares-open')) return;
  const panel = createPanel();
  const open = h('button', { type: 'button', class: 'topbar-link', testid: 'shares-open', 'aria-haspopup': 'dialog', text: t('shares.open') });
  open.addEventListener('click', () => panel.show());
  topbar.prepend(open);
  document.body.append(panel.element);
}

function createPanel() {
  const search = /** @type {HTMLInputElement} */ (h('input', { id: 'shares-q', type: 'search', maxlength: '200', testid: 'shares-search', autocomplete: 'off' }));
  const results = h('ul', { class: 'shares-results', testid: 'shares-results', 'aria-live': 'polite' });
  const list = h('ul', { class: 'shares-list', testid: 'shares-list' });
  const status = h('p', { class: 'shares-status', role: 'status', testid: 'shares-status' });
  const error = h('p', { class: 'form-error', role: 'alert', testid: 'shares-error', hidden: true });
  const qr = h('figure', { class: 'shares-qr', testid: 'shares-qr', hidden: true });
  const close = h('button', { type: 'button', class: 'button button--quiet', testid: 'shares-close', text: t('shares.close') });
  const form = h('form', { class: 'shares-search', role: 'search' },
    h('label', { for: 'shares-q', text: t('shares.searchLabel') }), search,
    h('button', { type: 'submit', class: 'button', text: t('shares.searchButton') }));
  const element = /** @type {HTMLDialogElement} */ (h('dialog', { class: 'shares-panel', testid: 'shares-panel', 'aria-labelledby': 'shares-title' },
    h('div', { class: 'shares-head' }, h('h2', { id: 'shares-title', text: t('shares.title') }), close),
    form, results, error, qr,
    h('h3', { text: t('shares.mine') }), status, list));

  close.addEventListener('click', () => element.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    find(search.value.trim());
  });

  function fail(err) {
    error.textContent = errorText(err);
    error.hidden = false;
  }

  async function find(q) {
    error.hidden = true;
    results.replaceChildren(h('li', { class: 'muted', text: t('common.loading') }));
    try {
      const page = await staffApi(`/catalog/products?size=${SEARCH_SIZE}&q=${encodeURIComponent(q)}`);
      results.replaceChildren(...page.items.map(productItem));
      if (!page.items.length) results.replaceChildren(h('li', { class: 'muted', text: t('shares.noProducts') }));
    } catch (err) {
      results.replaceChildren();
      fail(err);
    }
  }

  function productItem(product) {
    const share = h('button', { type: 'button', class: 'button', testid: 'shares-create', text: t('shares.share') });
    share.addEventListener('click', async () => {
      error.hidden = true;
      share.setAttribute('disabled', '');
      try {
        const created = await staffApi('/shares', { method: 'POST', body: { productId: product.id } });
        await load();
        showQr(created);
      } catch (err) {
        fail(err);
      } finally {
        share.removeAttribute('disabled');
      }
    });
    return h('li', { class: 'shares-item' },
      h('span', { class: 'shares-title', text: product.title }),
      h('span', { class: 'muted', text: product.sku ?? '' }), share);
  }

  function showQr(share) {
    qr.replaceChildren(
      h('img', { src: `/api/v1/shares/${encodeURIComponent(share.id)}/qr.svg`, alt: t('shares.qrAlt', { title: share.productTitle }), width: '200', height: '200' }),
      h('figcaption', {}, h('a', { href: `/api/v1/shares/${encodeURIComponent(share.id)}/qr.png`, download: 'share-qr.png', text: t('shares.downloadPng') })));
    qr.hidden = false;
  }

  function shareItem(share) {
    const copy = h('button', { type: 'button', class: 'button button--quiet', testid: 'shares-copy', text: t('shares.copy') });
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(share.link);
        status.textContent = t('shares.copied');
      } catch {
        status.textContent = t('shares.copyManually', { link: share.link });
      }
    });
    const showCode = h('button', { type: 'button', class: 'button button--quiet', testid: 'shares-show-qr', text: t('shares.showQr') });
    showCode.addEventListener('click', () => showQr(share));
    const revoke = h('button', { type: 'button', class: 'button button--danger', testid: 'shares-revoke', text: t('shares.revoke') });
    revoke.addEventListener('click', async () => {
      try {
        await staffApi(`/shares/${encodeURIComponent(share.id)}/revoke`, { method: 'POST' });
        qr.hidden = true;
        await load();
      } catch (err) {
        fail(err);
      }
    });
    return h('li', { class: 'shares-item', testid: 'shares-row', 'data-revoked': String(share.revoked) },
      h('span', { class: 'shares-title', text: share.productTitle }),
      h('span', { class: 'muted', testid: 'shares-visits', text: t('shares.visits', { count: share.visits }) }),
      share.revoked ? h('span', { class: 'muted', text: t('shares.revoked') }) : [copy, showCode, revoke],
      h('span', { class: 'muted' }, timeElement(share.createdAt, 'date')));
  }

  async function load() {
    status.textContent = t('common.loading');
    try {
      const shares = await staffApi('/shares');
      list.replaceChildren(...shares.map(shareItem));
      status.textContent = shares.length ? '' : t('shares.empty');
    } catch (err) {
      status.textContent = '';
      fail(err);
    }
  }

  return {
    element,
    show() {
      element.showModal();
      search.focus();
      load();
      find('');
    },
  };
}

const style = document.createElement('link');
style.rel = 'stylesheet';
style.href = new URL('./shares.css', import.meta.url).href;
document.head.append(style);
mount();
