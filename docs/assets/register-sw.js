/* Registers the offline service worker (site root /sw.js) on every page. On the checker page
   it also asks the worker to keep the checker's files (Pyodide, the wheel, the data). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  var script = document.currentScript;
  var root = new URL("../", script.src);
  navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    if (document.getElementById("checker") && registration.active) {
      registration.active.postMessage({ type: "cache-checker" });
    }
  }).catch(function () { /* offline use is a bonus: the site works without it */ });
})();
