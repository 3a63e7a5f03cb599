// @ts-check
// The catalog page: admins upload a catalog file and watch the import; everyone searches and favourites products.
// Admins also edit products (catalog-editor.js).
import { t, translatePage } from '../shared/i18n.js';
import { h, staffApi as api, errorText, setBusy, csrfHeader, ApiError } from '../shared/ui.js';

const POLL_MS = 700;
const PAGE_SIZE = 24;
const state = { q: '', page: 0 };

translatePage(document);
showCount();
wireImport();
wireSearch();
document.addEventListener('catalog:changed', () => search());
document.body.dataset.ready = 'true';
search();

// ---------------------------------------------------------------- import

function showCount() {
  const count = byTestId('product-count');
  count.textContent = t('catalog.count', { count: Number(count.dataset.count ?? 0) });
}

function wireImport() {
  const form = /** @type {HTMLFormElement|null} */ (byTestId('import-form'));
  if (!form) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = /** @type {HTMLButtonElement} */ (byTestId('import-start'));
    const box = byTestId('import-error');
    box.hidden = true;
    setBusy(button, true, t('catalog.uploading'));
    try {
      const job = await upload(new FormData(form));
      showJob(job);
      await follow(job.id);
    } catch (err) {
      box.replaceChildren(h('p', { text: errorText(err) }));
      box.hidden = false;
    } finally {
      setBusy(button, false);
    }
  });
}

/** multipart POST with the session cookie and the CSRF header; answers the queued job. */
async function upload(data) {
  for (const optional of ['format', 'siteUrl']) if (!data.get(optional)) data.delete(optional);
  let response;
  try {
    response = await fetch('/api/v1/catalog/imports', {
      method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json', ...csrfHeader() },
    });
  } catch {
    throw new ApiError(0, null);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** Polls the job until it is done or failed, then refreshes the product list. */
async function follow(id) {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const job = await api(`/catalog/imports/${id}`);
    showJob(job);
    if (job.status === 'DONE' || job.status === 'FAILED') {
      search();
      return;
    }
  }
}

function showJob(job) {
  byTestId('import-job').hidden = false;
  byTestId('import-state').textContent = t(`catalog.status.${job.status}`);
  const progress = /** @type {HTMLProgressElement} */ (byTestId('import-progress'));
  progress.value = Math.round((job.progress ?? 0) * 100);
  const counts = t('catalog.counts', { read: job.rowsRead, imported: job.rowsImported, errors: job.errorCount });
  byTestId('import-counts').textContent = job.message ? `${counts} ${job.message}` : counts;
  byTestId('import-errors').replaceChildren(...(job.errors ?? []).map((e) =>
    h('li', { text: t('catalog.rowError', { line: e.line, reason: e.reason }) })));
}

// ---------------------------------------------------------------- search

function wireSearch() {
  byTestId('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.q = /** @type {HTMLInputElement} */ (byTestId('search-input')).value.trim();
    state.page = 0;
    search();
  });
  byTestId('page-prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); search(); });
  byTestId('page-next').addEventListener('click', () => { state.page += 1; search(); });
}

async function search() {
  const list = byTestId('product-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const params = new URLSearchParams({ q: state.q, page: String(state.page), size: String(PAGE_SIZE) });
    const result = await api(`/catalog/products?${params}`);
    list.replaceChildren(...result.items.map(card));
    byTestId('product-empty').hidden = result.items.length > 0;
    /** @type {HTMLButtonElement} */ (byTestId('page-prev')).disabled = state.page === 0;
    /** @type {HTMLButtonElement} */ (byTestId('page-next')).disabled = !result.hasNext;
    byTestId('page-label').textContent = t('catalog.page', { page: state.page + 1 });
  } catch (err) {
    list.replaceChildren(h('li', { class: 'form-error', text: errorText(err) }));
  } finally {
    list.removeAttribute('aria-busy');
  }
}

function card(product) {
  const image = product.images?.[0];
  const fav = h('button', {
    type: 'button', class: 'button button--quiet button--small fav', testid: 'favourite',
    'aria-pressed': String(product.favourite), text: t(product.favourite ? 'catalog.unfavourite' : 'catalog.favourite'),
  });
  fav.addEventListener('click', () => toggleFavourite(product, fav));
  // Admins edit in catalog-editor.js, which listens for this event.
  const edit = document.body.dataset.admin === 'true'
    ? h('button', { type: 'button', class: 'button button--quiet button--small', testid: 'product-edit', text: t('catalog.edit.edit'),
      onclick: () => document.dispatchEvent(new CustomEvent('catalog:edit', { detail: product })) })
    : null;
  const variants = product.variants ?? [];
  return h('li', { class: 'product-card', testid: 'product', 'data-sku': product.sku ?? variants[0]?.sku ?? '' },
    image ? h('img', { src: image, alt: product.title, loading: 'lazy' }) : null,
    h('p', { class: 'product-title', text: product.title }),
    h('p', { class: 'product-meta', text: [product.sku, product.available ? t('catalog.available') : t('catalog.soldOut')].filter(Boolean).join(' · ') }),
    h('p', { class: 'product-price', text: money(product.price) }),
    variants.length ? h('p', { class: 'product-variants', text: t('catalog.variants', { count: variants.length, options: optionSummary(variants) }) }) : null,
    product.url ? h('a', { href: product.url, target: '_blank', rel: 'noopener', class: 'product-meta', text: t('catalog.productPage') }) : null,
    h('div', { class: 'row' }, fav, edit));
}

async function toggleFavourite(product, button) {
  const method = product.favourite ? 'DELETE' : 'PUT';
  try {
    await api(`/catalog/products/${product.id}/favourite`, { method });
    search();
  } catch (err) {
    button.textContent = errorText(err);
  }
}

function optionSummary(variants) {
  const names = new Map();
  for (const v of variants) for (const [name, value] of Object.entries(v.options ?? {})) {
    if (!names.has(name)) names.set(name, new Set());
    names.get(name).add(value);
  }
  return [...names].map(([name, values]) => `${name}: ${[...values].join(', ')}`).join(' · ');
}

/** Minor units + ISO code as the browser's locale writes money. */
function money(price) {
  if (!price) return '';
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: price.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(price.amountMinor / 10 ** digits);
}

function byTestId(id) {
  return /** @type {HTMLElement} */ (document.querySelector(`[data-testid="${id}"]`));
}
