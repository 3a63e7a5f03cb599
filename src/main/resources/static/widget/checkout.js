// @ts-check
// Vitrine's own checkout in the widget (cart hand-off VITRINE): the Host enters name, email and address and places
// the cart as an order. The server reads the cart itself; the form sends only the buyer (docs/commerce.md).
import { t } from '../shared/i18n.js';
import { h, setBusy, showFormErrors, clearFormErrors } from '../shared/ui.js';
import { formatMoney } from '../shared/products.js';

/**
 * @param {{place: (buyer: {name: string, email: string, address: string}) => Promise<any>, onDone: () => void}} options
 */
export function createCheckout({ place, onDone }) {
  const field = (/** @type {string} */ name, /** @type {HTMLElement} */ control) => h('div', { class: 'field' },
    h('label', { for: `checkout-${name}`, text: t(`checkout.${name}`) }), control,
    h('p', { class: 'field-error', id: `checkout-${name}-error`, hidden: true }));
  const input = (/** @type {string} */ name, /** @type {Record<string, any>} */ props) => h('input', {
    id: `checkout-${name}`, name, testid: `checkout-${name}`, required: true, ...props });
  const errors = h('div', { class: 'form-error', role: 'alert', testid: 'checkout-error', hidden: true });
  const submit = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'button button--primary',
    testid: 'checkout-place', text: t('checkout.place') }));
  const cancel = h('button', { type: 'button', class: 'button button--quiet', testid: 'checkout-cancel',
    text: t('checkout.cancel'), onclick: () => close() });
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'checkout-form', testid: 'checkout-form', novalidate: true,
    'aria-label': t('checkout.title') },
  h('h4', { text: t('checkout.title') }),
  field('name', input('name', { type: 'text', autocomplete: 'name', maxlength: 200 })),
  field('email', input('email', { type: 'email', autocomplete: 'email', maxlength: 320 })),
  field('address', h('textarea', { id: 'checkout-address', name: 'address', testid: 'checkout-address', rows: 3,
    required: true, autocomplete: 'street-address', maxlength: 1000 })),
  errors, h('div', { class: 'checkout-actions' }, submit, cancel)));
  const done = h('div', { class: 'checkout-done', testid: 'checkout-confirmation', role: 'status', hidden: true });
  const element = h('div', { class: 'checkout', hidden: true }, form, done);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form, errors);
    const value = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value;
    setBusy(submit, true, t('checkout.placing'));
    try {
      const order = await place({ name: value('name'), email: value('email'), address: value('address') });
      form.hidden = true;
      done.replaceChildren(
        h('p', { class: 'checkout-number', text: t('checkout.placed', { number: order.number }) }),
        h('p', { text: t('checkout.confirmation', { total: formatMoney(order.total.amountMinor, order.total.currency), email: order.email }) }));
      done.hidden = false;
      onDone();
    } catch (err) {
      showFormErrors(form, errors, err);
    } finally {
      setBusy(submit, false);
    }
  });

  function open() {
    element.hidden = false;
    form.hidden = false;
    done.hidden = true;
    /** @type {HTMLInputElement} */ (form.elements.namedItem('name')).focus();
  }

  function close() {
    element.hidden = true;
    clearFormErrors(form, errors);
  }

  return { element, open, close, isOpen: () => !element.hidden && !form.hidden };
}
