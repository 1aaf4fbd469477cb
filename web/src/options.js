// The host's options, and what each part of the widget is given of them.
export const DEFAULT_API = 'https://api.withampersand.com/v1';

// What handle.update() may change after mount; the rest (project, credentials, API) is fixed then.
export const LIVE_OPTIONS = ['theme', 'accent', 'fontScale', 'onEvent'];

// The options the iframe mode hands to the hosted page as they are (hosted.js takes this list).
export const FRAME_OPTIONS = ['project', 'provider', 'groupRef', 'consumerRef', 'apiKey', 'signInTimeouts', 'requestTimeoutMs',
  'locale'];

export function applyLive(options, partial) {
  for (const k of LIVE_OPTIONS) if (partial && k in partial) options[k] = partial[k];
}

export const matches = (query) => !!(window.matchMedia && matchMedia(query).matches);

// The user's settings the look follows, whatever the host asked for (inline.js listens for changes).
export const USER_LOOK_QUERIES = ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-reduced-motion: reduce)',
  '(pointer: coarse)'];

// Under forced colours (Windows High Contrast and the like), the system colours the canvas must use,
// as #rrggbb: the browser resolves the keywords on a probe exempt from forced-color-adjust.
const SYSTEM_COLORS = ['Canvas', 'CanvasText', 'LinkText', 'Highlight', 'HighlightText', 'ButtonFace'];
function systemColors() {
  if (!matches('(forced-colors: active)') || !document.body) return undefined;
  const probe = document.createElement('i');
  probe.style.forcedColorAdjust = 'none';
  document.body.appendChild(probe);
  const colors = {};
  for (const name of SYSTEM_COLORS) {
    probe.style.color = name;
    const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g).map(Number);
    colors[name] = '#' + (((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1));
  }
  probe.remove();
  return colors;
}

// The look the module draws with: colour scheme, accent, font scale, the user's system colours and
// motion preference, and finger-sized targets when the primary pointer is a finger.
export function lookOf(options) {
  const t = options.theme || 'light';
  const dark = t === 'dark' || (t === 'auto' && matches('(prefers-color-scheme: dark)'));
  return { colorScheme: dark ? 'dark' : 'light', accent: options.accent || '', fontScale: options.fontScale || 1,
    systemColors: systemColors(), reducedMotion: matches('(prefers-reduced-motion: reduce)'),
    coarsePointer: matches('(pointer: coarse)') };
}

// The page's facts for the widget's "Copy diagnostics": where it runs and in what.
function environment() {
  let framed = false;
  try { framed = window.self !== window.top; } catch (e) { framed = true; }
  return 'page: ' + location.origin + '\n' +
    'in an iframe: ' + (framed ? 'yes' : 'no') + '\n' +
    'cross-origin isolated: ' + (window.crossOriginIsolated ? 'yes' : 'no') + '\n' +
    'device pixel ratio: ' + (window.devicePixelRatio || 1) + '\n' +
    'browser: ' + navigator.userAgent + '\n';
}

// What the module is told at start: only what it needs. An API key is handed over once and deleted
// from `options`, so no second copy stays in the page's objects. assetBase: the widget's folder, where
// the module fetches guides not built in (providers/<name>.json). language: the locale and its catalog's
// text (locale.js), empty for English.
export function moduleOptions(options, usesTokens, assetBase, language) {
  const o = lookOf(options);
  o.apiBase = options.apiBase; // absolute and checked by mount()
  o.ampersandOrigin = options.ampersandOrigin || '';
  o.credentials = options.credentials === 'backend' ? 'backend' : '';
  o.project = options.project || '';
  o.provider = options.provider || ''; // none: the widget opens on its provider picker
  o.assetBase = assetBase;
  o.groupRef = options.groupRef || '';
  o.consumerRef = options.consumerRef || '';
  o.apiKey = options.apiKey || '';
  delete options.apiKey;
  o.auth = usesTokens ? 'token' : '';
  o.signInTimeouts = options.signInTimeouts || {};
  o.environment = environment();
  o.locale = language.locale;
  o.messages = language.messages;
  return o;
}

// What the hosted page in a frame is told. The frame keeps its own token cache and asks the host
// only when it needs a new token; `auth` says whether it may ask.
export function frameOptions(options) {
  const o = lookOf(options);
  for (const k of FRAME_OPTIONS) if (options[k] !== undefined) o[k] = options[k];
  o.theme = options.theme || 'light';
  o.auth = typeof options.getToken === 'function' ? 'token' : '';
  return o;
}
