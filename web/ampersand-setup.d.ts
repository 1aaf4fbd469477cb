// Types for the Ampersand Setup loader (dist/ampersand-setup.js). See README.md for the details.

export type AmpersandSetupEvent =
  | { type: 'ready'; provider: string; version: string }
  | { type: 'providerLoaded'; provider: string; displayName: string }
  | { type: 'providerChosen'; provider: string; displayName: string }
  | { type: 'providerAppSaved'; id: string; provider: string; clientId: string; scopes: string[];
      createTime: string; updateTime: string; created: boolean }
  | { type: 'providerAppDeleted'; id: string; provider: string }
  /** requestedScopes: what the provider app asks for; a browser is never shown what was granted */
  | { type: 'connected'; id: string; provider: string; status: string; requestedScopes: string[];
      createTime: string }
  | { type: 'connectionRemoved'; id: string }
  | { type: 'resize'; height: number }
  | { type: 'unsavedChanges'; unsaved: boolean }
  | AmpersandSetupErrorEvent;

/** The codes of error events, as src/core/error_code.cpp defines them (tests/core/docs_test.cpp checks
 *  that this list and that table agree). */
export type AmpersandSetupErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server'
  | 'bad_response'
  | 'network'
  | 'timeout'
  | 'api'
  | 'popup_blocked'
  | 'popup_closed'
  | 'not_connected'
  | 'authorization_denied'
  | 'authorization_failed'
  | 'unconfirmed'
  | 'token_failed'
  | 'load_failed'
  | 'frame_unavailable'
  | 'insecure_transport';

export interface AmpersandSetupErrorEvent {
  type: 'error';
  /** what went wrong: README.md "Error codes" says what each code means */
  code: AmpersandSetupErrorCode;
  message: string;
  /** 0 when no HTTP answer came */
  status: number;
  requestId?: string;
  operation?: string;
  retryable?: boolean;
  /** field name -> message, for invalid_input */
  fields?: Record<string, string>;
}

export interface AmpersandSetupRefs {
  groupRef: string;
  consumerRef: string;
}

export interface AmpersandSetupOptions {
  project?: string;
  /** default 'pinterest' */
  provider?: string;
  /** default 'https://api.withampersand.com/v1'; inline mode only; https, or http on loopback only.
   *  May be the builder's backend, which adds the key (credentials: 'backend') */
  apiBase?: string;
  /** where Ampersand's OAuth callback runs (message origin, redirect URI); default apiBase's origin */
  ampersandOrigin?: string;
  /** 'backend': apiBase adds the credential; the widget sends none and asks for none */
  credentials?: 'backend';
  /** held in memory only; give apiKey or getToken, not both */
  apiKey?: string;
  /** a JWT (TTL up to 600 s) bound to these refs; called again before exp and after a 401 */
  getToken?: (refs: AmpersandSetupRefs) => Promise<string>;
  groupRef?: string;
  consumerRef?: string;
  /** default 'inline' */
  mode?: 'inline' | 'iframe';
  /** iframe mode: the hosted page; default the index.html beside the loader */
  frameUrl?: string;
  /** iframe mode: ms to wait for the frame's hello before a frame_unavailable error; default 15000 */
  frameTimeoutMs?: number;
  /** default 'light' */
  theme?: 'light' | 'dark' | 'auto';
  /** '#RRGGBB' */
  accent?: string;
  /** 0.75 to 2 */
  fontScale?: number;
  /**
   * The widget's language, a BCP 47 tag ('de', 'pt-BR', 'ja-JP'); default: the browser's languages.
   * Matched by language to a shipped one (en, de, fr, es, ja, pt-BR: 'de-AT' reads German, 'pt-PT'
   * Brazilian Portuguese); anything else, or a value that is not a language tag, reads English.
   * The hosted page also takes it as the `locale` query parameter.
   */
  locale?: string;
  /** CSP nonce for browsers without constructable stylesheets */
  nonce?: string;
  signInTimeouts?: { slowMs?: number; closedGraceMs?: number; checkEveryMs?: number; giveUpMs?: number;
                     blockedWatchMs?: number };
  /** the deadline of every API request in ms, default 30000; then an error with code 'timeout', status 0 */
  requestTimeoutMs?: number;
  onEvent?: (event: AmpersandSetupEvent) => void;
}

export interface AmpersandSetupHandle {
  /** live: theme, accent, fontScale, onEvent */
  update(partial: Pick<AmpersandSetupOptions, 'theme' | 'accent' | 'fontScale' | 'onEvent'>): void;
  destroy(): void;
}

export interface AmpersandSetupStatic {
  mount(target: Element | string, options?: AmpersandSetupOptions): Promise<AmpersandSetupHandle>;
  version: string;
  /** the iframe protocol's name and version */
  protocol: string;
}

declare global {
  interface Window { AmpersandSetup: AmpersandSetupStatic; }
}
