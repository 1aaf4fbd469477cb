/*
 * Ampersand Setup loader: defines window.AmpersandSetup.mount(target, options).
 * Plain script, no framework. It owns everything the wasm module must not: the DOM (canvas, the
 * accessible mirror, the live region), browser APIs (fetch, window.open, clipboard) and listeners.
 * The module talks to it through the host object below (see web/bridge.js for the other side).
 */
(function () {
  'use strict';
  if (window.AmpersandSetup) return;

  var scriptSrc = (document.currentScript && document.currentScript.src) || '';
  var base = scriptSrc ? scriptSrc.slice(0, scriptSrc.lastIndexOf('/') + 1) : '';
  var assetBase = new URL(base || './', location.href).href; // the widget's folder: guides load from its providers/
  var canvases = new Set();   // every mounted widget's canvas
  var modulePromise = null;
  var nextInstance = 1;

  // Keys: the bridge moves emscripten's GLFW key listeners from window to each widget's canvas, so
  // the page's own inputs and listeners are untouched. One exception stays: on a focused canvas GLFW
  // cancels Tab, which would trap keyboard users; this listener lets Tab through to the browser.
  window.addEventListener('keydown', function (e) {
    if (e.key === 'Tab' && canvases.has(e.target)) e.stopImmediatePropagation();
  }, true);

  var css = [
    '.amp-setup{position:relative;width:100%;height:100%;min-height:320px;overflow:hidden}',
    '.amp-setup canvas{display:block;width:100%;height:100%;outline:none;touch-action:none}',
    '.amp-sr{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;',
    'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}',
    // The mirror lies over the canvas, each element where its item is drawn (so magnifiers and
    // find-on-screen follow focus), yet clipped away and transparent to the pointer.
    '.amp-mirror{position:absolute;inset:0;overflow:hidden;clip-path:inset(50%);pointer-events:none}',
    '.amp-mirror>*{position:absolute;margin:0;overflow:hidden;white-space:nowrap}',
    '.amp-paste{position:absolute;width:24px;height:24px;opacity:0;resize:none;border:0;padding:0;z-index:2}',
    '.amp-refused{font:15px/1.5 system-ui,sans-serif;color:#8a1c1c;margin:0;padding:16px}'
  ].join('');

  // A constructed stylesheet needs no 'unsafe-inline' in the host's CSP; a <style> element (with the
  // host's nonce, if it gave one) is the fallback for browsers without adoptedStyleSheets.
  var styled = false;
  function addStyle(nonce) {
    if (styled) return;
    styled = true;
    if (window.CSSStyleSheet && 'adoptedStyleSheets' in document && CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
      return;
    }
    var s = document.createElement('style');
    if (nonce) s.nonce = nonce;
    s.textContent = css;
    document.head.appendChild(s);
  }

  var PROTOCOL = 'ampersand-setup/1'; // the iframe protocol's name and version
  var DEFAULT_API = 'https://api.withampersand.com/v1';

  // Where the widget sends the key and the App Secret (apiBase) and whose messages it believes
  // (ampersandOrigin): https only, or plain http to this machine. Relative addresses are the page's.
  // Returns the absolute URL, or an error text.
  function trustedUrl(name, value) {
    var u = null;
    try { u = new URL(value, location.href); } catch (e) { /* said below */ }
    var loopback = u && (u.hostname === 'localhost' || u.hostname === '[::1]' || /^127(\.\d+){3}$/.test(u.hostname));
    if (u && !u.username && !u.password && (u.protocol === 'https:' || (u.protocol === 'http:' && loopback))) return { url: u };
    return { error: name + ' must be an https:// address (plain http only for localhost): ' + String(value).slice(0, 200) + '.' };
  }

  // Inline mode (and the hosted page, which mounts inline) refuses an insecure address before anything
  // loads: on screen, and as a typed error event. Nothing is sent anywhere.
  function refuse(host, options, field, message) {
    addStyle(options.nonce);
    var p = document.createElement('p');
    p.className = 'amp-refused';
    p.setAttribute('role', 'alert');
    p.textContent = 'Ampersand Setup did not start: ' + message;
    host.replaceChildren(p);
    var fields = {};
    fields[field] = message;
    emitter(host, options)({ type: 'error', code: 'insecure_transport', message: message, status: 0,
      operation: 'mount', retryable: false, fields: fields });
    return Promise.reject(new Error(message));
  }

  // The look the module draws with: colour scheme, accent, font scale.
  function lookOf(options) {
    var t = options.theme || 'light';
    var dark = t === 'dark' || (t === 'auto' && window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches);
    return { colorScheme: dark ? 'dark' : 'light', accent: options.accent || '', fontScale: options.fontScale || 1 };
  }

  // The page's facts for the widget's "Copy diagnostics": where it runs and in what.
  function environment() {
    var framed = false;
    try { framed = window.self !== window.top; } catch (e) { framed = true; }
    return 'page: ' + location.origin + '\n' +
      'in an iframe: ' + (framed ? 'yes' : 'no') + '\n' +
      'cross-origin isolated: ' + (window.crossOriginIsolated ? 'yes' : 'no') + '\n' +
      'device pixel ratio: ' + (window.devicePixelRatio || 1) + '\n' +
      'browser: ' + navigator.userAgent + '\n';
  }

  // When a JWT expires (ms since the epoch), from its `exp` claim; Ampersand's maximum TTL otherwise.
  function expiryOf(jwt) {
    try {
      var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var exp = JSON.parse(atob(part + '==='.slice((part.length + 3) % 4))).exp;
      if (typeof exp === 'number') return exp * 1000;
    } catch (e) { /* not a JWT we can read */ }
    return Date.now() + 600 * 1000;
  }

  // Short-lived tokens from the host's getToken, in memory only: fetched on first use, again shortly
  // before `exp`, and once more when the API answers 401.
  function Tokens(getToken, refs) {
    var token = null, expires = 0, pending = null, boundTo = '';
    this.get = function (force) {
      var want = JSON.stringify(refs()); // a token is bound to one group and consumer
      if (!force && token && boundTo === want && Date.now() < expires - 30000) return Promise.resolve(token);
      if (!pending) {
        var asked = Promise.resolve().then(function () { return getToken(refs()); });
        var late = new Promise(function (resolve, reject) {
          setTimeout(function () { reject(new Error('getToken did not answer within 30 s')); }, 30000);
        });
        pending = Promise.race([asked, late]).then(function (t) {
          if (typeof t !== 'string' || !t) throw new Error('getToken did not give a token');
          token = t;
          boundTo = want;
          expires = expiryOf(t);
          pending = null;
          return t;
        }, function (err) { pending = null; throw err; });
      }
      return pending;
    };
    this.forget = function () { token = null; expires = 0; };
  }


  function loadModule() {
    if (window.AmpersandSetupModule) return Promise.resolve(window.AmpersandSetupModule);
    if (modulePromise) return modulePromise;
    modulePromise = new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = base + 'amp-widget.js';
      s.onload = function () { resolve(window.AmpersandSetupModule); };
      s.onerror = function () { modulePromise = null; reject(new Error('could not load ' + s.src)); };
      document.head.appendChild(s);
    });
    return modulePromise;
  }

  var descCount = 0;
  var cursors = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer', 'not-allowed'];

  // ---- the accessible mirror: ImGui items as real, visually hidden DOM controls ----------------
  function Mirror(root, live, urgent, send) {
    this.root = root;
    this.live = live;
    this.urgent = urgent;
    this.send = send;            // send(kind, id, text): 0 click, 1 set text, 2 focus, 3 blur
    this.byKey = new Map();
    this.lostAt = -1; // where a focused control vanished, until focus has a new home
  }

  Mirror.prototype.element = function (n) {
    var send = this.send, el, input;
    switch (n.role) {
      case 'heading':
        el = document.createElement('h' + Math.min(6, Math.max(1, n.level || 2)));
        break;
      case 'text': case 'alert':
        el = document.createElement('p');
        break;
      case 'link':
        el = document.createElement('a');
        el.target = '_blank';
        el.rel = 'noopener noreferrer';
        break;
      case 'button':
        el = document.createElement('button');
        el.type = 'button';
        el.addEventListener('click', function () {
          if (el.getAttribute('aria-disabled') !== 'true') send(0, n.id, '');
        });
        break;
      case 'checkbox': case 'textbox':
        el = document.createElement('label');
        input = document.createElement('input');
        input.type = n.role === 'checkbox' ? 'checkbox' : (n.secret ? 'password' : 'text');
        if (n.role === 'checkbox') {
          // The browser toggles the box itself; the widget decides. Once the click is over, show
          // what the widget holds (the mirror update during the click may be undone by the browser).
          input.addEventListener('click', function () {
            send(0, n.id, '');
            setTimeout(function () { if (el.ampNode) input.checked = !!el.ampNode.checked; });
          });
        } else {
          input.autocomplete = n.secret ? 'new-password' : 'off';
          input.spellcheck = false;
          input.addEventListener('input', function () { send(1, n.id, input.value); });
        }
        el.appendChild(document.createElement('span'));
        el.appendChild(input);
        el.ampInput = input;
        break;
    }
    var target = input || el;
    if (n.id) {
      var self = this;
      target.dataset.ampId = String(n.id);
      // Removing a focused element fires blur in the middle of render(): that is no one's intent.
      target.addEventListener('focus', function () {
        if (self.rendering) return;
        self.lostAt = -1;
        send(2, n.id, '');
      });
      target.addEventListener('blur', function () { if (!self.rendering) send(3, n.id, ''); });
    }
    return el;
  };

  Mirror.prototype.update = function (el, n) {
    var input = el.ampInput;
    el.ampNode = n;
    if (n.rect) {
      el.style.left = n.rect[0] + 'px';
      el.style.top = n.rect[1] + 'px';
      el.style.width = n.rect[2] + 'px';
      el.style.height = n.rect[3] + 'px';
    }
    var nameHolder = input ? el.firstChild : el;
    if (nameHolder.textContent !== n.name) nameHolder.textContent = n.name;
    if (n.role === 'link' && el.href !== n.href) el.href = n.href;
    if (n.role === 'button') el.setAttribute('aria-disabled', n.disabled ? 'true' : 'false');
    if (input) {
      if (n.role === 'checkbox') input.checked = !!n.checked;
      else if (n.secret) { if (!n.filled && input.value) input.value = ''; }
      else if (input.value !== (n.value || '')) input.value = n.value || '';
      input.readOnly = !!n.readonly;
      input.setAttribute('aria-invalid', n.invalid ? 'true' : 'false');
      // The hint or the error, in an element of its own that the control points at.
      var desc = el.ampDesc;
      if (n.description && !desc) {
        desc = el.ampDesc = document.createElement('span');
        desc.id = 'amp-desc-' + (++descCount);
        desc.hidden = true;
        el.appendChild(desc);
        input.setAttribute('aria-describedby', desc.id);
      }
      if (desc && desc.textContent !== (n.description || '')) desc.textContent = n.description || '';
    }
  };

  // The editable text field drawn at (x, y) in canvas CSS pixels: its mirror element, or null.
  Mirror.prototype.fieldAt = function (x, y) {
    var found = null;
    this.byKey.forEach(function (el) {
      var n = el.ampNode;
      if (n && n.role === 'textbox' && !n.readonly && n.rect && x >= n.rect[0] && y >= n.rect[1] &&
          x < n.rect[0] + n.rect[2] && y < n.rect[1] + n.rect[3]) found = el;
    });
    return found;
  };

  Mirror.prototype.render = function (nodes) {
    this.rendering = true;
    var next;
    try { next = this.place(nodes); } finally { this.rendering = false; }
    if (next) next.focus({ preventScroll: true });
  };

  // When the control that had focus goes away (its step is done), keyboard users should not be
  // thrown back to the top of the page: the first control at or after its place takes focus.
  function focusAfter(order, index) {
    for (var i = Math.min(index, order.length - 1); i >= 0 && i < order.length; i++) {
      var el = order[i], target = el.ampInput || el;
      if (target.tagName === 'BUTTON' || target.tagName === 'INPUT' || target.tagName === 'A') return target;
    }
    return null;
  }

  Mirror.prototype.place = function (nodes) {
    var seen = new Map(), order = [], alerts = [];
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i];
      if (n.role === 'alert') alerts.push(n);
      var key = n.id ? 'i' + n.id : n.role + ':' + n.name;
      var count = (seen.get(key) || 0) + 1;
      seen.set(key, count);
      if (count > 1) key += '#' + count;
      var el = this.byKey.get(key);
      if (!el) { el = this.element(n); this.byKey.set(key, el); }
      this.update(el, n);
      order.push(el);
      el.ampKey = key;
    }
    var keep = new Set(order);
    var lost = -1;
    var children = Array.prototype.slice.call(this.root.children);
    this.byKey.forEach(function (el, key) {
      if (keep.has(el)) return;
      if (el.contains(document.activeElement)) lost = children.indexOf(el);
      el.remove();
      this.byKey.delete(key);
    }, this);
    // Place elements in drawing order without moving ones already in place (moving blurs them).
    var at = this.root.firstChild;
    for (var j = 0; j < order.length; j++) {
      if (order[j] !== at) this.root.insertBefore(order[j], at);
      else at = at.nextSibling;
    }
    // Errors are announced at once (assertive), other news when the reader is idle (polite).
    var errors = alerts.filter(function (a) { return a.invalid; }).map(function (a) { return a.name; }).join('\n');
    var news = alerts.filter(function (a) { return !a.invalid; }).map(function (a) { return a.name; }).join('\n');
    if (this.live.textContent !== news) this.live.textContent = news;
    if (this.urgent.textContent !== errors) this.urgent.textContent = errors;
    // The step may give way to a loading message first: keep the place until controls are back.
    if (lost >= 0) this.lostAt = lost;
    var nobody = !document.activeElement || document.activeElement === document.body;
    if (this.lostAt >= 0 && nobody) {
      var next = focusAfter(order, this.lostAt);
      if (next) this.lostAt = -1;
      return next;
    }
    return null;
  };

  // Events go to options.onEvent and, as DOM CustomEvents named ampersand-setup:<type>, to the target.
  function emitter(host, options) {
    return function (event) {
      if (typeof options.onEvent === 'function') {
        try { options.onEvent(event); } catch (e) { setTimeout(function () { throw e; }); }
      }
      host.dispatchEvent(new CustomEvent('ampersand-setup:' + event.type, { detail: event, bubbles: true, composed: true }));
    };
  }

  // ---- inline mode: the canvas and its mirror inside the target -----------------------------------
  function mountInline(host, options) {
    addStyle(options.nonce);
    var id = nextInstance++;
    var root = document.createElement('div');
    root.className = 'amp-setup';
    var canvas = document.createElement('canvas');
    canvas.id = 'amp-setup-canvas-' + id;
    canvas.tabIndex = -1;
    canvas.setAttribute('aria-hidden', 'true');
    var mirrorRoot = document.createElement('div');
    mirrorRoot.className = 'amp-mirror';
    mirrorRoot.setAttribute('role', 'group');
    mirrorRoot.setAttribute('aria-label', 'Ampersand Setup');
    var live = document.createElement('div');
    live.className = 'amp-sr';
    live.setAttribute('aria-live', 'polite');
    var urgent = document.createElement('div');
    urgent.className = 'amp-sr';
    urgent.setAttribute('role', 'alert');
    root.appendChild(canvas);
    root.appendChild(mirrorRoot);
    root.appendChild(live);
    root.appendChild(urgent);
    host.appendChild(root);
    canvases.add(canvas);

    var wasm = null;
    var timers = new Set();
    var cleanups = [];
    var readyResolve, readyReject;
    var ready = new Promise(function (res, rej) { readyResolve = res; readyReject = rej; });

    function listen(el, type, fn, opts) {
      el.addEventListener(type, fn, opts);
      cleanups.push(function () { el.removeEventListener(type, fn, opts); });
    }

    var send = emitter(host, options);
    var destroyed = false;
    var requestTimeout = options.requestTimeoutMs > 0 ? options.requestTimeoutMs : 30000;
    function guardUnload(e) { e.preventDefault(); e.returnValue = ''; }
    cleanups.push(function () { window.removeEventListener('beforeunload', guardUnload); });
    function emit(event) {
      if (destroyed) return;
      if (event.type === 'ready') readyResolve(handle);
      send(event);
    }
    var refs = { groupRef: options.groupRef || '', consumerRef: options.consumerRef || '' };
    var tokens = typeof options.getToken === 'function' ? new Tokens(options.getToken, function () {
      return { groupRef: refs.groupRef, consumerRef: refs.consumerRef };
    }) : null;

    function cssSize() {
      var r = canvas.getBoundingClientRect();
      return [Math.max(1, Math.round(r.width)), Math.max(1, Math.round(r.height)), window.devicePixelRatio || 1];
    }

    var mirror = new Mirror(mirrorRoot, live, urgent, function (kind, itemId, text) { if (wasm) wasm.mirror(kind, itemId, text); });

    var hostApi = {
      attach: function (w) { wasm = w; },
      options: function () {
        // Only what the module needs; an API key is handed over once and kept nowhere else here.
        var o = lookOf(options);
        o.apiBase = options.apiBase; // absolute and checked by mount()
        o.ampersandOrigin = options.ampersandOrigin || '';
        o.credentials = options.credentials === 'backend' ? 'backend' : '';
        o.project = options.project || '';
        o.provider = options.provider || 'pinterest';
        o.assetBase = assetBase;
        o.groupRef = options.groupRef || '';
        o.consumerRef = options.consumerRef || '';
        o.apiKey = options.apiKey || '';
        delete options.apiKey; // the module holds it now; no second copy stays in this closure
        o.auth = tokens ? 'token' : '';
        o.signInTimeouts = options.signInTimeouts || {};
        o.environment = environment();
        return o;
      },
      canvasSize: cssSize,
      // Every request has a deadline (requestTimeoutMs, default 30 s): then it is aborted and reaches
      // the module as an answer with no status, marked as timed out, so the admin gets a way out.
      fetch: function (reqId, method, url, headers, body) {
        var done = false, abort = new AbortController();
        var answer = function (status, type, text, retryAfter, timedOut) {
          if (done) return;
          done = true;
          clearTimeout(deadline);
          timers.delete(deadline);
          if (wasm) wasm.response(reqId, status, type, text, retryAfter || '', !!timedOut);
        };
        var deadline = setTimeout(function () { abort.abort(); answer(0, '', '', '', true); }, requestTimeout);
        timers.add(deadline);
        var call = function (token) {
          // A builder's backend (credentials 'backend') knows its admin by the page's own session cookie.
          var init = { method: method, headers: Object.assign({}, headers), mode: 'cors',
            credentials: options.credentials === 'backend' ? 'same-origin' : 'omit', cache: 'no-store', redirect: 'error',
            signal: abort.signal };
          if (token) init.headers['Authorization'] = 'Bearer ' + token;
          if (method !== 'GET' && method !== 'DELETE' && body) init.body = body;
          return fetch(url, init);
        };
        var withToken = function (force) { return tokens.get(force).then(call); };
        // A guide file beside the widget (providers/<name>.json) is a static file: no token goes there.
        var guideFile = url.indexOf(assetBase + 'providers/') === 0;
        var attempt = tokens && !guideFile ? withToken(false).then(function (r) {
          return r.status === 401 ? withToken(true) : r; // once more, with a fresh token
        }) : call(null);
        attempt.then(function (r) {
          return r.text().then(function (text) {
            answer(r.status, r.headers.get('content-type') || '', text, r.headers.get('retry-after'));
          });
        }).catch(function (err) {
          if (done) return; // timed out already: the abort is ours
          if (tokens && !(err instanceof TypeError)) { // getToken failed: say so, not "offline"
            emit({ type: 'error', code: 'token_failed', message: 'The host page could not supply a token.', status: 0 });
            answer(401, 'application/problem+json', JSON.stringify({ title: 'Unauthorized', status: 401,
              detail: 'The host page could not supply an access token for Ampersand.' }));
          } else answer(0, '', '');
        });
      },
      contentHeight: function (px) { emit({ type: 'resize', height: px }); },
      refs: function (group, consumer) { refs.groupRef = group; refs.consumerRef = consumer; },
      // Typing not yet saved: tell the host (a modal can hold its close), and ask before the page goes.
      unsaved: function (yes) {
        emit({ type: 'unsavedChanges', unsaved: yes });
        if (yes) window.addEventListener('beforeunload', guardUnload);
        else window.removeEventListener('beforeunload', guardUnload);
      },
      emit: emit,
      mirror: function (nodes) { mirror.render(nodes); },
      openUrl: function (url) { if (!destroyed) window.open(url, '_blank', 'noopener,noreferrer'); },
      copy: function (text) {
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).catch(function () { copyFallback(text); });
        } else copyFallback(text);
      },
      cursor: function (c) { canvas.style.cursor = c < 0 ? 'none' : (cursors[c] || 'default'); },
      popupOpen: popupOpen,
      popupNavigate: function (url) { try { popup.location.replace(url); } catch (e) { /* closed meanwhile */ } },
      popupClose: function () { stopWatching(); try { if (popup) popup.close(); } catch (e) { /* severed */ } },
      popupFocus: function () { try { if (popup) popup.focus(); } catch (e) { /* severed */ } },
      wakeIn: function (ms) {
        var t = setTimeout(function () { timers.delete(t); if (wasm) wasm.wake(); }, ms);
        timers.add(t);
      }
    };

    // The sign-in window. It is opened blank inside the admin's gesture (browsers block windows
    // opened later), shows a short note, and is sent to the provider once Ampersand gives the URL.
    var popup = null, popupWatch = 0, popupCount = 0;
    function stopWatching() { clearInterval(popupWatch); popupWatch = 0; }
    function popupOpen() {
      if (destroyed) return false;
      if (popup && !popup.closed) { try { popup.close(); } catch (e) { /* severed: nothing to do */ } }
      stopWatching();
      var w = 600, h = 720;
      var left = Math.round(window.screenX + Math.max(0, (window.outerWidth - w) / 2));
      var top = Math.round(window.screenY + Math.max(0, (window.outerHeight - h) / 2.5));
      popup = window.open('', 'amp-setup-signin-' + id + '-' + (++popupCount),
        'popup,width=' + w + ',height=' + h + ',left=' + left + ',top=' + top);
      if (!popup) return false;
      try {
        popup.document.title = 'Connecting...';
        var note = popup.document.createElement('p');
        note.textContent = 'Opening the sign-in page...';
        note.style.cssText = 'font:16px/1.4 system-ui,sans-serif;margin:2em;color:#444';
        popup.document.body.appendChild(note);
      } catch (e) { /* not ours to script: fine */ }
      // Under Cross-Origin-Opener-Policy `closed` can read true while the window is still open;
      // the core treats "closed" as a reason to check with the server, never as a failure.
      popupWatch = setInterval(function () {
        if (popup && popup.closed) { stopWatching(); if (wasm) wasm.popupClosed(); }
      }, 500);
      return true;
    }
    cleanups.push(function () { stopWatching(); if (popup && !popup.closed) popup.close(); popup = null; });
    listen(window, 'message', function (e) {
      var json;
      try { json = JSON.stringify(e.data); } catch (x) { return; }
      if (!wasm || typeof json !== 'string' || json.length > 65536) return;
      wasm.message(e.origin, json, popup !== null && e.source === popup);
    });

    function copyFallback(text) {
      var ta = document.createElement('textarea');
      ta.value = text;
      ta.className = 'amp-sr';
      root.appendChild(ta);
      ta.select();
      try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
      ta.remove();
      canvas.focus({ preventScroll: true });
    }

    // Size: CSS decides, the module renders at device pixels. ResizeObserver sees container
    // changes that window 'resize' misses; the media query sees devicePixelRatio changes (zoom,
    // another monitor).
    var lastSize = '';
    function resize() {
      var s = cssSize();
      var key = s.join('x');
      if (key === lastSize || !wasm) return;
      lastSize = key;
      wasm.resize(s[0], s[1], s[2]);
    }
    var ro = new ResizeObserver(resize);
    ro.observe(canvas);
    cleanups.push(function () { ro.disconnect(); });
    var dprQuery = null;
    function watchDpr() {
      if (dprQuery) dprQuery.removeEventListener('change', onDpr);
      dprQuery = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      dprQuery.addEventListener('change', onDpr);
    }
    function onDpr() { watchDpr(); resize(); }
    watchDpr();
    cleanups.push(function () { dprQuery.removeEventListener('change', onDpr); });

    listen(canvas, 'pointerdown', function () {
      // In iframes the window may not have focus even after a click (emscripten #5796).
      if (document.activeElement !== canvas) { window.focus(); canvas.focus({ preventScroll: true }); }
    });
    listen(canvas, 'pointerenter', function () { if (wasm) wasm.pointer(true); });
    listen(canvas, 'pointerleave', function () { if (wasm) wasm.pointer(false); });
    listen(canvas, 'pointermove', function () { if (wasm) wasm.pointer(true); });
    // Without preventDefault a lost context never comes back.
    listen(canvas, 'webglcontextlost', function (e) { e.preventDefault(); if (wasm) wasm.context(false); });
    listen(canvas, 'webglcontextrestored', function () { if (wasm) wasm.context(true); });
    listen(canvas, 'focus', function () { if (wasm) wasm.focus(true); });
    listen(canvas, 'blur', function () { if (wasm) wasm.focus(false); });
    listen(canvas, 'wheel', function (e) {
      e.preventDefault();
      var unit = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 1 : 1 / 100;
      if (wasm) wasm.wheel(-e.deltaX * unit, -e.deltaY * unit);
    }, { passive: false });
    // ImGui asks for the clipboard synchronously; the browser gives it only in a paste event, which
    // fires right after the Ctrl/Cmd+V keydown and before ImGui's next frame reads it.
    listen(document, 'paste', function (e) {
      if (document.activeElement !== canvas || !wasm) return;
      e.preventDefault();
      wasm.paste((e.clipboardData && e.clipboardData.getData('text/plain')) || '');
    });
    // Paste from the context menu: a canvas offers no "Paste", so on a right press over a text field
    // an invisible textarea is slipped under the pointer; the menu that opens is then an editable
    // one, and what it pastes goes into the field (kind 4: insert).
    var pasteTarget = document.createElement('textarea');
    pasteTarget.className = 'amp-paste';
    pasteTarget.setAttribute('aria-hidden', 'true');
    pasteTarget.tabIndex = -1;
    function hidePasteTarget() { pasteTarget.remove(); pasteTarget.value = ''; pasteTarget.ampId = 0; }
    listen(canvas, 'mousedown', function (e) {
      if (e.button !== 2) return;
      var r = canvas.getBoundingClientRect(), x = e.clientX - r.left, y = e.clientY - r.top;
      var field = mirror.fieldAt(x, y);
      if (!field) return;
      pasteTarget.style.left = (x - 12) + 'px';
      pasteTarget.style.top = (y - 12) + 'px';
      pasteTarget.ampId = field.ampNode.id;
      root.appendChild(pasteTarget);
      e.preventDefault(); // or the press's default action would move focus back to the canvas
      pasteTarget.focus({ preventScroll: true });
    });
    listen(pasteTarget, 'paste', function (e) {
      e.preventDefault();
      var text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
      if (wasm && pasteTarget.ampId && text) wasm.mirror(4, pasteTarget.ampId, text);
      hidePasteTarget();
      canvas.focus({ preventScroll: true });
    });
    listen(pasteTarget, 'blur', hidePasteTarget);

    // Touch: a canvas brings up no on-screen keyboard, and emscripten's GLFW turns no drag into a
    // scroll. A tap on a text field focuses its mirror input inside the tap (the only moment mobile
    // browsers allow it), so the keyboard opens and typing flows through the mirror; a drag scrolls.
    var touchY = null, tapped = false;
    listen(canvas, 'pointerdown', function (e) {
      tapped = e.pointerType === 'touch';
      if (tapped) touchY = e.clientY;
    });
    listen(canvas, 'pointermove', function (e) {
      if (e.pointerType !== 'touch' || touchY === null || !wasm) return;
      var dy = e.clientY - touchY;
      touchY = e.clientY;
      if (dy) wasm.wheel(0, dy / 40);
    });
    listen(canvas, 'pointerup', function (e) { if (e.pointerType === 'touch') touchY = null; });
    // On the click a tap ends with: after the tap's mouse events have focused the canvas, still in the gesture.
    listen(canvas, 'click', function (e) {
      if (!tapped) return;
      var r = canvas.getBoundingClientRect();
      var field = mirror.fieldAt(e.clientX - r.left, e.clientY - r.top);
      if (field) field.ampInput.focus({ preventScroll: true });
    });
    listen(window, 'keyup', function () { if (wasm && document.activeElement === canvas) wasm.wake(); }, true);
    listen(window, 'keydown', function () { if (wasm && document.activeElement === canvas) wasm.wake(); }, true);

    // theme 'auto' follows the system's colour scheme as it changes.
    if (window.matchMedia) {
      var schemeQuery = matchMedia('(prefers-color-scheme: dark)');
      var onScheme = function () { if (wasm && options.theme === 'auto') wasm.options(lookOf(options)); };
      schemeQuery.addEventListener('change', onScheme);
      cleanups.push(function () { schemeQuery.removeEventListener('change', onScheme); });
    }

    var handle = {
      // Live: theme, accent, fontScale. The rest (project, credentials, API) is fixed at mount.
      update: function (partial) {
        ['theme', 'accent', 'fontScale', 'onEvent'].forEach(function (k) {
          if (partial && k in partial) options[k] = partial[k];
        });
        if (wasm) wasm.options(lookOf(options));
      },
      destroy: function () {
        if (destroyed) return;
        destroyed = true;
        var module = wasm;
        wasm = null; // from now on the module hears nothing, and nothing it says reaches the host
        // destroy() may be called from onEvent, i.e. from inside one of the module's frames: stop the
        // module only once that frame has unwound.
        if (module) setTimeout(function () {
          module.destroy();
          var gl = canvas.getContext('webgl2');
          var lose = gl && gl.getExtension('WEBGL_lose_context');
          if (lose) lose.loseContext(); // browsers cap live contexts; give this one back now
        });
        cleanups.forEach(function (f) { f(); });
        timers.forEach(clearTimeout);
        if (tokens) tokens.forget();
        canvases.delete(canvas);
        root.remove();
      }
    };

    loadModule().then(function (factory) {
      return factory({
        canvas: canvas,
        ampHost: hostApi,
        locateFile: function (path) { return base + path; }
      });
    }).then(function () { resize(); }).catch(function (err) {
      emit({ type: 'error', code: 'load_failed', message: String(err && err.message || err), status: 0 });
      handle.destroy(); // nothing of a widget that never started stays behind
      readyReject(err);
    });
    return ready;
  }

  // ---- iframe mode: the hosted page in a sandboxed frame, over a versioned, origin-checked protocol --
  function mountFrame(host, options) {
    var url = new URL(options.frameUrl || base + 'index.html', location.href);
    var origin = url.origin;
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = 'Ampersand Setup';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms');
    frame.setAttribute('allow', 'clipboard-write');
    frame.style.cssText = 'display:block;width:100%;height:480px;border:0';
    var send = emitter(host, options);
    var readyResolve, readyReject;
    var ready = new Promise(function (res, rej) { readyResolve = res; readyReject = rej; });
    var post = function (msg) {
      msg.protocol = PROTOCOL;
      if (frame.contentWindow) frame.contentWindow.postMessage(msg, origin); // never '*'
    };
    // The frame keeps its own token cache and asks only when it needs a new token.
    var getToken = typeof options.getToken === 'function' ? options.getToken : null;
    function settings() {
      var o = lookOf(options);
      ['project', 'provider', 'groupRef', 'consumerRef', 'apiKey', 'signInTimeouts', 'requestTimeoutMs'].forEach(function (k) {
        if (options[k] !== undefined) o[k] = options[k];
      });
      o.theme = options.theme || 'light';
      o.auth = getToken ? 'token' : '';
      return o;
    }
    function onMessage(e) {
      var m = e.data;
      if (e.source !== frame.contentWindow || e.origin !== origin || !m || m.protocol !== PROTOCOL) return;
      if (m.type === 'hello') {
        clearTimeout(silent);
        post({ type: 'options', options: settings() });
        delete options.apiKey; // handed over once; the frame holds it now
      }
      else if (m.type === 'event' && m.event && typeof m.event.type === 'string') {
        if (m.event.type === 'resize' && m.event.height > 0) frame.style.height = m.event.height + 'px';
        if (m.event.type === 'ready') readyResolve(handle);
        if (m.event.type === 'error' && m.event.operation === 'mount') readyReject(new Error(m.event.message));
        send(m.event);
      } else if (m.type === 'tokenRequest' && getToken) {
        Promise.resolve().then(function () {
          return getToken({ groupRef: String(m.groupRef || ''), consumerRef: String(m.consumerRef || '') });
        }).then(function (t) { post({ type: 'token', id: m.id, token: t }); },
          function () { post({ type: 'token', id: m.id, error: 'getToken failed' }); });
      }
    }
    window.addEventListener('message', onMessage);
    host.appendChild(frame);
    var handle = {
      update: function (partial) {
        ['theme', 'accent', 'fontScale', 'onEvent'].forEach(function (k) {
          if (partial && k in partial) options[k] = partial[k];
        });
        post({ type: 'update', options: lookOf(options), theme: options.theme });
      },
      destroy: function () {
        clearTimeout(silent);
        window.removeEventListener('message', onMessage);
        frame.remove();
      }
    };
    // A frame that never says hello did not load, or will not talk to this page (its deployment does
    // not allow this origin, and it says so on its own screen). Tell the host instead of hanging.
    var silent = setTimeout(function () {
      send({ type: 'error', code: 'frame_unavailable', status: 0,
        message: 'The Ampersand Setup frame did not answer: check frameUrl, and that ' + location.origin +
          ' is in the deployment\'s allowedHostOrigins.' });
      readyReject(new Error('the frame did not answer'));
    }, options.frameTimeoutMs || 15000);
    ready.then(function () { clearTimeout(silent); }, function () {});
    return ready;
  }

  function mount(target, options) {
    options = Object.assign({}, options || {});
    var host = typeof target === 'string' ? document.querySelector(target) : target;
    if (!host) return Promise.reject(new Error('AmpersandSetup.mount: no element for ' + target));
    if (options.apiKey && options.getToken) {
      return Promise.reject(new Error('AmpersandSetup.mount: give apiKey or getToken, not both'));
    }
    if (options.mode === 'iframe') return mountFrame(host, options); // the hosted page checks its own
    var api = trustedUrl('apiBase', options.apiBase || DEFAULT_API);
    if (api.error) return refuse(host, options, 'apiBase', api.error);
    options.apiBase = api.url.href.replace(/\/+$/, '');
    if (options.ampersandOrigin) {
      var amp = trustedUrl('ampersandOrigin', options.ampersandOrigin);
      if (amp.error) return refuse(host, options, 'ampersandOrigin', amp.error);
      options.ampersandOrigin = amp.url.origin;
    }
    if (options.credentials === 'backend' && (options.apiKey || options.getToken)) {
      return Promise.reject(new Error('AmpersandSetup.mount: with credentials \'backend\' the backend adds the key; give no apiKey or getToken'));
    }
    return mountInline(host, options);
  }

  window.AmpersandSetup = { mount: mount, version: '0.1.0', protocol: PROTOCOL };
})();
