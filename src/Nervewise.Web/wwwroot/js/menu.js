// On a wide screen the menu's items sit in the header bar. A closed <details> hides its content whatever the
// CSS says, so the menu is opened while the screen is wide and folded again on a phone.
(function () {
  'use strict';
  var menu = document.querySelector('details.menu');
  if (!menu || !window.matchMedia) {
    return;
  }
  var wide = window.matchMedia('(min-width: 48rem)');
  function fit() {
    menu.open = wide.matches;
  }
  fit();
  if (wide.addEventListener) {
    wide.addEventListener('change', fit);
  }
})();
