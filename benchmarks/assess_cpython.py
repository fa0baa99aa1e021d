"""Median time of one checker.assess() call over every case of tests/cases/*.yaml, in CPython.

Usage (from anywhere): python benchmarks/assess_cpython.py [REPETITIONS]
Prints the median and writes the figures to benchmarks/results/assess_cpython.json.
"""

from __future__ import annotations

import datetime
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the checker package importable

import yaml  # noqa: E402

from checker import assess  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "assess_cpython.json"


def load_inputs() -> list[dict]:
    inputs = []
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        inputs += [case["input"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return inputs


def time_calls(inputs: list[dict], repetitions: int) -> list[int]:
    """Nanoseconds of each call, every input `repetitions` times (data loaded beforehand)."""
    assess({})
    timings = []
    for _ in range(repetitions):
        for case in inputs:
            start = time.perf_counter_ns()
            assess(case)
            timings.append(time.perf_counter_ns() - start)
    return timings


def main(argv: list[str]) -> int:
    repetitions = int(argv[0]) if argv else 500
    inputs = load_inputs()
    timings = time_calls(inputs, repetitions)
    figures = {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "date": datetime.date.today().isoformat(),
        "cases": len(inputs),
        "repetitions": repetitions,
        "median_us": round(statistics.median(timings) / 1000, 1),
        "p90_us": round(statistics.quantiles(timings, n=10)[-1] / 1000, 1),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(
        f"assess: median {figures['median_us']} µs per call over {len(inputs)} cases x {repetitions} "
        f"({figures['python']}); written to {RESULTS.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
