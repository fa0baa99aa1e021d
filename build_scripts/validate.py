"""Validate data/*.yaml: schemas, unique ids, both languages, known sources, resolving references,
citations that name a place the bundled text prints (ref_check.py).

Structure is checked by JSON Schema (jsonschema), one schema per file in schemas/. Two
keywords of our own carry the cross-file rules:

- ``x-collection: NAME`` on a list: its items' ``id`` values are unique and form the
  collection NAME that other files may refer to;
- ``x-ref: NAME`` on a string: the value must be an id of collection NAME;
- ``x-subset: {PART: WHOLE}`` on an object: every item of its list PART is in its list WHOLE.

What the schemas cannot say is checked by the layer that knows it: the checker's own check of
its three files (steps and paragraphs as in ``checker/routing.py``) and the training scenarios'
answers as the checker routes them. Their problems come out as the same one-line problems.

Usage: ``python -m build_scripts.validate [DATA_DIR]``; exit 1 with one line per problem.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import jsonschema
import yaml
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from build_scripts import pocket_card, search_terms
from build_scripts.data_files import DATA_DIR, DATA_NAMES, DataError, Problem, load_data
from build_scripts.ref_check import unresolved
from build_scripts.training import training_view
from checker.bundle import DATA_NAMES as CHECKER_FILES
from checker.bundle import CheckerDataError, build_bundle

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"


@cache
def _schemas() -> tuple[dict, Registry]:
    """Every schema by name, and a registry resolving ``common#/...`` references."""
    schemas = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.yaml")}
    registry = Registry().with_resource("common", DRAFT202012.create_resource(schemas["common"]))
    return schemas, registry


def _validator_class(collections: dict[str, dict], collecting: bool):
    """A Draft 2020-12 validator knowing x-collection and x-ref.

    While ``collecting``, x-collection records ids into ``collections`` (name -> {id: count})
    and x-ref checks nothing; afterwards x-collection reports duplicates and x-ref resolves.
    """

    def x_collection(validator, name, instance, schema):
        if not isinstance(instance, list):
            return
        ids = [item.get("id") for item in instance if isinstance(item, dict)]
        if collecting:
            bucket = collections.setdefault(name, {})
            for ident in ids:
                if isinstance(ident, str):
                    bucket[ident] = bucket.get(ident, 0) + 1
            return
        seen = set()
        for index, ident in enumerate(ids):
            if isinstance(ident, str) and ident in seen:
                yield jsonschema.ValidationError(
                    f"duplicate id {ident!r}", validator="x-collection", path=[index, "id"]
                )
            seen.add(ident)

    def x_ref(validator, name, instance, schema):
        if collecting or not isinstance(instance, str) or name not in collections:
            return  # no collection at all: its file could not be read, which is reported already
        if instance not in collections.get(name, {}):
            yield jsonschema.ValidationError(f"{instance!r} is not a known id of {name}", validator="x-ref")

    def x_subset(validator, pairs, instance, schema):
        if collecting or not isinstance(instance, dict):
            return
        for part, whole in pairs.items():
            items, allowed = instance.get(part), instance.get(whole)
            if not (isinstance(items, list) and isinstance(allowed, list)):
                continue
            for index, item in enumerate(items):
                if item not in allowed:
                    yield jsonschema.ValidationError(
                        f"{item!r} is not one of {whole}", validator="x-subset", path=[part, index]
                    )

    return jsonschema.validators.extend(
        jsonschema.Draft202012Validator, {"x-collection": x_collection, "x-ref": x_ref, "x-subset": x_subset}
    )


def _entry_and_field(document, path) -> tuple[str, str]:
    """The id of the innermost entry holding the error, and the field path below it."""
    entry, node, field = "", document, []
    for step in path:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            entry, field = node["id"], []
        field.append(f"[{step}]" if isinstance(step, int) else str(step))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, dict) and isinstance(node.get("id"), str) and field and field[-1] != "id":
        entry, field = node["id"], []
    return entry, ".".join(field).replace(".[", "[")


