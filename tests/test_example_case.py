"""The README's command-line example runs and prints the contract's JSON."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_example_case():
    result = subprocess.run(
        [sys.executable, "-m", "checker", "assess", "examples/case.json"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["screening"]["potential_victim"] is True
    steps = [action["id"] for action in output["referral"]["actions"]]
    assert "provide-safe-place" in steps and "relocate-safely" not in steps  # p. 12: cannot relocate at once
