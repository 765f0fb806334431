// Quick entries without a connection. Online, forms post as usual. Offline, a form marked data-entry-type is
// turned into a diary note and kept in the offline queue (offline-queue.js), which sends it when the
// connection returns. The form's id is the note's id, so a double tap still stores one entry.
(function () {
  'use strict';

  function fresh(form) {
    var id = form.querySelector('input[name="FormId"]');
    // A cached page carries an old id: every page view gets a new one.
    if (id && window.NervewiseQueue) {
      id.value = window.NervewiseQueue.newId();
    }
  }

  function value(form, name) {
    var checked = form.querySelector('input[name="' + name + '"]:checked');
    var field = checked || form.querySelector('input[name="' + name + '"]:not([type="radio"])');
    return field && field.value !== '' ? field.value : null;
  }

  function number(text) {
    return text === null || text === undefined || text === '' ? null : Number(text);
  }

  function slug(text) {
    return String(text).trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  // What each page saves, mirroring its server handler; the server checks every field when the note arrives.
  var builders = {
    pain: function (form, submitter) {
      var side = value(form, 'Side');
      return {
        type: 'pain', item: value(form, 'Region'), value: number(submitter && submitter.value), minutesBefore: 0,
        note: side ? '[' + side + ']' : '', // the side goes first in the note, as the server writes it (BodySides)
      };
    },
    activity: function (form) {
      var minutes = number(value(form, 'OtherMinutes')) ?? number(value(form, 'Minutes'));
      var other = value(form, 'Other');
      var finished = form.querySelector('input[name="Finished"]');
      return {
        type: 'activity', item: other ? slug(other) : value(form, 'Item'), value: number(value(form, 'Effort')),
        durationMinutes: minutes, minutesBefore: finished && finished.checked ? minutes || 0 : 0,
      };
    },
    exercise: function (form, submitter) {
      var minutes = number(value(form, 'Minutes'));
      // The plan's one-tap log sends the pain as the tapped button; the session page as a chosen pill.
      var pain = value(form, 'Pain') ?? (submitter && submitter.name === 'Pain' ? submitter.value : null);
      return { type: 'exercise', item: value(form, 'Item'), value: number(pain), durationMinutes: minutes, minutesBefore: minutes || 0 };
    },
    sleep: function (form) {
      var hours = number(value(form, 'Slept'));
      return { type: 'sleep', item: 'night', value: hours, minutesBefore: Math.round((hours || 0) * 60) };
    },
  };

  // The "when" choices (_When.cshtml) offline, on this device's clock; the server's EntryWhen is the same rule.
  var parts = { morning: 8, midday: 12, afternoon: 15, evening: 19, night: 22 };
  function chosenTime(form, built) {
    var when = value(form, 'When') || 'now';
    var today = new Date();
    var day = function (back, hour) { return new Date(today.getFullYear(), today.getMonth(), today.getDate() - back, hour, 0, 0); };
    var pick = value(form, 'Pick');
    if (built.type === 'sleep') {
      if (when === 'pick') {
        var d = pick && /^(\d{4})-(\d{2})-(\d{2})$/.exec(pick);
        return d ? new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), 22, 0, 0) : null;
      }
      return day(when === 'yesterday' ? 2 : 1, 22);
    }
    if (when === 'now') {
      return new Date(Date.now() - built.minutesBefore * 60000);
    }
    if (when === 'pick') {
      var t = pick && /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(pick);
      return t ? new Date(Number(t[1]), Number(t[2]) - 1, Number(t[3]), Number(t[4]), Number(t[5]), 0) : null;
    }
    var hour = parts[value(form, 'Part')];
    return hour === undefined ? null : day(when === 'yesterday' ? 1 : 0, hour);
  }

  function status(form, text) {
    var line = form.querySelector('[data-queue-status]');
    if (line) {
      line.textContent = text;
    }
  }

  document.querySelectorAll('form[data-entry-type]').forEach(function (form) {
    fresh(form);
    form.addEventListener('submit', function (event) {
      if (navigator.onLine || !window.NervewiseQueue) {
        return; // the ordinary post
      }
      event.preventDefault();
      var built = builders[form.getAttribute('data-entry-type')](form, event.submitter);
      if (!built.item || (built.type !== 'activity' && built.value === null)) {
        status(form, 'Please choose an answer first.');
        return;
      }
      var queue = window.NervewiseQueue;
      // The same answer again from this page is a double tap: it keeps its id, so it is stored once, as the
      // server does online. A different answer is a new entry.
      var signature = JSON.stringify(built);
      if (form.getAttribute('data-last-entry') && form.getAttribute('data-last-entry') !== signature) {
        fresh(form);
      }
      form.setAttribute('data-last-entry', signature);
      var time = chosenTime(form, built);
      if (!time || time.getTime() > Date.now() + 5 * 60000) {
        status(form, 'Please choose when it was: a time that has passed.');
        return;
      }
      queue.add([{
        id: form.querySelector('input[name="FormId"]').value, time: queue.localTime(time), type: built.type,
        item: built.item, value: built.value, durationMinutes: built.durationMinutes ?? null, note: built.note || '',
      }]);
      status(form, "Saved on this phone; will send when you're back online.");
    });
  });

  // Changing an entry: the body map sets the form's region in place, keeping whatever else was changed.
  var editForm = document.querySelector('form[data-edit-entry]');
  if (editForm && editForm.querySelector('.body-map')) {
    editForm.querySelectorAll('.body-map .region').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        editForm.querySelectorAll('.body-map .region').forEach(function (other) {
          other.classList.toggle('selected', other === link);
          if (other === link) { other.setAttribute('aria-current', 'true'); } else { other.removeAttribute('aria-current'); }
        });
        editForm.querySelector('input[name="Item"]').value = link.getAttribute('data-region');
        var side = editForm.querySelector('input[name="Side"]');
        if (side) { side.value = link.getAttribute('data-side') || ''; }
        editForm.querySelector('[data-region-name]').textContent = link.getAttribute('aria-label').toLowerCase();
      });
    });
  }

  // The body map picks a region in the page itself, so pain can be logged offline too.
  var painForm = document.querySelector('form[data-entry-type="pain"]');
  if (painForm) {
    document.querySelectorAll('.body-map .region').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        var region = link.getAttribute('data-region');
        document.querySelectorAll('.body-map .region').forEach(function (other) {
          other.classList.toggle('selected', other === link);
          if (other === link) { other.setAttribute('aria-current', 'true'); } else { other.removeAttribute('aria-current'); }
        });
        painForm.querySelector('input[name="Region"]').value = region;
        painForm.querySelector('input[name="Side"]').value = link.getAttribute('data-side') || '';
        painForm.querySelector('[data-region-name]').textContent = link.getAttribute('aria-label').toLowerCase();
        painForm.hidden = false;
        painForm.querySelector('button').focus();
      });
    });
  }
})();
