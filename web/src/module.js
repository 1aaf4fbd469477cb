// The wasm module's script (amp-widget.js, beside the loader), loaded once per page for every widget.
const script = document.currentScript;
// Where the loader was served from: the module, its wasm and the hosted page are beside it.
export const base = script && script.src ? script.src.slice(0, script.src.lastIndexOf('/') + 1) : '';
// The same folder as an absolute URL: the module fetches guides from its providers/ (src/core/guide_source.h).
// Asked at mount, not at load: the bundle's top level runs before anything is mounted.
export const assetBase = () => new URL(base || './', location.href).href;

let loading = null;

export function loadModule() {
  if (window.AmpersandSetupModule) return Promise.resolve(window.AmpersandSetupModule);
  if (loading) return loading;
  loading = new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = base + 'amp-widget.js';
    s.onload = () => resolve(window.AmpersandSetupModule);
    s.onerror = () => { loading = null; reject(new Error('could not load ' + s.src)); };
    document.head.appendChild(s);
  });
  return loading;
}
