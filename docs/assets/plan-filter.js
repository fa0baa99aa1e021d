/* Filter of the action plan table by section, responsible body and year.
   Plain JavaScript, no network, nothing stored; without it the whole table stays visible. */
(function () {
  "use strict";
  var form = document.querySelector("form.plan-filter");
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.plan-row"));
  var sections = Array.prototype.slice.call(document.querySelectorAll(".plan-table tbody"));
  var empty = document.querySelector(".filter-empty");

  function has(list, value) { return !value || list.split(" ").indexOf(value) >= 0; }

  function apply() {
    var section = form.elements.section.value, body = form.elements.body.value, year = form.elements.year.value;
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!section || row.dataset.section === section) && has(row.dataset.bodies, body) && has(row.dataset.years, year);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    sections.forEach(function (tbody) {
      tbody.hidden = !tbody.querySelector("tr.plan-row:not([hidden])");
    });
    form.elements.count.value = form.elements.count.dataset.template.replace("#", shown);
    empty.hidden = shown > 0;
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
