"""The shows showguide knows about, each loaded or with the problems that stop it.

Where show files are found, and in what order, is :mod:`showguide.core.discovery`.
Of two shows with the same id the one found later replaces the earlier, with a
notice (so a user's copy of a bundled show, edited, overrides it).

What goes wrong is reported, never raised: a show file that does not load is
an entry with its problems (valid shows still load); a ``--data`` path that is
not there is in :attr:`Catalog.problems`.

A catalog can be reloaded (:meth:`Catalog.reload`): files are found again, and
only those that changed are read again. A file that stops loading keeps the
last version that did, with its new problems (see :attr:`CatalogEntry.stale`).
"""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from showguide.core.discovery import RACY_SECONDS, FoundFile, discover, discover_sources
from showguide.core.errors import WHOLE_FILE, Problem, ShowDataError
from showguide.core.model import Show
from showguide.core.paths import bundled_show_files
from showguide.core.summary import ShowSummary
from showguide.core.textfold import fold

if TYPE_CHECKING:
    from showguide.core.cache import Cached, ParseCache
    from showguide.core.catalog_view import CatalogRow

#: (size, mtime_ns, inode) of a file, as far as it can be trusted to say it is unchanged.
Stamp = tuple[int, int, int]
Loaded = tuple[Show | None, tuple[Problem, ...]]


class CatalogEntry:
    """One show file: its show when it loaded, its problems when it did not.

    ``show`` and ``summary`` are what to display; ``problems`` are what is wrong
    with the file now. Both are set when a reload found a file that no longer
    loads: the entry keeps the last good show and is :attr:`stale`.

    A show that comes from the parse cache is decoded the first time ``show``
    is read. ``summary``, ``ok``, ``label``, ``id`` and :meth:`row` never decode
    it, so that listing a thousand shows stays cheap. Treat an entry as read-only.
    """

    __slots__ = (
        "_path",
        "_pending",
        "_show",
        "file",
        "key",
        "origin",
        "problems",
        "stamp",
        "summary",
    )

    def __init__(
        self,
        path: Path | str,
        origin: str,
        show: Show | None = None,
        problems: tuple[Problem, ...] = (),
        *,
        key: str | None = None,
        stamp: Stamp | None = None,
    ) -> None:
        #: The file's path as found, as text; :attr:`path` is the same as a Path.
        self.file = os.fspath(path)
        self._path = path if isinstance(path, Path) else None
        self.origin = origin
        #: The file's identity: its resolved path, the same across reloads.
        self.key = key if key is not None else self.file
        #: What the file looked like when read, if that can be trusted to spot a change.
        self.stamp = stamp
        self.problems = tuple(problems)
        #: The fields a list of shows needs; None when no version of the show loaded.
        self.summary = ShowSummary.of(show) if show is not None else None
        self._show = show
        self._pending: Cached | None = None

    @classmethod
    def cached(cls, found: FoundFile, cached: Cached, stamp: Stamp | None) -> CatalogEntry:
        """An entry from the parse cache, whose show is decoded when first asked for."""
        entry = cls(found.text, found.origin, problems=cached.problems, key=found.key, stamp=stamp)
        entry.summary = cached.summary
        entry._pending = cached if cached.summary is not None else None
        return entry

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = Path(self.file)
        return self._path

    @property
    def show(self) -> Show | None:
        pending = self._pending
        if pending is not None:
            self._pending = None
            show = pending.show()
            if show is None:
                # The cached show cannot be read or does not decode: never
                # trust it, parse the file again.
                show, self.problems = _load_file(self.file)
                self.summary = ShowSummary.of(show) if show is not None else None
            self._show = show
        return self._show

    @property
    def ok(self) -> bool:
        """The file loaded, with no problems."""
        return self.summary is not None and not self.problems

    @property
    def stale(self) -> bool:
        """The file no longer loads; ``show`` is the last version that did."""
        return self.summary is not None and bool(self.problems)

    @property
    def label(self) -> str:
        """The show's title, or the file name for a show that did not load."""
        return self.summary.title if self.summary is not None else self.path.name

    @property
    def id(self) -> str:
        """The show's id, or the file's stem for a show that did not load."""
        return self.summary.id if self.summary is not None else self.path.stem

    def row(self) -> CatalogRow:
        """What the catalog screen lists for this file (never decodes the show)."""
        from showguide.core.catalog_view import CatalogRow

        return CatalogRow.of(self)

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
        state = f"show={self.id!r}" if self.summary else ""
        if self.problems:
            state += f"{', ' if state else ''}problems={len(self.problems)}"
        return f"CatalogEntry(path={self.file!r}, origin={self.origin!r}, {state})"


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
    #: The ``--data`` paths this catalog was loaded from; a reload uses them again.
    data_paths: tuple[str | Path, ...] = ()
    use_cache: bool = True
    #: Keys of the files that the reload which made this catalog read again
    #: (new or changed); empty for a catalog loaded afresh.
    changed: frozenset[str] = frozenset()

    @property
    def shows(self) -> list[Show]:
        """Every show that loaded, each decoded: for a large catalog, read entries instead."""
        return [entry.show for entry in self.entries if entry.show is not None]

    def rows(self) -> list[CatalogRow]:
        """One row per entry, in catalog order: what the catalog screen lists."""
        return [entry.row() for entry in self.entries]

    def find(self, key: str) -> CatalogEntry | None:
        """The entry for the file with this key (see :attr:`CatalogEntry.key`), if listed."""
        return next((entry for entry in self.entries if entry.key == key), None)

    def reload(self) -> Catalog:
        """Find the shows again; read again only files that are new or changed.

        A file that no longer loads keeps the last version that did, with its
        new problems (the entry is :attr:`~CatalogEntry.stale`). A file that is
        gone is gone. This catalog is left as it was.
        """
        earlier = {entry.key: entry for entry in (*self.entries, *self.overridden)}
        return _load(self.data_paths, self.use_cache, earlier, reloading=True)

    def resolve(self, name: str) -> CatalogEntry:
        """The one entry whose id or title is ``name`` or starts with it.

        Names are compared folded (:func:`~showguide.core.textfold.fold`): in
        any case, and whether the file or the user's keyboard wrote Hangul as
        syllables (NFC) or as the jamo they decompose into (NFD, as macOS
        names files and some editors save text).
        """
        wanted = fold(name)
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

        known = {n: shown for _, names in keys for n, shown in names.items()}
        close = difflib.get_close_matches(wanted, sorted(known), n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(repr(known[c]) for c in close)}?" if close else ""
        raise UnknownShow(f"no show called {name!r}{hint}")


