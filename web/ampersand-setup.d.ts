// Types for the Ampersand Setup loader (dist/ampersand-setup.js).
export interface AmpersandSetupEvent {
  type: 'ready' | 'providerLoaded' | 'providerAppSaved' | 'providerAppDeleted' | 'error' | string;
  [field: string]: unknown;
}

export interface AmpersandSetupErrorEvent extends AmpersandSetupEvent {
  type: 'error';
  code: string;          // network, unauthorized, forbidden, not_found, conflict, invalid_input, server, ...
  message: string;
  status: number;        // 0 when no HTTP answer came
  requestId?: string;
  operation?: string;
  fields?: Record<string, string>;
}

export interface AmpersandSetupOptions {
  project?: string;
  provider?: string;     // default 'pinterest'
  apiBase?: string;      // default 'https://api.withampersand.com/v1'
  apiKey?: string;       // held in memory only
  groupRef?: string;
  consumerRef?: string;
  theme?: 'light' | 'dark' | 'auto';
  onEvent?: (event: AmpersandSetupEvent) => void;
}

export interface AmpersandSetupHandle {
  update(partial: Partial<AmpersandSetupOptions>): void;
  destroy(): void;
}

export interface AmpersandSetupStatic {
  mount(target: Element | string, options?: AmpersandSetupOptions): Promise<AmpersandSetupHandle>;
  version: string;
}

declare global {
  interface Window { AmpersandSetup: AmpersandSetupStatic; }
}
