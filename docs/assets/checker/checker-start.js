/* Starts the checker's Python worker (a classic script at the top of the checker page, not
   deferred) and exposes window.checker:
     window.checker.assess(case) -> Promise of the contract's output (rejects with the
       one-line message, error name "InvalidCase", for an invalid case);
     window.checker.assessText(json) -> Promise of {result, case}: a case file's text, checked
       as the command line checks a file (what "Open saved case" uses);
     window.checker.ready -> Promise of the worker's start-up timings, with `from`: "files", or
       "snapshot" when it started from the saved memory snapshot;
   and a "checker-progress" event on #checker ({loaded, total[, starting]}) while it downloads.
   Never an endless "Loading": start-up ends within START_LIMIT_MS and each check within
   CALL_LIMIT_MS, or rejects with error name "CheckerError" and `label`, the data/ui.yaml
   label saying what to do (no WebAssembly, files not saved for offline use, too slow,
   stopped). The configuration comes from the data-* attributes of #checker.
   The form comes first: the worker is made at once, but it downloads and starts Python once the
   page is parsed. Doing both during the parse held the form back by about 0.1 s on two cores; the
   first result comes as soon unthrottled and 0.3-0.5 s later on the slow-phone profile, while
   the reader is filling in the form (README, "Benchmarks"). */
(function () {
  "use strict";
  var START_LIMIT_MS = 120000;
  var CALL_LIMIT_MS = 30000;
  var LABELS = {
    "no-wasm": "checker-no-wasm",
    missing: "checker-offline-missing",
    timeout: "checker-timeout",
    stopped: "checker-stopped",
    failed: "checker-failed",
  };
  var root = document.getElementById("checker");
  var pending = new Map();
  var nextId = 1;
  var worker = null;
  var dead = null;

  function absolute(path) {
    return new URL(path, document.baseURI).href;
  }

  function failure(code, detail) {
    var err = new Error(detail || code);
    err.name = "CheckerError";
    err.code = code;
    err.label = LABELS[code] || LABELS.failed;
    return err;
  }

  /* The worker is gone: every waiting call and every later one fails with this error. */
  function stop(err) {
    if (dead) return;
    dead = err;
    if (worker) worker.terminate();
    pending.forEach(function (waiting) { waiting.reject(err); });
    pending.clear();
  }

  function call(type, payload, limit) {
    if (dead) return Promise.reject(dead);
    var id = nextId++;
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () {
        stop(failure(type === "init" ? "timeout" : "stopped", type + " took too long"));
      }, limit);
      pending.set(id, {
        resolve: function (value) { clearTimeout(timer); resolve(value); },
        reject: function (err) { clearTimeout(timer); reject(err); },
      });
      worker.postMessage({ id: id, type: type, payload: payload });
    });
  }

  function start() {
    if (typeof WebAssembly !== "object") return Promise.reject(failure("no-wasm"));
    try {
      worker = new Worker(absolute(root.dataset.worker), { type: "module" });
    } catch (err) {
      return Promise.reject(failure("failed", String(err)));
    }
    worker.onmessage = function (event) {
      var message = event.data;
      if (message.progress) {
        root.dispatchEvent(new CustomEvent("checker-progress", { detail: message.progress }));
        return;
      }
      var waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.ok) {
        waiting.resolve(message);
      } else if (message.fatal) {
        var err = failure(message.code || "failed", message.error);
        waiting.reject(err);
        stop(err);
      } else {
        var invalid = new Error(message.error);
        invalid.name = "InvalidCase";
        waiting.reject(invalid);
      }
    };
    worker.onerror = function (event) {
      stop(failure(navigator.onLine ? "failed" : "missing", event.message || "the worker failed"));
    };
    return parsed().then(function () {
      return call("init", {
        pyodide: absolute(root.dataset.pyodide),
        wheel: absolute(root.dataset.wheel),
        data: absolute(root.dataset.data),
        snapshot: root.dataset.snapshot ? absolute(root.dataset.snapshot) : "",
        bytes: Number(root.dataset.bytes),
      }, START_LIMIT_MS);
    }).then(function (message) { return message.result; });
  }

  function parsed() {
    return new Promise(function (resolve) {
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", resolve, { once: true });
      else resolve();
    });
  }

  /* JSON.stringify turns NaN and Infinity into null, which would read as "unknown": refuse. */
  function caseText(caseObject) {
    if (caseObject === undefined) return "null";
    return JSON.stringify(caseObject, function (key, value) {
      if (typeof value === "number" && !isFinite(value)) {
        var invalid = new Error((key || "case") + ": " + String(value) + " is not a number a case can hold");
        invalid.name = "InvalidCase";
        throw invalid;
      }
      return value;
    });
  }

  function assessText(text) {
    return ready.then(function () { return call("assess-text", text, CALL_LIMIT_MS); })
      .then(function (message) { return { result: message.result, case: message.case }; });
  }

  var ready = start();
  ready.catch(function (err) { stop(err); /* the page shows the failure */ });
  window.checker = {
    ready: ready,
    assessText: assessText,
    assess: function (caseObject) {
      var text;
      try {
        text = caseText(caseObject);
      } catch (err) {
        return Promise.reject(err);
      }
      return assessText(text).then(function (answer) { return answer.result; });
    },
    time: function (cases, repeat) {
      return ready.then(function () { return call("time", { cases: cases, repeat: repeat }, CALL_LIMIT_MS * 10); })
        .then(function (message) { return message.result; });
    },
  };
})();
