"""The shows showguide knows about, each loaded or with the problems that stop it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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

    @property
    def label(self) -> str:
        """The show's title, or the file name for a show that did not load."""
        return self.show.title if self.show is not None else self.path.name


class UnknownShow(LookupError):
    """No show, or more than one, answers to a name; the message says which."""


@dataclass(frozen=True)
class Catalog:
    entries: tuple[CatalogEntry, ...]
    #: Things the user should be told, e.g. a user show overriding a bundled one.
    notices: tuple[str, ...] = ()

    @property
    def shows(self) -> list[Show]:
        return [entry.show for entry in self.entries if entry.show is not None]

    def resolve(self, name: str) -> CatalogEntry:
        """The one entry whose id or title is ``name`` or starts with it (any case)."""
        wanted = name.casefold()
        keys = [(entry, _names(entry)) for entry in self.entries]
        exact = [entry for entry, names in keys if wanted in names]
        if len(exact) == 1:
            return exact[0]
        matches = exact or [
            entry for entry, names in keys if any(n.startswith(wanted) for n in names)
        ]
        if len(matches) == 1:
            return matches[0]
        if matches:
            listed = ", ".join(sorted(_id_of(entry) for entry in matches))
            raise UnknownShow(f"{name!r} could mean more than one show: {listed}")
        import difflib  # only an unknown name needs it

        known = sorted({n for _, names in keys for n in names})
        close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise UnknownShow(f"no show called {name!r}{hint}")


def _names(entry: CatalogEntry) -> set[str]:
    if entry.show is None:
        return {entry.path.stem.casefold()}
    return {entry.show.id.casefold(), entry.show.title.casefold()}


def _id_of(entry: CatalogEntry) -> str:
    return entry.show.id if entry.show is not None else entry.path.stem


def load_entry(path: Path, origin: str) -> CatalogEntry:
    try:
        return CatalogEntry(path, origin, show=load_show(path))
    except ShowDataError as error:
        return CatalogEntry(path, origin, problems=error.problems)


def load_entries(paths: Iterable[Path], origin: str) -> list[CatalogEntry]:
    return [load_entry(path, origin) for path in paths]


def bundled_entries() -> list[CatalogEntry]:
    return load_entries(bundled_show_files(), "bundled")


def load_catalog(data_paths: Sequence[str | Path] = ()) -> Catalog:
    """Every show available: bundled ones, then those under ``data_paths``.

    The full discovery (user data folder, SHOWGUIDE_PATH, overrides) is the
    library issue's; this is the interface every command uses.
    """
    entries = bundled_entries()
    for data_path in data_paths:
        path = Path(data_path)
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        entries.extend(load_entries(files, f"--data {data_path}"))
    return Catalog(tuple(entries))
