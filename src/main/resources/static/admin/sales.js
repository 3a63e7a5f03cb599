// @ts-check
// The sales pages (/admin/sales and an order) are rendered on the server; their texts are translated here.
import { language, t, translatePage } from '../shared/i18n.js';

translatePage(document);
document.documentElement.lang = language;
const title = /** @type {HTMLElement|null} */ (document.querySelector('[data-i18n-document-title]'));
if (title) {
  document.title = t(title.dataset.i18nDocumentTitle ?? '', { merchant: title.dataset.merchant ?? '', number: title.dataset.number ?? '' });
}
