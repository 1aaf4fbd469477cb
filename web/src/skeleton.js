// The loading skeleton: the first screen's shape in HTML and CSS (shell/skeleton.css), shown over the
// widget until its first interactive frame is drawn. The hosted page has one in its markup; a host page
// may too (a child of the mount element with class amp-skeleton); otherwise the loader adds one.

// The blocks of the access step, as shell/index.html writes them: title, intro, then a card with its
// heading, a line, two labelled fields and the button.
const CARD = ['amp-sk-head', 'amp-sk-wide', 'amp-sk-label', 'amp-sk-field', 'amp-sk-label', 'amp-sk-field', 'amp-sk-button'];

const block = (className) => {
  const i = document.createElement('i');
  i.className = className;
  return i;
};

// The skeletons over this widget until it is ready: the host's own, or one made here in `root`.
// theme: the widget's option ('light', 'dark' or 'auto').
export function showSkeleton(host, root, theme) {
  const own = [...host.children].filter((e) => e.classList.contains('amp-skeleton'));
  if (own.length) return own;
  const sk = document.createElement('div');
  sk.className = 'amp-skeleton' + (theme === 'dark' ? ' amp-sk-dark' : theme === 'auto' ? ' amp-sk-auto' : '');
  sk.setAttribute('aria-hidden', 'true');
  const column = document.createElement('div');
  const card = document.createElement('div');
  card.className = 'amp-sk-card';
  card.append(...CARD.map(block));
  column.append(block('amp-sk-title'), block('amp-sk-wide'), card);
  sk.append(column);
  root.append(sk);
  return [sk];
}
