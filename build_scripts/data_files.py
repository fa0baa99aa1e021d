"""Load the YAML files of data/ into plain dicts, reporting unreadable files as problems.

Each file is read by checker.yaml_data.read_yaml, the one reader of data files (strict, within
bounds): what it refuses is one problem line, never a traceback or an exhausted machine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.derived import complete
from checker.yaml_data import DataFileError, read_yaml

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
    problems += [Problem(*problem) for problem in complete(data)]
    return data, problems
