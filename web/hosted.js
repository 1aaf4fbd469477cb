/*
 * The hosted page (dist/index.html), alone or as the iframe of the loader's iframe mode.
 * Configuration comes from config.json beside it (deploy time). Alone, it also takes non-secret
 * query parameters. In a frame, it takes options only from a parent whose origin config.json's
 * allowedHostOrigins lists, and posts back only to that origin. The API base is never taken from the
 * URL or from the host, so a crafted link or page cannot send an admin's secrets elsewhere.
 * Bundled and minified by web/bundle.mjs, with the option names and the iframe protocol it shares with
 * the loader (web/src/options.js, web/src/protocol.js).
 */
import { FRAME_OPTIONS } from './src/options.js';
import { Message, PROTOCOL } from './src/protocol.js';

(function () {
  'use strict';
  var QUERY_KEYS = ['project', 'provider', 'groupRef', 'consumerRef', 'locale'];
  // What the host page may set: what the loader's iframe mode hands over, and the look.
  var HOST_KEYS = FRAME_OPTIONS.concat(['theme', 'accent', 'fontScale']);
  var widget = document.getElementById('widget');

  function say(message) {
    var p = document.createElement('p');
    p.id = 'fatal';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    widget.replaceChildren(p);
  }

  function base(config) {
    return {
      apiBase: config.apiBase,
      ampersandOrigin: config.ampersandOrigin || '',
      credentials: config.credentials || '',
      provider: config.provider || '', // none: the provider picker
      groupRef: config.groupRef || '',
      consumerRef: config.consumerRef || '',
      theme: config.theme || 'auto',
      signInTimeouts: config.signInTimeouts || {},
      requestTimeoutMs: config.requestTimeoutMs
    };
  }

  function alone(config) {
    var options = base(config);
    var params = new URLSearchParams(location.search);
    QUERY_KEYS.forEach(function (k) { if (params.get(k)) options[k] = params.get(k); });
    return AmpersandSetup.mount(widget, options);
  }

  // In a frame: say hello to the parent (only at allowed origins), take its options, relay events.
  function framed(config) {
    var allowed = (config.allowedHostOrigins || []).filter(function (o) { return typeof o === 'string'; });
    var known = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : null;
    if (known && allowed.indexOf(known) < 0) {
      say('Ampersand Setup cannot run inside ' + known + ': that site is not in this deployment\'s ' +
          'allowedHostOrigins. Nothing was sent to Ampersand.');
      return;
    }
    var hostOrigin = null, handle = null, tokenWaits = {}, nextToken = 1;
    var post = function (msg) {
      msg.protocol = PROTOCOL;
      window.parent.postMessage(msg, hostOrigin);
    };
    var requestToken = function (refs) {
      return new Promise(function (resolve, reject) {
        var id = nextToken++;
        tokenWaits[id] = { resolve: resolve, reject: reject };
        post({ type: Message.TokenRequest, id: id, groupRef: refs.groupRef, consumerRef: refs.consumerRef });
      });
    };
    window.addEventListener('message', function (e) {
      var m = e.data;
      if (e.source !== window.parent || allowed.indexOf(e.origin) < 0 || !m || m.protocol !== PROTOCOL) return;
      if (hostOrigin && e.origin !== hostOrigin) return;
      if (m.type === Message.Options && !hostOrigin) {
        hostOrigin = e.origin;
        var options = base(config);
        HOST_KEYS.forEach(function (k) { if (m.options && m.options[k] !== undefined) options[k] = m.options[k]; });
        if (m.options && m.options.auth === 'token') options.getToken = requestToken;
        options.onEvent = function (event) { post({ type: Message.Event, event: event }); };
        // A refusal is already on screen and sent to the host as an error event.
        AmpersandSetup.mount(widget, options).then(function (h) { handle = h; }, function () {});
      } else if (m.type === Message.Token && tokenWaits[m.id]) {
        var wait = tokenWaits[m.id];
        delete tokenWaits[m.id];
        if (typeof m.token === 'string') wait.resolve(m.token);
        else wait.reject(new Error(m.error || 'no token'));
      } else if (m.type === Message.Update && handle) {
        handle.update({ theme: m.theme, accent: m.options && m.options.accent, fontScale: m.options && m.options.fontScale });
      }
    });
    // Explicit target origins only: a hello to an origin that is not the parent's is dropped.
    (known ? [known] : allowed).forEach(function (origin) {
      window.parent.postMessage({ protocol: PROTOCOL, type: Message.Hello }, origin);
    });
    setTimeout(function () {
      if (!hostOrigin) say('Ampersand Setup is waiting for its host page. It runs only inside: ' +
        (allowed.join(', ') || 'no site (allowedHostOrigins is empty)') + '.');
    }, 4000);
  }

  // The page may connect to its own origin and the API's only. index.html cannot name the API (config.json
  // does, per deployment), so the policy is added here, before the widget starts and so before any key
  // reaches the page; policies only ever narrow what earlier ones allow.
  function connectOnlyTo(apiBase) {
    var meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "connect-src 'self' " + new URL(apiBase, location.href).origin;
    document.head.appendChild(meta);
  }

  fetch('config.json', { cache: 'no-store' }).then(function (r) {
    if (!r.ok) throw new Error('config.json answered ' + r.status);
    return r.json();
  }).then(function (config) {
    connectOnlyTo(config.apiBase);
    return window.parent !== window ? framed(config) : alone(config);
  }).catch(function (err) {
    say('Ampersand Setup could not start: ' + (err && err.message || err));
  });
})();
