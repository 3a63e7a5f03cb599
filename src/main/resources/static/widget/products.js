// @ts-check
// Products in the widget's conversation: the actions on product cards (vote; Add to cart for the Host), the Host's
// cart with the expert's suggestions, and the hand-off of the cart to the shop's page (docs/commerce.md).
import { t } from '../shared/i18n.js';
import { can } from '../shared/live.js';
import { createProductState, decorateCards, createCartPanel } from '../shared/products.js';
import { refusalText } from '../shared/ui.js';
import { createCheckout } from './checkout.js';

const embedded = window.parent !== window;

/**
 * @param {{dialogId: string, socket: any, log: Element, you: () => any,
 *   placeOrder: (buyer: {name: string, email: string, address: string}) => Promise<any>}} options
 */
export function createWidgetProducts({ dialogId, socket, log, you, placeOrder }) {
  const allowed = (/** @type {string} */ permission) => can(you(), permission);
  let cart = /** @type {ReturnType<typeof createCartPanel> | null} */ (null);
  const products = createProductState({
    dialogId, socket,
    onChange: () => render(),
    onHandoff: (frame) => handOff(frame),
  });
  const cards = decorateCards(log, () => ({
    canVote: allowed('VOTE'), canAdd: allowed('ADD_TO_CART'), seesTallies: allowed('SEE_CART'),
  }), products);
  cart = createCartPanel(products, {
    rights: () => ({ host: allowed('ADD_TO_CART'), canHandOff: allowed('PLACE_ORDER') }),
    onHandOff: () => {
      cart?.showError(null);
      products.send({ type: 'handoff' });
    },
  });
  // The server empties the cart with the order; the confirmation stays until the Host closes it.
  const checkout = createCheckout({ place: placeOrder, onDone: () => render() });
  cart.element.append(checkout.element);
  const offError = socket.on('error', (/** @type {any} */ frame) => {
    if (frame.dialogId === dialogId && ['not_shown', 'empty_cart', 'mixed_currencies', 'already_answered', 'no_shop_domain', 'no_shopify_variant'].includes(frame.code)) {
      cart?.showError(refusalText(frame));
    }
  });

  function render() {
    cards.render();
    if (!cart) return;
    cart.render();
    const { state } = products;
    // Guests never see the cart; the Host sees it once something was suggested or added.
    cart.element.hidden = !allowed('SEE_CART')
      || ((state.cart?.lines.length ?? 0) === 0 && state.suggestions.size === 0 && checkout.element.hidden);
    cart.element.classList.toggle('cart-panel--checkout', !checkout.element.hidden);
  }

  /** The merchant's setting decides how the cart leaves: a permalink, a DOM event on the shop's page, or the checkout. */
  function handOff(/** @type {any} */ frame) {
    if (frame.mode === 'VITRINE') {
      document.dispatchEvent(new CustomEvent('vitrine:checkout', { detail: { dialogId } }));
      checkout.open();
      render();
      return;
    }
    if (!embedded) {
      if (frame.mode === 'SHOPIFY' && frame.url) window.open(frame.url, '_blank', 'noopener');
      else cart?.showError(t('products.notEmbedded'));
      return;
    }
    // The merchant's origin is not known to the widget; embed.js only accepts these from its own frame.
    if (frame.mode === 'SHOPIFY') window.parent.postMessage({ type: 'vitrine:open-cart', url: frame.url }, '*');
    else window.parent.postMessage({ type: 'vitrine:cart', detail: frame.detail }, '*');
    cart?.showError(t('products.handedOff'));
  }

  render();
  return {
    element: cart.element,
    load: () => products.load(),
    render,
    stop: () => {
      cards.stop();
      products.stop();
      offError();
    },
  };
}
