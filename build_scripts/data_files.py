"""Load the YAML files of data/ into plain dicts, reporting unreadable files as problems.

Read strictly and within bounds (checker.strict_yaml, C parser where built): a key given twice,
an anchor or alias, a file over MAX_BYTES or nested deeper than MAX_DEPTH is one problem line,
never a traceback or an exhausted machine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from checker.case_file import depth
from checker.strict_yaml import YamlRefused, load

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"

#: Every data file the site needs; a missing one is a problem.
DATA_NAMES = (
    "sources",
    "ui",
    "indicators",
    "rights",
    "glossary",
    "rules-text",
    "criteria",
    "referral",
    "competences",
    "measures",
    "scenarios",
    "readings",
    "route-conditions",
    "pocket-card",
    "public-advice",
    "field-actions",
    "abbreviations",
    "law-text",
    "search-terms",
)


#: Ten times the largest data file: a bigger one is a mistake (or an attack), not content.
MAX_BYTES = 5_000_000
#: The deepest data structure is far shallower; deeper nesting would exhaust the validators.
MAX_DEPTH = 40


class DataFileError(ValueError):
    """A data file cannot be read; the message says why in one line."""


def read_yaml(path: Path):
    """The content of one YAML data file, read strictly and within bounds."""
    if not path.exists():
        raise DataFileError("file is missing")
    if not path.is_file():
        raise DataFileError("is not a file (a directory?)")
    if path.stat().st_size > MAX_BYTES:
        raise DataFileError(f"larger than {MAX_BYTES // 1_000_000} MB")
    try:
        loaded = load(path.read_text(encoding="utf-8"))
    except YamlRefused as err:
        raise DataFileError(f"refused YAML: {err}") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise DataFileError(f"not valid YAML: {at}{reason}") from None
    except UnicodeDecodeError:
        raise DataFileError("not UTF-8 text") from None
    except OSError as err:
        raise DataFileError(f"cannot read: {err.strerror or err}") from None
    except RecursionError:
        raise DataFileError(f"nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as err:  # e.g. an integer beyond Python's digit limit
        raise DataFileError(f"not usable: {' '.join(str(err).split())[:120]}") from None
    if depth(loaded) > MAX_DEPTH:
        raise DataFileError(f"nested more than {MAX_DEPTH} levels deep")
    return loaded


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data: where it is and what is wrong."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"id={self.entry}" if self.entry else "(file)"
        field = self.field or "(entry)"
        return f"{self.file}: {where}: {field}: {self.message}"


class DataError(Exception):
    """The data cannot be used; `problems` says why, one line each."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def load_data(data_dir: Path = DATA_DIR, names=DATA_NAMES) -> tuple[dict, list[Problem]]:
    """Read data_dir/NAME.yaml for every name: (loaded dicts, problems found while reading)."""
    data: dict = {}
    problems: list[Problem] = []
    for name in names:
        path = Path(data_dir) / f"{name}.yaml"
        label = f"data/{name}.yaml"
        try:
            loaded = read_yaml(path)
        except DataFileError as err:
            problems.append(Problem(label, "", "", str(err)))
            continue
        if not isinstance(loaded, dict):
            problems.append(Problem(label, "", "", "must be a mapping of named sections"))
            continue
        data[name] = loaded
    return data, problems
