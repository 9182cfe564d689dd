"""The shows showguide knows about, each loaded or with the problems that stop it.

Shows are discovered in this order, and a show whose id was already found is
replaced by the later one, with a notice (so a user's copy of a bundled show,
edited, overrides it):

1. the bundled shows (origin ``bundled``);
2. the user's data folder, ``<user data>/shows`` (origin ``user``);
3. every ``--data PATH``, a file or a folder, in the order given (``--data``);
4. every path in ``SHOWGUIDE_PATH``, separated by ``os.pathsep`` (``SHOWGUIDE_PATH``).

A folder contributes its ``*.yaml`` and ``*.yml`` files, not those of its
subfolders and not hidden ones, in name order. A file named directly is loaded
whatever its name. The same file reached twice is loaded once.

What goes wrong is reported, never raised:

- A show file that does not load is an entry with its problems (a symlink
  loop or an unreadable file included): it is listed, valid shows still load.
- A ``--data`` path that does not exist or cannot be read is a problem in
  :attr:`Catalog.problems`: the user named it, so commands exit 2.
- A ``SHOWGUIDE_PATH`` entry or user folder that does not exist is skipped
  (like a stale ``PATH`` entry); one that cannot be read is a notice.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from showguide.core.errors import WHOLE_FILE, Problem, ShowDataError
from showguide.core.model import Show
from showguide.core.paths import bundled_data_dir, bundled_show_files
from showguide.core.summary import ShowSummary

if TYPE_CHECKING:
    from showguide.core.cache import Cached

Origin = Literal["bundled", "user", "--data", "SHOWGUIDE_PATH"]
PATH_VARIABLE = "SHOWGUIDE_PATH"
SHOW_FILE_SUFFIXES = (".yaml", ".yml")


class CatalogEntry:
    """One show file: its show when it loaded, its problems when it did not.

    A show that comes from the parse cache is decoded the first time ``show``
    is read. ``summary``, ``ok``, ``label`` and ``id`` never decode it, so that
    listing a thousand shows stays cheap: a list should read ``summary``.
    Treat an entry as read-only.
    """

    __slots__ = ("_pending", "_show", "origin", "path", "problems", "summary")

    def __init__(
        self,
        path: Path,
        origin: str,
        show: Show | None = None,
        problems: tuple[Problem, ...] = (),
    ) -> None:
        self.path = path
        self.origin = origin
        self.problems = tuple(problems)
        #: The fields a list of shows needs; None when the show did not load.
        self.summary = ShowSummary.of(show) if show is not None else None
        self._show = show
        self._pending: Callable[[], tuple[Show | None, tuple[Problem, ...]]] | None = None

    @classmethod
    def deferred(
        cls,
        path: Path,
        origin: str,
        summary: ShowSummary,
        load: Callable[[], tuple[Show | None, tuple[Problem, ...]]],
    ) -> CatalogEntry:
        """An entry whose show ``load()`` gives when first asked for."""
        entry = cls(path, origin)
        entry.summary = summary
        entry._pending = load
        return entry

    @property
    def show(self) -> Show | None:
        pending = self._pending
        if pending is not None:
            self._pending = None
            show, problems = pending()
            self._show = show
            self.problems = problems
            self.summary = ShowSummary.of(show) if show is not None else None
        return self._show

    @property
    def ok(self) -> bool:
        return self.summary is not None

    @property
    def label(self) -> str:
        """The show's title, or the file name for a show that did not load."""
        return self.summary.title if self.summary is not None else self.path.name

    @property
    def id(self) -> str:
        """The show's id, or the file's stem for a show that did not load."""
        return self.summary.id if self.summary is not None else self.path.stem

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CatalogEntry):
            return NotImplemented
        return (self.path, self.origin, self.show, self.problems) == (
            other.path,
            other.origin,
            other.show,
            other.problems,
        )

    __hash__ = None  # type: ignore[assignment]  # equal entries may be decoded or not

    def __repr__(self) -> str:
        state = f"show={self.id!r}" if self.ok else f"problems={len(self.problems)}"
        return f"CatalogEntry(path={str(self.path)!r}, origin={self.origin!r}, {state})"


class UnknownShow(LookupError):
    """No show, or more than one, answers to a name; the message says which."""


