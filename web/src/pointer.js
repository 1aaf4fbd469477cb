// Pointer input on the canvas. Emscripten's GLFW turns mouse events into ImGui's; this adds what it
// lacks: focus on press inside iframes, whether the pointer is over the canvas, and taps on fields.

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
  // The wheel and touch drags are the browser's: they scroll the box the canvas sticks in (scroll.js).

  // Touch: a canvas brings up no on-screen keyboard. A tap on a text field focuses its mirror input
  // inside the tap (the only moment mobile browsers allow it), so the keyboard opens and typing flows
  // through the mirror.
  let tapped = false, pressed = null;
  scope.listen(canvas, 'pointerdown', (e) => {
    tapped = e.pointerType === 'touch';
    // Before the press is drawn: the control under the pointer now, not what the click may bring in.
    pressed = mirror.pressedAt(...mirror.local(e.clientX, e.clientY));
  });
  // On the click a tap ends with: after the tap's mouse events have focused the canvas, still in the gesture.
  scope.listen(canvas, 'click', (e) => {
    if (pressed) mirror.focusFromPointer(pressed);
    pressed = null;
    if (!tapped) return;
    const field = mirror.fieldAt(...mirror.local(e.clientX, e.clientY));
    if (field) field.ampInput.focus({ preventScroll: true });
  });
}
