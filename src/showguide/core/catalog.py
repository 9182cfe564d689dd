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
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import msgspec

from showguide.core.discovery import (
    RACY_SECONDS,
    Discovery,
    FoundFile,
    Source,
    SourceState,
    discover,
    discover_sources,
    places_as_then,
)
from showguide.core.errors import Problem
from showguide.core.model import Show
from showguide.core.names import UnknownShow as UnknownShow  # re-exported: callers catch it
from showguide.core.names import resolve_name
from showguide.core.paths import bundled_show_files
from showguide.core.summary import ShowSummary

if TYPE_CHECKING:
    from showguide.core.cache import ParseCache
    from showguide.core.catalog_view import CatalogRow
    from showguide.core.parallel import Parsed, Progress

#: (size, mtime_ns, inode) of a file, as far as it can be trusted to say it is unchanged.
Stamp = tuple[int, int, int]
Loaded = tuple[Show | None, tuple[Problem, ...]]


class PendingShow(Protocol):
    """A show not decoded yet: a parse cache hit, or one a worker process parsed."""

    def show(self) -> Show | None:
        """The show, or None if it cannot be had (the file is then parsed again)."""
        ...

    def mend(
        self,
        key: str,
        stamp: Stamp | None,
        name: str,
        show: Show | None,
        problems: tuple[Problem, ...],
    ) -> None:
        """Keep what parsing the file (``key``, found with ``stamp``, named
        ``name``) again gave, after :meth:`show` gave None."""
        ...


class StartCheck(Protocol):
    """The comparison of a catalog's stamps with its files, started by the
    app (:class:`showguide.core.warm_start.StampCheck`)."""

    def start(self, done: Callable[[bool], None]) -> None: ...


