"""A parse cache: loaded shows (or their problems) kept between runs.

Parsing YAML is the slow part of loading a catalog; decoding a msgpack-encoded
:class:`~showguide.core.model.Show` is about fifty times faster. So the result
of loading each show file is kept in one file in the cache folder, keyed by the
file's resolved path, and trusted only while the file's size, modification
time and inode are unchanged and the whole cache was written by this version
of showguide, of the show format and of msgspec.

Layout: one msgpack file for the whole catalog, a map from resolved path to
that file's entry. Reading one file of a few megabytes is much cheaper than
opening a thousand small ones. Each entry is kept as raw bytes and decoded
only when asked for, so a damaged entry costs only its own file a re-parse,
and an entry is decoded with the full type checks of the model (an edited or
truncated cache can give a re-parse, never a wrong type).

A stale entry is simply a miss; a cache file that does not decode, or that an
older version wrote, is ignored and replaced at the next save. Saving is atomic.

Modification times have a granularity (a few milliseconds on Linux, two
seconds on FAT), so a file saved twice within one tick with the same size would
look unchanged. A file modified less than :data:`RACY_SECONDS` before the
cache was opened is therefore never stored; it is parsed again next time.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import msgspec

from showguide import __version__
from showguide.core.atomic import write_atomic
from showguide.core.errors import Problem
from showguide.core.loader import max_file_bytes
from showguide.core.model import FORMAT_VERSION, Show
from showguide.core.userdirs import cache_dir

CACHE_FILE = "parse-cache.msgpack"
#: Bump when the layout of the cache file changes.
LAYOUT = 1
RACY_SECONDS = 2
#: Entries kept for files not seen in the latest load, e.g. from another --data.
MAX_ENTRIES = 20_000


def cache_version() -> str:
    """Everything besides the file itself that changes what loading it gives."""
    return (
        f"layout {LAYOUT}; format {FORMAT_VERSION}; showguide {__version__};"
        f" msgspec {msgspec.__version__}; max bytes {max_file_bytes()}"
    )


class FileKey(msgspec.Struct, frozen=True, array_like=True):
    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileKey:
        return cls(info.st_size, info.st_mtime_ns, info.st_ino)


class _Entry(msgspec.Struct, frozen=True, array_like=True):
    key: FileKey
    #: The file name that ``problems`` were reported under.
    name: str
    show: Show | None
    problems: list[Problem]


class _CacheFile(msgspec.Struct, frozen=True):
    version: str
    entries: dict[str, msgspec.Raw]


@dataclass(frozen=True)
class Parsed:
    """What loading one show file gave: a show, or the problems that stopped it."""

    show: Show | None
    problems: tuple[Problem, ...] = ()


_entry_decoder = msgspec.msgpack.Decoder(_Entry)
_file_decoder = msgspec.msgpack.Decoder(_CacheFile)
_encoder = msgspec.msgpack.Encoder()


class ParseCache:
    """The parse cache of one run: look up, add, then save once at the end."""

    def __init__(self, path: Path, entries: dict[str, msgspec.Raw] | None = None) -> None:
        self.path = path
        self._old = entries or {}
        self._seen: dict[str, msgspec.Raw] = {}
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
            stored = _file_decoder.decode(data)
        except msgspec.DecodeError:  # damaged or from an older layout
            return cls(path)
        if stored.version != cache_version():
            return cls(path)
        return cls(path, stored.entries)

    def get(self, key: str, info: os.stat_result, name: str) -> Parsed | None:
        """The cached result for the file at resolved path ``key``, if still valid.

        ``name`` is how the file is named this time; problems are reported under it.
        """
        raw = self._old.get(key)
        if raw is None:
            self.misses += 1
            return None
        try:
            entry = _entry_decoder.decode(raw)
        except msgspec.DecodeError:
            self.misses += 1
            return None
        if entry.key != FileKey.of(info):
            self.misses += 1
            return None
        self.hits += 1
        self._seen[key] = raw
        problems = tuple(
            replace(problem, file=name) if problem.file == entry.name else problem
            for problem in entry.problems
        )
        return Parsed(entry.show, problems)

    def put(self, key: str, info: os.stat_result, name: str, parsed: Parsed) -> None:
        """Remember what loading the file gave, unless it changed too recently to trust."""
        if info.st_mtime_ns >= self._trusted_before_ns:
            return
        entry = _Entry(FileKey.of(info), name, parsed.show, list(parsed.problems))
        self._seen[key] = msgspec.Raw(_encoder.encode(entry))
        self._dirty = True

    def save(self) -> bool:
        """Write the cache if anything was added; False if it could not be written."""
        if not self._dirty:
            return True
        entries = dict(self._seen)
        for key in _still_present(k for k in self._old if k not in entries):
            if len(entries) >= MAX_ENTRIES:
                break
            entries[key] = self._old[key]
        data = _encoder.encode(_CacheFile(cache_version(), entries))
        try:
            write_atomic(self.path, data)
        except OSError:
            return False  # a read-only cache folder only makes the next run slower
        self._dirty = False
        return True


def _still_present(keys: Iterable[str]) -> Iterable[str]:
    return (key for key in keys if Path(key).exists())
