// Runs the checker in Pyodide under Node exactly as the browser's worker does (start_checker.mjs:
// from the files, or from the memory snapshot when CONFIG names one), cases through
// checker.json_api, and prints JSON: {"files": {stdlib file the run imported: its source without
// comments and docstrings}, "results": [assess_json output per case]}.
// Usage: node stdlib_probe.mjs CONFIG.json
//   CONFIG: {indexURL, stdLibURL, lockFile, wheel, data, snapshot?, cases, lean}  (paths on this
//   machine; lean: also return the lean sources, which imports ast after the imports are recorded)
import fs from "node:fs";

import { failInOneLine, startChecker } from "./start_checker.mjs";

failInOneLine();
const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const pyodide = await startChecker(config);
pyodide.globals.set("_LEAN", Boolean(config.lean));
pyodide.globals.set("_CASES_JSON", fs.readFileSync(config.cases, "utf8"));
const out = pyodide.runPython(`
import json, sys
from checker.json_api import assess_json

_results = []
for _case in json.loads(_CASES_JSON):
    try:
        _results.append(assess_json(json.dumps(_case, ensure_ascii=False)))
    except BaseException as _err:  # a missing module must reach the build, not a reader
        _results.append("error: " + type(_err).__name__ + ": " + str(_err))
import os
_prefix = os.path.dirname(os.__file__) + "/"  # the mounted standard library zip
_files = sorted({m.__file__[len(_prefix):] for m in list(sys.modules.values())
                 if (getattr(m, "__file__", None) or "").startswith(_prefix)})
# The sources of those files with comments and docstrings left out, by this Python's own ast
# (the build's CPython may not parse this version's syntax). A docstring becomes "" so that
# code reading __doc__ still finds a string.
import ast, zipfile

def _lean(source):
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)):
            body[0].value.value = ""
    return ast.unparse(tree) + "\\n"

_sources = dict.fromkeys(_files)
if _LEAN:
    with zipfile.ZipFile(_prefix[:-1]) as _zip:
        _sources = {name: (_lean(_zip.read(name).decode("utf-8")) if name.endswith(".py") else None)
                    for name in _files}
json.dumps({"files": _sources, "results": _results}, ensure_ascii=False)
`);
process.stdout.write(out);
