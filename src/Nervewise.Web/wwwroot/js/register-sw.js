// Registers the service worker that keeps flare-up help working offline (see /sw.js).
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || window.nervewiseServiceWorker) {
    return;
  }
  window.nervewiseServiceWorker = true;
  // Tells the worker whether someone is signed in, so it keeps (or forgets) the quick-entry pages.
  function tell(registration) {
    var meta = document.querySelector('meta[name="nervewise-user"]');
    var signedIn = !!(meta && meta.getAttribute('content'));
    var worker = registration.active || registration.waiting || registration.installing;
    if (worker) {
      worker.postMessage({ type: signedIn ? 'signed-in' : 'signed-out' });
    }
  }
  function register() {
    navigator.serviceWorker.register('/sw.js', { scope: '/' })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(tell)
      .catch(function () {
        // Without it the site still works online; nothing to tell the person.
      });
  }
  if (document.readyState === 'complete') {
    register();
  } else {
    window.addEventListener('load', register);
  }
})();
