"""A parse cache: loaded shows (or their problems) kept between runs.

Parsing YAML is the slow part of loading a catalog; decoding a msgpack-encoded
:class:`~showguide.core.model.Show` is about fifty times faster. So the result
of loading each show file is kept in the cache folder, keyed by the file's
resolved path, and trusted only while the file's size, modification time and
inode are unchanged and the whole cache was written by this version of
showguide, of the show format and of msgspec.

Layout: two files, because a catalog lists a thousand shows long before the
user opens one.

- The index (:data:`CACHE_FILE`) holds, for each file, its stamp, its
  problems, the summary a list of shows needs, and where its show is in the
  shows file. A warm start reads only this, a few hundred bytes a show,
  decoded in one typed call with the full checks of the model.
- The index also holds the snapshot of the latest steady load
  (:class:`StartSnapshot`; see :mod:`showguide.core.warm_start`): the places
  looked in, their states, and the files found, which are the index's first
  entries, in order.
- The shows file (``parse-cache-TOKEN.shows``) holds the encoded shows, one
  after another. A show is read from it, and decoded, only when it is opened.
  Each save that adds a show writes a new one under a new random token, which
  the index names and the file starts with: an index never reads another
  save's shows file, and a show that cannot be read or decoded from it is
  parsed again. A save that adds none (a new snapshot, a file gone) writes
  the index alone, naming the same shows file, its entries where they were.

Nothing in the cache is trusted: the index ends with a CRC-32 of the rest,
and each entry holds the CRC-32 of its encoded show and where it is, which is
checked against the shows file's size before anything is read. An edited byte
or a crafted length is then a miss: the show is parsed from its file, and the
entry mended (written again) at once. Both files are read like show files
(:mod:`showguide.core.guarded`): a FIFO, a device or a huge file in their
place is set aside, with a notice, and never read.

A stale entry is simply a miss; an index that does not decode, or that another
version wrote, is ignored and replaced at the next save. Saving is atomic: the
shows file is written first, then the index that names it, so a save cut short
leaves the old index and its shows file as they were; the temporary files of a
save cut short are removed by the next one. Saves take turns under a lock
beside the index, so two showguides saving at once never leave an index
naming a shows file that the other removed.

Why two files and not sqlite3 (atomic, safe with two processes, easy to
verify): measured by ``benchmarks/cache_format.py``, a warm start reading
1,000 entries costs more with sqlite3 (its import, a row and a decode per
entry) than one typed decode of the index; see docs/performance.md.

Modification times have a granularity (a few milliseconds on Linux, two
seconds on FAT), so a file saved twice within one tick with the same size would
look unchanged. A file modified less than
:data:`~showguide.core.discovery.RACY_SECONDS` before the cache was opened is
therefore never stored; it is parsed again next time.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import time
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from showguide import __version__
from showguide.core.atomic import locked, remove_stale_temps, write_atomic
from showguide.core.discovery import RACY_SECONDS, Discovery, FoundFile
from showguide.core.environment import max_file_bytes
from showguide.core.errors import Problem
from showguide.core.guarded import UnusableFile, read_guarded
from showguide.core.model import FORMAT_VERSION, RULES_REVISION, Show
from showguide.core.summary import ShowSummary
from showguide.core.userdirs import cache_dir

#: The index; the shows files beside it are named after it.
CACHE_FILE = "parse-cache.msgpack"
SHOWS_FILE_PREFIX = "parse-cache-"
SHOWS_FILE_SUFFIX = ".shows"
#: The temporary files of every save's shows file, each under its own name, start so.
STRAY_PREFIXES = (f".{SHOWS_FILE_PREFIX}",)
#: Every shows file starts with this and its token.
SHOWS_MAGIC = b"showguide shows "
#: Bump when the layout of the cache files changes.
LAYOUT = 8
#: The index ends with the CRC-32 of what comes before, in this many bytes.
CHECKSUM_BYTES = 4
#: Neither file is read past these sizes: 20,000 entries take a few MiB.
MAX_INDEX_BYTES = 256 * 1024 * 1024
MAX_SHOWS_BYTES = 1024 * 1024 * 1024
#: Entries kept for files not seen in the latest load, e.g. from another --data.
MAX_ENTRIES = 20_000


def cache_version() -> str:
    """Everything besides the file itself that changes what loading it gives."""
    return (
        f"layout {LAYOUT}; format {FORMAT_VERSION}; rules {RULES_REVISION};"
        f" showguide {__version__};"
        f" msgspec {msgspec.__version__}; max bytes {max_file_bytes()}"
    )


# gc=False: a warm start decodes a thousand of these; untracked, they do not
# make the garbage collector run (they cannot form cycles: fields are values).
class _Entry(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """What loading one file gave, as the index keeps it."""

    key: str
    size: int
    mtime_ns: int
    inode: int
    #: The file name that ``problems`` were reported under.
    name: str
    #: None when the file did not load.
    summary: ShowSummary | None
    problems: tuple[Problem, ...]
    #: Where the encoded show is in the shows file; length 0 when it did not load.
    start: int
    length: int
    #: The CRC-32 of the encoded show.
    checksum: int


class StartSnapshot(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """What the latest steady load found, for the next start to draw at once
    (:mod:`showguide.core.warm_start`): where it looked, in what state, and
    the files it found there in order. Each file's stamp, summary and problems
    are its entry's in the index.
    """

    #: The ``--data`` paths of that load, as text.
    data_paths: tuple[str, ...]
    #: Every place looked in: its path as text, origin and state.
    sources: tuple[tuple[str, str, tuple[bool, int, int, int] | None], ...]
    #: What finding the files had to tell (e.g. a folder with no show files).
    notices: tuple[str, ...]
    #: Each file found, in discovery order: its path as found, the number of
    #: its origin in :data:`ORIGINS`, and its key ("" when that is the path).
    files: tuple[tuple[str, int, str], ...]


#: The origins a snapshot's files name by number.
ORIGINS = ("bundled", "user", "--data", "SHOWGUIDE_PATH")


_ORIGIN_NUMBERS = {origin: number for number, origin in enumerate(ORIGINS)}


def start_snapshot(
    data_paths: Sequence[str | Path], discovery: Discovery, files: Sequence[FoundFile]
) -> StartSnapshot | None:
    """What a steady load found, as the next start compares it; None if a
    place could not be read (its trouble may be gone next time)."""
    if discovery.states is None or discovery.problems:
        return None
    numbers = _ORIGIN_NUMBERS
    return StartSnapshot(
        tuple(os.fspath(path) for path in data_paths),
        tuple((os.fspath(source.path), source.origin, state) for source, state in discovery.states),
        tuple(discovery.notices),
        tuple(
            (text, numbers[origin], "" if key == text else key) for text, origin, key, _ in files
        ),
    )


class StoredSnapshot(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """A :class:`StartSnapshot` as the index keeps it: its files are the
    index's first entries, in order, so each needs only its origin's number
    and its path as found ("" when that is the entry's name, as it mostly is)."""

    data_paths: tuple[str, ...]
    sources: tuple[tuple[str, str, tuple[bool, int, int, int] | None], ...]
    notices: tuple[str, ...]
    files: tuple[tuple[int, str], ...]
    #: The files' indexes in their shows' title order: a start sorts it again
    #: (core/row_view.py), which takes one pass when it is still right.
    title_order: tuple[int, ...] = ()


class _Index(msgspec.Struct, frozen=True):
    version: str
    #: The name of the shows file that the entries' ``start`` and ``length`` are in.
    shows_file: str
    entries: list[_Entry]
    #: The latest steady load's files, if one was saved: the first entries.
    snapshot: StoredSnapshot | None = None


def _stored(snapshot: StartSnapshot, entries: list[_Entry]) -> StoredSnapshot | None:
    """``snapshot`` as the index keeps it, if ``entries`` start with its files."""
    files = snapshot.files
    if len(entries) < len(files):
        return None
    stored = []
    titles = []
    for (text, number, key), entry in zip(files, entries, strict=False):
        if entry.key != (key or text):
            return None  # a file's show could not be kept (damaged): no snapshot
        stored.append((number, "" if text == entry.name else text))
        titles.append(entry.summary.sort_title if entry.summary is not None else "")
    order = tuple(sorted(range(len(titles)), key=titles.__getitem__))
    return StoredSnapshot(
        snapshot.data_paths, snapshot.sources, snapshot.notices, tuple(stored), order
    )


def _unstored(stored: StoredSnapshot, entries: list[_Entry]) -> StartSnapshot | None:
    if len(entries) < len(stored.files):
        return None
    files = []
    for (number, text), entry in zip(stored.files, entries, strict=False):
        text = text or entry.name
        files.append((text, number, "" if entry.key == text else entry.key))
    return StartSnapshot(stored.data_paths, stored.sources, stored.notices, tuple(files))


_force_setattr = msgspec.structs.force_setattr
#: An entry of the index, as :mod:`showguide.core.warm_start` reads it.
CacheEntry = _Entry
_index_decoder = msgspec.msgpack.Decoder(_Index)
_encoder = msgspec.msgpack.Encoder()


@functools.cache
def _show_decoder() -> msgspec.msgpack.Decoder[Show]:
    # Made when a show is first opened: building it for the whole model takes
    # longer than decoding a thousand summaries, and a catalog may open none.
    return msgspec.msgpack.Decoder(Show)


class ShowsFile:
    """One save's encoded shows; read a slice at a time, only when a show is opened."""

    def __init__(self, path: Path) -> None:
        self.path = path
        token = path.name.removeprefix(SHOWS_FILE_PREFIX).removesuffix(SHOWS_FILE_SUFFIX)
        self.header = SHOWS_MAGIC + token.encode()

    def read(self, start: int, length: int, checksum: int) -> bytes | None:
        """The bytes at ``start``, or None if they are not there or not what was written.

        None too if the file is gone, is not this save's, or is not a regular
        file: the show is then parsed from its own file.
        """
        if start < len(self.header) or length <= 0:
            return None
        try:
            handle = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:  # removed by a later save, or unreadable
            return None
        try:
            info = os.fstat(handle)
            # Bounds before reading: a crafted length must not allocate its size.
            if not stat.S_ISREG(info.st_mode) or start + length > info.st_size:
                return None
            if os.pread(handle, len(self.header), 0) != self.header:
                return None
            data = os.pread(handle, length, start)
        except OSError:
            return None
        finally:
            os.close(handle)
        return data if len(data) == length and zlib.crc32(data) == checksum else None

    def read_all(self, limit: int) -> bytes | None:
        """The whole file, up to ``limit`` bytes; None if it is unusable or not this save's."""
        try:
            data = read_guarded(self.path, min(limit, MAX_SHOWS_BYTES))
        except (OSError, UnusableFile):
            return None
        return data if data.startswith(self.header) else None


class Cached:
    """A cache hit: the summary and problems now, the show itself on demand.

    It keeps only where the show is, not the index's whole entry: a catalog
    of 10,000 shows keeps 10,000 of these for as long as it runs, and the
    entry's key, name and stamp are the catalog entry's own.
    """

    __slots__ = (
        "_cache_path",
        "_checksum",
        "_length",
        "_shows",
        "_size",
        "_start",
        "problems",
        "summary",
    )

    def __init__(
        self, entry: _Entry, shows: ShowsFile, problems: tuple[Problem, ...], cache_path: Path
    ) -> None:
        self.summary = entry.summary
        self.problems = problems
        self._start = entry.start
        self._length = entry.length
        self._checksum = entry.checksum
        self._size = entry.size
        self._shows = shows
        self._cache_path = cache_path

    def show(self) -> Show | None:
        """The cached show, or None if it cannot be read or is not a valid Show."""
        summary = self.summary
        if summary is None:
            return None
        if self._length > _max_encoded_bytes(self._size):
            return None  # no show file of that size encodes to so much: crafted
        data = self._shows.read(self._start, self._length, self._checksum)
        if data is None:
            return None
        try:
            show = _show_decoder().decode(data)
        except msgspec.DecodeError:  # a damaged entry: the caller parses the file instead
            return None
        # A show from another file would be a valid Show too: check it is this one.
        return show if show.id == summary.id else None

    def mend(
        self,
        key: str,
        stamp: tuple[int, int, int] | None,
        name: str,
        show: Show | None,
        problems: Iterable[Problem],
    ) -> None:
        """Store what parsing the file gave, after :meth:`show` found its entry bad.

        Stored only if the file (resolved path ``key``, named ``name``) still
        has the ``stamp`` the entry was found with; a changed file is a miss
        next time anyway. Saved at once: the run that read this entry may have
        saved its cache already.
        """
        if stamp is None:
            return
        try:
            info = Path(key).stat()
        except OSError:
            return
        if (info.st_size, info.st_mtime_ns, info.st_ino) != stamp:
            return
        cache = ParseCache.open(self._cache_path)
        cache.put(key, info, name, show, problems)
        cache.save()


class _Added:
    """A file loaded this run, to be stored at the next save."""

    __slots__ = ("encoded", "entry")

    def __init__(self, entry: _Entry, encoded: bytes) -> None:
        self.entry = entry
        self.encoded = encoded


class ParseCache:
    """The parse cache of one run: look up, add, then save once at the end."""

    def __init__(self, path: Path, index: _Index | None = None, *, share: bool = True) -> None:
        self.path = path
        #: The CRC-32 that ends the index read, if one was (it names that
        #: save: core/stamp_checker.py reads the index again, and checks it).
        self.index_checksum: int | None = None
        #: The index's entries in order, and by key (made when first asked for).
        self._entries: list[_Entry] = []
        self._by_key: dict[str, _Entry] | None = None
        self._old_shows: ShowsFile | None = None
        #: The snapshot the index holds, and the one to save in its place.
        self._stored: StoredSnapshot | None = None
        self._new_snapshot: StartSnapshot | None = None
        if index is not None:
            self._stored = index.snapshot
            self._entries = index.entries
            if share:
                share_repeated_values([entry.summary for entry in index.entries])
            self._old_shows = ShowsFile(path.parent / index.shows_file)
        self._seen: dict[str, _Entry | _Added] = {}
        self._dirty = False
        # Files modified after this are too fresh to trust their modification time.
        self._trusted_before_ns = time.time_ns() - RACY_SECONDS * 1_000_000_000
        self.hits = 0
        self.misses = 0
        #: What to tell the user: a cache file that was not a file, or huge, set aside.
        self.notices: list[str] = []

    @classmethod
    def open(cls, path: Path | None = None, *, share: bool = True) -> ParseCache:
        """The cache at ``path`` (default: the user's cache folder), empty if unusable.

        ``share``: one object for each value many summaries repeat
        (:func:`share_repeated_values`); False when the caller does it later itself."""
        path = path or cache_dir() / CACHE_FILE
        try:
            data = read_guarded(path, MAX_INDEX_BYTES)
        except UnusableFile as error:  # a FIFO, a device, a huge file: never read it
            return cls._set_aside(path, str(error))
        except OSError:  # missing (the first run) or unreadable: start empty
            return cls(path)
        index = _decode_index(data)
        if index is None or not _is_shows_file_name(index.shows_file):
            return cls(path)  # damaged, or from another version: rebuilt at the next save
        shows = path.parent / index.shows_file
        try:
            info = shows.lstat()
        except OSError:
            # Removed, by hand or by another run's save racing this one's:
            # every show would be parsed when opened, and the cache never
            # saved again to mend it. Start empty instead; this run saves it.
            return cls(path)
        if not stat.S_ISREG(info.st_mode):
            return cls._set_aside(shows, "it is not a regular file", index_path=path)
        # A save killed mid-way left a full copy of the shows: a run with
        # nothing to save must not keep it for ever (one listing of the folder).
        remove_stale_temps(path, STRAY_PREFIXES)
        opened = cls(path, index, share=share)
        opened.index_checksum = int.from_bytes(data[-CHECKSUM_BYTES:], "big")
        return opened

    def share_values(self) -> None:
        """What ``open(share=False)`` left undone."""
        share_repeated_values([entry.summary for entry in self._entries])

    @property
    def _old(self) -> dict[str, _Entry]:
        """The index's entries by key. Made when first needed: a warm start
        from the snapshot reads the entries in order, and needs no look-up."""
        if self._by_key is None:
            self._by_key = {entry.key: entry for entry in self._entries}
        return self._by_key

    @functools.cached_property
    def snapshot(self) -> StartSnapshot | None:
        """The snapshot the index holds, if any."""
        return _unstored(self._stored, self._entries) if self._stored is not None else None

    def start_files(self) -> tuple[StoredSnapshot, list[_Entry]] | None:
        """The snapshot as stored, and the entries of its files, in order."""
        stored = self._stored
        if stored is None or self._old_shows is None or len(self._entries) < len(stored.files):
            return None
        return stored, self._entries

    @classmethod
    def _set_aside(cls, bad: Path, reason: str, index_path: Path | None = None) -> ParseCache:
        """An empty cache, with a notice that ``bad`` was renamed aside (never deleted)."""
        from showguide.core.prefs import corrupt_name

        cache = cls(index_path or bad)
        cache._dirty = True  # a fresh file takes its place at the end of this run
        aside = corrupt_name(bad)
        try:
            bad.rename(aside)
        except OSError as error:
            cache.notices.append(
                f"the parse cache file {bad} is unusable ({reason}) and could not be moved"
                f" aside ({error.strerror or error}); not using the cache"
            )
        else:
            cache.notices.append(
                f"the parse cache file {bad} was unusable ({reason}); kept it as {aside.name}"
            )
        return cache

    def get(self, key: str, info: os.stat_result, name: str) -> Cached | None:
        """The cached result for the file at resolved path ``key``, if still valid.

        ``name`` is how the file is named this time; problems are reported under it.
        """
        entry = self._old.get(key)
        if (
            entry is None
            or self._old_shows is None
            # The file changed (compared inline: a warm start asks a thousand times).
            or entry.mtime_ns != info.st_mtime_ns
            or entry.size != info.st_size
            or entry.inode != info.st_ino
        ):
            self.misses += 1
            return None
        self.hits += 1
        self._seen[key] = entry
        problems = entry.problems
        if problems and name != entry.name:
            problems = renamed_problems(problems, entry.name, name)
        return Cached(entry, self._old_shows, problems, self.path)

    def for_a_start(self) -> tuple[dict[str, _Entry], ShowsFile] | None:
        """What a start looks every file up in, in a loop of its own
        (:meth:`hit`): the index's entries by key and this save's shows file;
        None when the cache has no shows to give."""
        if self._old_shows is None:
            return None
        return self._old, self._old_shows

    def hit(self, entry: _Entry, name: str, shows: ShowsFile) -> Cached:
        """:meth:`get`'s answer for ``entry``, whose stamp the caller found to match."""
        self._seen[entry.key] = entry
        problems = entry.problems
        if problems and name != entry.name:
            problems = renamed_problems(problems, entry.name, name)
        return Cached(entry, shows, problems, self.path)

    @property
    def shows_file(self) -> ShowsFile | None:
        return self._old_shows

    def remember_start(self, snapshot: StartSnapshot) -> None:
        """Keep ``snapshot`` for the next start, saved with the cache if it is new."""
        if snapshot != self.snapshot:
            self._new_snapshot = snapshot
            self._dirty = True

    def put(
        self,
        key: str,
        info: os.stat_result,
        name: str,
        show: Show | None,
        problems: Iterable[Problem] = (),
    ) -> None:
        """Remember what loading the file gave, unless it changed too recently to trust."""
        if info.st_mtime_ns >= self._trusted_before_ns:
            return
        summary = ShowSummary.of(show) if show is not None else None
        encoded = _encoder.encode(show) if show is not None else b""
        put_encoded(self, key, info, name, summary, encoded, problems)

    def save(self) -> bool:
        """Write the cache if anything was added; False if it could not be written."""
        if not self._dirty:
            return True
        try:
            with locked(self.path):
                self._write()
        except OSError:  # a read-only cache folder only makes the next run slower
            return False
        self._dirty = False
        return True

    def _write(self) -> None:
        old, shows_file = self._old, self._old_shows
        # Under the lock, what the latest save left is what to build on: another
        # showguide may have saved since this one opened the cache (and removed
        # the shows file it opened).
        latest = _read_index(self.path)
        snapshot = self._new_snapshot or self.snapshot
        if latest is not None and (shows_file is None or latest.shows_file != shows_file.path.name):
            old = {entry.key: entry for entry in latest.entries}
            shows_file = ShowsFile(self.path.parent / latest.shows_file)
            # Another showguide saved since: its snapshot is the newer, unless
            # this run found a steady catalog of its own.
            if self._new_snapshot is None and latest.snapshot is not None:
                snapshot = _unstored(latest.snapshot, latest.entries)
        kept: dict[str, _Entry | _Added] = {}
        if snapshot is not None:
            # The snapshot's files first, in its order: it names them by place.
            for text, _number, key in snapshot.files:
                item = self._seen.get(key or text) or old.get(key or text)
                if item is None:
                    break  # not kept: _stored() finds the snapshot incomplete
                kept[key or text] = item
        kept.update((key, item) for key, item in self._seen.items() if key not in kept)
        for key in _still_present(k for k in old if k not in kept):
            if len(kept) >= MAX_ENTRIES:
                break
            kept[key] = old[key]
        if (
            shows_file is not None
            and latest is not None
            and latest.shows_file == shows_file.path.name
            and not any(isinstance(item, _Added) for item in kept.values())
        ):
            # No show to add (only the snapshot is new, or a file is gone):
            # the index alone, naming the same shows file, whose entries stay
            # where they are. Copying the shows would cost 80 MB at 10,000.
            entries = [item for item in kept.values() if isinstance(item, _Entry)]
            self._write_index(entries, shows_file.path.name, snapshot)
            return
        old_shows = None
        if shows_file is not None:
            needed = max(
                (e.start + e.length for e in kept.values() if isinstance(e, _Entry)), default=0
            )
            old_shows = shows_file.read_all(needed) if needed else None
        shows_path = self.path.parent / _new_shows_file_name()
        chunks = [ShowsFile(shows_path).header]
        offset = len(chunks[0])
        entries = []
        for item in kept.values():
            if isinstance(item, _Added):
                entry, encoded = item.entry, item.encoded
            else:
                entry = item
                encoded = old_shows[entry.start : entry.start + entry.length] if old_shows else b""
                if len(encoded) != entry.length or zlib.crc32(encoded) != entry.checksum:
                    continue  # its show is no longer to be had, or damaged: a miss next time
            entries.append(msgspec.structs.replace(entry, start=offset))
            chunks.append(encoded)
            offset += len(encoded)
        try:
            write_atomic(shows_path, b"".join(chunks), stray_prefixes=STRAY_PREFIXES)
            self._write_index(entries, shows_path.name, snapshot)
        except OSError:
            with contextlib.suppress(OSError):  # the folder may not even be one
                shows_path.unlink(missing_ok=True)
            raise
        _remove_other_shows_files(shows_path)

    def _write_index(
        self, entries: list[_Entry], shows_file: str, snapshot: StartSnapshot | None
    ) -> None:
        stored = _stored(snapshot, entries) if snapshot is not None else None
        index = _encoder.encode(_Index(cache_version(), shows_file, entries, stored))
        write_atomic(self.path, index + zlib.crc32(index).to_bytes(CHECKSUM_BYTES, "big"))
        self.__dict__["snapshot"] = snapshot if stored is not None else None
        self._new_snapshot = None


def renamed_problems(problems: tuple[Problem, ...], was: str, now: str) -> tuple[Problem, ...]:
    """``problems`` reported under the file's name ``was``, now under ``now``."""
    return tuple(
        msgspec.structs.replace(problem, file=now) if problem.file == was else problem
        for problem in problems
    )


def share_repeated_values(summaries: Iterable[ShowSummary | None]) -> None:
    """One object for each value that many summaries repeat.

    Decoding makes a new string for every country, network and genre of
    every show (the status is a Literal, which it shares): at 10,000 shows,
    3 MiB of copies of a few hundred values, kept while the catalog runs. A
    dictionary of the values seen makes the copies go. One loop, written out
    field by field: it runs for every show.
    """
    shared: dict[object, object] = {}
    keep = shared.setdefault
    for summary in summaries:
        if summary is None:
            continue
        country, network, genres = summary.country, summary.network, summary.genres
        kept = keep(country, country)
        if kept is not country:
            _force_setattr(summary, "country", kept)
        if network is not None:
            kept = keep(network, network)
            if kept is not network:
                _force_setattr(summary, "network", kept)
        if genres:
            kept = shared.get(genres)
            if kept is None:  # a new set of genres: its names may repeat too
                kept = shared[genres] = tuple([keep(genre, genre) for genre in genres])
            if kept is not genres:
                _force_setattr(summary, "genres", kept)


def _max_encoded_bytes(file_size: int) -> int:
    """The most an encoded show can take, from a show file of ``file_size`` bytes.

    Encoded, a show is about the size of its YAML, or smaller; aliases can
    repeat values, up to the loader's limits (yamlnodes: a million characters
    of text, ten thousand values). Far above both, yet never the gigabytes a
    crafted length within a huge shows file could ask to be read at once.
    """
    return 4 * file_size + (16 << 20)


def _read_index(path: Path) -> _Index | None:
    """The index at ``path`` if it is usable, without a word if it is not."""
    try:
        index = _decode_index(read_guarded(path, MAX_INDEX_BYTES))
    except (OSError, UnusableFile):
        return None
    return index if index is not None and _is_shows_file_name(index.shows_file) else None


def _decode_index(data: bytes) -> _Index | None:
    """The index in ``data`` if its checksum holds, it decodes, and this version wrote it."""
    # A view, not a copy of the megabytes before the checksum.
    payload, checksum = memoryview(data)[:-CHECKSUM_BYTES], data[-CHECKSUM_BYTES:]
    if (
        len(data) <= CHECKSUM_BYTES
        or zlib.crc32(payload).to_bytes(CHECKSUM_BYTES, "big") != checksum
    ):
        return None
    try:
        index = _index_decoder.decode(payload)
    except msgspec.DecodeError:  # damaged or from an older layout
        return None
    return index if index.version == cache_version() else None


def _new_shows_file_name() -> str:
    return f"{SHOWS_FILE_PREFIX}{os.urandom(8).hex()}{SHOWS_FILE_SUFFIX}"


def _is_shows_file_name(name: str) -> bool:
    # Only a plain name in the cache folder: an index never points elsewhere.
    return (
        name.startswith(SHOWS_FILE_PREFIX)
        and name.endswith(SHOWS_FILE_SUFFIX)
        and "/" not in name
        and os.sep not in name
    )


def _remove_other_shows_files(current: Path) -> None:
    """Remove the shows files of earlier saves, which no index names any more.

    A run still showing a catalog from an earlier index may want a show from
    one: it finds the file gone and parses that show's file instead.
    """
    try:
        others = [
            path
            for path in current.parent.iterdir()
            if path.name != current.name and _is_shows_file_name(path.name)
        ]
        for path in others:
            if path.is_symlink() or not path.is_file():
                continue  # not one this cache wrote: left alone
            path.unlink(missing_ok=True)  # missing: another run removed it first
    except OSError:
        return  # cannot remove here: the files only take room until a later save


def _still_present(keys: Iterable[str]) -> Iterable[str]:
    return (key for key in keys if Path(key).exists())


# --- for parsing in worker processes (core/parallel.py) ---------------------------


def put_encoded(
    cache: ParseCache,
    key: str,
    info: os.stat_result,
    name: str,
    summary: ShowSummary | None,
    encoded: bytes,
    problems: Iterable[Problem] = (),
) -> None:
    """:meth:`ParseCache.put` for a show a worker process parsed and encoded:
    stored as it came, without decoding and encoding it again here."""
    if info.st_mtime_ns >= cache._trusted_before_ns:
        return
    stored = encoded if summary is not None else b""
    entry = _Entry(
        key,
        info.st_size,
        info.st_mtime_ns,
        info.st_ino,
        name,
        summary,
        tuple(problems),
        0,
        len(stored),
        zlib.crc32(stored),
    )
    cache._seen[key] = _Added(entry, stored)
    cache._dirty = True
