"""CONTRIBUTING.md stays a true map: every file it names is where it says."""

from __future__ import annotations

import re

from tests.conftest import REPO

#: A path to a file of the repo, as CONTRIBUTING.md writes it (``core/model.py``).
PATH = re.compile(r"(?<![\w./-])((?:[a-z_]+/)*[a-z_]+\.(?:py|md|toml|tcss|json))\b")
#: Names standing for any file of their kind, not a file of the repo.
EXAMPLES = {"tests/test_the_file_you_touched.py"}


def test_every_file_contributing_names_exists() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    named = set(PATH.findall(text)) - EXAMPLES
    assert "core/model.py" in named  # the pattern finds what the map names
    package = REPO / "src" / "showguide"
    missing = sorted(
        path for path in named if not (REPO / path).exists() and not (package / path).exists()
    )
    assert missing == []
