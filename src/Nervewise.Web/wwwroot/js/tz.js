// Tells the server this device's UTC offset and time zone, so entries keep the local time they were made at
// and a new account starts in the zone the person lives in.
(function () {
  var offset = String(-new Date().getTimezoneOffset());
  document.querySelectorAll('input[name="tz"]').forEach(function (input) { input.value = offset; });
  var zone = '';
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { zone = ''; }
  document.querySelectorAll('input[data-device-zone]').forEach(function (input) { if (!input.value) { input.value = zone; } });
  document.querySelectorAll('[data-device-zone-text]').forEach(function (el) { if (zone) { el.textContent = zone; } });
})();
