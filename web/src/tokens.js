// Short-lived tokens from the host's getToken, in memory only: fetched on first use, again shortly
// before `exp`, and once more when the API answers 401.
const MAX_TTL_MS = 600 * 1000; // Ampersand's longest token life
const EARLY_MS = 30000;        // renew this long before expiry, so no request carries a dying token
const ANSWER_MS = 30000;       // how long getToken may take

// When a JWT expires (ms since the epoch), from its `exp` claim; the maximum TTL otherwise.
function expiryOf(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const exp = JSON.parse(atob(part + '==='.slice((part.length + 3) % 4))).exp;
    if (typeof exp === 'number') return exp * 1000;
  } catch (e) { /* not a JWT we can read */ }
  return Date.now() + MAX_TTL_MS;
}

export class Tokens {
  // refs(): the group and consumer the next token must be bound to.
  constructor(getToken, refs) {
    this.getToken = getToken;
    this.refs = refs;
    this.forget();
    this.pending = null;
  }

  get(force) {
    const want = JSON.stringify(this.refs());
    if (!force && this.token && this.boundTo === want && Date.now() < this.expires - EARLY_MS) return Promise.resolve(this.token);
    if (!this.pending) {
      const asked = Promise.resolve().then(() => this.getToken(this.refs()));
      const late = new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error('getToken did not answer within 30 s')), ANSWER_MS);
      });
      this.pending = Promise.race([asked, late]).then((t) => {
        if (typeof t !== 'string' || !t) throw new Error('getToken did not give a token');
        this.token = t;
        this.boundTo = want;
        this.expires = expiryOf(t);
        this.pending = null;
        return t;
      }, (err) => { this.pending = null; throw err; });
    }
    return this.pending;
  }

  forget() {
    this.token = null;
    this.expires = 0;
    this.boundTo = '';
  }
}
