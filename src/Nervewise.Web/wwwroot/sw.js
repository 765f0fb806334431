// Nervewise service worker: flare-up help keeps working without a connection.
//
// Pages (navigations): network first, so people see the newest version; the quick-entry pages are kept in the
// cache as they load and shown from it when the network is gone. Static files: the exact version asked for
// (asp-append-version adds ?v=hash) comes from the cache if it is there, else from the network and is then
// kept; offline, any cached version of the same path is used (ignoreSearch). The API is never touched here:
// the page's offline queue owns sending diary entries.
'use strict';

// v5: flare-up help asks the pain before and after each step, and the body map has both legs; old copies must go.
var CACHE = 'nervewise-v5';

// Open to everyone, kept when the worker installs.
var PUBLIC_PAGES = ['/first-aid'];
// The signed-in quick-entry pages: kept when a signed-in page asks (see 'message'), dropped on sign-out.
var PERSONAL_PAGES = ['/diary/pain', '/diary/activity', '/diary/session', '/diary/sleep'];
var PAGES = PUBLIC_PAGES.concat(PERSONAL_PAGES);
var STATIC = ['/css/site.css', '/js/first-aid.js', '/js/offline-queue.js', '/js/register-sw.js', '/js/tz.js', '/js/quick-entry.js', '/js/menu.js', '/favicon.svg'];

// A page is kept only if it answered itself: a redirect (to sign in, or to choose a password first) cannot
// stand in for it later, so redirects are not followed here.
function keepPages(cache, paths) {
  return Promise.all(paths.map(function (path) {
    return fetch(path, { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' }).then(function (response) {
      return keepable(response) ? cache.put(path, response) : undefined;
    }, function () { return undefined; });
  }));
}

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (cache) { return Promise.all([keepPages(cache, PUBLIC_PAGES), cache.addAll(STATIC)]); })
    .then(function () { return self.skipWaiting(); }));
});

// Each page tells the worker whether someone is signed in. Signed in: keep the quick-entry pages ready for
// offline use. Signed out: forget them, so the next person on this phone never sees the last one's pages. The
// public pages are kept as the last visit saw them, which for a signed-in person includes their safety card: once
// signed out, such a copy is swapped for the one everyone sees.
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type !== 'signed-in' && data.type !== 'signed-out') {
    return;
  }
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    if (data.type === 'signed-in') {
      return keepPages(cache, PERSONAL_PAGES);
    }
    return Promise.all(PERSONAL_PAGES.map(function (path) { return cache.delete(path, byPath); }))
      .then(function () { return Promise.all(PUBLIC_PAGES.map(function (path) { return forgetPersonal(cache, path); })); });
  }));
});

// A kept page that was someone's (the layout marks it with the nervewise-user meta) is dropped and fetched again.
function forgetPersonal(cache, path) {
  return cache.match(path, byPath).then(function (cached) {
    return cached ? cached.text() : '';
  }).then(function (html) {
    if (html.indexOf('name="nervewise-user"') < 0) {
      return undefined;
    }
    return cache.delete(path, byPath).then(function () { return keepPages(cache, [path]); });
  });
}

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys()
    .then(function (names) {
      return Promise.all(names.filter(function (name) { return name !== CACHE; })
        .map(function (name) { return caches.delete(name); }));
    })
    .then(function () { return self.clients.claim(); }));
});

var byPath = { ignoreSearch: true, ignoreVary: true };

function keepable(response) {
  return response && response.ok && response.type === 'basic' && !response.redirected;
}

function page(request, path) {
  return fetch(request).then(function (response) {
    if (PAGES.indexOf(path) >= 0 && keepable(response)) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(path, copy); });
    }
    return response;
  }, function () {
    return caches.match(path, byPath).then(function (cached) {
      return cached || offlinePage();
    });
  });
}

// Says what works without a connection and what waits for one. The quick forms are listed only as kept for a
// signed-in person: the worker cannot tell here whether this phone has them.
function offlinePage() {
  var html = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · Nervewise</title>' +
    '<link rel="stylesheet" href="/css/site.css"></head><body><main id="main" class="narrow">' +
    '<h1>You are offline</h1><p>This page needs a connection. It will open again once you are back online.</p>' +
    '<h2>Works without a connection</h2><ul>' +
    '<li>Flare-up help, with its note for your diary (the button below).</li>' +
    '<li>If you are signed in on this phone: logging <a href="/diary/pain">pain</a>, ' +
    '<a href="/diary/activity">an activity</a>, <a href="/diary/session">a rehab session</a> and ' +
    '<a href="/diary/sleep">sleep</a>.</li></ul>' +
    '<p>What you log offline waits safely on this phone and goes to your diary by itself when the connection is back.</p>' +
    '<h2>Waits for a connection</h2><p>Your diary list, your plan, the check-in, the summary, lessons and your account.</p>' +
    '<p><a class="button" href="/first-aid">Flare-up help</a></p></main></body></html>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

function staticFile(request, url) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreVary: true }).then(function (exact) {
      if (exact) {
        return exact;
      }
      return fetch(request).then(function (response) {
        if (keepable(response)) {
          var copy = response.clone();
          // Keep one version per path: drop the others, then keep this one.
          cache.keys(url.pathname, byPath)
            .then(function (old) { return Promise.all(old.map(function (key) { return cache.delete(key); })); })
            .then(function () { return cache.put(request, copy); });
        }
        return response;
      }, function () {
        return cache.match(url.pathname, byPath).then(function (cached) {
          return cached || Response.error();
        });
      });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf('/api/') === 0) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(request, url.pathname.replace(/\/+$/, '') || '/'));
  } else if (STATIC.indexOf(url.pathname) >= 0) {
    event.respondWith(staticFile(request, url));
  }
});
