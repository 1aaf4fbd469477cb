// Keys: the bridge (web/bridge.js) moves emscripten's GLFW key listeners from window to each widget's
// canvas, so the page's own inputs and listeners are untouched.
const canvases = new Set(); // every mounted widget's canvas

// One exception stays: on a focused canvas GLFW cancels Tab, which would trap keyboard users; this
// listener (ahead of GLFW's, in the capture phase on window) lets Tab through to the browser.
const letTabThrough = (e) => {
  if (e.key === 'Tab' && canvases.has(e.target)) e.stopImmediatePropagation();
};

export function listenForKeys(widget) {
  const { canvas, scope } = widget;
  if (!canvases.size) window.addEventListener('keydown', letTabThrough, true);
  canvases.add(canvas);
  scope.add(() => {
    canvases.delete(canvas);
    if (!canvases.size) window.removeEventListener('keydown', letTabThrough, true);
  });
  // A key wakes the idle module, which draws no frame while nothing changes.
  const wake = () => { if (widget.wasm && document.activeElement === canvas) widget.wasm.wake(); };
  scope.listen(window, 'keyup', wake, true);
  scope.listen(window, 'keydown', wake, true);
}
