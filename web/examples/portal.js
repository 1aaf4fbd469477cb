// Iframe mode: the portal's origin must be in the widget deployment's allowedHostOrigins (the
// sandbox's config.json lists this examples origin).
(function () {
  var log = document.getElementById('log');
  function show(e) { log.textContent = JSON.stringify(e) + '\n' + (log.textContent === 'Events appear here.' ? '' : log.textContent); }
  var s = document.createElement('script');
  s.src = window.AMP_SANDBOX.web + '/ampersand-setup.js';
  s.onload = function () {
    AmpersandSetup.mount('#setup-frame', {
      mode: 'iframe',
      frameUrl: window.AMP_SANDBOX.web + '/index.html',
      project: 'demo',
      apiKey: 'sandbox-key', // a portal that already holds the key; getToken is the better choice in production
      onEvent: show
    });
  };
  document.head.appendChild(s);
})();