class _Encoded:
    """A show parsed (maybe by a worker process) and encoded; decoded when first asked for."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def show(self) -> Show | None:
        from showguide.core.parallel import decode

        return decode(self.data)

    def mend(
        self,
        key: str,
        stamp: Stamp | None,
        name: str,
        show: Show | None,
        problems: tuple[Problem, ...],
    ) -> None:
        """Nothing to mend: these bytes were made in this run, not read from the cache."""


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
        self._pending: PendingShow | None = None

    @classmethod
    def pending(
        cls,
        found: FoundFile,
        summary: ShowSummary | None,
        problems: tuple[Problem, ...],
        show: PendingShow | None,
        stamp: Stamp | None,
    ) -> CatalogEntry:
        """An entry whose show (from the parse cache, or encoded by a worker
        process) is decoded when first asked for."""
        # Made field by field, not through __init__: a warm start makes one
        # for every file before the catalog's first frame.
        entry = cls.__new__(cls)
        entry.file = found.text
        entry._path = None
        entry.origin = found.origin
        entry.key = found.key
        entry.stamp = stamp
        entry.problems = problems
        entry.summary = summary
        entry._show = None
        entry._pending = show if summary is not None else None
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
                # The cached show cannot be read, is not what was written, or
                # does not decode: never trust it, parse the file again, and
                # mend the cache with what that gives.
                show, self.problems = _load_file(self.file)
                self.summary = ShowSummary.of(show) if show is not None else None
                pending.mend(self.key, self.stamp, self.file, show, self.problems)
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


class Catalog(msgspec.Struct, frozen=True):
    """The shows found, as loaded or reloaded.

    A msgspec Struct, not a dataclass: a dataclass compiles its methods'
    source when it is defined, at every start (about 4 M instructions).
    """

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
    #: Every place looked in and its state then, when every state and every
    #: file's stamp could be trusted: a reload checks these before anything
    #: else (see :meth:`reload`). None: a reload always looks again.
    sources: tuple[tuple[Source, SourceState], ...] | None = None
    #: For a catalog drawn from the latest steady load's snapshot
    #: (:mod:`showguide.core.warm_start`), the comparison of its files' stamps
    #: with the files, made beside the app; None once a catalog is
    #: :attr:`verified`.
    check: StartCheck | None = None
    #: The entries' indexes in about their title order, from the parse
    #: cache's snapshot (see :class:`showguide.core.row_view.CatalogRows`).
    title_hint: tuple[int, ...] | None = None

    # Two catalogs of the same shows are equal whatever ``sources`` says: it
    # is how the places were found, not what was found (left out of the
    # comparison, as the dataclass it was did with ``compare=False``).
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalog):
            return NotImplemented
        return self._compared() == other._compared()

    __hash__ = None  # type: ignore[assignment]  # its entries are not hashable either

    def __repr__(self) -> str:
        names = (
            "entries",
            "notices",
            "problems",
            "overridden",
            "data_paths",
            "use_cache",
            "changed",
        )
        values = self._compared()
        return f"Catalog({', '.join(f'{n}={v!r}' for n, v in zip(names, values, strict=True))})"

    def _compared(self) -> tuple[object, ...]:
        return (
            self.entries,
            self.notices,
            self.problems,
            self.overridden,
            self.data_paths,
            self.use_cache,
            self.changed,
        )

    @property
    def verified(self) -> bool:
        """Every file's stamp was compared with the file when this catalog was made."""
        return self.check is None

    @property
    def shows(self) -> list[Show]:
        """Every show that loaded, each decoded: for a large catalog, read entries instead."""
        return [entry.show for entry in self.entries if entry.show is not None]

    def rows(self) -> list[CatalogRow]:
        """One row per entry, in catalog order: what the catalog screen lists."""
        from showguide.core.catalog_view import CatalogRow  # once, not once a row

        row_of = CatalogRow.of
        return [row_of(entry) for entry in self.entries]

    def find(self, key: str) -> CatalogEntry | None:
        """The entry for the file with this key (see :attr:`CatalogEntry.key`), if listed."""
        return next((entry for entry in self.entries if entry.key == key), None)

    def reload(self, progress: Progress | None = None) -> Catalog:
        """Find the shows again; read again only files that are new or changed.

        A file that no longer loads keeps the last version that did, with its
        new problems (the entry is :attr:`~CatalogEntry.stale`). A file that is
        gone is gone. This catalog is left as it was.

        When nothing changed, the reload costs a ``stat`` of each place looked
        in and of each file, and gives this catalog's entries back as they
        are: every place is in the state it was (a folder's times change when
        a file is added to it, removed or renamed), and every file's stamp
        (size, modification time, inode) is the one it was read with.
        """
        if self.unchanged_on_disk():
            if progress is not None:
                progress(len(self.entries), len(self.entries))
            if self.changed or not self.verified:
                return msgspec.structs.replace(self, changed=frozenset(), check=None)
            return self
        earlier = {entry.key: entry for entry in (*self.entries, *self.overridden)}
        return CatalogLoad(self.data_paths, self.use_cache, earlier, reloading=True).finish(
            progress
        )

    def unchanged_on_disk(self) -> bool:
        """Every place and every file is as this catalog found it (see :meth:`reload`)."""
        if self.sources is None:
            return False
        if not places_as_then(discover_sources(self.data_paths), self.sources):
            return False
        stat = os.stat
        # One stat a file, in a loop kept tight: a catalog of 10,000 shows
        # reloads with nothing changed in a few tens of milliseconds. By its
        # key, the path resolved when it was found: the same file while every
        # place is as it was (checked above), without the kernel resolving
        # the links on the way again (a tenth of the loop through one link).
        try:
            for entry in (*self.entries, *self.overridden):
                info = stat(entry.key)
                if (info.st_size, info.st_mtime_ns, info.st_ino) != entry.stamp:
                    return False
        except (OSError, ValueError):  # gone, or unreadable: the slow path says why
            return False
        return True

    def resolve(self, name: str) -> CatalogEntry:
        """The one entry ``name`` means: its id, title, native or romanized title,
        the start of one, or words of one (:func:`~showguide.core.names.resolve_name`)."""
        return resolve_name(self.entries, name)


