// The clipboard between the page and ImGui, both ways.
import { PageAction } from './seam.js';

export function copy(widget, text) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).catch(() => copyFallback(widget, text));
  } else copyFallback(widget, text);
}

// Without the async clipboard API (or its permission): a selected hidden textarea and execCommand.
function copyFallback(widget, text) {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.className = 'amp-sr';
  widget.root.appendChild(ta);
  ta.select();
  try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
  ta.remove();
  widget.canvas.focus({ preventScroll: true });
}

export function listenForPaste(widget) {
  const { canvas, scope } = widget;
  // ImGui asks for the clipboard synchronously; the browser gives it only in a paste event, which
  // fires right after the Ctrl/Cmd+V keydown and before ImGui's next frame reads it.
  scope.listen(document, 'paste', (e) => {
    if (document.activeElement !== canvas || !widget.wasm) return;
    e.preventDefault();
    widget.wasm.paste((e.clipboardData && e.clipboardData.getData('text/plain')) || '');
  });
  // Paste from the context menu: a canvas offers no "Paste", so on a right press over a text field
  // an invisible textarea is slipped under the pointer; the menu that opens is then an editable
  // one, and what it pastes goes into the field.
  const target = document.createElement('textarea');
  target.className = 'amp-paste';
  target.setAttribute('aria-hidden', 'true');
  target.tabIndex = -1;
  const hide = () => { target.remove(); target.value = ''; target.ampId = 0; };
  scope.listen(canvas, 'mousedown', (e) => {
    if (e.button !== 2) return;
    const [x, y] = widget.mirror.local(e.clientX, e.clientY); // the root's content coordinates too
    const field = widget.mirror.fieldAt(x, y);
    if (!field) return;
    target.style.left = (x - 12) + 'px';
    target.style.top = (y - 12) + 'px';
    target.ampId = field.ampNode.id;
    widget.root.appendChild(target);
    e.preventDefault(); // or the press's default action would move focus back to the canvas
    target.focus({ preventScroll: true });
  });
  scope.listen(target, 'paste', (e) => {
    e.preventDefault();
    const text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
    if (widget.wasm && target.ampId && text) widget.wasm.mirror(PageAction.Insert, target.ampId, text);
    hide();
    canvas.focus({ preventScroll: true });
  });
  scope.listen(target, 'blur', hide);
}
