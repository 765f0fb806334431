// Diary notes that wait on this device until the server has them.
//
// Each entry carries an id made here (crypto.randomUUID), so sending it again can never add it twice: the API
// answers 201 the first time and 200 after. An entry leaves the queue only when the server took it (2xx) or
// refused it for good (400, 409, 422: shown to the person). Offline, a network error, 5xx, 401 (signed out)
// and 403 (password to change first) keep it queued. The queue is retried on every page load, when the
// device comes back online, and when the page becomes visible again.
(function () {
  'use strict';
  if (window.NervewiseQueue) {
    return; // loaded twice (the layout and a page): one queue is enough
  }

  var KEY = 'nervewise.diary-queue.v1';
  var ENDPOINT = '/api/v1/diary';
  var running = null;

  function load() {
    try {
      var parsed = JSON.parse(localStorage.getItem(KEY) || '[]');
      return Array.isArray(parsed) ? parsed : [];
    } catch (e) {
      return [];
    }
  }

  function store(queue) {
    localStorage.setItem(KEY, JSON.stringify(queue));
  }

  // Whose notes these are: a hash of the signed-in person's id from the page, '' when signed out. Notes
  // wait for their owner, so on a shared phone nobody's flare ends up in someone else's diary.
  function owner() {
    var meta = document.querySelector('meta[name="nervewise-user"]');
    return meta ? meta.getAttribute('content') || '' : '';
  }

  function mine(entry) {
    return !entry.owner || entry.owner === owner();
  }

  function remove(id) {
    store(load().filter(function (entry) { return entry.id !== id; }));
  }

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    // Older browsers: a version 4 GUID from the same secure random source.
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  /** Local time with the device's UTC offset, e.g. 2026-03-01T21:30:00+01:00. */
  function localTime(date) {
    function two(n) { return String(n).padStart(2, '0'); }
    var offset = -date.getTimezoneOffset();
    var sign = offset >= 0 ? '+' : '-';
    offset = Math.abs(offset);
    return date.getFullYear() + '-' + two(date.getMonth() + 1) + '-' + two(date.getDate()) +
      'T' + two(date.getHours()) + ':' + two(date.getMinutes()) + ':' + two(date.getSeconds()) +
      sign + two(Math.floor(offset / 60)) + ':' + two(offset % 60);
  }

  /** Adds entries ({id, time, type, item, value, durationMinutes, note}); an id already queued is not added again. */
  function add(entries) {
    var queue = load();
    entries.forEach(function (entry) {
      if (!entry.id) {
        entry.id = newId();
      }
      if (!queue.some(function (queued) { return queued.id === entry.id; })) {
        queue.push({ id: entry.id, body: entry, queuedAt: Date.now(), owner: owner() });
      }
    });
    store(queue);
  }

  function readProblem(response) {
    return response.json().then(function (problem) {
      var errors = problem && problem.errors ? problem.errors : {};
      var details = Object.keys(errors).map(function (field) { return field + ' ' + [].concat(errors[field]).join(', '); });
      return details.length ? details.join('; ') : (problem && (problem.detail || problem.title)) || '';
    }, function () { return ''; });
  }

  /** Sends what is queued, oldest first; stops at the first entry that cannot go yet. */
  function sendAll() {
    var result = { sent: 0, refused: [], pending: 0, state: 'idle' };

    function next() {
      var queue = load().filter(mine);
      if (!queue.length) {
        return Promise.resolve();
      }
      var entry = queue[0];
      return fetch(ENDPOINT, {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(entry.body),
      }).then(function (response) {
        if (response.redirected) {
          result.state = 'signed-out'; // a sign-in page answered instead of the API
          return undefined;
        }
        if (response.status >= 200 && response.status < 300) {
          remove(entry.id);
          result.sent += 1;
          return next();
        }
        if (response.status === 400 || response.status === 409 || response.status === 422) {
          remove(entry.id);
          return readProblem(response).then(function (why) {
            result.refused.push({ entry: entry.body, why: why });
            return next();
          });
        }
        result.state = response.status === 401 ? 'signed-out' : response.status === 403 ? 'password' : 'offline';
        return undefined;
      }, function () {
        result.state = 'offline'; // no network, or the server could not be reached
      });
    }

    return next().then(function () {
      result.pending = load().filter(mine).length;
      if (result.state === 'idle' && result.pending > 0) {
        result.state = 'offline';
      }
      if (result.state === 'idle') {
        result.state = result.refused.length ? 'refused' : result.sent ? 'sent' : 'empty';
      }
      return result;
    });
  }

  /** Sends the queue once at a time in this tab, and across tabs where the browser offers locks. */
  function flush() {
    if (running) {
      // Entries added while a round is ending go in a round of their own.
      return running.then(function (result) { return load().filter(mine).length ? flush() : result; });
    }
    var work = navigator.locks && navigator.locks.request
      ? navigator.locks.request('nervewise-diary-queue', sendAll)
      : sendAll();
    running = work.then(function (result) {
      running = null;
      window.dispatchEvent(new CustomEvent('nervewise:queue', { detail: result }));
      document.querySelectorAll('[data-queue-status]').forEach(function (element) {
        element.textContent = describe(result);
      });
      return result;
    }, function (error) {
      running = null;
      throw error;
    });
    return running;
  }

  var kinds = { flare: 'flare-up', relief: 'what you tried', symptom: 'safety check answer' };

  /** Plain words for where the queue stands. */
  function describe(result) {
    switch (result.state) {
      case 'sent':
        return 'Saved to your diary.';
      case 'offline':
        return "Saved on this phone; will send when you're back online.";
      case 'signed-out':
        return 'Kept on this phone. Sign in to save it to your diary; it will send then.';
      case 'password':
        return 'Kept on this phone. Choose your own password on the Account page first; it will send then.';
      case 'refused':
        return result.refused.map(function (failure) {
          var what = kinds[failure.entry.type] || failure.entry.type;
          return 'One note (' + what + ') could not be saved' + (failure.why ? ': ' + failure.why : '') + '.';
        }).join(' ') + (result.sent ? ' The rest are saved.' : '');
      default:
        return '';
    }
  }

  window.NervewiseQueue = {
    add: add,
    flush: flush,
    describe: describe,
    pending: function () { return load().filter(mine).length; },
    newId: newId,
    localTime: localTime,
  };

  function flushIfWaiting() {
    if (load().filter(mine).length) {
      flush();
    }
  }

  window.addEventListener('online', flushIfWaiting);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      flushIfWaiting();
    }
  });
  flushIfWaiting();
})();
