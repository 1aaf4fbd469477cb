// Size: CSS decides, the module renders at device pixels. ResizeObserver sees container changes that
// window 'resize' misses; a resolution media query sees devicePixelRatio changes (zoom, another monitor).
export function cssSize(canvas) {
  const r = canvas.getBoundingClientRect();
  return [Math.max(1, Math.round(r.width)), Math.max(1, Math.round(r.height)), window.devicePixelRatio || 1];
}

// Returns resize(), which tells the module the current size if it changed.
export function watchSize(widget) {
  const { canvas, scope } = widget;
  let last = '';
  const resize = () => {
    const s = cssSize(canvas);
    const key = s.join('x');
    if (key === last || !widget.wasm) return;
    last = key;
    widget.wasm.resize(s[0], s[1], s[2]);
  };
  const ro = new ResizeObserver(resize);
  ro.observe(canvas);
  scope.add(() => ro.disconnect());
  let dprQuery = null;
  const onDpr = () => { watchDpr(); resize(); };
  const watchDpr = () => {
    if (dprQuery) dprQuery.removeEventListener('change', onDpr);
    dprQuery = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    dprQuery.addEventListener('change', onDpr);
  };
  watchDpr();
  scope.add(() => dprQuery.removeEventListener('change', onDpr));
  return resize;
}
