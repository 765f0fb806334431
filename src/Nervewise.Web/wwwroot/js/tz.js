// Tells the server this device's UTC offset, so entries keep the local time they were made at.
(function () {
  var offset = String(-new Date().getTimezoneOffset());
  document.querySelectorAll('input[name="tz"]').forEach(function (input) { input.value = offset; });
})();
