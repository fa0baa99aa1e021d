"""The data files read from the repository's data/*.yaml (CPython only: needs PyYAML).

The one reader of data files, for the checker and the site's build alike: strict YAML
(checker.strict_yaml: a key given twice, an anchor or alias is refused), within bounds (a file
over MAX_BYTES or nested deeper than MAX_DEPTH is refused), and every refusal one line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .bundle import DATA_NAMES, CheckerDataError, browser_json
from .case_file import depth
from .derived import complete
from .strict_yaml import YamlRefused, load

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: Ten times the largest data file: a bigger one is a mistake (or an attack), not content.
MAX_BYTES = 5_000_000
#: The deepest data structure is far shallower; deeper nesting would exhaust the validators.
MAX_DEPTH = 40


class DataFileError(ValueError):
    """A data file cannot be read; the message says why in one line."""


def read_yaml(path: Path):
    """The content of one YAML data file, read strictly and within bounds."""
    path = Path(path)
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


def load_yaml_data(data_dir: Path = DATA_DIR) -> dict:
    """{"indicators", "criteria", "referral", "readings"}: the content of data_dir/NAME.yaml,
    the steps given their words from rules-text.yaml (checker.derived)."""
    data = {}
    for name in (*DATA_NAMES, "rules-text"):
        path = Path(data_dir) / f"{name}.yaml"
        try:
            data[name] = read_yaml(path)
        except DataFileError as err:
            raise CheckerDataError(f"{path}: {err}") from None
    for file, entry, field, message in complete(data):
        raise CheckerDataError(f"{file}: id={entry}: {field}: {message}")
    return {name: data[name] for name in DATA_NAMES}


def write_json(path: Path, data_dir: Path = DATA_DIR) -> Path:
    """Write what the browser passes to checker.use_data() (checker.bundle.browser_json)."""
    Path(path).write_text(browser_json(load_yaml_data(data_dir)), encoding="utf-8")
    return Path(path)