@dataclass(frozen=True)
class Catalog:
    entries: tuple[CatalogEntry, ...]
    #: Things the user should be told, e.g. a user show overriding a bundled one.
    notices: tuple[str, ...] = ()
    #: Paths the user named (``--data``) that could not be read: bad input.
    problems: tuple[Problem, ...] = ()
    #: Entries replaced by a later show with the same id, in discovery order.
    overridden: tuple[CatalogEntry, ...] = ()

    @property
    def shows(self) -> list[Show]:
        """Every show that loaded, each decoded: for a large catalog, read entries instead."""
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
            listed = " or ".join(repr(entry.id) for entry in sorted(matches, key=_id_of))
            raise UnknownShow(f"{name!r} matches more than one show; did you mean {listed}?")
        import difflib  # only an unknown name needs it

        known = sorted({n for _, names in keys for n in names})
        close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise UnknownShow(f"no show called {name!r}{hint}")


def _names(entry: CatalogEntry) -> set[str]:
    if entry.summary is None:
        return {entry.path.stem.casefold()}
    return {entry.summary.id.casefold(), entry.summary.title.casefold()}


def _id_of(entry: CatalogEntry) -> str:
    return entry.id


def choose_start(catalog: Catalog, name: str | None) -> CatalogEntry | Literal["catalog"]:
    """What ``showguide [NAME]`` opens: the named show, the only show, or the catalog.

    Raises :class:`UnknownShow` when ``name`` matches no show or several. The
    entry returned may be one that did not load: the caller shows its problems.
    """
    if name is not None:
        return catalog.resolve(name)
    if len(catalog.entries) == 1:
        return catalog.entries[0]
    return "catalog"


# --- loading -----------------------------------------------------------------


def load_entry(path: Path, origin: str) -> CatalogEntry:
    # Imported here: the loader brings in YAML, which a load from the cache never needs.
    from showguide.core.loader import load_show

    try:
        return CatalogEntry(path, origin, show=load_show(path))
    except ShowDataError as error:
        return CatalogEntry(path, origin, problems=error.problems)


def load_entries(paths: Iterable[Path], origin: str) -> list[CatalogEntry]:
    return [load_entry(path, origin) for path in paths]


def bundled_entries() -> list[CatalogEntry]:
    return load_entries(bundled_show_files(), "bundled")


@dataclass(frozen=True)
class Source:
    """A place shows come from: a file or folder, and whether the user named it."""

    path: Path
    origin: Origin

    @property
    def explicit(self) -> bool:
        """Named on the command line: a path that is not there is a mistake."""
        return self.origin == "--data"


def discover_sources(data_paths: Sequence[str | Path] = ()) -> list[Source]:
    """Every place to look for shows, in the order that decides overrides."""
    from showguide.core.userdirs import user_shows_dir

    sources = [
        Source(bundled_data_dir() / "shows", "bundled"),
        Source(user_shows_dir(), "user"),
    ]
    sources.extend(Source(Path(path), "--data") for path in data_paths)
    for part in os.environ.get(PATH_VARIABLE, "").split(os.pathsep):
        if part:  # an empty part ("a::b", a trailing separator) means nothing
            sources.append(Source(Path(part).expanduser(), "SHOWGUIDE_PATH"))
    return sources


