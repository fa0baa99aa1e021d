/* Runs first on every page (a classic script in <head>), in place of Material's inline ones, so
   that the Content-Security-Policy needs no inline script.
   1. Material's storage helpers, kept in memory instead of localStorage/sessionStorage: the site
      writes nothing to the browser's storage (privacy, p. 31 of the Rules).
   2. The search index (the largest file of a content page) is fetched when the reader first turns
      to the search box, not with every page, so a phone downloads it only when searching. */
/* eslint-disable no-underscore-dangle */
var __md_scope = new URL("../", document.currentScript.src);
var __md_hash = function (e) { return [].reduce.call(e, function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); };
var __md_memory = new Map();
var __md_get = function (key, _storage, scope) {
  return JSON.parse(__md_memory.get((scope || __md_scope).pathname + "." + key) || "null");
};
var __md_set = function (key, value, _storage, scope) {
  __md_memory.set((scope || __md_scope).pathname + "." + key, JSON.stringify(value));
};
(function () {
  "use strict";
  /* Material requests the index with XMLHttpRequest; that one request waits for search. */
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send, start;
  var searchUsed = new Promise(function (resolve) { start = resolve; });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) start();
  });
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__searchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.__searchIndex) return send.apply(request, args);
    searchUsed.then(function () { send.apply(request, args); });
  };
})();
