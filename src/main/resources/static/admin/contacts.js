// @ts-check
// The dashboard's reply domain for contacts by email (docs/contacts.md): the shop's own, or the default one.
import { t } from '../shared/i18n.js';
import { staffApi, showFormErrors, clearFormErrors, setBusy } from '../shared/ui.js';

const form = /** @type {HTMLFormElement | null} */ (document.querySelector('[data-testid="reply-domain-form"]'));
if (form) wire(form);

/** @param {HTMLFormElement} form */
async function wire(form) {
  const domain = /** @type {HTMLInputElement} */ (form.elements.namedItem('replyDomain'));
  const fallback = /** @type {HTMLElement} */ (form.querySelector('[data-testid="reply-domain-default"]'));
  const errorBox = /** @type {HTMLElement} */ (form.querySelector('[data-testid="reply-domain-error"]'));
  const status = /** @type {HTMLElement} */ (form.querySelector('[data-testid="reply-domain-status"]'));
  const save = /** @type {HTMLButtonElement} */ (form.querySelector('[data-testid="reply-domain-save"]'));
  const show = (setting) => {
    domain.value = setting.custom ? setting.replyDomain : '';
    fallback.textContent = setting.defaultReplyDomain;
  };
  try {
    show(await staffApi('/contacts/reply-domain'));
  } catch (err) {
    showFormErrors(form, errorBox, err);
  } finally {
    form.setAttribute('aria-busy', 'false');
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form, errorBox);
    status.textContent = '';
    setBusy(save, true, t('admin.saving'));
    try {
      show(await staffApi('/contacts/reply-domain', { method: 'PUT', body: { replyDomain: domain.value.trim() } }));
      status.textContent = t('admin.saved');
    } catch (err) {
      showFormErrors(form, errorBox, err);
    } finally {
      setBusy(save, false);
    }
  });
}
