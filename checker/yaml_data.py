"""The checker's data read from the repository's data/*.yaml (CPython only: needs PyYAML)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from .bundle import DATA_NAMES, CheckerDataError, build_bundle, essentials
from .strict_yaml import load

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def load_yaml_data(data_dir: Path = DATA_DIR) -> dict:
    """{"indicators", "criteria", "referral", "readings"}: the content of data_dir/NAME.yaml."""
    data = {}
    for name in DATA_NAMES:
        path = Path(data_dir) / f"{name}.yaml"
        try:
            data[name] = load(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError, yaml.YAMLError) as err:
            raise CheckerDataError(f"{path}: {' '.join(str(err).split())}") from err
    return data


def write_json(path: Path, data_dir: Path = DATA_DIR) -> Path:
    """Write what the browser passes to checker.use_data(): the checked data, fields it reads only."""
    raw = load_yaml_data(data_dir)
    build_bundle(raw)
    text = json.dumps(essentials(raw), ensure_ascii=False, separators=(",", ":"))
    Path(path).write_text(text, encoding="utf-8")
    return Path(path)
