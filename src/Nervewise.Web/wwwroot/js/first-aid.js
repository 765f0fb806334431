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
      worst: null, // { region, side } from the body map
      now: null,
      rated: {}, // a settling step's relief item -> { pain, at }: the pain after that step, and when it was given
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

  var maps = root.querySelectorAll('.body-map');
  var mapNames = ['worst', 'now'];
  Array.prototype.forEach.call(maps, function (map, i) {
    var name = mapNames[i];
    map.addEventListener('click', function (event) {
      var link = event.target.closest('a[data-region]');
      if (!link) {
        return;
      }
      event.preventDefault();
      var place = { region: link.getAttribute('data-region'), side: link.getAttribute('data-side') || '' };
      var same = !!state[name] && state[name].region === place.region && state[name].side === place.side;
      state[name] = same ? null : place; // a second tap clears it
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

  // The body map's own words for a place: "back of thigh, left".
  function words(place) {
    var link = root.querySelector('a[data-region="' + place.region + '"]' +
      (place.side ? '[data-side="' + place.side + '"]' : ''));
    return link ? link.getAttribute('aria-label').toLowerCase() : place.region.replace(/-/g, ' ');
  }

  // The side goes first in the note, as the server reads it back (BodySides): "[left]".
  function sideNote(place) {
    return place && place.side ? '[' + place.side + ']' : '';
  }

  // The pain after each settling step, noted as it is given, so each step is credited with its own change only.
  root.querySelectorAll('[data-after]').forEach(function (fieldset) {
    var item = fieldset.getAttribute('data-after');
    fieldset.addEventListener('change', function (event) {
      state.rated[item] = { pain: Number(event.target.value), at: new Date() };
    });
  });

  function checked(name) {
    var input = root.querySelector('input[name="' + name + '"]:checked');
    return input ? Number(input.value) : null;
  }

  // ---- Warmth timer ----

  var minutes = Number(root.getAttribute('data-warmth-minutes')) || 20;
  var timer = { total: minutes * 60, left: minutes * 60, endsAt: 0, handle: 0, lastSaid: minutes, finished: false };
  var clock = root.querySelector('[data-timer-clock]');
  var toggle = root.querySelector('[data-timer-toggle]');
  var timerStatus = root.querySelector('[data-timer-status]');

  // The end of the timer is felt and heard as well as read, where the phone allows. The sound is made here (no file
  // to fetch offline); browsers only allow it after a tap, so it is readied when the timer is started.
  var audio = null;

  function readyAudio() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!audio && Context) {
      try {
        audio = new Context();
      } catch (ignored) {
        audio = null;
      }
    }
    if (audio && audio.state === 'suspended') {
      audio.resume();
    }
  }

  function chime() {
    if (navigator.vibrate) {
      navigator.vibrate([400, 200, 400, 200, 400]);
    }
    if (!audio) {
      return;
    }
    [0, 0.5, 1].forEach(function (delay) {
      var start = audio.currentTime + delay;
      var tone = audio.createOscillator();
      var volume = audio.createGain();
      tone.frequency.value = 660;
      volume.gain.setValueAtTime(0.001, start);
      volume.gain.exponentialRampToValueAtTime(0.3, start + 0.03);
      volume.gain.exponentialRampToValueAtTime(0.001, start + 0.35);
      tone.connect(volume);
      volume.connect(audio.destination);
      tone.start(start);
      tone.stop(start + 0.4);
    });
  }

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
      timer.finished = true; // the full time was used, though the clock is ready to start again
      chime();
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
    return Math.max(Math.round(used / 60), timer.finished ? minutes : 0);
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
        readyAudio();
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
      timer.finished = false;
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
    var before = reach[state.worst.region];
    var after = reach[state.now.region];
    if (after < before) {
      return sentence + ' and moved up to the ' + words(state.now) + ': good news.';
    }
    if (after === before) {
      return sentence + ', and it reaches the ' + words(state.now) + '.';
    }
    return sentence + ', and it reaches the ' + words(state.now) + ' now. Keep things gentle today.';
  }

  // The settling steps in the order they are shown, each with the relief item it is noted as.
  var stepItems = ['position-change', 'movement', 'heat'];

  // Relief rows: a step with a pain after it is credited with the change since the pain before it (the pain at the
  // start, or after the step before). Anything else ticked shares what changed since the last number; when several
  // were ticked, each row says which others were tried with it, since their parts cannot be told apart.
  function reliefs(start, now, savedAt, warmed) {
    var rows = [];
    var last = start;
    stepItems.forEach(function (item) {
      var rated = state.rated[item];
      if (!rated) {
        return;
      }
      rows.push({ item: item, value: rated.pain - last, time: rated.at });
      last = rated.pain;
    });
    var others = Array.prototype.filter.call(root.querySelectorAll('[data-tried]'), function (box) {
      return box.checked && !state.rated[box.value];
    }).map(function (box) { return box.value; });
    others.forEach(function (item) {
      var alongside = others.filter(function (other) { return other !== item; }).map(function (other) {
        return root.querySelector('label[for="tried-' + other + '"]').textContent.trim().toLowerCase();
      });
      rows.push({
        item: item, value: now - last, time: savedAt,
        note: alongside.length ? 'tried together with ' + alongside.join(' and ') : '',
      });
    });
    return rows.map(function (row) {
      return {
        id: queue.newId(), time: queue.localTime(row.time), type: 'relief', item: row.item, value: row.value,
        durationMinutes: row.item === 'heat' && warmed > 0 ? warmed : null, note: row.note || '',
      };
    });
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
    // The worst is at least what it is now, and at least any number given on the way.
    var before = checked('before');
    var afters = stepItems.filter(function (item) { return state.rated[item]; }).map(function (item) { return state.rated[item].pain; });
    var peak = Math.max.apply(null, [checked('peak'), now].concat(before === null ? [] : [before], afters));
    var savedAt = new Date();
    var lasted = root.querySelector('input[name="lasted"]:checked');
    var minutes = lasted && lasted.value !== '' ? Number(lasted.value) : null;
    // A flare that lasted longer than this page has been open began that long before now.
    var began = minutes === null ? state.startedAt : new Date(Math.min(state.startedAt.getTime(), savedAt.getTime() - minutes * 60000));
    var entries = [{
      id: queue.newId(), time: queue.localTime(began), type: 'flare', item: state.worst.region,
      value: peak, durationMinutes: minutes, note: sideNote(state.worst),
    }, {
      // How it is now is a pain entry like any other, where it reaches now (or where it was worst, if not shown).
      id: queue.newId(), time: queue.localTime(savedAt), type: 'pain', item: (state.now || state.worst).region,
      value: now, durationMinutes: null, note: sideNote(state.now || state.worst),
    }].concat(reliefs(before === null ? peak : before, now, savedAt, warmedMinutes()));
    queue.add(entries);
    state.saved = true;
    root.querySelector('[data-summary]').textContent = summary(peak, now);
    var status = root.querySelector('[data-queue-status]');
    status.textContent = 'Saving\u2026';
    queue.flush();
    return true;
  }

  // A step already given its own number is not asked again under "what did you try?".
  function triedList() {
    var rated = 0;
    root.querySelectorAll('[data-tried-item]').forEach(function (item) {
      var done = !!state.rated[item.getAttribute('data-tried-item')];
      item.hidden = done;
      if (done) {
        item.querySelector('input').checked = false;
        rated++;
      }
    });
    root.querySelector('[data-tried-legend]').textContent = rated ? 'Did you try anything else?' : 'What did you try?';
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
        triedList();
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
      triedList();
      show(0, true);
    }
  });
})();
