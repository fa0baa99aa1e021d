/* Starts the checker's Python worker as early as the page allows (a classic script at the
   top of the checker page, not deferred) and exposes window.checker:
     window.checker.assess(case) -> Promise of the contract's output (rejects with the
       one-line message, error name "InvalidCase", for an invalid case);
     window.checker.ready -> Promise of the worker's start-up timings;
   and a "checker-progress" event on #checker ({loaded, total[, starting]}) while it downloads.
   The configuration comes from the data-* attributes of #checker. */
(function () {
  "use strict";
  var root = document.getElementById("checker");
  var pending = new Map();
  var nextId = 1;
  var worker = null;

  function absolute(path) {
    return new URL(path, document.baseURI).href;
  }

  function call(type, payload) {
    var id = nextId++;
    return new Promise(function (resolve, reject) {
      pending.set(id, { resolve: resolve, reject: reject });
      worker.postMessage({ id: id, type: type, payload: payload });
    });
  }

  function start() {
    if (typeof WebAssembly !== "object") return Promise.reject(new Error("no-wasm"));
    worker = new Worker(absolute(root.dataset.worker), { type: "module" });
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
        waiting.resolve(message.result);
      } else {
        var err = new Error(message.error);
        err.name = message.fatal ? "CheckerError" : "InvalidCase";
        waiting.reject(err);
      }
    };
    worker.onerror = function (event) {
      pending.forEach(function (waiting) { waiting.reject(new Error(event.message || "worker failed")); });
      pending.clear();
    };
    return call("init", {
      pyodide: absolute(root.dataset.pyodide),
      wheel: absolute(root.dataset.wheel),
      data: absolute(root.dataset.data),
      bytes: Number(root.dataset.bytes),
    });
  }

  var ready = start();
  ready.catch(function () { /* the page shows the failure */ });
  window.checker = {
    ready: ready,
    assess: function (caseObject) { return ready.then(function () { return call("assess", caseObject); }); },
    time: function (cases, repeat) { return ready.then(function () { return call("time", { cases: cases, repeat: repeat }); }); },
  };
})();
