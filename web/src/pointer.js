// Pointer input on the canvas. Emscripten's GLFW turns mouse events into ImGui's; this adds what it
// lacks: focus on press inside iframes, whether the pointer is over the canvas, the wheel, and touch.
const WHEEL_UNITS = { 0: 1 / 100, 1: 1 / 3, 2: 1 }; // ImGui wheel steps per deltaMode unit (pixel, line, page)
const TOUCH_PX_PER_STEP = 40;

export function listenForPointer(widget) {
  const { canvas, scope, mirror } = widget;
  const wasm = (f) => { if (widget.wasm) f(widget.wasm); };
  scope.listen(canvas, 'pointerdown', () => {
    // In iframes the window may not have focus even after a click (emscripten #5796).
    if (document.activeElement !== canvas) { window.focus(); canvas.focus({ preventScroll: true }); }
  });
  // Whether the pointer is over the canvas, told by the same mouse events GLFW feeds ImGui from, so
  // both agree. Pointer events would disagree on a tap: a touch pointer leaves as the finger lifts,
  // before the compatibility mouse events that carry the tap to ImGui, which would then press nothing.
  // After a tap the mouse stays where the finger was, as the browser's own :hover does.
  scope.listen(canvas, 'mouseenter', () => wasm((m) => m.pointer(true)));
  scope.listen(canvas, 'mouseleave', () => wasm((m) => m.pointer(false)));
  scope.listen(canvas, 'mousemove', () => wasm((m) => m.pointer(true)));
  scope.listen(canvas, 'wheel', (e) => {
    if (e.ctrlKey) return; // Ctrl+wheel (and a trackpad pinch) zooms the page: the browser's
    e.preventDefault();
    const unit = WHEEL_UNITS[e.deltaMode] ?? WHEEL_UNITS[0];
    wasm((m) => m.wheel(-e.deltaX * unit, -e.deltaY * unit));
  }, { passive: false });

  // Touch: a canvas brings up no on-screen keyboard, and emscripten's GLFW turns no drag into a
  // scroll. A tap on a text field focuses its mirror input inside the tap (the only moment mobile
  // browsers allow it), so the keyboard opens and typing flows through the mirror; a one-finger drag
  // scrolls (touch-action lets the browser keep pinch-zoom, see styles.js).
  let touchY = null, tapped = false;
  scope.listen(canvas, 'pointerdown', (e) => {
    tapped = e.pointerType === 'touch';
    if (tapped) touchY = e.clientY;
  });
  scope.listen(canvas, 'pointermove', (e) => {
    if (e.pointerType !== 'touch' || touchY === null) return;
    const dy = e.clientY - touchY;
    touchY = e.clientY;
    if (dy) wasm((m) => m.wheel(0, dy / TOUCH_PX_PER_STEP));
  });
  const lift = (e) => { if (e.pointerType === 'touch') touchY = null; };
  scope.listen(canvas, 'pointerup', lift);
  scope.listen(canvas, 'pointercancel', lift); // the browser took the gesture (a pinch)
  // On the click a tap ends with: after the tap's mouse events have focused the canvas, still in the gesture.
  scope.listen(canvas, 'click', (e) => {
    if (!tapped) return;
    const r = canvas.getBoundingClientRect();
    const field = mirror.fieldAt(e.clientX - r.left, e.clientY - r.top);
    if (field) field.ampInput.focus({ preventScroll: true });
  });
}
