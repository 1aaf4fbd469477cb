// Iframe mode: the portal's origin must be in the widget deployment's allowedHostOrigins (the
// sandbox's config.json lists this examples origin). A portal that already holds a key hands it over
// the protocol; getToken is the better choice in production.
mountExample('#setup-frame', {
  mode: 'iframe',
  frameUrl: window.AMP_SANDBOX.web + '/index.html',
  project: 'demo',
  apiKey: 'sandbox-key'
});
