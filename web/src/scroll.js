// Scrolling is the browser's. The widget's root box scrolls natively over the mirror, which is as
// tall as the content (the spacer); the canvas is viewport-sized and sticky (styles.js), and the
// module draws the column at the root's scroll offset. So the wheel anywhere over the widget, the
// scrollbar, keys, touch momentum and scroll chaining all behave as on any page, and the mirror's
// elements lie over their controls at every offset (focus scrolling and scrollIntoView just work).
// When the host sizes its box to the content (the hosted page in a frame), the root has nothing to
// scroll and the host page scrolls instead: every request below reaches whichever box scrolls.
import { matches } from './options.js';

// Keys that scroll a page. On the canvas they go to the browser, not to ImGui (whose keyboard
// navigation would move an invisible cursor), unless a field on the canvas is being typed in.
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', ' ']);

const smooth = () => (matches('(prefers-reduced-motion: reduce)') ? 'auto' : 'smooth');

// Returns what the module's side of the bridge calls: contentHeight(px), reveal(top, bottom) and
// typing(yes).
export function followScroll(widget) {
  const { root, canvas, mirrorRoot, scope } = widget;
  let typing = false;
  scope.listen(root, 'scroll', () => { if (widget.wasm) widget.wasm.scroll(root.scrollTop); }, { passive: true });

  scope.listen(window, 'keydown', (e) => {
    if (e.target !== canvas || !SCROLL_KEYS.has(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (typing) { if (e.key !== ' ') e.preventDefault(); } // Space must still reach the field as a character
    else e.stopImmediatePropagation(); // past GLFW's listeners on the canvas; the default action scrolls
  }, true);
  // Space scrolls on its keypress: after the field has its character, the page must not scroll.
  scope.listen(window, 'keypress', (e) => {
    if (e.target !== canvas || e.key !== ' ') return;
    if (typing) e.preventDefault();
    else e.stopImmediatePropagation();
  }, true);

  // A stretch of the content the module wants seen (an outcome, the field to fix): a probe box there,
  // brought into view by the browser through every box that scrolls, the host page's included.
  const probe = document.createElement('div');
  probe.className = 'amp-probe';
  probe.setAttribute('aria-hidden', 'true');
  root.appendChild(probe);

  return {
    contentHeight(px) { mirrorRoot.style.height = px + 'px'; },
    reveal(top, bottom) {
      probe.style.top = top + 'px';
      probe.style.height = Math.max(1, bottom - top) + 'px';
      probe.scrollIntoView({ block: 'nearest', behavior: smooth() });
    },
    typing(yes) { typing = yes; },
  };
}
