// Events go to options.onEvent and, as DOM CustomEvents named ampersand-setup:<type>, to the target.
// A throwing onEvent is the host's bug: it is rethrown later, so the widget carries on.
export const emitter = (host, options) => (event) => {
  if (typeof options.onEvent === 'function') {
    try { options.onEvent(event); } catch (e) { setTimeout(() => { throw e; }); }
  }
  host.dispatchEvent(new CustomEvent('ampersand-setup:' + event.type, { detail: event, bubbles: true, composed: true }));
};
