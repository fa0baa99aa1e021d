// Writes a memory snapshot of Pyodide with the checker started (snapshot.py says why and when).
// Usage: node snapshot.mjs CONFIG.json   (CONFIG: start_checker.mjs's, plus {out})
// The same inputs give the same bytes: Pyodide's randomness (hash seed, random state) comes from
// a fixed sequence and its clock ticks by one per reading, so the snapshot's content hash (its
// URL) changes only when what it holds changes. The fixed state is public, which matters not:
// the checker draws no random numbers and hashes only the reader's own case.
import fs from "node:fs";
import { createRequire } from "node:module";

import { failInOneLine, startChecker } from "./start_checker.mjs";

failInOneLine();
const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

let state = 0x9e3779b9;
createRequire(import.meta.url)("node:crypto").randomFillSync = (view) => {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (let i = 0; i < bytes.length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 255;
  }
  return view;
};
let clock = Date.UTC(2000, 0, 1);
Date.now = () => (clock += 1);
let ticks = 0;
performance.now = () => (ticks += 1);
process.argv[1] = "snapshot"; // Emscripten keeps the script's path as the program name

const pyodide = await startChecker(config, { _makeSnapshot: true });
pyodide.runPython("import gc; gc.collect()");
fs.writeFileSync(config.out, pyodide.makeMemorySnapshot());
