/* Bağdar offline service worker, written into the built site by build_scripts/offline.py.
   Install: every page of both languages and every small asset is cached. The checker's heavy
   files (the Pyodide core, the checker wheel and its data) are cached when the checker page
   asks for them, and whenever they are fetched. Only this site's own static files are cached;
   nothing a person types ever reaches this worker. A new build changes VERSION, so the new
   worker replaces the old cache. */
const VERSION = "__VERSION__";
const CORE = __CORE__;
const CHECKER = __CHECKER__;
const CACHE = `bagdar-${VERSION}`;

/* Revalidate with the server, so that a new version never takes a stale file from the HTTP cache. */
const fresh = (urls) => urls.map((url) => new Request(url, { cache: "no-cache" }));

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh(CORE))).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("bagdar-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "cache-checker") {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh(CHECKER))));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      try {
        const response = await fetch(request);
        if (response.ok && response.type === "basic") cache.put(request, response.clone());
        return response;
      } catch (err) {
        if (request.mode === "navigate") {
          const notFound = await cache.match("404.html");
          if (notFound) return notFound;
        }
        throw err;
      }
    }),
  );
});
