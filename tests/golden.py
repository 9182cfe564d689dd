"""Golden files: expected output committed under tests/golden/.

After a deliberate change to the output, regenerate them with
``SHOWGUIDE_UPDATE_GOLDEN=1 python -m pytest`` and review the diff in git.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE_VARIABLE = "SHOWGUIDE_UPDATE_GOLDEN"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get(UPDATE_VARIABLE) == "1":
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no golden file {path}; create it with {UPDATE_VARIABLE}=1"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"output differs from {path}; if intended, rerun with {UPDATE_VARIABLE}=1"
    )
