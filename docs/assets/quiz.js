/* Practice and test pages (training/practice/, training/test/): questions drawn from the bank of
   the page's language, a JSON file generated from the data at build time. A test is drawn by a
   seeded generator over the question ids (the same in both languages), so ?seed=&topics=&n= gives
   the same test in Kazakh, in Russian and on reload; ?print=test|key shows it for printing.
   Plain JavaScript, no network beyond the site's own file, nothing stored in the browser:
   progress lives in the page and can be saved to a file the reader keeps. */
(function () {
  "use strict";
  var root = document.getElementById("quiz");
  var config = document.getElementById("quiz-data");
  if (!root || !config) return;
  var settings = JSON.parse(config.textContent);
  var labels = settings.labels;
  var TOPICS = settings.topics;
  var mode = root.dataset.mode;
  var run = root.querySelector(".quiz-run");
  var setup = root.querySelector(".quiz-setup");
  var bank = [];
  var byId = {};
  var PROGRESS_FORMAT = "bagdar-training-progress";
  var MAX_FILE = 200000;
  var progress = { answered: 0, correct: 0, topics: {}, missed: [] };

  /* ---- helpers ---- */
  function say(key, values) {
    return labels[key].replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? values[name] : all;
    });
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "className") node.className = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function letters() { return labels["quiz-letters"].split(","); }
  function cite(q) {
    return q.h ? el("a", { href: q.h, text: q.c }) : el("span", { text: q.c });
  }

  /* ---- seeded choice: FNV-1a hash of the seed, mulberry32 generator, Fisher-Yates ---- */
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }
  function generator(seed) {
    var state = hash(String(seed));
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffle(list, random) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var swap = list[i]; list[i] = list[j]; list[j] = swap;
    }
    return list;
  }
  /* n questions of the chosen topics, taken in turn from each topic (so that a small topic is not
     crowded out by a large one), each topic's ids shuffled from their sorted order. */
  function draw(topics, n, seed) {
    var random = generator(seed);
    var piles = TOPICS.filter(function (t) { return topics.indexOf(t) >= 0; }).map(function (topic) {
      var ids = bank.filter(function (q) { return q.t === topic; }).map(function (q) { return q.id; })
        .sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
      return shuffle(ids, random);
    });
    var out = [];
    for (var round = 0; out.length < n; round++) {
      var added = false;
      piles.forEach(function (pile) {
        if (round < pile.length && out.length < n) { out.push(pile[round]); added = true; }
      });
      if (!added) break;
    }
    return shuffle(out, random).map(function (id) { return byId[id]; });
  }
  function randomSeed() {
    var bytes = new Uint32Array(1);
    window.crypto.getRandomValues(bytes);
    return bytes[0].toString(36);
  }

  /* ---- one question as a fieldset of radio buttons ---- */
  function questionBlock(q, number, total, name) {
    var legend = el("legend", {}, [
      el("span", { className: "quiz-number", text: total ? say("quiz-question-of", { n: number, total: total }) : number + "." }),
      " ", q.q]);
    var box = el("fieldset", { className: "quiz-question", "data-id": q.id }, [legend]);
    if (q.x) box.appendChild(el("blockquote", { className: "quiz-quote", text: q.x }));
    var list = el("ol", { className: "quiz-options" });
    q.o.forEach(function (text, index) {
      var input = el("input", { type: "radio", name: name, value: String(index) });
      list.appendChild(el("li", { "data-option": String(index) }, [
        el("label", { className: "check quiz-option" }, [input, " ", el("span", { text: text })])]));
    });
    box.appendChild(list);
    return box;
  }
  function chosen(box) {
    var input = box.querySelector("input:checked");
    return input ? Number(input.value) : null;
  }
  function feedback(box, q, answer) {
    box.querySelectorAll("input").forEach(function (input) { input.disabled = true; });
    box.querySelectorAll("li[data-option]").forEach(function (item) {
      var index = Number(item.dataset.option);
      item.classList.toggle("is-right", index === q.a);
      item.classList.toggle("is-wrong", index === answer && answer !== q.a);
    });
    var right = answer === q.a;
    var verdict = answer === null ? labels["quiz-no-answer"] : labels[right ? "quiz-right" : "quiz-wrong"];
    var out = el("div", { className: "quiz-feedback " + (right ? "is-right" : "is-wrong") }, [
      el("p", {}, [el("strong", { text: (right ? "✓ " : "✗ ") + verdict + "." }),
        right ? null : " " + labels["quiz-right-answer"] + ": " + q.o[q.a] + "."]),
      el("p", { text: q.e }),
      el("p", { className: "quiz-cite" }, [labels["quiz-basis"] + ": ", cite(q)])]);
    box.appendChild(out);
    return right;
  }
  function selectedTopics(form) {
    return Array.prototype.filter.call(form.querySelectorAll("input[name=topics]"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }
  function count(value, fallback) {
    var n = parseInt(value, 10);
    return isFinite(n) && n > 0 ? Math.min(n, 100) : fallback;
  }
  function topicScores(questions, answers) {
    var table = el("table", { className: "quiz-topics" });
    TOPICS.forEach(function (topic) {
      var own = questions.filter(function (q) { return q.t === topic; });
      if (!own.length) return;
      var right = own.filter(function (q) { return answers[q.id] === q.a; }).length;
      table.appendChild(el("tr", {}, [el("th", { scope: "row", text: labels["quiz-topic-" + topic] }),
        el("td", { text: right + " / " + own.length })]));
    });
    return table;
  }

  /* ---- progress of the sitting, saved to and opened from a file ---- */
  function record(q, right) {
    progress.answered += 1;
    if (right) progress.correct += 1;
    var t = progress.topics[q.t] || (progress.topics[q.t] = [0, 0]);
    t[0] += 1;
    if (right) t[1] += 1;
    var at = progress.missed.indexOf(q.id);
    if (!right && at < 0) progress.missed.push(q.id);
    if (right && at >= 0) progress.missed.splice(at, 1);
    showProgress();
  }
  function showProgress() {
    var box = root.querySelector(".quiz-progress");
    if (!box) return;
    box.hidden = false;
    box.querySelector(".quiz-progress-line").textContent = say("quiz-progress", progress);
  }
  function saveProgress() {
    var file = { format: PROGRESS_FORMAT, version: 1, answered: progress.answered, correct: progress.correct,
      topics: progress.topics, missed: progress.missed };
    var blob = new Blob([JSON.stringify(file, null, 1)], { type: "application/json" });
    var link = el("a", { href: URL.createObjectURL(blob), download: "bagdar-training-progress.json" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }
  /* The progress in `text`, or throws Error(reason) naming the first bad field. */
  function parseProgress(text) {
    var data;
    try { data = JSON.parse(text); } catch (err) { throw new Error(labels["quiz-bad-json"]); }
    if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== PROGRESS_FORMAT) {
      throw new Error(labels["quiz-bad-format"]);
    }
    function bad(field) { return new Error(say("quiz-bad-field", { field: field })); }
    function whole(value) { return typeof value === "number" && value >= 0 && value % 1 === 0 && value <= 1e6; }
    if (data.version !== 1) throw bad("version");
    if (!whole(data.answered)) throw bad("answered");
    if (!whole(data.correct) || data.correct > data.answered) throw bad("correct");
    if (!data.topics || typeof data.topics !== "object" || Array.isArray(data.topics)) throw bad("topics");
    var topics = {};
    Object.keys(data.topics).forEach(function (topic) {
      var pair = data.topics[topic];
      if (TOPICS.indexOf(topic) < 0 || !Array.isArray(pair) || pair.length !== 2 || !whole(pair[0]) ||
          !whole(pair[1]) || pair[1] > pair[0]) throw bad("topics." + topic);
      topics[topic] = [pair[0], pair[1]];
    });
    if (!Array.isArray(data.missed) || data.missed.length > bank.length) throw bad("missed");
    data.missed.forEach(function (id, i) {
      if (typeof id !== "string" || !byId[id]) throw bad("missed[" + i + "]");
    });
    return { answered: data.answered, correct: data.correct, topics: topics, missed: data.missed.slice() };
  }
  function openProgress(input) {
    var file = input.files[0];
    var message = root.querySelector(".quiz-file-message");
    input.value = "";
    if (!file) return;
    function fail(problem) {
      message.className = "quiz-file-message is-error";
      message.textContent = say("quiz-bad-file", { file: file.name, problem: problem });
    }
    if (file.size > MAX_FILE) { fail(labels["quiz-too-big"]); return; }
    file.text().then(function (text) {
      try { progress = parseProgress(text); } catch (err) { fail(err.message); return; }
      message.className = "quiz-file-message";
      message.textContent = labels["quiz-opened"];
      showProgress();
      if (progress.missed.length) offerMissed(run);
    }, function () { fail(labels["quiz-bad-json"]); });
  }
  function offerMissed(parent) {
    var old = parent.querySelector(".quiz-missed");
    if (old) old.remove();
    if (!progress.missed.length) return;
    var button = el("button", { type: "button", className: "md-button md-button--primary quiz-missed",
      text: labels["quiz-practise-missed"] + " (" + progress.missed.length + ")" });
    button.addEventListener("click", function () {
      practise(progress.missed.map(function (id) { return byId[id]; }));
    });
    parent.appendChild(button);
  }

  /* ---- practice: one question at a time, feedback at once ---- */
  function practise(questions) {
    var results = {};
    var index = 0;
    setup.hidden = true;
    function show() {
      run.textContent = "";
      var q = questions[index];
      var box = questionBlock(q, index + 1, questions.length, "practice-" + index);
      run.appendChild(box);
      box.addEventListener("change", function () {
        var answer = chosen(box);
        if (answer === null || q.id in results) return;
        results[q.id] = answer;
        record(q, feedback(box, q, answer));
        var last = index + 1 === questions.length;
        var next = el("button", { type: "button", className: "md-button md-button--primary quiz-next",
          text: labels[last ? "quiz-see-score" : "quiz-next"] });
        next.addEventListener("click", function () {
          index += 1;
          if (last) finish(); else show();
        });
        run.appendChild(el("p", { className: "quiz-actions" }, [next]));
        next.focus({ preventScroll: true });
      });
      box.querySelector("legend").scrollIntoView({ block: "nearest" });
    }
    function finish() {
      run.textContent = "";
      var right = questions.filter(function (q) { return results[q.id] === q.a; }).length;
      run.appendChild(el("p", { className: "quiz-score", role: "status",
        text: say("quiz-score", { right: right, total: questions.length }) }));
      run.appendChild(el("h2", { text: labels["quiz-by-topic"] }));
      run.appendChild(topicScores(questions, results));
      var again = el("button", { type: "button", className: "md-button quiz-new", text: labels["quiz-new-set"] });
      again.addEventListener("click", function () { run.textContent = ""; setup.hidden = false; });
      var actions = el("p", { className: "quiz-actions" }, [again]);
      run.appendChild(actions);
      offerMissed(actions);
    }
    show();
  }

  /* ---- test: all questions, no feedback until the end; printable ---- */
  function testParams() {
    var params = new URLSearchParams(window.location.search);
    if (!params.get("seed")) return null;
    var topics = (params.get("topics") || TOPICS.join(",")).split(",").filter(function (t) { return TOPICS.indexOf(t) >= 0; });
    return { seed: params.get("seed").slice(0, 40), topics: topics.length ? topics : TOPICS.slice(),
      n: count(params.get("n"), 20), print: params.get("print") };
  }
  function testUrl(p, print) {
    var query = new URLSearchParams({ seed: p.seed, topics: p.topics.join(","), n: String(p.n) });
    if (print) query.set("print", print);
    return window.location.pathname + "?" + query.toString();
  }
  function settingsLine(p, count) {
    return say("quiz-test-settings", { seed: p.seed, n: count, topics: p.topics.map(function (t) {
      return labels["quiz-topic-" + t]; }).join("; ") });
  }
  function takeTest(p) {
    var questions = draw(p.topics, p.n, p.seed);
    setup.hidden = true;
    run.textContent = "";
    run.appendChild(el("p", { className: "quiz-settings", text: settingsLine(p, questions.length) }));
    run.appendChild(el("p", { className: "quiz-links no-print" }, [
      el("a", { href: testUrl(p), text: labels["quiz-test-link"] }), " · ",
      el("a", { href: testUrl(p, "test"), className: "quiz-print-test", text: labels["quiz-print-test"] }), " · ",
      el("a", { href: testUrl(p, "key"), className: "quiz-print-key", text: labels["quiz-print-key"] }), " · ",
      el("a", { href: window.location.pathname, text: labels["quiz-other-test"] })]));
    var form = el("form", { className: "quiz-test", novalidate: "" });
    var list = el("ol", { className: "quiz-list" });
    questions.forEach(function (q, i) { list.appendChild(el("li", {}, [questionBlock(q, i + 1, 0, "test-" + i)])); });
    form.appendChild(list);
    var status = el("p", { className: "quiz-answered", role: "status" });
    function answered() {
      status.textContent = say("quiz-answer-count", {
        answered: form.querySelectorAll("input:checked").length, total: questions.length });
    }
    answered();
    form.addEventListener("change", answered);
    var finish = el("button", { type: "submit", className: "md-button md-button--primary quiz-finish", text: labels["quiz-finish"] });
    form.appendChild(el("p", { className: "quiz-actions" }, [finish, " ", status]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = {};
      var right = 0;
      form.querySelectorAll(".quiz-question").forEach(function (box, i) {
        var q = questions[i];
        answers[q.id] = chosen(box);
        if (feedback(box, q, answers[q.id])) right += 1;
      });
      finish.remove();
      status.remove();
      var summary = el("section", { className: "quiz-summary" }, [
        el("p", { className: "quiz-score", role: "status", text: say("quiz-score", { right: right, total: questions.length }) }),
        el("h2", { text: labels["quiz-by-topic"] }), topicScores(questions, answers)]);
      run.insertBefore(summary, form);
      summary.scrollIntoView();
    });
    run.appendChild(form);
  }
  function printTest(p) {
    var questions = draw(p.topics, p.n, p.seed);
    var key = p.print === "key";
    document.body.classList.add("quiz-printing");
    setup.hidden = true;
    run.textContent = "";
    var marks = letters();
    var tools = el("p", { className: "quiz-print-tools no-print" });
    var print = el("button", { type: "button", className: "md-button md-button--primary", text: labels["quiz-print"] });
    print.addEventListener("click", function () { window.print(); });
    tools.appendChild(print);
    tools.appendChild(document.createTextNode(" "));
    tools.appendChild(el("a", { href: testUrl(p), text: labels["quiz-back-to-test"] }));
    tools.appendChild(document.createTextNode(" · "));
    tools.appendChild(el("a", { href: testUrl(p, key ? "test" : "key"), text: labels[key ? "quiz-print-test" : "quiz-print-key"] }));
    run.appendChild(tools);
    var sheet = el("section", { className: "quiz-sheet" + (key ? " is-key" : "") });
    sheet.appendChild(el("h2", { text: labels["quiz-test-title"] + (key ? " — " + labels["quiz-key-title"] : "") }));
    sheet.appendChild(el("p", { className: "quiz-settings", text: settingsLine(p, questions.length) }));
    if (!key) sheet.appendChild(el("p", { className: "quiz-name", text: labels["quiz-name-line"] }));
    var list = el("ol", { className: "quiz-sheet-list" });
    questions.forEach(function (q) {
      var item = el("li", { "data-id": q.id }, [el("p", { className: "quiz-stem", text: q.q })]);
      if (key) {
        item.appendChild(el("p", {}, [el("strong", { text: marks[q.a] + ") " }), q.o[q.a]]));
        item.appendChild(el("p", { className: "quiz-key-note" }, [q.e + " " + labels["quiz-basis"] + ": ", cite(q), "."]));
      } else {
        if (q.x) item.appendChild(el("blockquote", { className: "quiz-quote", text: q.x }));
        var options = el("ol", { className: "quiz-sheet-options" });
        q.o.forEach(function (text, i) { options.appendChild(el("li", {}, [marks[i] + ") " + text])); });
        item.appendChild(options);
      }
      list.appendChild(item);
    });
    sheet.appendChild(list);
    run.appendChild(sheet);
  }

  /* ---- start ---- */
  function start() {
    setup.hidden = false;
    if (mode === "test") {
      var params = testParams();
      var seedField = setup.querySelector("input[name=seed]");
      seedField.value = params ? params.seed : randomSeed();
      if (params) {
        setup.querySelector("input[name=n]").value = params.n;
        setup.querySelectorAll("input[name=topics]").forEach(function (i) { i.checked = params.topics.indexOf(i.value) >= 0; });
        if (params.print === "test" || params.print === "key") printTest(params); else takeTest(params);
      }
    }
    setup.addEventListener("submit", function (event) {
      event.preventDefault();
      var topics = selectedTopics(setup);
      var error = setup.querySelector(".quiz-error");
      if (!topics.length) { error.textContent = labels["quiz-choose-topic"]; return; }
      error.textContent = "";
      var n = count(setup.querySelector("input[name=n]").value, mode === "test" ? 20 : 10);
      if (mode === "test") {
        var seed = setup.querySelector("input[name=seed]").value.trim() || randomSeed();
        window.location.assign(testUrl({ seed: seed, topics: topics, n: n }));
      } else {
        practise(draw(topics, n, randomSeed()));
      }
    });
    if (mode === "practice") {
      showProgress();
      root.querySelector(".quiz-save").addEventListener("click", saveProgress);
      var opener = root.querySelector(".quiz-open input");
      opener.addEventListener("change", function () { openProgress(opener); });
    }
  }

  run.textContent = labels["quiz-loading"];
  fetch(root.dataset.bank).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(function (questions) {
    bank = questions;
    bank.forEach(function (q) { byId[q.id] = q; });
    run.textContent = "";
    start();
  }).catch(function () {
    run.textContent = labels["quiz-load-failed"];
  });
})();
