"""«Бағдар» checker: screening by the indicators, the Criteria score and the referral route.

The same code runs in CPython and in Pyodide; standard library only. See CONTRACT.md.

    checker.assess(case) -> dict       # InvalidCase (a ValueError) for invalid input
    checker.use_data(data)             # the browser: the JSON written by checker.yaml_data.write_json
"""

from .assess import assess
from .bundle import CheckerDataError, use_data
from .case import InvalidCase

__all__ = ["assess", "use_data", "InvalidCase", "CheckerDataError"]