def _message(error: jsonschema.ValidationError) -> str:
    """A short, human message for a schema error."""
    kind, value = error.validator, error.instance
    if kind == "required":
        missing = [k for k in error.validator_value if k not in (value or {})]
        return f"missing field {', '.join(missing)}"
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return f"unknown field {', '.join(map(str, extra))}"
    if kind == "pattern" and error.validator_value == "\\S":
        return "must not be empty"
    if kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        return f"must be {wanted}, not {type(value).__name__} {_short(value)}"
    if kind == "enum":
        return f"{_short(value)} is not one of {', '.join(map(str, error.validator_value))}"
    if kind == "pattern":
        return f"{_short(value)} does not match {error.validator_value}"
    if kind in ("x-ref", "x-collection", "x-subset"):
        return error.message
    return error.message.splitlines()[0]


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _required_fields(error: jsonschema.ValidationError) -> list[str]:
    if error.validator == "required":
        return [k for k in error.validator_value if k not in (error.instance or {})]
    return []


def validate(data: dict) -> list[Problem]:
    """Every problem of the loaded data (file name -> dict), in file order."""
    schemas, registry = _schemas()
    collections: dict[str, dict] = {}
    for collecting in (True, False):
        cls = _validator_class(collections, collecting)
        problems: list[Problem] = []
        for name, document in data.items():
            schema = schemas.get(name)
            if schema is None:
                problems.append(Problem(f"data/{name}.yaml", "", "", "no schema for this file"))
                continue
            validator = cls(schema, registry=registry)
            for error in _leaf_errors(validator.iter_errors(document)):
                path = list(error.absolute_path)
                entry, field = _entry_and_field(document, path)
                missing = _required_fields(error)
                if len(missing) == 1:
                    field = f"{field}.{missing[0]}" if field else missing[0]
                    message = "is missing"
                else:
                    message = _message(error)
                problems.append(Problem(f"data/{name}.yaml", entry, field, message))
    return list(dict.fromkeys(problems))


def _leaf_errors(errors):
    """Flatten anyOf/oneOf errors to their most specific causes."""
    for error in errors:
        if error.context:
            best = jsonschema.exceptions.best_match(error.context)
            yield from _leaf_errors([best])
        else:
            yield error


#: The checker's place of a problem: `FILE.KEY`, then `[INDEX]` or `[id=ID]`, then `.FIELD`.
CHECKER_PLACE = re.compile(
    r"(?P<file>\w+)\.(?P<key>\w+)(?:\[(?:id=(?P<id>[^\]]*)|(?P<index>\d+))\])?"
    r"(?:\.(?P<field>[\w.]+))?: (?P<message>.*)",
    re.S,
)


def checker_problems(data: dict) -> list[Problem]:
    """The checker's own check of its files (it stops at the first problem), as a Problem."""
    try:
        build_bundle({name: data[name] for name in CHECKER_FILES})
    except CheckerDataError as err:
        text = " ".join(str(err).split())
        place = CHECKER_PLACE.fullmatch(text)
        if not place:
            return [Problem("data/(checker)", "", "", text)]
        entry = place["id"] or ""
        if place["index"] is not None:
            item = data[place["file"]][place["key"]][int(place["index"])]
            entry = item["id"]
        field = place["field"] or ("" if entry else place["key"])
        return [Problem(f"data/{place['file']}.yaml", entry, field, place["message"])]
    return []


def scenario_problems(data: dict) -> list[Problem]:
    """Training scenarios whose answer is not what the checker routes (see training.py)."""
    try:
        training_view(data)
    except DataError as err:
        return err.problems
    return []


def check(data_dir: Path = DATA_DIR, names=DATA_NAMES) -> dict:
    """Load and validate; return the data, or raise DataError listing every problem.

    The checker and the scenarios are checked once the files they read pass their schemas."""
    data, problems = load_data(data_dir, names)
    if problems:  # an unreadable file would make every reference to it a problem too: noise
        raise DataError(problems)
    problems += validate(data)
    problems += unresolved(data)
    for files, deeper in ((CHECKER_FILES, checker_problems), (CHECKER_FILES + ("scenarios",), scenario_problems)):
        if set(files) <= set(data) and not any(p.file in {f"data/{n}.yaml" for n in files} for p in problems):
            problems += deeper(data)
    if not problems:
        problems += pocket_card.problems(data)
    if not problems and "search-terms" in data:
        problems += search_terms.problems(data)
    if problems:
        raise DataError(problems)
    return data


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else DATA_DIR
    try:
        data = check(data_dir)
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) in {data_dir}", file=sys.stderr)
        return 1
    print(f"data valid: {len(data)} files in {data_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
