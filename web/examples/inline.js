// Inline mode: the admin types the API key into the widget; it stays in this page's memory.
mountExample('#setup', { apiBase: window.AMP_SANDBOX.api, project: 'demo', theme: 'auto' });