# --- loading -----------------------------------------------------------------


def _load_file(path: Path | str) -> Loaded:
    # Imported here: the loader brings in YAML, which a load from the cache never needs.
    from showguide.core.loader import load_show_or_problems

    return load_show_or_problems(path)


def load_entry(path: Path | str, origin: str) -> CatalogEntry:
    show, problems = _load_file(path)
    return CatalogEntry(path, origin, show, problems)


def load_entries(paths: Iterable[Path], origin: str) -> list[CatalogEntry]:
    return [load_entry(path, origin) for path in paths]


def check_files(
    paths: Iterable[Path], origin: str, *, use_cache: bool, progress: Progress | None = None
) -> list[CatalogEntry]:
    """Each file loaded as :func:`load_entry` loads it, through the parse cache
    when ``use_cache``: a file whose stamp the cache holds keeps its verdict.
    The others are parsed as a catalog's are, on every core when there are many."""
    from showguide.core.parallel import parse_files

    reader = _Reader(use_cache)
    files = []
    for path in paths:
        text = os.fspath(path)
        try:
            info: os.stat_result | None = path.stat()
            key = os.path.realpath(text)
        except (OSError, ValueError):  # missing, a loop, a NUL in the name: the loader says why
            info, key = None, text
        files.append(FoundFile(text, origin, key, info))
    stamps = [reader.stamp(found.info) for found in files]
    entries = [reader.cached(found, stamp) for found, stamp in zip(files, stamps, strict=True)]
    misses = [index for index, entry in enumerate(entries) if entry is None]
    parsed = parse_files(
        [files[index].text for index in misses],
        progress=progress,
        done_before=len(files) - len(misses),
        total=len(files),
    )
    for index, result in zip(misses, parsed, strict=True):
        entries[index] = reader.parsed(files[index], stamps[index], result)
    reader.close()
    return [entry for entry in entries if entry is not None]


def bundled_entries() -> list[CatalogEntry]:
    return load_entries(bundled_show_files(), "bundled")


