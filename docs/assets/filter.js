/* Filters a list or a table in the page, without network or storage; without JavaScript the
   whole list stays visible.
   <form data-filter>: each <select name=N> keeps the items whose nearest [data-N] attribute
   lists the chosen value (space-separated); <input name=q> keeps the items containing every
   typed word; <output name=count data-template="… #"> shows how many are kept.
   Items are [data-filter-item]; a [data-filter-container] is hidden when none of its items is
   kept; [data-filter-empty] shows when nothing is. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filter]");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filter-item]"));
  var containers = Array.prototype.slice.call(document.querySelectorAll("[data-filter-container]"));
  var empty = document.querySelector("[data-filter-empty]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));

  function normalise(text) {
    return text.toLowerCase().replace(/ё/g, "е");
  }

  function listed(item, name, value) {
    var holder = item.closest("[data-" + name + "]");
    return holder !== null && holder.getAttribute("data-" + name).split(" ").indexOf(value) >= 0;
  }

  function apply() {
    var words = form.elements.q ? normalise(form.elements.q.value).split(/\s+/).filter(Boolean) : [];
    var kept = 0;
    items.forEach(function (item) {
      var text = normalise(item.textContent);
      var ok = selects.every(function (select) { return !select.value || listed(item, select.name, select.value); }) &&
        words.every(function (word) { return text.indexOf(word) >= 0; });
      item.hidden = !ok;
      if (ok) kept += 1;
    });
    containers.forEach(function (container) {
      container.hidden = !container.querySelector("[data-filter-item]:not([hidden])");
    });
    form.elements.count.value = form.elements.count.dataset.template.replace("#", kept);
    if (empty) empty.hidden = kept > 0;
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
