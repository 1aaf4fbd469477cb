// Shared by the example pages: load the loader from the widget's origin (as from a CDN), mount with
// the given options, and show every event in the page's log.
window.mountExample = function (target, options) {
  var log = document.getElementById('log');
  options.onEvent = function (e) {
    if (e.type === 'resize') return; // frequent, and only interesting to iframe mode
    var before = log.textContent === 'Events appear here.' ? '' : log.textContent;
    log.textContent = JSON.stringify(e) + '\n' + before;
  };
  var s = document.createElement('script');
  s.src = window.AMP_SANDBOX.web + '/ampersand-setup.js';
  s.onload = function () { AmpersandSetup.mount(target, options); };
  document.head.appendChild(s);
};
