"""The shows showguide knows about, each loaded or with the problems that stop it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from showguide.core.errors import Problem, ShowDataError
from showguide.core.loader import load_show
from showguide.core.model import Show
from showguide.core.paths import bundled_show_files


@dataclass(frozen=True)
class CatalogEntry:
    """One show file: its show when it loaded, its problems when it did not."""

    path: Path
    origin: str
    show: Show | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.show is not None


def load_entry(path: Path, origin: str) -> CatalogEntry:
    try:
        return CatalogEntry(path, origin, show=load_show(path))
    except ShowDataError as error:
        return CatalogEntry(path, origin, problems=error.problems)


def load_entries(paths: Iterable[Path], origin: str) -> list[CatalogEntry]:
    return [load_entry(path, origin) for path in paths]


def bundled_entries() -> list[CatalogEntry]:
    return load_entries(bundled_show_files(), "bundled")
