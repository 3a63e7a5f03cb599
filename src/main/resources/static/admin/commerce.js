// @ts-check
// The dashboard's cart hand-off setting (docs/commerce.md): how the Host's cart leaves a conversation.
import { t } from '../shared/i18n.js';
import { staffApi, showFormErrors, clearFormErrors, setBusy } from '../shared/ui.js';

const form = /** @type {HTMLFormElement | null} */ (document.querySelector('[data-testid="commerce-form"]'));
if (form) wire(form);

/** @param {HTMLFormElement} form */
async function wire(form) {
  const handoff = /** @type {HTMLSelectElement} */ (form.elements.namedItem('cartHandoff'));
  const domain = /** @type {HTMLInputElement} */ (form.elements.namedItem('shopDomain'));
  const errorBox = /** @type {HTMLElement} */ (form.querySelector('[data-testid="commerce-error"]'));
  const status = /** @type {HTMLElement} */ (form.querySelector('[data-testid="commerce-status"]'));
  const save = /** @type {HTMLButtonElement} */ (form.querySelector('[data-testid="commerce-save"]'));
  const sync = () => { domain.required = handoff.value === 'SHOPIFY'; };
  handoff.addEventListener('change', sync);
  try {
    const current = await staffApi('/merchant/commerce-settings');
    handoff.value = current.cartHandoff;
    domain.value = current.shopDomain ?? '';
  } catch (err) {
    showFormErrors(form, errorBox, err);
  } finally {
    form.setAttribute('aria-busy', 'false');
    sync();
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form, errorBox);
    status.textContent = '';
    setBusy(save, true, t('admin.saving'));
    try {
      const body = { cartHandoff: handoff.value, shopDomain: domain.value.trim() || null };
      const saved = await staffApi('/merchant/commerce-settings', { method: 'PUT', body });
      domain.value = saved.shopDomain ?? '';
      status.textContent = t('admin.saved');
    } catch (err) {
      showFormErrors(form, errorBox, err);
    } finally {
      setBusy(save, false);
    }
  });
}
