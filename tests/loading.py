"""Watching the catalog load: which show files were really parsed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from showguide.core import loader


class ParseCounter:
    """Counts the show files actually parsed (not found in memory or in the parse cache)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed: list[str] = []
        real = loader.load_show

        def counting(path: Path | str, **kwargs: object) -> object:
            self.parsed.append(Path(path).name)
            return real(path)

        monkeypatch.setattr(loader, "load_show", counting)

    def take(self) -> list[str]:
        """The names of the files parsed since the last call, sorted."""
        taken, self.parsed = sorted(self.parsed), []
        return taken


def settled(path: Path, seconds_ago: float = 60) -> Path:
    """Give ``path`` an older modification time, as a file not being edited has.

    The catalog and the parse cache do not trust a stamp younger than two
    seconds, so a test file must be settled to be recognised as unchanged.
    """
    when = time.time() - seconds_ago
    os.utime(path, (when, when))
    return path


def settled_shelf(tmp_path: Path) -> Path:
    """A folder "shelf" of three settled shows: alpha, beta and gamma."""
    from tests.showdata import show_dict, write_show

    folder = tmp_path / "shelf"
    folder.mkdir()
    for name in ("alpha", "beta", "gamma"):
        settled(write_show(folder, show_dict(id=name, title=name.title()), f"{name}.yaml"))
    return folder