def _names(entry: CatalogEntry) -> dict[str, str]:
    """The entry's names, folded for comparing, each with how a hint shows it."""
    if entry.summary is None:
        written = [entry.path.stem]
    else:
        written = [entry.summary.id, entry.summary.title]
    return {fold(name): unicodedata.normalize("NFC", name).casefold() for name in written}


def _id_of(entry: CatalogEntry) -> str:
    return entry.id


# --- loading -----------------------------------------------------------------


def _load_file(path: Path | str) -> Loaded:
    # Imported here: the loader brings in YAML, which a load from the cache never needs.
    from showguide.core.loader import load_show

    try:
        return load_show(path), ()
    except ShowDataError as error:
        return None, error.problems
    except Exception as error:
        # A bug met while reading one file (a 5,000-digit number once ended
        # every command) must not take the other shows down with it.
        from showguide.core.environment import debugging

        if debugging():
            raise
        detail = f"{type(error).__name__}: {error}"
        detail = detail if len(detail) <= 100 else detail[:99] + "…"
        message = f"cannot be read because of a bug in showguide ({detail}); please report it"
        return None, (Problem(str(path), 1, 1, WHOLE_FILE, message),)


def load_entry(path: Path | str, origin: str) -> CatalogEntry:
    show, problems = _load_file(path)
    return CatalogEntry(path, origin, show, problems)


def load_entries(paths: Iterable[Path], origin: str) -> list[CatalogEntry]:
    return [load_entry(path, origin) for path in paths]


