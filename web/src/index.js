/*
 * Ampersand Setup loader: defines window.AmpersandSetup.mount(target, options). Bundled from these
 * files into the one ampersand-setup.js by web/bundle.mjs. It owns everything the wasm module must not:
 * the DOM (canvas, the accessible mirror, the live regions), browser APIs (fetch, window.open,
 * clipboard) and listeners. Types: web/ampersand-setup.d.ts.
 */
import { showRefusal } from './dom.js';
import { emitter } from './events.js';
import { mountFrame } from './frame.js';
import { mountInline } from './inline.js';
import { DEFAULT_API } from './options.js';
import { PROTOCOL } from './protocol.js';
import { VERSION } from './seam.js';
import { trustedUrl } from './trust.js';

// Inline mode (and the hosted page, which mounts inline) refuses an insecure address before anything
// loads: on screen, and as a typed error event. Nothing is sent anywhere.
function refuse(host, options, field, message) {
  showRefusal(host, options.nonce, message);
  emitter(host, options)({ type: 'error', code: 'insecure_transport', message, status: 0,
    operation: 'mount', retryable: false, fields: { [field]: message } });
  return Promise.reject(new Error(message));
}

function mount(target, options) {
  options = Object.assign({}, options || {});
  const host = typeof target === 'string' ? document.querySelector(target) : target;
  if (!host) return Promise.reject(new Error('AmpersandSetup.mount: no element for ' + target));
  if (options.apiKey && options.getToken) {
    return Promise.reject(new Error('AmpersandSetup.mount: give apiKey or getToken, not both'));
  }
  if (options.mode === 'iframe') return mountFrame(host, options); // the hosted page checks its own
  const api = trustedUrl('apiBase', options.apiBase || DEFAULT_API);
  if (api.error) return refuse(host, options, 'apiBase', api.error);
  options.apiBase = api.url.href.replace(/\/+$/, '');
  if (options.ampersandOrigin) {
    const amp = trustedUrl('ampersandOrigin', options.ampersandOrigin);
    if (amp.error) return refuse(host, options, 'ampersandOrigin', amp.error);
    options.ampersandOrigin = amp.url.origin;
  }
  if (options.credentials === 'backend' && (options.apiKey || options.getToken)) {
    return Promise.reject(new Error('AmpersandSetup.mount: with credentials \'backend\' the backend adds the key; give no apiKey or getToken'));
  }
  return mountInline(host, options);
}

// A second copy of the loader on the page keeps the first one's widgets and listeners.
if (!window.AmpersandSetup) window.AmpersandSetup = { mount, version: VERSION, protocol: PROTOCOL };
