/* Bağdar offline service worker, written into the built site by build_scripts/offline.py.

   Never stale: pages and the site's own scripts are fetched from the network first; the saved
   copy is used only when the network fails (or is too slow), and a page served from the saved
   copy is marked with the date it was saved, which the page then shows.
   Never all-or-nothing: each file is saved on its own, so a failure costs only that file.
   What is saved when:
     FIRST_VISIT: every page and small asset, on the first visit (install);
     ON_USE: the search indexes and other large files, when a page first asks for them;
     CHECKER: the Pyodide core, the checker wheel and its data (content-hashed, immutable): the
       checker's worker saves what it fetches; after the checker has started, the page asks
       for the rest (from the HTTP cache), so nothing is downloaded twice.
   Each listed file carries the hash of its content: unchanged files are not downloaded again.
   Only this site's own static files pass through here; nothing a person types reaches it. */
const VERSION = "__VERSION__";
const FIRST_VISIT = __FIRST_VISIT__;
const ON_USE = __ON_USE__;
const CHECKER = __CHECKER__;
const CACHE = "bagdar-site"; /* also in docs/assets/checker/checker-worker.js */
const HASH_HEADER = "x-bagdar-hash";
const SAVED_HEADER = "x-bagdar-saved";
/* A page waits this long for the network before the saved copy is shown instead. */
const NETWORK_WAIT_MS = 6000;

const BASE = new URL("./", self.location.href);
const KNOWN = new Map();
for (const list of [FIRST_VISIT, ON_USE, CHECKER]) {
  for (const [path, hash] of Object.entries(list)) KNOWN.set(new URL(path, BASE).href, hash);
}
const IMMUTABLE = new Set(Object.keys(CHECKER).map((path) => new URL(path, BASE).href));

function keyOf(request) {
  const url = new URL(typeof request === "string" ? request : request.url, BASE);
  url.search = "";
  url.hash = "";
  if (url.pathname.endsWith("/index.html")) url.pathname = url.pathname.slice(0, -"index.html".length);
  return url.href;
}

/* A copy of the response that remembers its content hash and when it was saved. */
async function stamped(response, hash) {
  const headers = new Headers(response.headers);
  headers.set(HASH_HEADER, hash || "");
  headers.set(SAVED_HEADER, new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

/* Save one file unless the saved copy already has this content. Never throws. */
async function save(cache, url, { fromHttpCache = false } = {}) {
  const hash = KNOWN.get(url);
  try {
    const saved = await cache.match(url);
    if (saved && (IMMUTABLE.has(url) || (hash && saved.headers.get(HASH_HEADER) === hash))) return true;
    const response = await fetch(url, { cache: fromHttpCache ? "force-cache" : "no-cache" });
    if (!response.ok || response.type !== "basic") return false;
    await cache.put(url, await stamped(response, hash));
    return true;
  } catch (err) {
    return false;
  }
}

/* A few at a time, each on its own. */
async function saveAll(urls, options) {
  const cache = await caches.open(CACHE);
  const queue = urls.slice();
  const runners = Array.from({ length: 4 }, async () => {
    while (queue.length) await save(cache, queue.shift(), options);
  });
  await Promise.all(runners);
}

self.addEventListener("install", (event) => {
  event.waitUntil(saveAll(Object.keys(FIRST_VISIT).map((path) => new URL(path, BASE).href)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("bagdar-") && key !== CACHE) await caches.delete(key);
    }
    const cache = await caches.open(CACHE);
    for (const request of await cache.keys()) {
      if (!KNOWN.has(request.url)) await cache.delete(request);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "cache-checker") {
    event.waitUntil(saveAll(Object.keys(CHECKER).map((path) => new URL(path, BASE).href), { fromHttpCache: true }));
  } else if (data.type === "version" && event.ports[0]) {
    event.ports[0].postMessage({ version: VERSION });
  }
});

/* The saved page, marked as a saved copy (with its date) for the page's footer to show. */
async function savedPage(cached) {
  const saved = cached.headers.get(SAVED_HEADER) || "";
  const html = (await cached.text()).replace("<html ", `<html data-saved-copy="${saved.replace(/[^0-9TZ:.-]/g, "")}" `);
  const headers = new Headers(cached.headers);
  headers.delete("content-length");
  return new Response(html, { status: cached.status, statusText: cached.statusText, headers });
}

/* The saved copy was shown because the network was slow: when the page arrives after all and
   differs, the page offers to reload. */
async function tellIfNewer(event, cached, network) {
  try {
    const response = await network;
    if (!response.ok || (await response.clone().text()) === (await cached.text())) return;
    const client = await self.clients.get(event.resultingClientId || event.clientId);
    if (client) client.postMessage({ type: "newer", url: event.request.url.split("#")[0] });
  } catch (err) {
    /* still offline: the saved copy's notice says so */
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (err) => { clearTimeout(timer); reject(err); });
  });
}

/* Save a fetched file in the background (the reader gets the response at once). */
function keep(event, cache, key, response) {
  if (response.ok && response.type === "basic" && KNOWN.has(key)) {
    event.waitUntil(stamped(response.clone(), KNOWN.get(key)).then((copy) => cache.put(key, copy)).catch(() => {}));
  }
  return response;
}

async function networkFirst(event, key) {
  const request = event.request;
  const navigate = request.mode === "navigate";
  const cache = await caches.open(CACHE);
  /* Revalidated with the server: the HTTP cache may hold an older copy (a host without
     Cache-Control headers lets the browser guess how long a page stays fresh). */
  const network = fetch(new Request(request, { cache: "no-cache" })).then((response) => keep(event, cache, key, response));
  const cached = await cache.match(key);
  try {
    return await (cached && navigate ? withTimeout(network, NETWORK_WAIT_MS) : network);
  } catch (err) {
    if (cached && navigate) {
      event.waitUntil(tellIfNewer(event, cached.clone(), network));
      return savedPage(cached);
    }
    if (cached) return cached;
    if (navigate) {
      const notFound = await cache.match(new URL("404.html", BASE).href);
      if (notFound) return notFound;
    }
    throw err;
  }
}

async function cacheFirst(event, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  return keep(event, cache, key, await fetch(event.request));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const key = keyOf(request);
  if (IMMUTABLE.has(key)) {
    event.respondWith(cacheFirst(event, key));
  } else {
    event.respondWith(networkFirst(event, key));
  }
});
