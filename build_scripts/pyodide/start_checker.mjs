// Starts the checker in Pyodide under Node as the browser's worker does: from the files (wheel
// unpacked into site-packages, data given to checker.use_data), or from a memory snapshot made
// by snapshot.mjs (the checker already imported, its data already in). Shared by the build's
// probe (stdlib_probe.mjs) and the snapshot maker.
import fs from "node:fs";

// One short line for any failure: Node would print the whole minified line of Pyodide's source.
export function failInOneLine() {
  const fail = (err) => {
    const text = String((err && err.message) || err).trim().split("\n").filter(Boolean);
    process.stderr.write(`${text.slice(-3).join(" | ").slice(0, 600)}\n`);
    process.exit(1);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
}

// config: {indexURL, stdLibURL, lockFile, wheel, data, snapshot?}; options are passed on to
// loadPyodide (the snapshot maker's _makeSnapshot).
export async function startChecker(config, options = {}) {
  const { loadPyodide } = await import(`${config.indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({
    indexURL: config.indexURL,
    stdLibURL: config.stdLibURL,
    lockFileContents: fs.readFileSync(config.lockFile, "utf8"),
    stdout: () => {},
    stderr: (line) => process.stderr.write(`${line}\n`),
    ...(config.snapshot ? { _loadSnapshot: new Uint8Array(fs.readFileSync(config.snapshot)) } : {}),
    ...options,
  });
  if (config.snapshot) return pyodide;
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(new Uint8Array(fs.readFileSync(config.wheel)), "wheel", { extractDir: sitePackages });
  pyodide.globals.set("_DATA_JSON", fs.readFileSync(config.data, "utf8"));
  pyodide.runPython(`
import json
import checker
import checker.json_api

checker.use_data(json.loads(_DATA_JSON))
del _DATA_JSON`);
  return pyodide;
}
