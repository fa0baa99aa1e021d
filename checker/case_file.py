"""A case file's text turned into the plain value `assess` checks, or one line saying why not.

Shared by the command line (JSON or YAML files) and the browser (JSON it opens or sends), so
both refuse the same things: a file over MAX_BYTES, a key given twice, NaN or Infinity, an
integer of more than MAX_INT_DIGITS digits, nesting deeper than MAX_DEPTH (a case is a mapping
of values and lists), and in YAML anything that is not one of JSON's types (see strict_yaml).
"""

from __future__ import annotations

import json
import math
import re

#: A case is a few hundred bytes; a few MB is already far beyond any real one.
MAX_BYTES = 2_000_000
MAX_DEPTH = 8
MAX_INT_DIGITS = 12


class CaseFileError(ValueError):
    """The text is not a readable case file; the message is one line."""


def _no_duplicates(pairs):
    found = {}
    for key, value in pairs:
        if key in found:
            raise CaseFileError(f"key {shorten(key)} is given twice")
        found[key] = value
    return found


def _no_constant(name):
    raise CaseFileError(f"{name} is not a number a case can hold")


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise CaseFileError(f"an integer of {len(digits.lstrip('-'))} digits is too long")
    return int(digits)


def _finite_float(digits: str) -> float:
    value = float(digits)
    if not math.isfinite(value):
        raise CaseFileError(f"{shorten(digits)} is not a number a case can hold")
    return value


def depth(value) -> int:
    """How deeply lists and mappings nest in value (a scalar: 0), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _checked(value):
    if depth(value) > MAX_DEPTH:
        raise CaseFileError(f"nested more than {MAX_DEPTH} levels deep")
    return value


def _size(text: str) -> None:
    if len(text) > MAX_BYTES:
        raise CaseFileError(f"larger than {MAX_BYTES // 1_000_000} MB: not a case file")


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _too_deep(text: str) -> bool:
    """Whether JSON text nests lists and mappings deeper than MAX_DEPTH, found before parsing
    (Pyodide's stack may overflow before Python's recursion limit is reached)."""
    level = 0
    for bracket in _NOT_BRACKET.sub("", _STRING.sub("", text)):
        level += 1 if bracket in "[{" else -1
        if level > MAX_DEPTH:
            return True
    return False


def parse_json(text: str):
    """The value of a JSON case text (strictly: see the module)."""
    _size(text)
    if _too_deep(text):
        raise CaseFileError(f"nested more than {MAX_DEPTH} levels deep")
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as err:
        raise CaseFileError(f"not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})") from None
    except RecursionError:
        raise CaseFileError(f"nested more than {MAX_DEPTH} levels deep") from None
    return _checked(value)


def parse_yaml(text: str):
    """The value of a YAML case text: JSON's types only, no anchors, no duplicate keys."""
    import yaml

    from .strict_yaml import YamlRefused, load

    _size(text)
    try:
        value = load(text, json_types=True)
    except YamlRefused as err:
        raise CaseFileError(f"refused YAML: {err}") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise CaseFileError(f"not valid YAML: {getattr(err, 'problem', None) or err}{where}") from None
    except RecursionError:
        raise CaseFileError(f"nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as err:  # an integer beyond Python's digit limit
        raise CaseFileError(f"not valid YAML: {shorten(str(err))}") from None
    return _checked(_json_numbers(value))


def _json_numbers(value):
    """YAML's numbers held to what JSON's are: integers within MAX_INT_DIGITS, finite decimals
    (checked without recursion)."""
    limit = 10**MAX_INT_DIGITS
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, int) and not isinstance(item, bool) and abs(item) >= limit:
            raise CaseFileError(f"an integer of more than {MAX_INT_DIGITS} digits is too long")
        if isinstance(item, float) and not math.isfinite(item):
            raise CaseFileError(f"{item} is not a number a case can hold")
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return value


def shorten(value, limit: int = 60, quoted: bool = True) -> str:
    """A value for a one-line message: JSON (a string unquoted if not `quoted`), control
    characters escaped, at most `limit` characters."""
    try:
        text = value if isinstance(value, str) and not quoted else json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return text if len(text) <= limit else text[: limit - 3] + "..."
