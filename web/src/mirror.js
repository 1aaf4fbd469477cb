// The accessible mirror: ImGui's items as real, visually hidden DOM controls that screen readers,
// keyboards, magnifiers and find-on-page use. The module sends the items each time they change
// (render); what a person does to them goes back as a PageAction.
import { PageAction } from './seam.js';

let descCount = 0;
let listCount = 0; // ids for listboxes and options, which a combobox names (aria-controls, aria-activedescendant)

// Keys a combobox hands to the module to move its list's highlight; the caret stays where it is.
const comboKeys = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

// When the control that had focus goes away (its step is done), keyboard users should not be
// thrown back to the top of the page: the first control at or after its place takes focus.
function focusAfter(order, index) {
  for (let i = Math.min(index, order.length - 1); i >= 0 && i < order.length; i++) {
    const target = order[i].ampInput || order[i];
    if (target.tagName === 'BUTTON' || target.tagName === 'INPUT' || target.tagName === 'A') return target;
  }
  return null;
}

export class Mirror {
  // send(action, id, text): a PageAction on the item with that id.
  constructor(root, live, urgent, send) {
    this.root = root;
    this.live = live;
    this.urgent = urgent;
    this.send = send;
    this.byKey = new Map();
    this.order = []; // the elements last placed, in drawing order
    this.lostAt = -1; // where a focused control vanished, until focus has a new home
    this.rendering = false;
    this.quiet = false; // a focus the pointer gave (focusFromPointer): no ring
  }

