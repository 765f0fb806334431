// Registers the service worker that keeps flare-up help working offline (see /sw.js).
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || window.nervewiseServiceWorker) {
    return;
  }
  window.nervewiseServiceWorker = true;
  function register() {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () {
      // Without it the site still works online; nothing to tell the person.
    });
  }
  if (document.readyState === 'complete') {
    register();
  } else {
    window.addEventListener('load', register);
  }
})();
