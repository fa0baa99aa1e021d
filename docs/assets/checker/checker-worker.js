/* Runs the checker (the same Python package as on the command line) in Pyodide, off the
   page's main thread. Messages in: {id, type: "init" | "assess-text" | "time", payload};
   out: {id, ok, ...}. A case arrives as JSON text and is read by checker.case_file, as the
   command line reads a file: the same refusals (duplicate keys, NaN, depth, size) in both.
   A start-up failure names its kind (`code`: "missing" when a file could not be fetched).
   While the start-up files download it posts {progress: {loaded, total}}, then {starting}.
   When the offline copy holds the memory snapshot of the started checker (saved by the service
   worker after a first start; build_scripts/pyodide/snapshot.py), it starts from that instead:
   the same checker, without Python's start-up. A snapshot that does not restore is deleted and
   the start goes on from the files.
   Everything it loads comes from the serving host; it stores nothing. */
let run = null;

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/* "missing" when the failure is a file that could not be fetched (offline, not saved yet). */
function failureCode(err) {
  if (err && err.code) return err.code;
  const text = String((err && err.message) || err);
  if (!self.navigator.onLine || /fetch|network|HTTP \d|import|load/i.test(text)) return "missing";
  return "failed";
}

/* The absolute URL a fetch() call asks for. */
function absoluteUrl(input) {
  return new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
}

/* Pyodide catches a failed WebAssembly download itself (it logs a warning and never settles),
   so a start-up file that cannot be fetched ends the start-up here, whatever the timing. */
function failOnMissing(prefixes) {
  const plain = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const url = absoluteUrl(input);
    const watched = prefixes.some((prefix) => url.startsWith(prefix));
    let response;
    try {
      response = await plain(input, init);
    } catch (err) {
      if (watched) failStart(Object.assign(new Error(`${url}: ${err.message}`), { code: "missing" }));
      throw err;
    }
    if (watched && !response.ok) failStart(Object.assign(new Error(`${url}: HTTP ${response.status}`), { code: "missing" }));
    return response;
  };
}

/* The offline copy's cache (the service worker's CACHE in build_scripts/service_worker.js). */
const OFFLINE_CACHE = "bagdar-site";

/* Fetches of the checker's content-hashed files (they never change) are answered from the
   offline copy when it has them, and saved there when fetched: so the first visit downloads
   each once, even before the service worker controls this worker. */
const saving = [];
function keepFetched(prefixes) {
  const plain = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const url = absoluteUrl(input);
    if (!self.caches || !prefixes.some((prefix) => url.startsWith(prefix))) return plain(input, init);
    const cache = await caches.open(OFFLINE_CACHE).catch(() => null);
    const saved = cache && await cache.match(url).catch(() => null);
    if (saved) return saved;
    const response = await plain(input, init);
    if (cache && response.ok) saving.push(cache.put(url, response.clone()).catch(() => {}));
    return response;
  };
}

/* Counts the bytes of every response as it arrives, from a clone: Pyodide keeps the original
   response, so the browser can still stream-compile the WebAssembly and reuse its code cache. */
function countDownloads(total) {
  const originalFetch = self.fetch.bind(self);
  let loaded = 0;
  let reported = 0;
  const report = (force) => {
    if (force || loaded - reported > 65536) {
      reported = loaded;
      self.postMessage({ progress: { loaded, total } });
    }
  };
  self.fetch = async (...args) => {
    const response = await originalFetch(...args);
    if (response.ok && response.body) {
      const reader = response.clone().body.getReader();
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          loaded += value.byteLength;
          report(false);
        }
        report(true);
      })().catch(() => {});
    }
    return response;
  };
  return () => { self.fetch = originalFetch; };
}

/* The saved memory snapshot as {cache, bytes: a promise of its bytes}, or null. Only the offline
   copy is asked: a first visit does not wait for a download of this size. */