def bundled_entries() -> list[CatalogEntry]:
    return load_entries(bundled_show_files(), "bundled")


def load_catalog(data_paths: Sequence[str | Path] = (), *, use_cache: bool = True) -> Catalog:
    """Every show available, discovered as :mod:`showguide.core.discovery` describes.

    ``use_cache`` keeps parsed shows in the user's cache folder between runs.
    """
    return _load(tuple(data_paths), use_cache, {}, reloading=False)


class _Reader:
    """Reads found files through the parse cache, which it opens only if a file needs it."""

    def __init__(self, use_cache: bool) -> None:
        self.use_cache = use_cache
        self._cache: ParseCache | None = None
        # A file modified after this may change again within its timestamp's
        # granularity without its stamp changing: it is not given a stamp.
        self.trusted_before_ns = time.time_ns() - RACY_SECONDS * 1_000_000_000

    def stamp(self, info: os.stat_result | None) -> Stamp | None:
        if info is None or info.st_mtime_ns >= self.trusted_before_ns:
            return None
        return (info.st_size, info.st_mtime_ns, info.st_ino)

    def read(self, found: FoundFile, stamp: Stamp | None) -> CatalogEntry:
        cache = self._open_cache()
        if cache is None or found.info is None:
            entry = load_entry(found.text, found.origin)
        else:
            cached = cache.get(found.key, found.info, found.text)
            if cached is not None:
                return CatalogEntry.cached(found, cached, stamp)
            entry = load_entry(found.text, found.origin)
            cache.put(found.key, found.info, found.text, entry.show, entry.problems)
        entry.key, entry.stamp = found.key, stamp
        return entry

    def _open_cache(self) -> ParseCache | None:
        if self._cache is None and self.use_cache:
            from showguide.core.cache import ParseCache

            self._cache = ParseCache.open()
        return self._cache

    def close(self) -> None:
        if self._cache is not None:
            self._cache.save()


def _load(
    data_paths: tuple[str | Path, ...],
    use_cache: bool,
    earlier: Mapping[str, CatalogEntry],
    *,
    reloading: bool,
) -> Catalog:
    discovery = discover(discover_sources(data_paths))
    reader = _Reader(use_cache)
    loaded: list[CatalogEntry] = []
    changed: set[str] = set()
    for found in discovery.unique_files():
        stamp = reader.stamp(found.info)
        before = earlier.get(found.key)
        if before is not None and _unchanged(before, found, stamp):
            loaded.append(before)
            continue
        entry = reader.read(found, stamp)
        if reloading:
            changed.add(found.key)
        if entry.summary is None and before is not None:
            entry = _keep_last_good(before, entry)
        loaded.append(entry)
    reader.close()
    entries, overridden, notices = _apply_overrides(loaded)
    return Catalog(
        tuple(entries),
        notices=(*discovery.notices, *notices),
        problems=tuple(discovery.problems),
        overridden=tuple(overridden),
        data_paths=data_paths,
        use_cache=use_cache,
        changed=frozenset(changed),
    )


def _unchanged(before: CatalogEntry, found: FoundFile, stamp: Stamp | None) -> bool:
    return (
        stamp is not None
        and before.stamp == stamp
        and before.file == found.text
        and before.origin == found.origin
    )


def _keep_last_good(before: CatalogEntry, now: CatalogEntry) -> CatalogEntry:
    """``now`` (a file that does not load) showing ``before``'s show, if it had one."""
    last_good = before.show
    if last_good is None:
        return now
    return CatalogEntry(now.path, now.origin, last_good, now.problems, key=now.key, stamp=now.stamp)


def _apply_overrides(
    loaded: Iterable[CatalogEntry],
) -> tuple[list[CatalogEntry], list[CatalogEntry], list[str]]:
    """Keep the last show of each id, in the place of the first; say what was replaced.

    Files that never loaded have no id to compare and are all kept.
    """
    slots: dict[tuple[str, str], CatalogEntry] = {}
    overridden: list[CatalogEntry] = []
    notices: list[str] = []
    for entry in loaded:
        if entry.summary is None:
            slots[("file", entry.key)] = entry
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
