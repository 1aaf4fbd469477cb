// Loads the loader from the widget's origin, as from a CDN, then mounts inline.
(function () {
  var log = document.getElementById('log');
  function show(e) { log.textContent = JSON.stringify(e) + '\n' + (log.textContent === 'Events appear here.' ? '' : log.textContent); }
  var s = document.createElement('script');
  s.src = window.AMP_SANDBOX.web + '/ampersand-setup.js';
  s.onload = function () {
    AmpersandSetup.mount('#setup', {
      apiBase: window.AMP_SANDBOX.api,
      project: 'demo',
      theme: 'auto',
      onEvent: show
    });
  };
  document.head.appendChild(s);
})();
