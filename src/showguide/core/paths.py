"""Where the bundled show files are, whichever way showguide was installed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def bundled_data_dir() -> Path:
    """The folder holding ``shows/`` and ``show.schema.json``.

    A wheel carries it inside the package (``showguide/data``); a source
    checkout or an editable install reads the repository's top-level ``data/``.
    """
    packaged = _PACKAGE / "data"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / "data"


def bundled_show_files() -> list[Path]:
    """Every bundled show file, sorted by name for a stable order."""
    return sorted((bundled_data_dir() / "shows").glob("*.yaml"))
