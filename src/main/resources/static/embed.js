/*
 * Vitrine embed script. A merchant adds
 *   <script src="https://VITRINE-HOST/embed.js" data-merchant="SLUG" async></script>
 * to their pages. It shows a floating button that opens the Vitrine widget in an overlay.
 * Everything lives in a shadow root, so the page's CSS cannot break it and none of ours leaks out.
 * Optional attributes: data-expert (an expert's handle), data-store (a store code).
 * Buttons of the page with data-vitrine="request-appointment", "email" or "video-request" open the merchant's
 * request form (an appointment request, a message, a video chat request) in an overlay.
 */
(function () {
  'use strict';

  if (window.Vitrine) return; // the snippet was pasted twice
  // The one global: open()/close() for the page's own buttons; they work once the config has loaded.
  var api = window.Vitrine = { open: function () {}, close: function () {} };

  var script = document.currentScript || document.querySelector('script[data-merchant][src*="embed.js"]') ||
    document.querySelector('script[data-merchant]');
  if (!script) return;
  var merchant = script.getAttribute('data-merchant');
  if (!merchant) {
    console.warn('Vitrine: the embed script needs a data-merchant attribute.');
    return;
  }
  var origin = new URL(script.src, location.href).origin;
  var options = { expert: script.getAttribute('data-expert'), store: script.getAttribute('data-store') };

  var Z_TOP = 2147483646;
  var DEFAULT_COLOR = '#1f6feb';
  var HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  // The launcher shows before any module loads; this classic script cannot import shared/i18n.js across origins,
  // so its two fallback labels live here (the merchant's own label comes from the settings).
  var TEXTS = { talk: 'Talk to an expert', leaveMessage: 'Leave us a message', unread: 'unread' };

  var CSS = shadowCss();
  var REQUEST_KINDS = { 'request-appointment': 'appointment', email: 'email', 'video-request': 'video' };

  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('[data-vitrine]') : null;
    var kind = button && REQUEST_KINDS[button.getAttribute('data-vitrine')];
    if (!kind) return;
    event.preventDefault();
    openRequest(kind, button);
  });

  loadConfig()
    .then(function (config) { whenBodyReady(function () { mount(config); }); })
    .catch(function (err) { console.warn('Vitrine: the widget could not be loaded for "' + merchant + '".', err); });

  function loadConfig() {
    return fetch(origin + '/api/v1/widget/' + encodeURIComponent(merchant) + '/config', { credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      });
  }

  function whenBodyReady(fn) {
    if (document.body) fn();
    else document.addEventListener('DOMContentLoaded', fn, { once: true });
  }

  function mount(config) {
    var button = config.button || {};
    var color = HEX_COLOR.test(button.color || '') ? button.color : DEFAULT_COLOR;
    var side = button.position === 'bottom-left' ? 'left' : 'right';
    var merchantName = (config.merchant && config.merchant.name) || merchant;

    var host = document.createElement('vitrine-widget');
    host.style.setProperty('all', 'initial', 'important');
    var root = host.attachShadow({ mode: 'open' });
    addStyles(root);
    var launcher = createLauncher(color, side);
    labelLauncher(launcher, config, merchantName);
    var panel = document.createElement('div');
    panel.className = 'panel ' + side;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', merchantName);
    root.appendChild(launcher);
    root.appendChild(panel);
    document.body.appendChild(host);
    // Whether anyone is online is asked again when the page comes back into view and when the widget closes.
    var relabel = function () {
      loadConfig().then(function (fresh) { labelLauncher(launcher, fresh, merchantName); }).catch(function () {});
    };
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') relabel();
    });
    wireOverlay(launcher, panel, unreadDisplay(launcher), relabel);
  }

  /** With nobody online the shopper can only leave a message, and the launcher says so. */
  function labelLauncher(launcher, config, merchantName) {
    var offline = config.expertsOnline === false;
    var label = offline ? TEXTS.leaveMessage : ((config.button && config.button.label) || TEXTS.talk);
    launcher.querySelector('.label').textContent = label;
    launcher.setAttribute('data-name', label + ' – ' + merchantName);
    launcher.setAttribute('aria-label', label + ' – ' + merchantName);
    launcher.setAttribute('data-offline', String(offline));
  }

  /** Opening, closing, and what the widget in the frame tells the page. */
  function wireOverlay(launcher, panel, unread, onClosed) {
    var frame = null;
    function tellFrame(message) {
      if (frame && frame.contentWindow) frame.contentWindow.postMessage(message, origin);
    }
    function open() {
      if (!frame) frame = createFrame(panel); // created once: closing only hides it, so the dialog goes on
      panel.classList.add('open');
      launcher.classList.add('hidden-on-phone');
      launcher.setAttribute('aria-expanded', 'true');
      tellFrame({ type: 'vitrine:visibility', open: true });
      unread(0);
      frame.focus();
    }
    function close() {
      if (!panel.classList.contains('open')) return;
      panel.classList.remove('open');
      launcher.classList.remove('hidden-on-phone');
      launcher.setAttribute('aria-expanded', 'false');
      tellFrame({ type: 'vitrine:visibility', open: false }); // the widget turns the microphone off
      launcher.focus();
      onClosed();
    }
    launcher.addEventListener('click', function () {
      if (panel.classList.contains('open')) close();
      else open();
    });
    window.addEventListener('message', function (event) {
      if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
      var data = event.data || {};
      if (data.type === 'vitrine:close') close();
      if (data.type === 'vitrine:unread' && !panel.classList.contains('open')) unread(Number(data.count) || 0, data.title);
      if (data.type === 'vitrine:layout') panel.classList.toggle('wide', data.wide === true);
      if (data.type === 'vitrine:cart') raiseCart(data.detail);
      // A Shopify cart permalink: only an https address is followed, in this page (the Host's).
      if (data.type === 'vitrine:open-cart' && typeof data.url === 'string' && /^https:\/\/[^\/\s]+\/cart\//.test(data.url)) {
        location.assign(data.url);
      }
    });
    api.open = open;
    api.close = close;
  }

  /**
   * The Host handed the cart over: the page's shop fills its own cart from this event (see docs/commerce.md).
   * document.addEventListener('vitrine:cart', e => e.detail.lines.forEach(...)); it bubbles to window too.
   */
  function raiseCart(detail) {
    if (!detail || !Array.isArray(detail.lines)) return;
    var lines = detail.lines.map(function (line) {
      return {
        sku: line.sku == null ? null : String(line.sku), productId: line.productId, variantId: line.variantId,
        title: String(line.title), variant: line.variant == null ? null : String(line.variant),
        quantity: Number(line.quantity), unitPriceMinor: Number(line.unitPriceMinor), currency: String(line.currency)
      };
    });
    document.dispatchEvent(new CustomEvent('vitrine:cart', {
      bubbles: true, detail: { dialogId: detail.dialogId, expertId: detail.expertId, lines: lines }
    }));
  }

  function createLauncher(color, side) {
    var launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'launcher ' + side;
    launcher.setAttribute('data-testid', 'vitrine-button');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-haspopup', 'dialog');
    launcher.style.setProperty('--vitrine-color', color);
    launcher.style.setProperty('--vitrine-text', readableTextOn(color));
    launcher.appendChild(chatIcon());
    var text = document.createElement('span');
    text.className = 'label';
    launcher.appendChild(text);
    var badge = document.createElement('span');
    badge.className = 'badge';
    badge.setAttribute('data-testid', 'vitrine-unread');
    launcher.appendChild(badge);
    return launcher;
  }

  /**
   * Shows unread messages on the launcher's badge and in the page title (the widget sends the title's text,
   * translated, with {title} for the page's own title); a count of 0 puts everything back.
   */
  function unreadDisplay(launcher) {
    var badge = launcher.querySelector('.badge');
    var pageTitle = null;
    return function (count, title) {
      badge.textContent = count > 0 ? String(count) : '';
      badge.classList.toggle('shown', count > 0);
      launcher.setAttribute('aria-label', launcher.getAttribute('data-name') + (count > 0 ? ' (' + count + ' ' + TEXTS.unread + ')' : ''));
      if (count > 0 && typeof title === 'string') {
        if (pageTitle === null) pageTitle = document.title;
        document.title = title.replace('{title}', pageTitle);
      } else if (pageTitle !== null) {
        document.title = pageTitle;
        pageTitle = null;
      }
    };
  }

  /** The request form in an overlay of its own; it closes itself (vitrine:close) or with Escape. */
  function openRequest(kind, opener) {
    var host = document.createElement('vitrine-request');
    host.style.setProperty('all', 'initial', 'important');
    var root = host.attachShadow({ mode: 'open' });
    addStyles(root);
    var panel = document.createElement('div');
    panel.className = 'panel right open request';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'true');
    var frame = document.createElement('iframe');
    frame.className = 'frame';
    frame.setAttribute('data-testid', 'vitrine-request-frame');
    frame.title = 'Request form';
    frame.src = origin + '/request/' + encodeURIComponent(merchant) + '?kind=' + kind + '&embed=1';
    panel.appendChild(frame);
    root.appendChild(panel);
    document.body.appendChild(host);
    frame.focus();
    function close() {
      window.removeEventListener('message', onMessage);
      document.removeEventListener('keydown', onKey);
      host.remove();
      if (opener && opener.focus) opener.focus();
    }
    function onMessage(event) {
      if (event.origin === origin && event.source === frame.contentWindow && (event.data || {}).type === 'vitrine:close') close();
    }
    function onKey(event) {
      if (event.key === 'Escape') close();
    }
    window.addEventListener('message', onMessage);
    document.addEventListener('keydown', onKey);
  }

  function createFrame(panel) {
    var query = new URLSearchParams();
    if (options.expert) query.set('expert', options.expert);
    if (options.store) query.set('store', options.store);
    // The shop's staff see which page the button was clicked on; the fragment stays private.
    query.set('page', location.href.split('#')[0]);
    var search = query.toString();
    var frame = document.createElement('iframe');
    frame.className = 'frame';
    frame.setAttribute('data-testid', 'vitrine-frame');
    frame.title = 'Live shopping assistant';
    frame.setAttribute('allow', 'camera; microphone; autoplay; clipboard-write');
    frame.src = origin + '/widget/' + encodeURIComponent(merchant) + (search ? '?' + search : '');
    panel.appendChild(frame);
    return frame;
  }

  /** Constructable stylesheets are not blocked by a host page's style-src policy; a <style> is the fallback. */
  function addStyles(root) {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      return;
    }
    var style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }

  /** The launcher's and the overlay's styles, inside the shadow root. */
  function shadowCss() {
    return [
      ':host { all: initial !important; }',
      '.launcher, .panel, .frame { all: initial; box-sizing: border-box; }',
      '.launcher {',
      '  position: fixed; z-index: ' + Z_TOP + '; bottom: 20px; display: inline-flex; align-items: center; gap: 8px;',
      '  max-width: calc(100vw - 40px); padding: 14px 20px; border-radius: 999px; cursor: pointer;',
      '  background: var(--vitrine-color); color: var(--vitrine-text); font: 600 15px/1.2 ' + FONT + ';',
      '  box-shadow: 0 6px 20px rgba(0, 0, 0, 0.22); transition: transform 0.15s ease, box-shadow 0.15s ease;',
      '}',
      '.launcher:hover { transform: translateY(-1px); box-shadow: 0 10px 26px rgba(0, 0, 0, 0.26); }',
      '.launcher:focus-visible { outline: 3px solid var(--vitrine-color); outline-offset: 3px; box-shadow: 0 0 0 6px #fff; }',
      '.launcher svg { width: 20px; height: 20px; flex: none; fill: none; stroke: currentColor; stroke-width: 2; stroke-linejoin: round; }',
      '.label { all: initial; font: inherit; color: inherit; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }',
      '.right { right: 20px; } .left { left: 20px; }',
      '.badge {',
      '  all: initial; display: none; min-width: 20px; height: 20px; padding: 0 6px; box-sizing: border-box; border-radius: 999px;',
      '  background: #d92d20; color: #fff; font: 700 12px/20px ' + FONT + '; text-align: center;',
      '}',
      '.badge.shown { display: inline-block; }',
      '.panel {',
      '  position: fixed; z-index: ' + (Z_TOP + 1) + '; bottom: 88px; display: none; overflow: hidden;',
      '  width: 400px; height: calc(100vh - 108px); max-width: calc(100vw - 40px); max-height: 900px;',
      '  background: #fff; border-radius: 16px; box-shadow: 0 18px 50px rgba(0, 0, 0, 0.3);',
      '}',
      '.panel.open { display: block; }',
      '.panel.request { bottom: auto; top: 20px; height: calc(100vh - 40px); max-height: 760px; width: 480px; }',
      '@media (min-width: 601px) { .panel.wide { width: 820px; } }',
      '.frame { display: block; width: 100%; height: 100%; border: 0; background: #fff; }',
      '@media (max-width: 600px) {',
      '  .panel { top: 0; right: 0; bottom: 0; left: 0; width: 100%; height: 100%; max-width: none; max-height: none; border-radius: 0; }',
      '  .launcher.hidden-on-phone { display: none; }',
      '  .panel.request { top: 0; width: 100%; height: 100%; max-height: none; }',
      '}',
      '@media (prefers-reduced-motion: reduce) { .launcher { transition: none; } }',
    ].join('\n');
  }

  function chatIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 5h16v11H9l-5 4z');
    svg.appendChild(path);
    return svg;
  }

  /** Black or white text, whichever reads better on the merchant's colour. */
  function readableTextOn(hex) {
    var full = hex.length === 4 ? hex.slice(1).replace(/./g, '$&$&') : hex.slice(1);
    var channels = [0, 2, 4].map(function (i) {
      var c = parseInt(full.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    return luminance > 0.179 ? '#111111' : '#ffffff';
  }
})();
