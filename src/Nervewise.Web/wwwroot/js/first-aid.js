// Flare-up help: the warning signs first, then (only after "none of these") the settling steps with a warmth
// timer, and a short note for the diary. A yes goes straight to its help screen and is noted as a red-flag symptom.
// Without this script the questions are posted to the server, and nothing else is noted.
(function () {
  'use strict';
  var root = document.querySelector('[data-first-aid]');
  if (!root || !window.NervewiseQueue || root.getAttribute('data-stage') !== 'questions') {
    return; // no queue, or a page the server has already answered
  }
  var queue = window.NervewiseQueue;

  var reach = {};
  (root.getAttribute('data-reach') || '').split(',').forEach(function (pair) {
    var parts = pair.split(':');
    reach[parts[0]] = Number(parts[1]);
  });

  // The person's pathway: only nerve pain is good news when it moves back up the leg; a strain or a tendon stays put.
  var nerve = (root.getAttribute('data-pathway') || 'nerve') === 'nerve';

  // The urgency of each set of yes answers, worked out by the server's engine: one digit per set of ticked boxes.
  var urgencyTable = root.getAttribute('data-urgency-table') || '';

  var state = {};
  var steps = Array.prototype.slice.call(root.querySelectorAll('.fa-step'));
  var helps = Array.prototype.slice.call(root.querySelectorAll('[data-help]'));
  var check = root.querySelector('#step-check');
  var current = 0;

  function reset() {
    state = {
      startedAt: new Date(), // the flare-up began about when the person opened this page
      worst: null,
      now: null,
      flagsLogged: {},
      saved: false,
    };
  }
  reset();

  // ---- One step at a time ----

  root.querySelectorAll('[data-js-only], .fa-nav, [data-timer]').forEach(function (element) { element.hidden = false; });
  root.classList.add('fa-js');

  function focusHeading(section) {
    var heading = section.querySelector('h2');
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  }

  var lead = root.querySelector('[data-lead]');

  function show(index, moveFocus) {
    current = Math.max(0, Math.min(index, steps.length - 1));
    lead.hidden = false;
    helps.forEach(function (help) { help.hidden = true; });
    steps.forEach(function (step, i) { step.hidden = i !== current; });
    if (moveFocus) {
      focusHeading(steps[current]);
    }
  }
  show(0, false);

  function error(step, message) {
    var box = step.querySelector('[data-error]');
    if (box) {
      box.textContent = message;
    }
    return !message;
  }

  // ---- Body maps: a tap chooses a region ----

  var maps = root.querySelectorAll('svg.body-map');
  var mapNames = ['worst', 'now'];
  Array.prototype.forEach.call(maps, function (map, i) {
    var name = mapNames[i];
    map.addEventListener('click', function (event) {
      var link = event.target.closest('a[data-region]');
      if (!link) {
        return;
      }
      event.preventDefault();
      var region = link.getAttribute('data-region');
      var same = state[name] === region;
      state[name] = same ? null : region; // a second tap clears it
      map.querySelectorAll('a[data-region]').forEach(function (other) {
        var chosen = !same && other === link;
        other.classList.toggle('selected', chosen);
        if (chosen) {
          other.setAttribute('aria-current', 'true');
        } else {
          other.removeAttribute('aria-current');
        }
      });
      root.querySelector('[data-chosen="' + name + '"]').textContent = state[name]
        ? 'You chose: ' + words(state[name]) + '.'
        : 'Nothing chosen.';
    });
  });

  function words(region) {
    var link = root.querySelector('a[data-region="' + region + '"]');
    return link ? link.getAttribute('aria-label').toLowerCase() : region.replace(/-/g, ' ');
  }

  function checked(name) {
    var input = root.querySelector('input[name="' + name + '"]:checked');
    return input ? Number(input.value) : null;
  }

  // ---- Warmth timer ----

  var minutes = Number(root.getAttribute('data-warmth-minutes')) || 20;
  var timer = { total: minutes * 60, left: minutes * 60, endsAt: 0, handle: 0, lastSaid: minutes };
  var clock = root.querySelector('[data-timer-clock]');
  var toggle = root.querySelector('[data-timer-toggle]');
  var timerStatus = root.querySelector('[data-timer-status]');

  function showClock() {
    var m = Math.floor(timer.left / 60);
    var s = timer.left % 60;
    clock.textContent = m + ':' + String(s).padStart(2, '0');
  }

  function tick() {
    timer.left = Math.max(0, Math.round((timer.endsAt - Date.now()) / 1000));
    showClock();
    var wholeMinutes = Math.ceil(timer.left / 60);
    if (timer.left === 0) {
      stopTimer();
      toggle.textContent = 'Start again';
      timerStatus.textContent = 'Time is up. You can take the warmth away now.';
      timer.left = timer.total;
    } else if (wholeMinutes % 5 === 0 && wholeMinutes !== timer.lastSaid) {
      timer.lastSaid = wholeMinutes; // a quiet word every five minutes, not every second
      timerStatus.textContent = wholeMinutes + ' minutes left.';
    }
  }

  function stopTimer() {
    clearInterval(timer.handle);
    timer.handle = 0;
  }

  function warmedMinutes() {
    var used = timer.total - (timer.handle ? Math.max(0, Math.round((timer.endsAt - Date.now()) / 1000)) : timer.left);
    return Math.round(used / 60);
  }

  // No timer while a warning sign in force holds the heat advice back (the page then has no warmth step).
  if (toggle) {
    toggle.addEventListener('click', function () {
      if (timer.handle) {
        stopTimer();
        timer.left = Math.max(0, Math.round((timer.endsAt - Date.now()) / 1000));
        showClock();
        toggle.textContent = 'Carry on';
        timerStatus.textContent = 'Paused with ' + clock.textContent + ' left.';
      } else {
        timer.endsAt = Date.now() + timer.left * 1000;
        timer.handle = setInterval(tick, 250);
        toggle.textContent = 'Pause';
        timerStatus.textContent = 'Timer running. Check your skin now and then; the page will tell you when the time is up.';
      }
    });

    root.querySelector('[data-timer-reset]').addEventListener('click', function () {
      stopTimer();
      timer.left = timer.total;
      timer.lastSaid = minutes;
      showClock();
      toggle.textContent = 'Start the ' + minutes + '-minute timer';
      timerStatus.textContent = 'Timer reset.';
    });
  }

  // ---- The warning signs: any yes goes straight to its help screen ----

  function ticked() {
    return Array.prototype.filter.call(root.querySelectorAll('[data-red-flag]'), function (box) { return box.checked; });
  }

  function showHelp(boxes) {
    var mask = boxes.reduce(function (sum, box) { return sum | (1 << Number(box.getAttribute('data-bit'))); }, 0);
    var urgency = urgencyTable.charAt(mask);
    var help = helps.filter(function (section) { return section.getAttribute('data-help') === urgency; })[0] || helps[0];
    // The help screen alone: no steps, and not the lead's promise of steps to come.
    lead.hidden = true;
    steps.forEach(function (step) { step.hidden = true; });
    helps.forEach(function (section) { section.hidden = section !== help; });
    var told = help.querySelector('[data-told]');
    told.textContent = '';
    boxes.forEach(function (box) {
      var item = document.createElement('li');
      item.textContent = root.querySelector('label[for="' + box.id + '"]').textContent.trim();
      told.appendChild(item);
    });
    // Noted as red-flag symptoms, so the one safety state (and every page) shows them once they reach the server.
    var time = queue.localTime(new Date());
    var entries = boxes.filter(function (box) { return !state.flagsLogged[box.value]; }).map(function (box) {
      state.flagsLogged[box.value] = true;
      return { id: queue.newId(), time: time, type: 'symptom', item: box.value, value: 10, durationMinutes: null, note: '' };
    });
    if (entries.length) {
      queue.add(entries);
    }
    queue.flush();
    focusHeading(help);
  }

  // The button pressed, for browsers that do not name it on the submit event.
  var pressed = null;
  check.addEventListener('click', function (event) {
    pressed = event.target.closest('button');
  });

  check.addEventListener('submit', function (event) {
    event.preventDefault();
    var boxes = ticked();
    var button = event.submitter || pressed;
    var none = !!button && button.hasAttribute('data-none');
    if (boxes.length) {
      error(check, '');
      showHelp(boxes); // a tick wins, whichever button was pressed
    } else if (none) {
      error(check, '');
      show(current + 1, true);
    } else {
      error(check, 'Tick each sign you have now, or choose "None of these".');
    }
  });

  // ---- Checks before moving on, and the note ----

  function stepReady(step) {
    if (step.id === 'step-worst') {
      if (!state.worst) {
        return error(step, 'Please tap the picture to show how far down it reached.');
      }
      if (checked('peak') === null) {
        return error(step, 'Please choose a number for how bad it was at its worst.');
      }
      return error(step, '');
    }
    return true;
  }

  function summary(peak, now) {
    var sentence;
    if (now < peak) {
      sentence = 'Pain eased from ' + peak + ' to ' + now;
    } else {
      sentence = 'Pain is at ' + now + ' now';
    }
    if (!state.now) {
      return sentence + '.' + (now === 0 ? ' It has gone: good news.' : '');
    }
    if (!nerve) {
      return sentence + ', and it reaches the ' + words(state.now) + '.';
    }
    var before = reach[state.worst];
    var after = reach[state.now];
    if (after < before) {
      return sentence + ' and moved up to the ' + words(state.now) + ': good news.';
    }
    if (after === before) {
      return sentence + ', and it reaches the ' + words(state.now) + '.';
    }
    return sentence + ', and it reaches the ' + words(state.now) + ' now. Keep things gentle today.';
  }

  function save(step) {
    var now = checked('now');
    if (now === null) {
      return error(step, 'Please choose a number for how bad it is now.');
    }
    error(step, '');
    if (state.saved) {
      return true;
    }
    // The worst is at least what it is now.
    var peak = Math.max(checked('peak'), now);
    var tried = Array.prototype.filter.call(root.querySelectorAll('[data-tried]'), function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    var savedAt = queue.localTime(new Date());
    var warmed = warmedMinutes();
    var entries = [{
      id: queue.newId(), time: queue.localTime(state.startedAt), type: 'flare', item: state.worst,
      value: peak, durationMinutes: null, note: '',
    }].concat(tried.map(function (item) {
      return {
        id: queue.newId(), time: savedAt, type: 'relief', item: item, value: now - peak,
        durationMinutes: item === 'heat' && warmed > 0 ? warmed : null, note: '',
      };
    }));
    queue.add(entries);
    state.saved = true;
    root.querySelector('[data-summary]').textContent = summary(peak, now);
    var status = root.querySelector('[data-queue-status]');
    status.textContent = 'Saving\u2026';
    queue.flush();
    return true;
  }

  window.addEventListener('nervewise:queue', function (event) {
    root.querySelector('[data-sign-in-hint]').hidden = event.detail.state !== 'signed-out';
  });

  root.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button || !root.contains(button)) {
      return;
    }
    var step = steps[current];
    if (button.hasAttribute('data-next')) {
      if (stepReady(step)) {
        show(current + 1, true);
      }
    } else if (button.hasAttribute('data-back')) {
      show(current - 1, true);
    } else if (button.hasAttribute('data-save')) {
      if (save(step)) {
        show(current + 1, true);
      }
    } else if (button.hasAttribute('data-restart')) {
      root.querySelectorAll('input').forEach(function (input) { input.checked = false; });
      root.querySelectorAll('a[data-region]').forEach(function (link) {
        link.classList.remove('selected');
        link.removeAttribute('aria-current');
      });
      root.querySelectorAll('[data-chosen], [data-summary], [data-queue-status], [data-error]')
        .forEach(function (element) { element.textContent = ''; });
      reset();
      show(0, true);
    }
  });
})();
