// Inline mode: the canvas and its mirror inside the host's element, the module in this page. This
// file wires the pieces together and gives the module its host object (web/bridge.js is the other
// side); each piece keeps its listeners in the widget's scope, so destroy() undoes them all.
import { widgetElements, cssCursor } from './dom.js';
import { emitter } from './events.js';
import { Scope } from './scope.js';
import { Mirror } from './mirror.js';
import { Tokens } from './tokens.js';
import { SignInWindow } from './popup.js';
import { hostFetch } from './fetch.js';
import { copy, listenForPaste } from './clipboard.js';
import { listenForPointer } from './pointer.js';
import { listenForKeys } from './keyboard.js';
import { followScroll } from './scroll.js';
import { drawGlyphs } from './glyphs.js';
import { loadMark } from './marks.js';
import { showSkeleton } from './skeleton.js';
import { cssSize, watchSize } from './size.js';
import { loadModule, base, assetBase } from './module.js';
import { applyLive, lookOf, moduleOptions, USER_LOOK_QUERIES } from './options.js';
import { chooseLocale, loadLocale } from './locale.js';

export function mountInline(host, options) {
  const send = emitter(host, options);
  let readyResolve, readyReject;
  const ready = new Promise((res, rej) => { readyResolve = res; readyReject = rej; });
  // What every piece shares. `wasm` is the module's side of the bridge: null until it attaches and
  // again after destroy(), so from then on the module hears nothing and nothing it says reaches the host.
  const widget = {
    ...widgetElements(host, options.nonce),
    options,
    scope: new Scope(),
    wasm: null,
    destroyed: false,
    emit(event) {
      if (widget.destroyed) return;
      if (event.type === 'ready') {
        skeletons.forEach((e) => e.remove()); // the first interactive frame is drawn: the canvas takes over
        readyResolve(handle);
      }
      send(event);
    },
  };
  const { canvas, scope } = widget;
  const skeletons = showSkeleton(host, widget.root, options.theme);
  widget.mirror = new Mirror(widget.mirrorRoot, widget.live, widget.urgent, (action, id, text) => {
    if (widget.wasm) widget.wasm.mirror(action, id, text);
  });
  // A token is bound to one group and consumer: the module says which (refs) as the admin picks them.
  const refs = { groupRef: options.groupRef || '', consumerRef: options.consumerRef || '' };
  const tokens = typeof options.getToken === 'function' ? new Tokens(options.getToken, () => ({ ...refs })) : null;
  const popup = new SignInWindow(widget);
  const resize = watchSize(widget);
  const scroll = followScroll(widget);
  listenForPointer(widget);
  listenForKeys(widget);
  listenForPaste(widget);
  const onModule = (f) => () => { if (widget.wasm) f(widget.wasm); };
  scope.listen(canvas, 'focus', onModule((m) => m.focus(true)));
  scope.listen(canvas, 'blur', onModule((m) => m.focus(false)));
  // Without preventDefault a lost context never comes back.
  scope.listen(canvas, 'webglcontextlost', (e) => { e.preventDefault(); if (widget.wasm) widget.wasm.context(false); });
  scope.listen(canvas, 'webglcontextrestored', onModule((m) => m.context(true)));
  // The look follows the user's settings as they change: the colour scheme (theme 'auto'), forced
  // colours, reduced motion.
  if (window.matchMedia) {
    for (const query of USER_LOOK_QUERIES) scope.listen(matchMedia(query), 'change', onModule((m) => m.options(lookOf(options))));
  }
  const guardUnload = (e) => { e.preventDefault(); e.returnValue = ''; };
  scope.add(() => window.removeEventListener('beforeunload', guardUnload));

  let language = { locale: 'en', messages: '' }, dates = null; // the language is set before the module starts (below)
  const hostApi = {
    attach(w) { widget.wasm = w; },
    options: () => moduleOptions(options, !!tokens, assetBase(), language),
    canvasSize: () => cssSize(canvas),
    fetch: hostFetch(widget, tokens),
    contentHeight(px) {
      scroll.contentHeight(px);
      widget.emit({ type: 'resize', height: px });
    },
    reveal: scroll.reveal,
    typing: scroll.typing,
    refs(group, consumer) { refs.groupRef = group; refs.consumerRef = consumer; },
    // Typing not yet saved: tell the host (a modal can hold its close), and ask before the page goes.
    unsaved(yes) {
      widget.emit({ type: 'unsavedChanges', unsaved: yes });
      if (yes) window.addEventListener('beforeunload', guardUnload);
      else window.removeEventListener('beforeunload', guardUnload);
    },
    emit: widget.emit,
    mirror(nodes) { widget.mirror.render(nodes); },
    openUrl(url) { if (!widget.destroyed) window.open(url, '_blank', 'noopener,noreferrer'); },
    copy(text) { copy(widget, text); },
    // Intl puts a narrow no-break space before "AM": the embedded font's no-break space looks the same
    // and costs an English admin no glyph drawn on demand.
    // The formatter is made on first use: making one loads the locale's date and time-zone data, which
    // took 200 ms of the start-up on a busy machine (./dev bench) and most sessions show no date.
    formatTime: (ms) => (dates ||= new Intl.DateTimeFormat(language.locale, { dateStyle: 'medium', timeStyle: 'short' }))
      .format(ms).replace(/\u202f/g, '\u00a0'),
    cursor(c) { canvas.style.cursor = cssCursor(c); },
    popupOpen: () => popup.open(),
    popupNavigate: (url) => popup.navigate(url),
    popupClose: () => popup.close(),
    popupFocus: () => popup.focus(),
    glyphs: drawGlyphs,
    mark(token, url, px) { loadMark(url, px, (pixels) => { if (widget.wasm) widget.wasm.mark(token, px, pixels); }); },
    wakeIn(ms) { scope.timeout(onModule((m) => m.wake()), ms); },
  };

  const handle = {
    update(partial) {
      applyLive(options, partial);
      if (widget.wasm) widget.wasm.options(lookOf(options));
    },
    destroy() {
      if (widget.destroyed) return;
      widget.destroyed = true;
      const module = widget.wasm;
      widget.wasm = null;
      // destroy() may be called from onEvent, i.e. from inside one of the module's frames: stop the
      // module only once that frame has unwound.
      if (module) setTimeout(() => {
        module.destroy();
        const gl = canvas.getContext('webgl2');
        const lose = gl && gl.getExtension('WEBGL_lose_context');
        if (lose) lose.loseContext(); // browsers cap live contexts; give this one back now
      });
      scope.close();
      if (tokens) tokens.forget();
      widget.root.remove();
      skeletons.forEach((e) => e.remove());
    },
  };

  // The catalog and the module load side by side; the module starts once both are here.
  Promise.all([loadModule(), loadLocale(chooseLocale(options.locale), assetBase())])
    .then(([factory, chosen]) => {
      language = chosen;
      widget.root.lang = chosen.locale; // the mirror and the live regions: read out in that language
      return factory({ canvas, ampHost: hostApi, locateFile: (path) => base + path });
    })
    .then(resize).catch((err) => {
      widget.emit({ type: 'error', code: 'load_failed', message: String((err && err.message) || err), status: 0 });
      handle.destroy(); // nothing of a widget that never started stays behind
      readyReject(err);
    });
  return ready;
}
