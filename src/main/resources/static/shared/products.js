// @ts-check
// Products in the live dialog, shared by the widget and the console: the product card in the chat, money in the
// reader's words, and the dialog's product state (cart, suggestions, votes) kept from the server's frames
// (docs/commerce.md). What a seat may not see never reaches its socket; the permissions only decide the buttons.
import { t } from './i18n.js';
import { h, safeUrl } from './ui.js';

/** @typedef {{amountMinor: number, currency: string}} Money */
/** @typedef {{productId: string, sku?: string, title: string, image?: string, url?: string, priceMinor: number, currency: string}} Card */

/** An amount in minor units as the reader's locale writes it, e.g. €24.90. @param {number} minor @param {string} currency */
export function formatMoney(minor, currency) {
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${minor} ${currency}`;
  }
}

/** The card a PRODUCT event shows in every participant's chat; actions are added by {@link createProductState}. */
export function productCardElement(event) {
  /** @type {Card} */
  const card = event.product ?? { productId: '', title: event.text ?? '', priceMinor: 0, currency: 'EUR' };
  const link = safeUrl(card.url);
  const image = safeUrl(card.image);
  return h('li', { class: 'product-card', testid: 'product-card', 'data-kind': 'PRODUCT', 'data-seq': event.seq,
    'data-product-id': card.productId, 'aria-label': t('products.cardLabel', { title: card.title }) },
  image ? h('img', { class: 'product-card-image', src: image, alt: '', loading: 'lazy', width: '72', height: '72' }) : null,
  h('div', { class: 'product-card-body' },
    h('p', { class: 'product-card-by', text: t('products.shownBy', { name: event.author?.name ?? '' }) }),
    h('p', { class: 'product-card-title', testid: 'product-title', text: card.title }),
    h('p', { class: 'product-card-price', testid: 'product-price', text: formatMoney(card.priceMinor, card.currency) }),
    link ? h('a', { class: 'product-card-link', href: link, target: '_blank', rel: 'noopener noreferrer',
      testid: 'product-link', text: t('products.view') }) : null,
    h('div', { class: 'product-card-actions', testid: 'product-actions' })));
}

/**
 * The dialog's product state from its frames: the cart, pending suggestions, vote tallies and my own votes.
 * `onChange` redraws whatever shows them. Returns `stop()` to drop the listeners.
 * @param {{dialogId: string, socket: any, onChange: () => void, onHandoff?: (frame: any) => void}} options
 */
export function createProductState({ dialogId, socket, onChange, onHandoff }) {
  const state = {
    /** @type {{lines: any[], totals: Money[]} | null} */ cart: null,
    /** @type {Map<string, any>} */ suggestions: new Map(),
    /** @type {Map<number, {likes: number, notForMe: number}>} */ tallies: new Map(),
    /** @type {Map<number, string>} */ myVotes: new Map(),
    /** @type {string | null} */ handoff: null,
    loaded: false,
  };
  const mine = (/** @type {any} */ frame) => frame.dialogId === dialogId;
  const stops = [
    socket.on('products', (/** @type {any} */ frame) => {
      if (!mine(frame)) return;
      state.cart = frame.cart ?? null;
      state.suggestions = new Map((frame.suggestions ?? []).map((/** @type {any} */ s) => [s.id, s]));
      state.tallies = new Map((frame.tallies ?? []).map((/** @type {any} */ v) => [v.seq, v]));
      state.myVotes = new Map(Object.entries(frame.yourVotes ?? {}).map(([seq, vote]) => [Number(seq), vote]));
      state.handoff = frame.handoff ?? null;
      state.loaded = true;
      onChange();
    }),
    socket.on('cart', (/** @type {any} */ frame) => {
      if (!mine(frame)) return;
      state.cart = frame.cart;
      onChange();
    }),
    socket.on('suggestion', (/** @type {any} */ frame) => {
      if (!mine(frame)) return;
      if (frame.status === 'PENDING') state.suggestions.set(frame.id, frame);
      else state.suggestions.delete(frame.id);
      onChange();
    }),
    socket.on('votes', (/** @type {any} */ frame) => {
      if (!mine(frame)) return;
      state.tallies.set(frame.seq, frame);
      onChange();
    }),
    socket.on('voted', (/** @type {any} */ frame) => {
      if (!mine(frame)) return;
      if (frame.vote === 'NONE') state.myVotes.delete(frame.seq);
      else state.myVotes.set(frame.seq, frame.vote);
      onChange();
    }),
    socket.on('handoff', (/** @type {any} */ frame) => { if (mine(frame)) onHandoff?.(frame); }),
  ];
  return {
    state,
    /** Asks for the state my seat may see; call after every `subscribed`. */
    load: () => socket.send({ type: 'products', dialogId }),
    /** @param {Record<string, unknown>} frame */
    send: (frame) => socket.send({ ...frame, dialogId }),
    stop: () => stops.forEach((stop) => stop()),
  };
}

/**
 * Adds what my seat may do to every product card under `log` (now and later): vote buttons, Add to cart, tallies.
 * @param {Element} log
 * @param {() => {canVote: boolean, canAdd: boolean, seesTallies: boolean}} rights asked at each redraw (`you` may change)
 * @param {ReturnType<typeof createProductState>} products
 */
export function decorateCards(log, rights, products) {
  const render = () => {
    const now = rights();
    for (const card of log.querySelectorAll('[data-testid="product-card"]')) renderActions(/** @type {HTMLElement} */ (card), now, products);
  };
  const observer = new MutationObserver(render);
  observer.observe(log, { childList: true });
  render();
  return { render, stop: () => observer.disconnect() };
}

/** @param {HTMLElement} card @param {{canVote: boolean, canAdd: boolean, seesTallies: boolean}} rights @param {ReturnType<typeof createProductState>} products */
function renderActions(card, rights, products) {
  const seq = Number(card.dataset.seq);
  const actions = card.querySelector('[data-testid="product-actions"]');
  if (!actions) return;
  const mineVote = products.state.myVotes.get(seq);
  const tally = products.state.tallies.get(seq) ?? { likes: 0, notForMe: 0 };
  const vote = (/** @type {string} */ value, /** @type {string} */ testid) => h('button', {
    type: 'button', class: 'button button--small vote', testid, 'aria-pressed': String(mineVote === value),
    text: t(`products.vote.${value}`),
    onclick: () => products.send({ type: 'vote', seq, vote: mineVote === value ? 'NONE' : value }),
  });
  actions.replaceChildren(...[
    rights.canVote ? vote('LIKE', 'vote-like') : null,
    rights.canVote ? vote('NOT_FOR_ME', 'vote-not-for-me') : null,
    rights.canAdd ? h('button', { type: 'button', class: 'button button--small button--primary', testid: 'add-to-cart',
      text: t('products.addToCart'),
      onclick: () => products.send({ type: 'cartAdd', productId: card.dataset.productId, quantity: 1 }) }) : null,
    rights.seesTallies ? h('span', { class: 'product-tally', testid: 'vote-tally', role: 'status',
      text: t('products.tally', { likes: tally.likes, notForMe: tally.notForMe }) }) : null,
  ].filter((child) => child != null));
}

/**
 * The cart with its totals and the pending suggestions, for the Host (who changes it) and the expert (who sees it).
 * @param {ReturnType<typeof createProductState>} products
 * @param {{rights: () => {host: boolean, canHandOff: boolean}, onHandOff?: () => void}} options
 */
export function createCartPanel(products, { rights, onHandOff }) {
  const suggestions = h('ul', { class: 'cart-suggestions', testid: 'suggestions', 'aria-label': t('products.suggestions') });
  const lines = h('ul', { class: 'cart-lines', testid: 'cart-lines' });
  const empty = h('p', { class: 'muted small', testid: 'cart-empty', text: t('products.cartEmpty') });
  const totals = h('p', { class: 'cart-totals', testid: 'cart-total' });
  const handOff = h('button', { type: 'button', class: 'button button--primary', testid: 'cart-handoff',
    text: t('products.handoff'), onclick: () => onHandOff?.() });
  const message = h('p', { class: 'form-error', role: 'alert', testid: 'cart-error', hidden: true });
  const element = h('section', { class: 'cart-panel', testid: 'cart-panel', 'aria-label': t('products.cart') },
    h('h3', { class: 'cart-heading', text: t('products.cart') }), suggestions, lines, empty, totals,
    handOff, message);

  function render() {
    const { host, canHandOff } = rights();
    const { cart } = products.state;
    suggestions.replaceChildren(...[...products.state.suggestions.values()].map((s) => h('li', { class: 'suggestion', testid: 'suggestion' },
      h('span', { text: t('products.suggested', { title: s.product.title, variant: s.variant ? ` (${s.variant})` : '',
        quantity: s.quantity, price: formatMoney(s.product.priceMinor, s.product.currency) }) }),
      host ? h('span', { class: 'suggestion-actions' },
        h('button', { type: 'button', class: 'button button--small button--primary', testid: 'suggestion-accept', text: t('products.accept'),
          onclick: () => products.send({ type: 'answerSuggestion', suggestionId: s.id, accept: true }) }),
        h('button', { type: 'button', class: 'button button--small', testid: 'suggestion-reject', text: t('products.reject'),
          onclick: () => products.send({ type: 'answerSuggestion', suggestionId: s.id, accept: false }) }))
        : h('span', { class: 'muted small', text: t('products.pending') }))));
    const items = cart?.lines ?? [];
    lines.replaceChildren(...items.map((line) => h('li', { class: 'cart-line', testid: 'cart-line', 'data-sku': line.sku ?? '' },
      h('span', { class: 'cart-line-title', text: line.variant ? `${line.title} (${line.variant})` : line.title }),
      host ? quantityControl(line) : h('span', { testid: 'cart-line-quantity', text: `× ${line.quantity}` }),
      h('span', { class: 'cart-line-total', text: formatMoney(line.lineTotal.amountMinor, line.lineTotal.currency) }))));
    empty.hidden = items.length > 0 || !products.state.loaded;
    totals.hidden = items.length === 0;
    totals.textContent = t('products.total', { total: (cart?.totals ?? []).map((m) => formatMoney(m.amountMinor, m.currency)).join(' + ') });
    handOff.hidden = items.length === 0 || !canHandOff;
    handOff.textContent = products.state.handoff === 'VITRINE' ? t('products.checkout') : t('products.handoff');
  }

  function quantityControl(/** @type {any} */ line) {
    const set = (/** @type {number} */ quantity) => products.send({ type: 'cartQuantity', lineId: line.id, quantity });
    return h('span', { class: 'cart-quantity' },
      h('button', { type: 'button', class: 'button button--small', testid: 'cart-minus', 'aria-label': t('products.less', { title: line.title }),
        text: '−', onclick: () => set(line.quantity - 1) }),
      h('span', { testid: 'cart-line-quantity', text: String(line.quantity) }),
      h('button', { type: 'button', class: 'button button--small', testid: 'cart-plus', 'aria-label': t('products.more', { title: line.title }),
        text: '+', disabled: line.quantity >= 99, onclick: () => set(line.quantity + 1) }));
  }

  render();
  return {
    element,
    render,
    /** @param {string | null} text */
    showError(text) {
      message.hidden = !text;
      message.textContent = text ?? '';
    },
  };
}