def is_show_file_name(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(SHOW_FILE_SUFFIXES)


def show_files_in(folder: Path) -> list[Path]:
    """The show files directly in ``folder``, sorted; raises OSError if unreadable."""
    return [found.path for found in _scan_folder(folder, "--data")]


@dataclass(frozen=True)
class _Found:
    path: Path
    origin: str
    #: The resolved path: the parse cache's key, and how duplicates are spotted.
    key: str
    #: None when the file cannot be stat'ed (a broken link): the loader says why.
    info: os.stat_result | None


def _scan_folder(folder: Path, origin: str) -> list[_Found]:
    real_folder = os.path.realpath(folder)
    found = []
    with os.scandir(folder) as listing:
        for item in listing:
            if not is_show_file_name(item.name):
                continue
            try:
                if item.is_dir():
                    continue  # a folder called x.yaml: not recursed into
                info: os.stat_result | None = item.stat()
            except OSError:  # a symlink loop or a broken link: listed with its problem
                info = None
            key = (
                os.path.realpath(item.path)
                if item.is_symlink()
                # os.path, not pathlib: this runs for every file of a large catalog.
                else os.path.join(real_folder, item.name)  # noqa: PTH118
            )
            found.append(_Found(folder / item.name, origin, key, info))
    found.sort(key=lambda f: f.path.name)
    return found


@dataclass
class _Discovery:
    files: list[_Found] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def trouble(self, source: Source, message: str) -> None:
        if source.explicit:
            self.problems.append(Problem(str(source.path), 1, 1, WHOLE_FILE, message))
        else:
            self.notices.append(f"{source.path} ({source.origin}): {message}; skipped")


def _reason(error: OSError) -> str:
    return f"cannot read: {error.strerror or error}"


def _discover(sources: Iterable[Source]) -> _Discovery:
    discovery = _Discovery()
    for source in sources:
        try:
            info = source.path.stat()
        except FileNotFoundError:
            if source.explicit:
                discovery.trouble(source, "no such file or folder")
            continue
        except OSError as error:  # a symlink loop, no permission on a parent
            discovery.trouble(source, _reason(error))
            continue
        if not stat.S_ISDIR(info.st_mode):
            key = os.path.realpath(source.path)
            discovery.files.append(_Found(source.path, source.origin, key, info))
            continue
        try:
            found = _scan_folder(source.path, source.origin)
        except OSError as error:
            discovery.trouble(source, _reason(error))
            continue
        if not found and source.explicit:
            discovery.notices.append(
                f"{source.path} (--data): no show files (*.yaml, *.yml) in this folder"
            )
        discovery.files.extend(found)
    return discovery


def _unique(files: Iterable[_Found]) -> Iterator[_Found]:
    seen: set[str] = set()
    for found in files:
        if found.key not in seen:
            seen.add(found.key)
            yield found


def load_catalog(data_paths: Sequence[str | Path] = (), *, use_cache: bool = True) -> Catalog:
    """Every show available, discovered as the module's docstring describes.

    ``use_cache`` keeps parsed shows in the user's cache folder between runs.
    """
    from showguide.core.cache import ParseCache

    discovery = _discover(discover_sources(data_paths))
    cache = ParseCache.open() if use_cache else None
    loaded: list[CatalogEntry] = []
    for found in _unique(discovery.files):
        cached = None
        if cache is not None and found.info is not None:
            cached = cache.get(found.key, found.info, str(found.path))
        if cached is not None:
            loaded.append(_from_cache(found, cached))
            continue
        entry = load_entry(found.path, found.origin)
        if cache is not None and found.info is not None:
            cache.put(found.key, found.info, str(found.path), entry.show, entry.problems)
        loaded.append(entry)
    if cache is not None:
        cache.save()
    entries, overridden, notices = _apply_overrides(loaded)
    return Catalog(
        tuple(entries),
        notices=(*discovery.notices, *notices),
        problems=tuple(discovery.problems),
        overridden=tuple(overridden),
    )


def _from_cache(found: _Found, cached: Cached) -> CatalogEntry:
    if cached.summary is None:
        return CatalogEntry(found.path, found.origin, problems=cached.problems)

    def load() -> tuple[Show | None, tuple[Problem, ...]]:
        show = cached.show()
        if show is not None:
            return show, cached.problems
        # The cached show does not decode: never trust it, parse the file again.
        entry = load_entry(found.path, found.origin)
        return entry.show, entry.problems

    return CatalogEntry.deferred(found.path, found.origin, cached.summary, load)


def _apply_overrides(
    loaded: Iterable[CatalogEntry],
) -> tuple[list[CatalogEntry], list[CatalogEntry], list[str]]:
    """Keep the last show of each id, in the place of the first; say what was replaced.

    Files that did not load have no id to compare and are all kept.
    """
    slots: dict[tuple[str, str], CatalogEntry] = {}
    overridden: list[CatalogEntry] = []
    notices: list[str] = []
    for entry in loaded:
        if entry.summary is None:
            slots[("file", str(entry.path))] = entry
            continue
        slot = ("id", entry.summary.id)
        earlier = slots.get(slot)
        if earlier is not None:
            overridden.append(earlier)
            where = "" if earlier.origin == "bundled" else f" from {earlier.path}"
            notices.append(
                f"{entry.path} ({entry.origin}) overrides the {earlier.origin} show"
                f" {entry.summary.id!r}{where}"
            )
        slots[slot] = entry
    return list(slots.values()), overridden, notices
