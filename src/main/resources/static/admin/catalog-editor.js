// @ts-check
// The catalog page's product editor (admins): create, edit and delete one product with its variants.
// Prices are typed as decimals and sent in minor units; the server checks everything like an import row.
import { t, translatePage } from '../shared/i18n.js';
import { h, staffApi as api, setBusy, showFormErrors, clearFormErrors } from '../shared/ui.js';

const dialog = /** @type {HTMLDialogElement} */ (byTestId('product-editor'));
const form = /** @type {HTMLFormElement} */ (byTestId('editor-form'));
const box = byTestId('editor-error');
const variantList = byTestId('editor-variant-list');
/** @type {any} the product being edited, or null for a new one */
let editing = null;

translatePage(dialog);
byTestId('product-new').addEventListener('click', () => open(null));
document.addEventListener('catalog:edit', (event) => open(/** @type {CustomEvent} */ (event).detail));
byTestId('editor-add-variant').addEventListener('click', () => variantList.append(variantRow(null)));
byTestId('editor-cancel').addEventListener('click', () => dialog.close());
byTestId('editor-delete').addEventListener('click', remove);
form.addEventListener('submit', save);

function open(product) {
  editing = product;
  form.reset();
  clearFormErrors(form, box);
  box.hidden = true;
  byTestId('editor-title').textContent = product ? t('catalog.edit.editTitle', { title: product.title }) : t('catalog.edit.createTitle');
  byTestId('editor-delete').hidden = !product;
  variantList.replaceChildren();
  if (product) {
    const currency = product.price?.currency ?? 'EUR';
    set('sku', product.sku);
    set('externalId', product.externalId);
    set('title', product.title);
    set('description', product.description);
    set('url', product.url);
    set('images', (product.images ?? []).join('\n'));
    set('currency', currency);
    set('priceMinor', product.variants?.length ? '' : decimal(product.price?.amountMinor, currency));
    set('stock', product.variants?.length ? '' : product.stock);
    /** @type {HTMLInputElement} */ (form.elements.namedItem('available')).checked = product.available;
    for (const v of product.variants ?? []) variantList.append(variantRow(v));
  }
  dialog.showModal();
}

async function save(event) {
  event.preventDefault();
  const button = /** @type {HTMLButtonElement} */ (byTestId('editor-save'));
  clearFormErrors(form, box);
  box.hidden = true;
  let body;
  try {
    body = collect();
  } catch (err) {
    box.replaceChildren(h('p', { text: err.message }));
    box.hidden = false;
    return;
  }
  setBusy(button, true, t('catalog.edit.saving'));
  try {
    await api(editing ? `/catalog/products/${editing.id}` : '/catalog/products', { method: editing ? 'PUT' : 'POST', body });
    dialog.close();
    document.dispatchEvent(new CustomEvent('catalog:changed'));
  } catch (err) {
    showFormErrors(form, box, err);
  } finally {
    setBusy(button, false);
  }
}

async function remove() {
  if (!editing || !confirm(t('catalog.edit.confirmDelete', { title: editing.title }))) return;
  try {
    await api(`/catalog/products/${editing.id}`, { method: 'DELETE' });
    dialog.close();
    document.dispatchEvent(new CustomEvent('catalog:changed'));
  } catch (err) {
    showFormErrors(form, box, err);
  }
}

/** The form as the API's ProductInput; a malformed price or option line is reported before sending. */
function collect() {
  const currency = value('currency').toUpperCase();
  const price = value('priceMinor');
  const stock = value('stock');
  return {
    sku: value('sku') || null,
    externalId: value('externalId') || null,
    title: value('title'),
    description: value('description') || null,
    url: value('url') || null,
    images: value('images').split('\n').map((s) => s.trim()).filter(Boolean),
    currency,
    priceMinor: price ? minor(price, currency) : null,
    stock: stock === '' ? null : Number(stock),
    available: /** @type {HTMLInputElement} */ (form.elements.namedItem('available')).checked,
    variants: [...variantList.querySelectorAll('.variant-row')].map((row) => {
      const field = (name) => /** @type {HTMLInputElement} */ (row.querySelector(`[data-field="${name}"]`)).value.trim();
      const variantStock = field('stock');
      return {
        sku: field('sku'),
        options: options(field('options')),
        priceMinor: field('price') ? minor(field('price'), currency) : null,
        stock: variantStock === '' ? null : Number(variantStock),
        available: /** @type {HTMLInputElement} */ (row.querySelector('[data-field="available"]')).checked,
        shopifyVariantId: field('shopifyVariantId') || null,
      };
    }),
  };
}

function variantRow(variant) {
  const currency = value('currency').toUpperCase() || 'EUR';
  const input = (name, label, props = {}) => h('label', {}, h('span', { text: label }),
    h('input', { 'data-field': name, ...props }));
  const row = h('li', { class: 'variant-row', testid: 'editor-variant' },
    input('sku', t('catalog.edit.sku'), { value: variant?.sku ?? '', maxlength: '100' }),
    input('options', t('catalog.edit.options'), { value: variant ? Object.entries(variant.options ?? {}).map(([k, v]) => `${k}=${v}`).join('; ') : '' }),
    input('price', t('catalog.edit.price'), { value: variant ? decimal(variant.price?.amountMinor, variant.price?.currency ?? currency) : '', inputmode: 'decimal' }),
    input('stock', t('catalog.edit.stock'), { value: variant?.stock ?? '', type: 'number', min: '0', inputmode: 'numeric' }),
    input('shopifyVariantId', t('catalog.edit.shopifyVariantId'), { value: variant?.shopifyVariantId ?? '', inputmode: 'numeric' }),
    h('label', { class: 'editor-check' }, h('input', { type: 'checkbox', 'data-field': 'available', checked: variant ? variant.available : true }),
      h('span', { text: t('catalog.edit.available') })),
    h('button', { type: 'button', class: 'button button--quiet button--small', text: t('catalog.edit.removeVariant'),
      onclick: () => row.remove() }));
  return row;
}

function digits(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "24.90" (or "24,90") in EUR → 2490; more decimals than the currency has are refused, as in an import. */
function minor(text, currency) {
  const places = digits(currency);
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (!match || (match[2] ?? '').length > places) throw new Error(t('catalog.edit.badPrice', { value: text, currency }));
  return Number(match[1]) * 10 ** places + Number((match[2] ?? '').padEnd(places, '0') || 0);
}

function decimal(amountMinor, currency) {
  if (amountMinor == null) return '';
  const places = digits(currency);
  return places ? (amountMinor / 10 ** places).toFixed(places) : String(amountMinor);
}

function options(text) {
  /** @type {Record<string, string>} */
  const result = {};
  for (const pair of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || !pair.slice(eq + 1).trim()) throw new Error(t('catalog.edit.badOptions', { value: pair }));
    result[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return result;
}

function set(name, v) {
  const control = /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  control.value = v == null ? '' : String(v);
}

function value(name) {
  return /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value.trim();
}

function byTestId(id) {
  return /** @type {HTMLElement} */ (document.querySelector(`[data-testid="${id}"]`));
}
