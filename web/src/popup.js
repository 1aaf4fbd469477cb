// The sign-in window. It is opened blank inside the admin's gesture (browsers block windows opened
// later), shows a short note, and is sent to the provider once Ampersand gives the URL. Messages from
// it (and from anywhere: the module checks their origin) go to the module.
const WIDTH = 600, HEIGHT = 720;
const WATCH_MS = 500;
const MAX_MESSAGE = 65536; // characters of JSON; anything longer is no message of Ampersand's

export class SignInWindow {
  constructor(widget) {
    this.widget = widget;
    this.popup = null;
    this.watch = 0;
    this.count = 0;
    widget.scope.add(() => { this.stopWatching(); if (this.popup && !this.popup.closed) this.popup.close(); this.popup = null; });
    widget.scope.listen(window, 'message', (e) => {
      let json;
      try { json = JSON.stringify(e.data); } catch (x) { return; }
      if (!widget.wasm || typeof json !== 'string' || json.length > MAX_MESSAGE) return;
      widget.wasm.message(e.origin, json, this.popup !== null && e.source === this.popup);
    });
  }

  stopWatching() { clearInterval(this.watch); this.watch = 0; }

  open() {
    if (this.widget.destroyed) return false;
    if (this.popup && !this.popup.closed) { try { this.popup.close(); } catch (e) { /* severed: nothing to do */ } }
    this.stopWatching();
    const left = Math.round(window.screenX + Math.max(0, (window.outerWidth - WIDTH) / 2));
    const top = Math.round(window.screenY + Math.max(0, (window.outerHeight - HEIGHT) / 2.5));
    const popup = this.popup = window.open('', 'amp-setup-signin-' + this.widget.id + '-' + (++this.count),
      'popup,width=' + WIDTH + ',height=' + HEIGHT + ',left=' + left + ',top=' + top);
    if (!popup) return false;
    try {
      popup.document.title = 'Connecting...';
      const note = popup.document.createElement('p');
      note.textContent = 'Opening the sign-in page...';
      note.style.cssText = 'font:16px/1.4 system-ui,sans-serif;margin:2em;color:#444';
      popup.document.body.appendChild(note);
    } catch (e) { /* not ours to script: fine */ }
    // Under Cross-Origin-Opener-Policy `closed` can read true while the window is still open;
    // the core treats "closed" as a reason to check with the server, never as a failure.
    this.watch = setInterval(() => {
      if (this.popup && this.popup.closed) { this.stopWatching(); if (this.widget.wasm) this.widget.wasm.popupClosed(); }
    }, WATCH_MS);
    return true;
  }

  navigate(url) { try { this.popup.location.replace(url); } catch (e) { /* closed meanwhile */ } }
  close() { this.stopWatching(); try { if (this.popup) this.popup.close(); } catch (e) { /* severed */ } }
  focus() { try { if (this.popup) this.popup.focus(); } catch (e) { /* severed */ } }
}
