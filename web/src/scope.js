// What a mounted widget must undo on destroy(): listeners, timers and other cleanups, in one list, so
// no piece has to remember its own teardown.
export class Scope {
  constructor() {
    this.cleanups = [];
    this.timers = new Set();
  }

  add(cleanup) { this.cleanups.push(cleanup); }

  listen(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    this.add(() => target.removeEventListener(type, fn, opts));
  }

  // A one-shot timer that destroy() cancels; cancel() ends it earlier.
  timeout(fn, ms) {
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, ms);
    this.timers.add(t);
    return { cancel: () => { clearTimeout(t); this.timers.delete(t); } };
  }

  close() {
    this.cleanups.forEach((f) => f());
    this.cleanups = [];
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }
}
