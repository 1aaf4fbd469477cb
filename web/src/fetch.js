// The module's HTTP requests, made by the page. Every request has a deadline (requestTimeoutMs,
// default 30 s): then it is aborted and reaches the module as an answer with no status, marked as
// timed out, so the admin gets a way out. With getToken, each carries a fresh enough token.
import { assetBase } from './module.js';

const DEFAULT_TIMEOUT_MS = 30000;

export function hostFetch(widget, tokens) {
  const { options } = widget;
  const timeoutMs = options.requestTimeoutMs > 0 ? options.requestTimeoutMs : DEFAULT_TIMEOUT_MS;
  // A builder's backend (credentials 'backend') knows its admin by the page's own session cookie.
  const credentials = options.credentials === 'backend' ? 'same-origin' : 'omit';
  const guides = assetBase() + 'providers/'; // the guide files beside the widget

  return (reqId, method, url, headers, body) => {
    let done = false;
    const abort = new AbortController();
    const answer = (status, type, text, retryAfter, timedOut) => {
      if (done) return;
      done = true;
      deadline.cancel();
      if (widget.wasm) widget.wasm.response(reqId, status, type, text, retryAfter || '', !!timedOut);
    };
    const deadline = widget.scope.timeout(() => { abort.abort(); answer(0, '', '', '', true); }, timeoutMs);
    const call = (token) => {
      const init = { method, headers: Object.assign({}, headers), mode: 'cors', credentials, cache: 'no-store',
        redirect: 'error', signal: abort.signal };
      if (token) init.headers['Authorization'] = 'Bearer ' + token;
      if (method !== 'GET' && method !== 'DELETE' && body) init.body = body;
      return fetch(url, init);
    };
    const withToken = (force) => tokens.get(force).then(call);
    // A guide file beside the widget (providers/<name>.json) is a static file: no token goes there.
    const attempt = tokens && !url.startsWith(guides) ? withToken(false).then((r) => (r.status === 401 ? withToken(true) : r)) // once more, fresh
      : call(null);
    attempt.then((r) => r.text().then((text) => {
      answer(r.status, r.headers.get('content-type') || '', text, r.headers.get('retry-after'));
    })).catch((err) => {
      if (done) return; // timed out already: the abort is ours
      if (tokens && !(err instanceof TypeError)) { // getToken failed: say so, not "offline"
        widget.emit({ type: 'error', code: 'token_failed', message: 'The host page could not supply a token.', status: 0 });
        answer(401, 'application/problem+json', JSON.stringify({ title: 'Unauthorized', status: 401,
          detail: 'The host page could not supply an access token for Ampersand.' }));
      } else answer(0, '', '');
    });
  };
}
