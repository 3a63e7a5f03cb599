// @ts-check
// The orders attributed to a dialog, shown in the dashboard's dialog view; each links to its detail on the Sales page.
import { t } from '../shared/i18n.js';
import { h, staffApi, errorText } from '../shared/ui.js';

/** A section that loads and lists the dialog's orders. @param {string} dialogId */
export function dialogOrders(dialogId) {
  const body = h('p', { class: 'muted', role: 'status', text: t('common.loading') });
  const section = h('section', { testid: 'drawer-orders' }, h('h3', { text: t('admin.orders') }), body);
  staffApi(`/orders?dialogId=${encodeURIComponent(dialogId)}`)
    .then((orders) => {
      body.replaceWith(orders.length
        ? h('ul', { class: 'dialog-orders' }, orders.map((order) => h('li', {},
          h('a', { href: `/admin/sales/orders/${encodeURIComponent(order.id)}`, text: t('admin.orderNumber', { number: order.number }) }),
          ` · ${order.status} · ${money(order.total)}`)))
        : h('p', { class: 'muted', text: t('admin.noOrders') }));
    })
    .catch((err) => body.replaceWith(h('p', { class: 'error', role: 'alert', text: errorText(err) })));
  return section;
}

/** Minor units in the browser's format, e.g. {amountMinor: 4990, currency: 'EUR'} → "€49.90". */
function money({ amountMinor, currency }) {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  return format.format(amountMinor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