async function savedSnapshot(url) {
  if (!self.caches || !url) return null;
  try {
    const cache = await caches.open(OFFLINE_CACHE);
    const saved = await cache.match(url);
    return saved ? { cache, bytes: saved.arrayBuffer() } : null;
  } catch (err) {
    return null;
  }
}

/* The checker from the snapshot: it holds the checker imported and its data loaded. */
async function startFromSnapshot(loadPyodide, indexURL, saved) {
  const pyodide = await loadPyodide({ indexURL, _loadSnapshot: saved.bytes });
  return pyodide.runPython("from checker.json_api import assess_json\nassess_json");
}

async function init({ pyodide: indexURL, wheel, data, snapshot, bytes }) {
  const phases = { start: performance.now() };
  const startFiles = [indexURL, new URL("./", wheel).href, new URL("./", data).href];
  failOnMissing(startFiles);
  keepFetched(startFiles);
  const saved = await savedSnapshot(snapshot);
  const stopCounting = saved ? () => {} : countDownloads(bytes);
  try {
    // The smallest module: compiling fails at once where a policy blocks WebAssembly.
    await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch (err) {
    throw Object.assign(new Error(`WebAssembly is blocked: ${err.message}`), { code: "no-wasm" });
  }
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  if (saved) {
    self.postMessage({ progress: { loaded: bytes, total: bytes, starting: true } });
    try {
      run = await startFromSnapshot(loadPyodide, indexURL, saved);
      phases.checker = performance.now();
      phases.from = "snapshot";
      return phases;
    } catch (err) {
      await saved.cache.delete(snapshot).catch(() => {});
    }
  }
  const [pyodide, wheelBytes, dataText] = await Promise.all([
    loadPyodide({ indexURL }).then((py) => { phases.pyodide = performance.now(); return py; }),
    fetchOk(wheel).then((r) => r.arrayBuffer()),
    fetchOk(data).then((r) => r.text()),
  ]);
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(wheelBytes, "wheel", { extractDir: sitePackages });
  stopCounting();
  self.postMessage({ progress: { loaded: bytes, total: bytes, starting: true } });
  pyodide.globals.set("_DATA_JSON", dataText);
  run = pyodide.runPython(`
import json
import checker
from checker.json_api import assess_json

checker.use_data(json.loads(_DATA_JSON))
assess_json`);
  phases.checker = performance.now();
  phases.from = "files";
  // Ready once the files are saved, so the page's later request to keep them finds them.
  await Promise.all(saving);
  return phases;
}

/* Pyodide may fail outside the promise init awaits (an aborted WebAssembly download):
   end the start-up with that failure instead of waiting for the page's time limit. */
let starting = null;
function failStart(reason) {
  if (starting === null) return;
  self.postMessage({ id: starting, ok: false, fatal: true, code: failureCode(reason), error: String((reason && reason.message) || reason) });
  starting = null;
}
self.addEventListener("unhandledrejection", (event) => failStart(event.reason));
self.addEventListener("error", (event) => failStart(event.error || event.message));

self.onmessage = async (event) => {
  const { id, type, payload } = event.data;
  if (type === "init") {
    starting = id;
    try {
      const result = await init(payload);
      if (starting === id) self.postMessage({ id, ok: true, result });
    } catch (err) {
      failStart(err);
    }
    starting = null;
    return;
  }
  try {
    if (type === "assess-text") {
      self.postMessage({ id, ...JSON.parse(run(payload)) });
    } else if (type === "time") {
      // Benchmarks: median assess time inside Pyodide over `payload.repeat` runs of each case.
      const times = [];
      for (let i = 0; i < payload.repeat; i += 1) {
        for (const item of payload.cases) {
          const text = JSON.stringify(item);
          const start = performance.now();
          run(text);
          times.push(performance.now() - start);
        }
      }
      times.sort((a, b) => a - b);
      self.postMessage({ id, ok: true, result: { median_ms: times[Math.floor(times.length / 2)], runs: times.length } });
    }
  } catch (err) {
    self.postMessage({ id, ok: false, fatal: true, code: "stopped", error: String((err && err.message) || err) });
  }
};
