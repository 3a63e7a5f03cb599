// @ts-check
// The expert's products in a live dialog: a picker (search, favourites first, recently shown here) to show a
// product to everyone or suggest it into the Host's cart, the live cart, and the vote tallies on the cards.
import { t } from '../../shared/i18n.js';
import { h, staffApi, errorText, refusalText } from '../../shared/ui.js';
import { createProductState, decorateCards, createCartPanel, formatMoney } from '../../shared/products.js';

const PAGE_SIZE = 20;
const PRODUCT_ERRORS = new Set(['not_shown', 'empty_cart', 'already_answered', 'not_accepted', 'ended', 'forbidden', 'not_found', 'invalid']);

/**
 * @param {{dialogId: string, socket: any, log: Element, timeline: () => any[]}} options
 */
export function createProductsPanel({ dialogId, socket, log, timeline }) {
  const products = createProductState({ dialogId, socket, onChange: () => render() });
  const cards = decorateCards(log, () => ({ canVote: false, canAdd: false, seesTallies: true }), products);
  const cart = createCartPanel(products, { rights: () => ({ host: false, canHandOff: false }) });

  const status = h('p', { class: 'picker-status', role: 'status', testid: 'picker-status' });
  const search = h('input', { type: 'search', id: `product-search-${dialogId}`, class: 'picker-search', testid: 'product-search',
    placeholder: t('products.searchPlaceholder'), autocomplete: 'off', enterkeyhint: 'search' });
  const recent = h('ul', { class: 'picker-list', testid: 'recent-products', 'aria-label': t('products.recent') });
  const recentHeading = h('h4', { class: 'picker-heading', text: t('products.recent') });
  const results = h('ul', { class: 'picker-list', testid: 'product-results', 'aria-label': t('products.results'), 'aria-busy': 'false' });
  const more = h('button', { type: 'button', class: 'button button--small', testid: 'product-more', text: t('products.loadMore'), hidden: true });
  const close = h('button', { type: 'button', class: 'button button--small', testid: 'products-close', text: '×', 'aria-label': t('products.close') });
  const picker = h('section', { class: 'product-picker', testid: 'product-picker', hidden: true, 'aria-label': t('products.picker') },
    h('div', { class: 'picker-top' },
      h('label', { for: search.id, class: 'picker-label', text: t('products.search') }), close),
    search, status, recentHeading, recent,
    h('h4', { class: 'picker-heading', text: t('products.results') }), results, more);
  const toggle = h('button', { type: 'button', class: 'button button--small', testid: 'products-open', 'aria-expanded': 'false',
    text: t('products.open') });

  let query = '';
  let page = 0;
  let searchTimer = 0;
  let loadedOnce = false;

  toggle.addEventListener('click', () => setOpen(picker.hidden));
  close.addEventListener('click', () => setOpen(false));
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = window.setTimeout(() => find(search.value.trim(), 0), 250);
  });
  more.addEventListener('click', () => find(query, page + 1));
  const offError = socket.on('error', (/** @type {any} */ frame) => {
    if (frame.dialogId === dialogId && !picker.hidden && PRODUCT_ERRORS.has(frame.code)) status.textContent = refusalText(frame);
  });

  function setOpen(/** @type {boolean} */ open) {
    picker.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (!open) return;
    renderRecent();
    if (!loadedOnce) find('', 0);
    search.focus();
  }

  /** Favourites come first in the server's answer; a blank query lists the catalog by title. */
  async function find(/** @type {string} */ q, /** @type {number} */ next) {
    query = q;
    page = next;
    results.setAttribute('aria-busy', 'true');
    if (next === 0) status.textContent = t('common.loading');
    try {
      const found = await staffApi(`/catalog/products?q=${encodeURIComponent(q)}&page=${next}&size=${PAGE_SIZE}`);
      if (q !== query) return; // a newer search is on its way
      loadedOnce = true;
      const items = (found?.items ?? []).map(resultItem);
      if (next === 0) results.replaceChildren(...keepChoices(items));
      else results.append(...items);
      more.hidden = !found?.hasNext;
      status.textContent = next === 0 && items.length === 0 ? t('products.noResults') : '';
    } catch (err) {
      status.textContent = errorText(err);
    } finally {
      results.setAttribute('aria-busy', 'false');
    }
  }

  /**
   * A search answer can arrive while the expert is typing a quantity or picking a variant in the list it replaces:
   * a product listed again keeps what was typed or chosen for it.
   */
  function keepChoices(/** @type {HTMLElement[]} */ items) {
    const kept = new Map();
    for (const old of results.querySelectorAll('[data-product-id]')) {
      const quantity = /** @type {HTMLInputElement | null} */ (old.querySelector('.picker-quantity'));
      const variant = /** @type {HTMLSelectElement | null} */ (old.querySelector('.picker-variant'));
      kept.set(/** @type {HTMLElement} */ (old).dataset.productId, { quantity: quantity?.value, variant: variant?.value });
    }
    for (const item of items) {
      const choice = kept.get(item.dataset.productId);
      if (!choice) continue;
      const quantity = /** @type {HTMLInputElement | null} */ (item.querySelector('.picker-quantity'));
      const variant = /** @type {HTMLSelectElement | null} */ (item.querySelector('.picker-variant'));
      if (quantity && choice.quantity) quantity.value = choice.quantity;
      if (variant && [...variant.options].some((o) => o.value === choice.variant && !o.disabled)) variant.value = choice.variant;
    }
    return items;
  }

  function resultItem(/** @type {any} */ product) {
    const variants = product.variants ?? [];
    const variant = variants.length > 1 ? h('select', { class: 'picker-variant', testid: 'product-variant',
      'aria-label': t('products.variant', { title: product.title }) },
    variants.map((/** @type {any} */ v) => h('option', { value: v.id, disabled: !v.available,
      text: `${Object.values(v.options ?? {}).join(' · ') || v.sku} · ${formatMoney(v.price.amountMinor, v.price.currency)}${v.available ? '' : ` (${t('products.unavailable')})`}` }))) : null;
    const firstAvailable = variants.find((/** @type {any} */ v) => v.available);
    if (variant && firstAvailable) /** @type {HTMLSelectElement} */ (variant).value = firstAvailable.id;
    const quantity = h('input', { type: 'number', class: 'picker-quantity', testid: 'product-quantity', min: '1', max: '99', value: '1',
      inputmode: 'numeric', 'aria-label': t('products.quantity', { title: product.title }) });
    const chosenVariant = () => (variant ? /** @type {HTMLSelectElement} */ (variant).value : (variants[0]?.id ?? null));
    return h('li', { class: 'picker-item', testid: 'product-result', 'data-sku': product.sku ?? '', 'data-product-id': product.id },
      product.images?.[0] ? h('img', { class: 'picker-image', src: product.images[0], alt: '', width: '48', height: '48', loading: 'lazy' }) : null,
      h('div', { class: 'picker-info' },
        h('p', { class: 'picker-title', text: `${product.favourite ? '★ ' : ''}${product.title}` }),
        h('p', { class: 'muted small', text: `${product.sku ?? ''} · ${formatMoney(product.price.amountMinor, product.price.currency)}` }),
        h('div', { class: 'picker-actions' }, variant, quantity,
          h('button', { type: 'button', class: 'button button--small', testid: 'product-show', text: t('products.show'),
            onclick: () => showProduct(product.id) }),
          h('button', { type: 'button', class: 'button button--small button--primary', testid: 'product-suggest', text: t('products.suggest'),
            onclick: () => {
              const count = Math.min(99, Math.max(1, Number(/** @type {HTMLInputElement} */ (quantity).value) || 1));
              products.send({ type: 'suggestProduct', productId: product.id, variantId: chosenVariant(), quantity: count });
              status.textContent = t('products.suggestionSent');
            } }))));
  }

  function showProduct(/** @type {string} */ productId) {
    products.send({ type: 'showProduct', productId });
    status.textContent = t('products.shown');
  }

  /** Products shown in this dialog, newest first, each once. */
  function renderRecent() {
    const seen = new Map();
    for (const event of timeline()) {
      if (event.kind === 'PRODUCT' && event.product) seen.set(event.product.productId, event.product);
    }
    const shown = [...seen.values()].reverse();
    recentHeading.hidden = shown.length === 0;
    recent.replaceChildren(...shown.map((card) => h('li', { class: 'picker-item', testid: 'recent-product' },
      h('div', { class: 'picker-info' },
        h('p', { class: 'picker-title', text: card.title }),
        h('p', { class: 'muted small', text: formatMoney(card.priceMinor, card.currency) })),
      h('button', { type: 'button', class: 'button button--small', text: t('products.show'), onclick: () => showProduct(card.productId) }))));
  }

  function render() {
    cards.render();
    cart.render();
    if (!picker.hidden) renderRecent();
  }

  return {
    toggle,
    element: h('div', { class: 'products-panel' }, picker, cart.element),
    load: () => products.load(),
    onEvent: (/** @type {any} */ event) => { if (event.kind === 'PRODUCT' && !picker.hidden) renderRecent(); },
    stop: () => {
      cards.stop();
      products.stop();
      offError();
    },
  };
}