  element(n) {
    const send = this.send;
    let el, input;
    switch (n.role) {
      case 'heading':
        el = document.createElement('h' + Math.min(6, Math.max(1, n.level || 2)));
        break;
      case 'text': case 'alert':
        el = document.createElement('p');
        break;
      case 'group': // holds the items up to its end (place); named by its label, described by its error
      case 'listbox': // holds the options up to its end, for the combobox that controls it
        el = document.createElement('div');
        el.className = 'amp-group';
        el.setAttribute('role', n.role);
        if (n.role === 'listbox') el.id = 'amp-list-' + (++listCount);
        break;
      case 'option': // not focusable: focus stays in the combobox, which points at the highlighted one
        el = document.createElement('div');
        el.setAttribute('role', 'option');
        el.id = 'amp-list-' + (++listCount);
        el.addEventListener('click', () => send(PageAction.Click, n.id, ''));
        break;
      case 'link':
        el = document.createElement('a');
        el.target = '_blank';
        el.rel = 'noopener noreferrer';
        break;
      case 'button':
        el = document.createElement('button');
        el.type = 'button';
        el.addEventListener('click', () => {
          if (el.getAttribute('aria-disabled') !== 'true') send(PageAction.Click, n.id, '');
        });
        break;
      case 'checkbox': case 'textbox': case 'combobox':
        el = document.createElement('label');
        input = document.createElement('input');
        input.type = n.role === 'checkbox' ? 'checkbox' : (n.secret ? 'password' : 'text');
        if (n.role === 'checkbox') {
          // The browser toggles the box itself; the widget decides. Once the click is over, show
          // what the widget holds (the mirror update during the click may be undone by the browser).
          input.addEventListener('click', () => {
            send(PageAction.Click, n.id, '');
            setTimeout(() => { if (el.ampNode) input.checked = !!el.ampNode.checked; });
          });
        } else {
          input.autocomplete = n.secret ? 'new-password' : 'off';
          input.spellcheck = false;
          input.addEventListener('input', () => send(PageAction.SetText, n.id, input.value));
          // Enter submits the field's step, as in a form (in a combobox: chooses the highlighted option)
          input.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.isComposing) send(PageAction.Click, n.id, ''); });
        }
        if (n.role === 'combobox') { // ARIA 1.2: the list's highlight moves, Escape clears the text
          input.setAttribute('role', 'combobox');
          input.setAttribute('aria-autocomplete', 'list');
          input.addEventListener('keydown', (e) => {
            if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
            if (comboKeys.has(e.key)) {
              e.preventDefault();
              send(PageAction.Key, n.id, e.key);
            } else if (e.key === 'Escape' && input.value) {
              e.preventDefault();
              input.value = '';
              send(PageAction.SetText, n.id, '');
            }
          });
        }
        el.append(document.createElement('span'), input);
        el.ampInput = input;
        break;
    }
    const target = input || el;
    if (n.id) {
      target.dataset.ampId = String(n.id);
      // Removing a focused element fires blur in the middle of render(): that is no one's intent.
      target.addEventListener('focus', () => {
        if (this.rendering) return;
        this.lostAt = -1;
        if (!this.quiet) send(PageAction.Focus, n.id, '');
      });
      target.addEventListener('blur', () => { if (!this.rendering) send(PageAction.Blur, n.id, ''); });
    }
    return el;
  }

  update(el, n) {
    const input = el.ampInput;
    el.ampNode = n;
    if (n.rect) {
      el.style.left = n.rect[0] + 'px';
      el.style.top = n.rect[1] + 'px';
      el.style.width = n.rect[2] + 'px';
      el.style.height = n.rect[3] + 'px';
    }
    if (n.role === 'group') {
      el.setAttribute('aria-label', n.name);
      return this.describe(el, el, n);
    }
    if (n.role === 'listbox') return el.setAttribute('aria-label', n.name);
    if (n.role === 'option') el.setAttribute('aria-selected', n.selected ? 'true' : 'false');
    const nameHolder = input ? el.firstChild : el;
    if (nameHolder.textContent !== n.name) nameHolder.textContent = n.name;
    if (n.role === 'link' && el.href !== n.href) el.href = n.href;
    if (n.role === 'button') el.setAttribute('aria-disabled', n.disabled ? 'true' : 'false');
    // Read once, as the control's description; still there for find-on-page.
    if (n.repeats) el.setAttribute('aria-hidden', 'true');
    if (!input) return;
    if (n.role === 'combobox') input.setAttribute('aria-expanded', n.expanded ? 'true' : 'false');
    if (n.role === 'checkbox') input.checked = !!n.checked;
    else if (n.secret) { if (!n.filled && input.value) input.value = ''; }
    else if (input.value !== (n.value || '')) input.value = n.value || '';
    input.readOnly = !!n.readonly;
    input.setAttribute('aria-invalid', n.invalid ? 'true' : 'false');
    this.describe(el, input, n);
  }

  // The hint or the error, in an element of its own (inside el) that `target` points at.
  describe(el, target, n) {
    let desc = el.ampDesc;
    if (n.description && !desc) {
      desc = el.ampDesc = document.createElement('span');
      desc.id = 'amp-desc-' + (++descCount);
      desc.hidden = true;
      el.appendChild(desc);
      target.setAttribute('aria-describedby', desc.id);
    }
    if (desc && desc.textContent !== (n.description || '')) desc.textContent = n.description || '';
  }

  // A combobox names its listbox and the highlighted option by their element ids, once all are placed.
  link(input, n) {
    const idOf = (itemId) => (itemId && this.byKey.get('i' + itemId)?.id) || '';
    for (const [attr, id] of [['aria-controls', idOf(n.controls)], ['aria-activedescendant', idOf(n.active)]]) {
      if (!id) input.removeAttribute(attr);
      else if (input.getAttribute(attr) !== id) input.setAttribute(attr, id);
    }
  }

  // A point in the viewport (clientX, clientY) in the mirror's coordinates: CSS pixels from the top
  // of the content, at any scroll offset.
  local(clientX, clientY) {
    const r = this.root.getBoundingClientRect();
    return [clientX - r.left, clientY - r.top];
  }

  // The mirror element of an item drawn at (x, y) in the mirror's coordinates that `accepts` takes, or null.
  itemAt(x, y, accepts) {
    let found = null;
    this.byKey.forEach((el) => {
      const n = el.ampNode;
      if (n && n.rect && accepts(n) && x >= n.rect[0] && y >= n.rect[1] &&
          x < n.rect[0] + n.rect[2] && y < n.rect[1] + n.rect[3]) found = el;
    });
    return found;
  }

  // The control a pointer pressed on the canvas, or null: a button, checkbox or link (a text field is
  // edited on the canvas itself, where the pointer places the caret and selects).
  pressedAt(x, y) { return this.itemAt(x, y, (n) => n.role === 'button' || n.role === 'checkbox' || n.role === 'link'); }

  // Focus moves to the mirror element of a control clicked on the canvas, as a click on a web page's
  // control focuses it: a screen reader then finds focus on a control, not on the hidden canvas. Like
  // :focus-visible, a pointer's focus draws no ring on the canvas (the module is not told of it).
  focusFromPointer(el) {
    const target = el.ampInput || el;
    if (!el.isConnected || document.activeElement === target) return;
    this.quiet = true;
    try { target.focus({ preventScroll: true }); } finally { this.quiet = false; }
  }

  // The editable text field drawn at (x, y), or null.
  fieldAt(x, y) { return this.itemAt(x, y, (n) => n.role === 'textbox' && !n.readonly); }

  render(nodes) {
    this.rendering = true;
    let next;
    try { next = this.place(nodes); } finally { this.rendering = false; }
    if (next) next.focus({ preventScroll: true });
  }

  // A live region holds only what has just appeared: news still on screen is not said again
  // (nor prepended to the next), and once none is shown the region empties, silently.
  announce(region, alerts) {
    const now = alerts.map((a) => a.name);
    const before = region.ampShown || [];
    region.ampShown = now;
    const fresh = now.filter((name) => !before.includes(name));
    const said = fresh.length ? fresh.join('\n') : now.length ? region.textContent : '';
    if (region.textContent !== said) region.textContent = said;
  }

  place(nodes) {
    const seen = new Map(), order = [], alerts = [];
    const within = new Map([[this.root, []]]); // each container's elements, in drawing order
    let parent = this.root, wanted = null;
    for (const n of nodes) {
      if (n.role === 'end') { parent = this.root; continue; }
      if (n.role === 'alert') alerts.push(n);
      let key = n.id ? 'i' + n.id : n.role + ':' + n.name;
      const count = (seen.get(key) || 0) + 1;
      seen.set(key, count);
      if (count > 1) key += '#' + count;
      let el = this.byKey.get(key);
      if (!el) { el = this.element(n); this.byKey.set(key, el); }
      this.update(el, n);
      order.push(el);
      within.get(parent).push(el);
      if (n.role === 'group' || n.role === 'listbox') within.set(parent = el, []);
      if (n.focus) wanted = el.ampInput || el;
    }
    const keep = new Set(order);
    let lost = -1;
    this.byKey.forEach((el, key) => {
      if (keep.has(el)) return;
      if (el.contains(document.activeElement)) lost = this.order.indexOf(el);
      el.remove();
      this.byKey.delete(key);
    });
    this.order = order;
    for (const el of order) if (el.ampNode.role === 'combobox') this.link(el.ampInput, el.ampNode);
    // Place elements in drawing order without moving ones already in place (moving blurs them).
    within.forEach((els, box) => {
      let at = box.firstChild;
      for (const el of els) {
        if (el === at) at = at.nextSibling;
        else box.insertBefore(el, at);
      }
    });
    // Errors are announced at once (assertive), other news when the reader is idle (polite).
    this.announce(this.live, alerts.filter((a) => !a.invalid));
    this.announce(this.urgent, alerts.filter((a) => a.invalid));
    // The step may give way to a loading message first: keep the place until controls are back.
    if (lost >= 0) this.lostAt = lost;
    if (wanted) { this.lostAt = -1; return wanted; }
    const nobody = !document.activeElement || document.activeElement === document.body;
    if (this.lostAt >= 0 && nobody) {
      const next = focusAfter(order, this.lostAt);
      if (next) this.lostAt = -1;
      return next;
    }
    return null;
  }
}
