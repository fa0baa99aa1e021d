/* Filter of the indicators page: by element, form, adult/minor and free text.
   Plain JavaScript, no network, nothing stored; without it every indicator stays visible. */
(function () {
  "use strict";
  var form = document.querySelector("form.indicator-filter");
  if (!form) return;
  var groups = Array.prototype.slice.call(document.querySelectorAll(".indicator-group"));
  var empty = document.querySelector(".filter-empty");

  function normalise(text) {
    return text.toLowerCase().replace(/ё/g, "е");
  }

  function apply() {
    var element = form.elements.element.value;
    var formId = form.elements.form.value;
    var audience = form.elements.audience.value;
    var words = normalise(form.elements.q.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    groups.forEach(function (group) {
      var groupOk = (!element || group.dataset.element === element) &&
        (!formId || group.dataset.form === formId) &&
        (!audience || group.dataset.audience.split(" ").indexOf(audience) >= 0);
      var visibleItems = 0;
      group.querySelectorAll("li").forEach(function (item) {
        var text = normalise(item.textContent);
        var ok = groupOk && words.every(function (w) { return text.indexOf(w) >= 0; });
        item.hidden = !ok;
        if (ok) visibleItems += 1;
      });
      group.hidden = visibleItems === 0;
      shown += visibleItems;
    });
    form.elements.count.value = form.elements.count.dataset.template.replace("#", shown);
    empty.hidden = shown > 0;
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
