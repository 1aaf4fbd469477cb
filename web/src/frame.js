// Iframe mode: the hosted page (web/hosted.js) in a sandboxed frame, over a versioned, origin-checked
// protocol (protocol.js). The host side: say the options once the frame says hello, relay its
// events, answer its token requests, pass on live updates.
import { emitter } from './events.js';
import { base } from './module.js';
import { applyLive, frameOptions, lookOf } from './options.js';
import { Scope } from './scope.js';
import { Message, PROTOCOL } from './protocol.js';

const DEFAULT_TIMEOUT_MS = 15000;
const DEFAULT_HEIGHT = '480px';

export function mountFrame(host, options) {
  const url = new URL(options.frameUrl || base + 'index.html', location.href);
  const origin = url.origin;
  const frame = document.createElement('iframe');
  frame.src = url.href;
  frame.title = 'Ampersand Setup';
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms');
  frame.setAttribute('allow', 'clipboard-write');
  frame.style.cssText = 'display:block;width:100%;height:' + DEFAULT_HEIGHT + ';border:0';
  const send = emitter(host, options);
  let readyResolve, readyReject;
  const ready = new Promise((res, rej) => { readyResolve = res; readyReject = rej; });
  const post = (msg) => {
    msg.protocol = PROTOCOL;
    if (frame.contentWindow) frame.contentWindow.postMessage(msg, origin); // never '*'
  };
  const getToken = typeof options.getToken === 'function' ? options.getToken : null;

  const onEvent = (event) => {
    if (event.type === 'resize' && event.height > 0) frame.style.height = event.height + 'px';
    if (event.type === 'ready') readyResolve(handle);
    if (event.type === 'error' && event.operation === 'mount') readyReject(new Error(event.message));
    send(event);
  };
  const onTokenRequest = (m) => {
    Promise.resolve().then(() => getToken({ groupRef: String(m.groupRef || ''), consumerRef: String(m.consumerRef || '') }))
      .then((t) => post({ type: Message.Token, id: m.id, token: t }),
        () => post({ type: Message.Token, id: m.id, error: 'getToken failed' }));
  };
  const onMessage = (e) => {
    const m = e.data;
    if (e.source !== frame.contentWindow || e.origin !== origin || !m || m.protocol !== PROTOCOL) return;
    if (m.type === Message.Hello) {
      silent.cancel();
      post({ type: Message.Options, options: frameOptions(options) });
      delete options.apiKey; // handed over once; the frame holds it now
    } else if (m.type === Message.Event && m.event && typeof m.event.type === 'string') onEvent(m.event);
    else if (m.type === Message.TokenRequest && getToken) onTokenRequest(m);
  };
  const scope = new Scope();
  scope.listen(window, 'message', onMessage);
  host.appendChild(frame);

  const handle = {
    update(partial) {
      applyLive(options, partial);
      post({ type: Message.Update, options: lookOf(options), theme: options.theme });
    },
    destroy() {
      scope.close();
      frame.remove();
    },
  };
  // A frame that never says hello did not load, or will not talk to this page (its deployment does
  // not allow this origin, and it says so on its own screen). Tell the host instead of hanging.
  const silent = scope.timeout(() => {
    send({ type: 'error', code: 'frame_unavailable', status: 0,
      message: 'The Ampersand Setup frame did not answer: check frameUrl, and that ' + location.origin +
        ' is in the deployment\'s allowedHostOrigins.' });
    readyReject(new Error('the frame did not answer'));
  }, options.frameTimeoutMs || DEFAULT_TIMEOUT_MS);
  ready.then(() => silent.cancel(), () => {});
  return ready;
}
