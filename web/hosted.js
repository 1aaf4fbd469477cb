/*
 * The hosted page (dist/index.html): deploy-time configuration from config.json beside it, plus
 * non-secret query parameters. The API base and credentials are never read from the URL, so a
 * crafted link cannot send an admin's secrets elsewhere.
 */
(function () {
  'use strict';
  var QUERY_KEYS = ['project', 'provider', 'groupRef', 'consumerRef'];

  function fail(message) {
    var p = document.createElement('p');
    p.id = 'fatal';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    document.getElementById('widget').replaceChildren(p);
  }

  fetch('config.json', { cache: 'no-store' }).then(function (r) {
    if (!r.ok) throw new Error('config.json answered ' + r.status);
    return r.json();
  }).then(function (config) {
    var options = {
      apiBase: config.apiBase,
      provider: config.provider || 'pinterest',
      groupRef: config.groupRef || '',
      consumerRef: config.consumerRef || '',
      theme: config.theme || 'auto',
      signInTimeouts: config.signInTimeouts || {}
    };
    var params = new URLSearchParams(location.search);
    QUERY_KEYS.forEach(function (k) { if (params.get(k)) options[k] = params.get(k); });
    return AmpersandSetup.mount('#widget', options);
  }).catch(function (err) {
    fail('Ampersand Setup could not start: ' + (err && err.message || err));
  });
})();
