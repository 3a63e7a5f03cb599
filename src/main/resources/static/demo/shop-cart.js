// The demo shop's own cart, filled the way any shop would do it: from the `vitrine:cart` event that embed.js
// raises when the Host hands the cart over (docs/commerce.md). Kept in this tab's session storage.
(function () {
  'use strict';
  var KEY = 'demo-shop.cart';

  document.addEventListener('vitrine:cart', function (event) {
    var detail = event.detail || {};
    var cart = read();
    (detail.lines || []).forEach(function (line) {
      var key = line.sku || line.productId;
      var existing = cart.lines.filter(function (l) { return l.key === key; })[0];
      if (existing) existing.quantity += line.quantity;
      else cart.lines.push({ key: key, sku: line.sku, title: line.title, variant: line.variant, quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor, currency: line.currency });
    });
    cart.dialogId = detail.dialogId;
    cart.expertId = detail.expertId;
    sessionStorage.setItem(KEY, JSON.stringify(cart));
    if (location.pathname !== '/demo/cart') location.assign('/demo/cart');
    else render();
  });

  function read() {
    try {
      var stored = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      if (stored && Array.isArray(stored.lines)) return stored;
    } catch (e) { /* a broken entry starts an empty cart */ }
    return { lines: [] };
  }

  function money(minor, currency) {
    try {
      var format = new Intl.NumberFormat('en', { style: 'currency', currency: currency });
      return format.format(minor / Math.pow(10, format.resolvedOptions().maximumFractionDigits));
    } catch (e) {
      return minor + ' ' + currency;
    }
  }

  function render() {
    var list = document.querySelector('[data-testid="demo-cart-lines"]');
    if (!list) return;
    var cart = read();
    var totals = {};
    list.replaceChildren();
    cart.lines.forEach(function (line) {
      var item = document.createElement('li');
      item.className = 'cart-line';
      item.setAttribute('data-testid', 'demo-cart-line');
      item.setAttribute('data-sku', line.sku || '');
      var name = document.createElement('span');
      name.textContent = line.title + (line.variant ? ' (' + line.variant + ')' : '');
      var quantity = document.createElement('span');
      quantity.setAttribute('data-testid', 'demo-cart-quantity');
      quantity.textContent = '× ' + line.quantity;
      var price = document.createElement('span');
      price.className = 'price';
      price.textContent = money(line.unitPriceMinor * line.quantity, line.currency);
      item.append(name, quantity, price);
      list.appendChild(item);
      totals[line.currency] = (totals[line.currency] || 0) + line.unitPriceMinor * line.quantity;
    });
    document.querySelector('[data-testid="demo-cart-empty"]').hidden = cart.lines.length > 0;
    var total = document.querySelector('[data-testid="demo-cart-total"]');
    total.hidden = cart.lines.length === 0;
    total.textContent = 'Total: ' + Object.keys(totals).map(function (c) { return money(totals[c], c); }).join(' + ');
    document.querySelector('[data-testid="demo-cart-place"]').hidden = cart.lines.length === 0;
    var from = document.querySelector('[data-testid="demo-cart-from"]');
    from.hidden = !cart.dialogId;
    from.textContent = 'Put together with an expert in a live consultation.';
  }

  // "Place order": the demo shop's server prices the lines from its catalog and reports the order to Vitrine through
  // the signed generic order webhook (the secret stays on the server), with the dialog and expert for attribution.
  function placeOrder() {
    var cart = read();
    var button = document.querySelector('[data-testid="demo-cart-place"]');
    var error = document.querySelector('[data-testid="demo-cart-error"]');
    error.hidden = true;
    button.disabled = true;
    fetch('/demo/cart/order', {
      method: 'POST',
      credentials: 'same-origin',
      headers: Object.assign({ 'Content-Type': 'application/json' }, csrfHeader()),
      body: JSON.stringify({ dialogId: cart.dialogId || null, expertId: cart.expertId || null,
        lines: cart.lines.map(function (l) { return { sku: l.sku, quantity: l.quantity }; }) })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) throw new Error(body.detail || ('The order failed (' + response.status + ').'));
        return body;
      });
    }).then(function (placed) {
      sessionStorage.removeItem(KEY);
      render();
      var done = document.querySelector('[data-testid="demo-cart-placed"]');
      done.hidden = false;
      done.textContent = 'Thank you! Your order ' + placed.orderId + ' is placed.';
    }).catch(function (e) {
      error.hidden = false;
      error.textContent = e.message;
    }).finally(function () {
      button.disabled = false;
    });
  }

  function csrfHeader() {
    var cookie = document.cookie.split('; ').filter(function (c) { return c.indexOf('XSRF-TOKEN=') === 0; })[0];
    return cookie ? { 'X-XSRF-TOKEN': decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) } : {};
  }

  function start() {
    var button = document.querySelector('[data-testid="demo-cart-place"]');
    if (button) button.addEventListener('click', placeOrder);
    render();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
