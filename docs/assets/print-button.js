/* Buttons marked data-print print the page (instead of an inline onclick, which the
   Content-Security-Policy blocks). */
document.addEventListener("click", function (event) {
  "use strict";
  var button = event.target.closest && event.target.closest("[data-print]");
  if (button) window.print();
});