def load_catalog(
    data_paths: Sequence[str | Path] = (),
    *,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> Catalog:
    """Every show available, discovered as :mod:`showguide.core.discovery` describes.

    ``use_cache`` keeps parsed shows in the user's cache folder between runs.
    ``progress(done, total)`` is told how many files are read (see
    :func:`showguide.core.parallel.parse_files`).
    """
    return CatalogLoad(tuple(data_paths), use_cache, {}, reloading=False).finish(progress)


def plan_catalog(
    data_paths: Sequence[str | Path] = (),
    *,
    use_cache: bool = True,
    cache: ParseCache | None = None,
) -> CatalogLoad:
    """The files found and looked up in the parse cache (``cache``, if it is
    opened already); :meth:`CatalogLoad.finish` parses the rest.
    :attr:`CatalogLoad.to_parse` says how long that may take."""
    return CatalogLoad(tuple(data_paths), use_cache, {}, reloading=False, cache=cache)


class _Reader:
    """Reads found files through the parse cache, which it opens only if a file needs it."""

    def __init__(self, use_cache: bool, cache: ParseCache | None = None) -> None:
        self.use_cache = use_cache
        self._cache: ParseCache | None = cache
        # A file modified after this may change again within its timestamp's
        # granularity without its stamp changing: it is not given a stamp.
        self.trusted_before_ns = time.time_ns() - RACY_SECONDS * 1_000_000_000

    def stamp(self, info: os.stat_result | None) -> Stamp | None:
        if info is None or info.st_mtime_ns >= self.trusted_before_ns:
            return None
        return (info.st_size, info.st_mtime_ns, info.st_ino)

    def stamps(self, files: Iterable[FoundFile]) -> list[Stamp | None]:
        """:meth:`stamp` of each file, in one loop: a start stamps every file."""
        trusted = self.trusted_before_ns
        return [
            (info.st_size, info.st_mtime_ns, info.st_ino)
            if info is not None and info.st_mtime_ns < trusted
            else None
            for info in [found.info for found in files]
        ]

    def start(
        self, files: Sequence[FoundFile]
    ) -> tuple[list[Stamp | None], list[CatalogEntry | None]]:
        """Each file's :meth:`stamp`, and its entry from the parse cache (None:
        to be parsed), as :meth:`cached` gives it.

        What a start does for every file before its first frame: one loop,
        with the look-up, the stamp's comparison and the entry written out
        (a call a file, or a second pass, cost a third more).
        """
        trusted = self.trusted_before_ns
        cache = self._open_cache()
        table = cache.for_a_start() if cache is not None else None
        if cache is None or table is None:
            return self.stamps(files), [None] * len(files)
        index, shows = table
        lookup, hit = index.get, cache.hit
        made = CatalogEntry.__new__
        stamps: list[Stamp | None] = []
        entries: list[CatalogEntry | None] = []
        stamped, add = stamps.append, entries.append
        for text, origin, key, info in files:
            if info is None:  # cannot be stat'ed: parsed, to say why
                stamped(None)
                add(None)
                continue
            size, mtime_ns, inode = info.st_size, info.st_mtime_ns, info.st_ino
            stamp = (size, mtime_ns, inode) if mtime_ns < trusted else None
            stamped(stamp)
            cached = lookup(key)
            if (
                cached is None
                or cached.mtime_ns != mtime_ns
                or cached.size != size
                or cached.inode != inode
            ):
                add(None)
                continue
            found = hit(cached, text, shows)
            # Made field by field, as CatalogEntry.pending makes it.
            entry = made(CatalogEntry)
            entry.file = text
            entry._path = None
            entry.origin = origin
            entry.key = key
            entry.stamp = stamp
            entry.problems = found.problems
            entry.summary = summary = found.summary
            entry._show = None
            entry._pending = found if summary is not None else None
            add(entry)
        return stamps, entries

    def cached(self, found: FoundFile, stamp: Stamp | None) -> CatalogEntry | None:
        """The entry the parse cache holds for ``found``, if its stamp still matches."""
        cache = self._open_cache()
        if cache is None or found.info is None:
            return None
        hit = cache.get(found.key, found.info, found.text)
        if hit is None:
            return None
        return CatalogEntry.pending(found, hit.summary, hit.problems, hit, stamp)

    def parsed(self, found: FoundFile, stamp: Stamp | None, parsed: Parsed) -> CatalogEntry:
        """The entry for a file just parsed, remembered in the parse cache."""
        encoded, summary, problems = parsed
        pending = _Encoded(encoded) if encoded is not None else None
        entry = CatalogEntry.pending(found, summary, problems, pending, stamp)
        cache = self._cache
        if cache is not None and found.info is not None:
            from showguide.core.cache import put_encoded

            put_encoded(cache, found.key, found.info, found.text, summary, encoded or b"", problems)
        return entry

    def remember_start(
        self, data_paths: Sequence[str | Path], discovery: Discovery, files: Sequence[FoundFile]
    ) -> None:
        """Keep what this steady load found for the next start to draw at once."""
        cache = self._cache
        if cache is None:
            return  # nothing was looked up in the cache, so it has nothing to draw from
        from showguide.core.cache import start_snapshot

        snapshot = start_snapshot(data_paths, discovery, files)
        if snapshot is not None:
            cache.remember_start(snapshot)

    def _open_cache(self) -> ParseCache | None:
        if self._cache is None and self.use_cache:
            from showguide.core.cache import ParseCache

            self._cache = ParseCache.open()
        return self._cache

    def close(self) -> None:
        if self._cache is not None:
            self._cache.save()

    @property
    def notices(self) -> tuple[str, ...]:
        """What the parse cache has to tell the user (a cache file set aside)."""
        return tuple(self._cache.notices) if self._cache is not None else ()


class CatalogLoad:
    """A catalog being loaded: the files found, those the parse cache (or the
    catalog being reloaded) already has, and the rest still to parse."""

    def __init__(
        self,
        data_paths: tuple[str | Path, ...],
        use_cache: bool,
        earlier: Mapping[str, CatalogEntry],
        *,
        reloading: bool,
        cache: ParseCache | None = None,
    ) -> None:
        self.data_paths = data_paths
        self.use_cache = use_cache
        self.earlier = earlier
        self.discovery = discover(discover_sources(data_paths))
        self.reader = _Reader(use_cache, cache)
        self.files = self.discovery.unique_files()
        self.entries: list[CatalogEntry | None] = []
        self.changed: set[str] = set()
        #: The indexes of the files to parse.
        self.misses: list[int] = []
        if not earlier:  # a start: only the parse cache to look in
            self.stamps, self.entries = self.reader.start(self.files)
            self.misses = [index for index, entry in enumerate(self.entries) if entry is None]
            if reloading:
                self.changed = {found.key for found in self.files}
            return
        self.stamps = self.reader.stamps(self.files)
        for index, found in enumerate(self.files):
            stamp = self.stamps[index]
            before = earlier.get(found.key)
            if before is not None and _unchanged(before, found, stamp):
                self.entries.append(before)
                continue
            if reloading:
                self.changed.add(found.key)
            entry = self.reader.cached(found, stamp)
            if entry is None:
                self.misses.append(index)
            elif entry.summary is None and before is not None:
                entry = _keep_last_good(before, entry)
            self.entries.append(entry)

    @property
    def total(self) -> int:
        return len(self.files)

    @property
    def to_parse(self) -> int:
        """How many files are not in the parse cache and must be parsed."""
        return len(self.misses)

    def finish(self, progress: Progress | None = None) -> Catalog:
        """Parse the files the cache did not have (on every core when there are
        many), save the cache, and make the catalog."""
        if self.misses:
            from showguide.core.parallel import parse_files

            parsed = parse_files(
                [self.files[index].text for index in self.misses],
                progress=progress,
                done_before=self.total - self.to_parse,
                total=self.total,
            )
            for index, result in zip(self.misses, parsed, strict=True):
                found = self.files[index]
                entry = self.reader.parsed(found, self.stamps[index], result)
                before = self.earlier.get(found.key)
                if entry.summary is None and before is not None:
                    entry = _keep_last_good(before, entry)
                self.entries[index] = entry
            self.misses = []
        elif progress is not None:
            progress(self.total, self.total)
        steady = self.discovery.states is not None and not self.reader.notices
        steady = steady and self.discovery.newest_change_ns < self.reader.trusted_before_ns
        steady = steady and None not in self.stamps  # every entry has its file's stamp
        if steady and not self.discovery.problems:
            self.reader.remember_start(self.data_paths, self.discovery, self.files)
        self.reader.close()
        loaded = [entry for entry in self.entries if entry is not None]
        entries, overridden, notices = apply_overrides(loaded)
        return Catalog(
            tuple(entries),
            notices=(*self.discovery.notices, *notices, *self.reader.notices),
            problems=tuple(self.discovery.problems),
            overridden=tuple(overridden),
            data_paths=self.data_paths,
            use_cache=self.use_cache,
            changed=frozenset(self.changed),
            sources=tuple(self.discovery.states or ()) if steady else None,
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


def apply_overrides(
    loaded: Iterable[CatalogEntry],
) -> tuple[list[CatalogEntry], list[CatalogEntry], list[str]]:
    """Keep the last show of each id, in the place of the first; say what was replaced.

    Files that never loaded have no id to compare and are all kept.
    """
    loaded = list(loaded)
    ids = {entry.summary.id for entry in loaded if entry.summary is not None}
    if len(ids) == len(loaded):  # every file loaded, each with its own id: nothing to do
        return loaded, [], []
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
