/* Registers the offline service worker (site root /sw.js) on every page, and shows the
   footer's notices (overrides/partials/copyright.html):
   - a page the worker served from the saved copy (no network) says so, with the date saved;
   - when the network answers later with a different page, a "newer version, reload" notice.
   On the checker page it registers the worker once the checker has started, and then asks it to
   keep the checker's files: they are then in the browser's HTTP cache (and the checker's worker
   has saved them already), so they are not downloaded twice. */
(function () {
  "use strict";

  function showNotice(name) {
    var notice = document.querySelector("[data-edition-notice=" + name + "]");
    if (notice) notice.hidden = false;
    return notice;
  }

  var savedAt = document.documentElement.getAttribute("data-saved-copy");
  if (savedAt) {
    var notice = showNotice("saved");
    var when = new Date(savedAt);
    var time = notice && notice.querySelector("[data-saved-date]");
    if (time && !isNaN(when)) {
      time.dateTime = when.toISOString();
      time.textContent = when.toLocaleDateString(document.documentElement.lang || undefined) + " " +
        when.toLocaleTimeString(document.documentElement.lang || undefined, { hour: "2-digit", minute: "2-digit" });
    }
  }
  var reload = document.querySelector("[data-reload]");
  if (reload) reload.addEventListener("click", function (event) { event.preventDefault(); location.reload(); });

  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "newer" && event.data.url === location.href.split("#")[0]) showNotice("newer");
  });
  var root = new URL("../", document.currentScript.src);
  var checker = window.checker && window.checker.ready;
  /* On the checker page the worker installs once the checker has started (or failed to): saving
     the site's pages meanwhile would compete with the checker's own download and start-up. */
  var started = checker ? checker.then(function () { return true; }, function () { return false; }) : Promise.resolve(false);
  started.then(function (checkerStarted) {
    return navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (checkerStarted && registration.active) registration.active.postMessage({ type: "cache-checker" });
    });
  }).catch(function () { /* offline use is a bonus: the site works without it */ });
})();
