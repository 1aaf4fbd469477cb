// Emscripten JS library: the thin bridge between the wasm module and the page-side runtime
// (ampersand-setup.js), which is handed to the module as Module['ampHost']. This file only converts
// arguments; it is closure-compiled, so every name shared with the runtime is a quoted string.
mergeInto(LibraryManager.library, {
  $AMP__deps: ['malloc', 'free'],
  $AMP: {
    // Calls an exported C function with JS strings, passing them as temporary UTF-8 copies.
    call: function (fn, args) {
      var ptrs = [];
      var conv = args.map(function (a) {
        if (typeof a !== 'string') return a;
        var n = lengthBytesUTF8(a) + 1, p = _malloc(n);
        stringToUTF8(a, p, n);
        ptrs.push([p, n]);
        return p;
      });
      // Zeroed before release: a copy may hold a typed secret.
      try { fn.apply(null, conv); } finally { ptrs.forEach(function (q) { HEAPU8.fill(0, q[0], q[0] + q[1]); _free(q[0]); }); }
    },
  },

  amp_js_init__deps: ['$AMP', '$GLFW', 'amp_on_response', 'amp_on_resize', 'amp_on_mirror', 'amp_on_pointer',
                      'amp_on_canvas_focus', 'amp_on_scroll', 'amp_on_paste', 'amp_on_wake',
                      'amp_on_message', 'amp_on_popup_closed', 'amp_on_options', 'amp_on_destroy', 'amp_on_context',
                      'amp_on_mark'],
  amp_js_init: function () {
    // Emscripten's GLFW listens for keys on window, so every widget on the page (and the page's own
    // inputs, where it cancels Backspace and Tab) would see every key. Move its listeners to this
    // instance's canvas: keys then reach a widget only while its canvas has focus.
    var canvas = Module['canvas'];
    // Chromium's keypress charCode holds only the first UTF-16 unit of a character outside the BMP (an
    // emoji became U+FFFD); the whole character is in event.key, so GLFW gets its code point from there.
    var onKeyPress = function (e) {
      var cp = e.key ? e.key.codePointAt(0) : 0;
      GLFW.onKeyPress(cp > 0xFFFF && e.key.length === 2 ? { charCode: cp, ctrlKey: e.ctrlKey, metaKey: e.metaKey } : e);
    };
    window.removeEventListener('keypress', GLFW.onKeyPress, true);
    canvas.addEventListener('keypress', onKeyPress, true);
    [['keydown', GLFW.onKeydown], ['keyup', GLFW.onKeyup]].forEach(function (l) {
      window.removeEventListener(l[0], l[1], true);
      canvas.addEventListener(l[0], l[1], true);
    });
    canvas.addEventListener('blur', GLFW.onBlur, true); // release held keys when focus leaves
    // Its touch listeners press and release at the last mouse position (emscripten finds a touch's
    // position only under SDL), so a tap would click wherever the previous one was. Taps reach ImGui
    // through the browser's compatibility mouse events instead, at the right place.
    [['touchstart', GLFW.onMouseButtonDown], ['touchend', GLFW.onMouseButtonUp], ['touchcancel', GLFW.onMouseButtonUp],
     ['touchmove', GLFW.onMousemove],
     // and the wheel is the browser's, to scroll the page (web/src/scroll.js): its listener would cancel it.
     ['wheel', GLFW.onMouseWheel], ['mousewheel', GLFW.onMouseWheel]].forEach(function (l) { canvas.removeEventListener(l[0], l[1], true); });
    Module['ampHost']['attach']({
      'response': function (id, status, type, body, retryAfter, timedOut) {
        AMP.call(_amp_on_response, [id, status, type, body, retryAfter || '', timedOut ? 1 : 0]);
      },
      'resize': function (w, h, dpr) { _amp_on_resize(w, h, dpr); },
      'mirror': function (kind, id, text) { AMP.call(_amp_on_mirror, [kind, id >>> 0, text || '']); },
      'pointer': function (inside) { _amp_on_pointer(inside ? 1 : 0); },
      'focus': function (focused) { _amp_on_canvas_focus(focused ? 1 : 0); },
      'scroll': function (y) { _amp_on_scroll(y); },
      'paste': function (text) { AMP.call(_amp_on_paste, [text]); },
      'wake': function () { _amp_on_wake(); },
      'message': function (origin, json, fromPopup) { AMP.call(_amp_on_message, [origin, json, fromPopup ? 1 : 0]); },
      'popupClosed': function () { _amp_on_popup_closed(); },
      'options': function (look) { AMP.call(_amp_on_options, [JSON.stringify(look)]); },
      // The instance is never used again (the loader calls this once no frame is running): zero all of
      // its memory, so no copy of a key or secret outlives destroy() wherever it lay (a dead frame near
      // the stack's top, a block freed by code that does not zero).
      'destroy': function () { _amp_on_destroy(); HEAPU8.fill(0); },
      'context': function (restored) { _amp_on_context(restored ? 1 : 0); },
      'mark': function (token, px, pixels) {
        var p = pixels ? _malloc(pixels.length) : 0;
        if (p) HEAPU8.set(pixels, p);
        _amp_on_mark(token, px, p);
        if (p) _free(p);
      },
    });
  },

  amp_js_options__deps: ['malloc'],
  amp_js_options: function () {
    var s = JSON.stringify(Module['ampHost']['options']()), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },

  // A time in the admin's locale and time zone (Intl.DateTimeFormat, web/src/inline.js); free() it.
  amp_js_format_time__deps: ['malloc'],
  amp_js_format_time: function (ms) {
    var s = Module['ampHost']['formatTime'](ms), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },

  amp_js_is_mac: function () {
    var p = (navigator['userAgentData'] && navigator['userAgentData']['platform']) || navigator.platform || '';
    return /mac|iphone|ipad/i.test(p) ? 1 : 0;
  },

  amp_js_canvas_size: function (w, h, dpr) {
    var size = Module['ampHost']['canvasSize']();
    HEAP32[w >> 2] = size[0];
    HEAP32[h >> 2] = size[1];
    HEAPF64[dpr >> 3] = size[2];
  },

  amp_js_fetch: function (id, method, url, headers, body) {
    Module['ampHost']['fetch'](id, UTF8ToString(method), UTF8ToString(url), JSON.parse(UTF8ToString(headers)),
                               UTF8ToString(body));
  },
  amp_js_emit: function (json) { Module['ampHost']['emit'](JSON.parse(UTF8ToString(json))); },
  amp_js_mirror: function (json) { Module['ampHost']['mirror'](JSON.parse(UTF8ToString(json))); },
  amp_js_open_url: function (url) { Module['ampHost']['openUrl'](UTF8ToString(url)); },
  amp_js_copy: function (text) { Module['ampHost']['copy'](UTF8ToString(text)); },
  amp_js_cursor: function (c) { Module['ampHost']['cursor'](c); },
  amp_js_wake_in: function (ms) { Module['ampHost']['wakeIn'](ms); },
  amp_js_popup_open: function () { return Module['ampHost']['popupOpen']() ? 1 : 0; },
  amp_js_popup_navigate: function (url) { Module['ampHost']['popupNavigate'](UTF8ToString(url)); },
  amp_js_popup_close: function () { Module['ampHost']['popupClose'](); },
  amp_js_popup_focus: function () { Module['ampHost']['popupFocus'](); },
  amp_js_content_height: function (px) { Module['ampHost']['contentHeight'](px); },
  amp_js_reveal: function (top, bottom) { Module['ampHost']['reveal'](top, bottom); },
  amp_js_typing: function (t) { Module['ampHost']['typing'](!!t); },
  amp_js_unsaved: function (u) { Module['ampHost']['unsaved'](!!u); },
  // The page packs the drawings (web/src/glyphs.js); they are copied into a block src/web/glyphs.cpp frees.
  amp_js_glyphs__deps: ['malloc'],
  amp_js_glyphs: function (cps, n, px, semibold) {
    var bytes = Module['ampHost']['glyphs'](Array.from(HEAPU32.subarray(cps >> 2, (cps >> 2) + n)), px, !!semibold);
    var p = _malloc(bytes.length);
    HEAPU8.set(bytes, p);
    return p;
  },
  amp_js_mark: function (token, url, px) { Module['ampHost']['mark'](token, UTF8ToString(url), px); },
  amp_js_refs: function (g, c) { Module['ampHost']['refs'](UTF8ToString(g), UTF8ToString(c)); },
});
