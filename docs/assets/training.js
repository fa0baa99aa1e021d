/* A training scenario: grade the ticked steps against the answer the checker computed when the
   site was built (the JSON block #training-data). Plain JavaScript, no network, nothing stored;
   without it the answer stays readable in the page's <details>. */
(function () {
  "use strict";
  var source = document.getElementById("training-data");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var labels = data.labels;

  function text(node, value) {
    node.appendChild(document.createTextNode(value));
  }

  function showVerdict(item, required, right) {
    var step = data.steps[item.dataset.step];
    var out = item.querySelector(".verdict");
    out.textContent = "";
    var mark = document.createElement("strong");
    mark.textContent = (right ? "✓ " : "✗ ") + labels[right ? "training-right" : "training-wrong"] + ".";
    out.appendChild(mark);
    text(out, " " + labels[required ? "training-required" : "training-not-required"] + ": ");
    var link = document.createElement("a");
    link.href = step.href;
    link.textContent = step.place;
    out.appendChild(link);
    text(out, ".");
    if (required) {
      text(out, " " + labels["result-actor"] + ": " + step.actor + ".");
      if (step.deadline) text(out, " " + labels["result-deadline"] + ": " + step.deadline + ".");
    }
    item.classList.toggle("is-right", right);
    item.classList.toggle("is-wrong", !right);
    out.hidden = false;
  }

  function grade(form) {
    var expected = data.expected;
    var items = form.querySelectorAll("li[data-step]");
    var right = 0;
    items.forEach(function (item) {
      var required = expected.indexOf(item.dataset.step) >= 0;
      var ok = item.querySelector("input").checked === required;
      if (ok) right += 1;
      showVerdict(item, required, ok);
    });
    form.querySelector(".training-score").textContent = right === items.length
      ? labels["training-all-right"]
      : labels["training-score"].replace("{right}", right).replace("{total}", items.length);
    document.querySelector("details.training-answer").open = true;
  }

  function clear(form) {
    form.querySelectorAll("li[data-step]").forEach(function (item) {
      item.classList.remove("is-right", "is-wrong");
      item.querySelector(".verdict").hidden = true;
    });
    form.querySelector(".training-score").textContent = "";
  }

  /* The "who carries out this step" question: one actor is right (the step's actor in the data). */
  function gradeWho(form) {
    var who = data.who;
    var picked = form.querySelector("input:checked");
    var right = !!picked && picked.value === who.answer;
    form.querySelectorAll("li[data-actor]").forEach(function (item) {
      item.classList.toggle("is-right", item.dataset.actor === who.answer);
      item.classList.toggle("is-wrong", !!picked && item.dataset.actor === picked.value && !right);
    });
    var out = form.querySelector(".verdict");
    out.textContent = "";
    var mark = document.createElement("strong");
    mark.textContent = (right ? "✓ " : "✗ ") + labels[right ? "training-right" : "training-wrong"] + ".";
    out.appendChild(mark);
    text(out, " " + labels["scenario-who-right"].replace("{actor}", who.actor) + " ");
    var link = document.createElement("a");
    link.href = who.href;
    link.textContent = who.place;
    out.appendChild(link);
    text(out, ".");
    out.hidden = false;
  }

  function clearWho(form) {
    form.querySelectorAll("li[data-actor]").forEach(function (item) { item.classList.remove("is-right", "is-wrong"); });
    form.querySelector(".verdict").hidden = true;
  }

  document.querySelectorAll("form.training-form").forEach(function (form) {
    var who = form.classList.contains("scenario-who");
    form.querySelector("button[type=submit]").hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (who) gradeWho(form); else grade(form);
    });
    form.addEventListener("change", function () { if (who) clearWho(form); else clear(form); });
  });
})();
