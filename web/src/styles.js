// The widget's few styles, added once per page however many widgets it mounts.
import { SKELETON_CSS } from './seam.js';

const css = [
  // The root is the box that scrolls (scroll.js), over the mirror, which is as tall as the content. A
  // stable gutter: the canvas keeps its width as the content grows past the box's height.
  '.amp-setup{position:relative;width:100%;height:100%;min-height:320px;overflow-x:hidden;overflow-y:auto;',
  'scrollbar-gutter:stable}',
  // Viewport-sized and held in view while the box scrolls: the module draws the column at the offset.
  // Drags and pinches are the browser's (a pan scrolls, with momentum); taps still click.
  '.amp-setup canvas{display:block;position:sticky;top:0;width:100%;height:100%;outline:none;touch-action:manipulation}',
  '.amp-sr{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;',
  'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}',
  // The mirror lies over the content, each element where its item is drawn (so magnifiers,
  // find-on-screen and focus scrolling follow it), yet clipped away and transparent to the pointer.
  '.amp-mirror{position:absolute;top:0;left:0;width:100%;overflow:hidden;overflow:clip;clip-path:inset(50%);pointer-events:none}',
  '.amp-mirror>*,.amp-group>*{position:absolute;margin:0;overflow:hidden;overflow:clip;white-space:nowrap}',
  // A group only holds its items: they are placed in the mirror's coordinates, as the others are.
  '.amp-mirror>.amp-group{position:static;overflow:visible}',
  '.amp-probe{position:absolute;left:0;width:1px;visibility:hidden;pointer-events:none}',
  '.amp-paste{position:absolute;width:24px;height:24px;opacity:0;resize:none;border:0;padding:0;z-index:2}',
  '.amp-refused{font:15px/1.5 system-ui,sans-serif;color:#8a1c1c;margin:0;padding:16px}',
  SKELETON_CSS,
].join('');

let styled = false;

// A constructed stylesheet needs no 'unsafe-inline' in the host's CSP; a <style> element (with the
// host's nonce, if it gave one) is the fallback for browsers without adoptedStyleSheets.
export function addStyle(nonce) {
  if (styled) return;
  styled = true;
  if (window.CSSStyleSheet && 'adoptedStyleSheets' in document && CSSStyleSheet.prototype.replaceSync) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    return;
  }
  const s = document.createElement('style');
  if (nonce) s.nonce = nonce;
  s.textContent = css;
  document.head.appendChild(s);
}
