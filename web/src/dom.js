// The elements an inline widget puts into its host: the canvas ImGui draws on, the accessible mirror
// over the content (the root scrolls over it: scroll.js), and two live regions (polite news, urgent errors).
import { addStyle } from './styles.js';

let nextInstance = 1;

const element = (tag, className, attributes = {}) => {
  const el = document.createElement(tag);
  if (className) el.className = className;
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
};

export function widgetElements(host, nonce) {
  addStyle(nonce);
  const id = nextInstance++;
  const root = element('div', 'amp-setup');
  // Hidden from assistive tech: the mirror is what they read and operate.
  const canvas = element('canvas', '', { 'aria-hidden': 'true' });
  canvas.id = 'amp-setup-canvas-' + id;
  canvas.tabIndex = -1;
  const mirrorRoot = element('div', 'amp-mirror', { role: 'group', 'aria-label': 'Ampersand Setup' });
  const live = element('div', 'amp-sr', { 'aria-live': 'polite' });
  const urgent = element('div', 'amp-sr', { role: 'alert' });
  root.append(canvas, mirrorRoot, live, urgent);
  host.appendChild(root);
  return { id, root, canvas, mirrorRoot, live, urgent };
}

// Inline mode refuses an insecure address before anything loads: this says so on screen.
export function showRefusal(host, nonce, message) {
  addStyle(nonce);
  const p = element('p', 'amp-refused', { role: 'alert' });
  p.textContent = 'Ampersand Setup did not start: ' + message;
  host.replaceChildren(p);
}

// ImGui's mouse cursors (ImGuiMouseCursor order) as CSS cursors.
const cursors = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer', 'not-allowed'];
export const cssCursor = (c) => (c < 0 ? 'none' : cursors[c] || 'default');
