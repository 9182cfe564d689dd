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
- The shows file (``parse-cache-TOKEN.shows``) holds the encoded shows, one
  after another. A show is read from it, and decoded, only when it is opened.
  Each save writes a new one under a new random token, which the index names
  and the file starts with: an index never reads another save's shows file,
  and a show that cannot be read or decoded from it is parsed again.

A stale entry is simply a miss; an index that does not decode, or that another
version wrote, is ignored and replaced at the next save. Saving is atomic: the
shows file is written first, then the index that names it, so a save cut short
leaves the old index and its shows file as they were.

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
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import msgspec

from showguide import __version__
from showguide.core.atomic import write_atomic
from showguide.core.discovery import RACY_SECONDS
from showguide.core.environment import max_file_bytes
from showguide.core.errors import Problem
from showguide.core.model import FORMAT_VERSION, RULES_REVISION, Show
from showguide.core.summary import ShowSummary
from showguide.core.userdirs import cache_dir

#: The index; the shows files beside it are named after it.
CACHE_FILE = "parse-cache.msgpack"
SHOWS_FILE_PREFIX = "parse-cache-"
SHOWS_FILE_SUFFIX = ".shows"
#: Every shows file starts with this and its token.
SHOWS_MAGIC = b"showguide shows "
#: Bump when the layout of the cache files changes.
LAYOUT = 4
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


class _Index(msgspec.Struct, frozen=True):
    version: str
    #: The name of the shows file that the entries' ``start`` and ``length`` are in.
    shows_file: str
    entries: list[_Entry]


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

    def read(self, start: int, length: int) -> bytes | None:
        """The bytes at ``start``, or None if the file is gone or is not this save's."""
        try:
            with self.path.open("rb") as stream:
                if stream.read(len(self.header)) != self.header:
                    return None
                stream.seek(start)
                data = stream.read(length)
        except OSError:  # removed by a later save, or unreadable: the show is parsed
            return None
        return data if len(data) == length else None

    def read_all(self) -> bytes | None:
        try:
            data = self.path.read_bytes()
        except OSError:
            return None
        return data if data.startswith(self.header) else None


class Cached:
    """A cache hit: the summary and problems now, the show itself on demand."""

    __slots__ = ("_entry", "_shows", "problems", "summary")

    def __init__(self, entry: _Entry, shows: ShowsFile, problems: tuple[Problem, ...]) -> None:
        self.summary = entry.summary
        self.problems = problems
        self._entry = entry
        self._shows = shows

    def show(self) -> Show | None:
        """The cached show, or None if it cannot be read or is not a valid Show."""
        entry = self._entry
        if entry.summary is None:
            return None
        data = self._shows.read(entry.start, entry.length)
        if data is None:
            return None
        try:
            show = _show_decoder().decode(data)
        except msgspec.DecodeError:  # a damaged entry: the caller parses the file instead
            return None
        # A show from another file would be a valid Show too: check it is this one.
        return show if show.id == entry.summary.id else None


class _Added:
    """A file loaded this run, to be stored at the next save."""

    __slots__ = ("encoded", "entry")

    def __init__(self, entry: _Entry, encoded: bytes) -> None:
        self.entry = entry
        self.encoded = encoded


class ParseCache:
    """The parse cache of one run: look up, add, then save once at the end."""

    def __init__(self, path: Path, index: _Index | None = None) -> None:
        self.path = path
        self._old: dict[str, _Entry] = {}
        self._old_shows: ShowsFile | None = None
        if index is not None:
            self._old = {entry.key: entry for entry in index.entries}
            self._old_shows = ShowsFile(path.parent / index.shows_file)
        self._seen: dict[str, _Entry | _Added] = {}
        self._dirty = False
        # Files modified after this are too fresh to trust their modification time.
        self._trusted_before_ns = time.time_ns() - RACY_SECONDS * 1_000_000_000
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, path: Path | None = None) -> ParseCache:
        """The cache at ``path`` (default: the user's cache folder), empty if unusable."""
        path = path or cache_dir() / CACHE_FILE
        try:
            data = path.read_bytes()
        except OSError:  # missing (the first run) or unreadable: start empty
            return cls(path)
        try:
            index = _index_decoder.decode(data)
        except msgspec.DecodeError:  # damaged or from an older layout
            return cls(path)
        if index.version != cache_version() or not _is_shows_file_name(index.shows_file):
            return cls(path)
        if not (path.parent / index.shows_file).is_file():
            # Removed, by hand or by another run's save racing this one's:
            # every show would be parsed when opened, and the cache never
            # saved again to mend it. Start empty instead; this run saves it.
            return cls(path)
        return cls(path, index)

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
            problems = tuple(
                replace(problem, file=name) if problem.file == entry.name else problem
                for problem in problems
            )
        return Cached(entry, self._old_shows, problems)

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
        entry = _Entry(
            key,
            info.st_size,
            info.st_mtime_ns,
            info.st_ino,
            name,
            summary,
            tuple(problems),
            0,
            len(encoded),
        )
        self._seen[key] = _Added(entry, encoded)
        self._dirty = True

    def save(self) -> bool:
        """Write the cache if anything was added; False if it could not be written."""
        if not self._dirty:
            return True
        kept: dict[str, _Entry | _Added] = dict(self._seen)
        for key in _still_present(k for k in self._old if k not in kept):
            if len(kept) >= MAX_ENTRIES:
                break
            kept[key] = self._old[key]
        old_shows = self._old_shows.read_all() if self._old_shows is not None else None
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
                if len(encoded) != entry.length:
                    continue  # its show is no longer to be had: a miss next time
            entries.append(msgspec.structs.replace(entry, start=offset))
            chunks.append(encoded)
            offset += len(encoded)
        index = _Index(cache_version(), shows_path.name, entries)
        try:
            write_atomic(shows_path, b"".join(chunks))
            write_atomic(self.path, _encoder.encode(index))
        except OSError:  # a read-only cache folder only makes the next run slower
            with contextlib.suppress(OSError):  # the folder may not even be one
                shows_path.unlink(missing_ok=True)
            return False
        self._dirty = False
        _remove_other_shows_files(shows_path)
        return True


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
    entry = _Entry(
        key,
        info.st_size,
        info.st_mtime_ns,
        info.st_ino,
        name,
        summary,
        tuple(problems),
        0,
        len(encoded) if summary is not None else 0,
    )
    cache._seen[key] = _Added(entry, encoded if summary is not None else b"")
    cache._dirty = True
