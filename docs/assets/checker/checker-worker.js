/* Runs the checker (the same Python package as on the command line) in Pyodide, off the
   page's main thread. Messages in: {id, type: "init" | "assess", payload}; out: {id, ok, ...},
   and {progress: {loaded, total}} while the start-up files download.
   Everything it loads comes from the serving host; it stores nothing. */
let run = null;

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

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

async function init({ pyodide: indexURL, wheel, data, bytes }) {
  const phases = { start: performance.now() };
  const stopCounting = countDownloads(bytes);
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
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
  return phases;
}

self.onmessage = async (event) => {
  const { id, type, payload } = event.data;
  try {
    if (type === "init") {
      self.postMessage({ id, ok: true, result: await init(payload) });
    } else if (type === "assess") {
      self.postMessage({ id, ...JSON.parse(run(JSON.stringify(payload))) });
    } else if (type === "time") {
      // Benchmarks: median assess time inside Pyodide over `payload.repeat` runs of each case.
      const times = [];
      for (let i = 0; i < payload.repeat; i += 1) {
        for (const item of payload.cases) {
          const start = performance.now();
          run(JSON.stringify(item));
          times.push(performance.now() - start);
        }
      }
      times.sort((a, b) => a - b);
      self.postMessage({ id, ok: true, result: { median_ms: times[Math.floor(times.length / 2)], runs: times.length } });
    }
  } catch (err) {
    self.postMessage({ id, ok: false, fatal: true, error: String((err && err.message) || err) });
  }
};
