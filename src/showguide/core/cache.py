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
only when asked for, so a damaged entry costs only its own file a re-parse.
An entry holds the show's summary (what a list of shows needs) and the show
itself, still encoded: a warm load decodes a thousand summaries, and a show
only when it is opened, which makes a warm load several times faster.
Everything is decoded with the full type checks of the model, so an edited or
truncated cache can cause a re-parse, never a wrong type.

A stale entry is simply a miss; a cache file that does not decode, or that an
older version wrote, is ignored and replaced at the next save. Saving is atomic.

Modification times have a granularity (a few milliseconds on Linux, two
seconds on FAT), so a file saved twice within one tick with the same size would
look unchanged. A file modified less than
:data:`~showguide.core.discovery.RACY_SECONDS` before the cache was opened is
therefore never stored; it is parsed again next time.
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
from showguide.core.discovery import RACY_SECONDS
from showguide.core.errors import Problem
from showguide.core.model import FORMAT_VERSION, Show
from showguide.core.summary import ShowSummary
from showguide.core.userdirs import cache_dir

CACHE_FILE = "parse-cache.msgpack"
#: Bump when the layout of the cache file changes.
LAYOUT = 2
#: Entries kept for files not seen in the latest load, e.g. from another --data.
MAX_ENTRIES = 20_000
#: The loader's size limit changes what loading gives. Named here rather than
#: imported: the loader pulls in YAML, which a warm load never needs.
MAX_BYTES_VARIABLE = "SHOWGUIDE_MAX_FILE_BYTES"


def cache_version() -> str:
    """Everything besides the file itself that changes what loading it gives."""
    return (
        f"layout {LAYOUT}; format {FORMAT_VERSION}; showguide {__version__};"
        f" msgspec {msgspec.__version__}; max bytes {os.environ.get(MAX_BYTES_VARIABLE, '')!r}"
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
    #: None when the file did not load.
    summary: ShowSummary | None
    #: The encoded Show (msgpack nil when it did not load), decoded only when opened.
    show: msgspec.Raw
    problems: list[Problem]


class _CacheFile(msgspec.Struct, frozen=True):
    version: str
    entries: dict[str, msgspec.Raw]


_NIL = msgspec.Raw(b"\xc0")
_entry_decoder = msgspec.msgpack.Decoder(_Entry)
_file_decoder = msgspec.msgpack.Decoder(_CacheFile)
_show_decoder = msgspec.msgpack.Decoder(Show)
_encoder = msgspec.msgpack.Encoder()


@dataclass(frozen=True)
class Cached:
    """A cache hit: the summary and problems now, the show itself on demand."""

    summary: ShowSummary | None
    problems: tuple[Problem, ...]
    encoded_show: msgspec.Raw

    def show(self) -> Show | None:
        """The cached show, or None if it is missing or does not decode as a valid Show."""
        if self.summary is None:
            return None
        try:
            return _show_decoder.decode(self.encoded_show)
        except msgspec.DecodeError:  # a damaged entry: the caller parses the file instead
            return None


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

    def get(self, key: str, info: os.stat_result, name: str) -> Cached | None:
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
        return Cached(entry.summary, problems, entry.show)

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
        if show is None:
            summary, encoded = None, _NIL
        else:
            summary, encoded = ShowSummary.of(show), msgspec.Raw(_encoder.encode(show))
        entry = _Entry(FileKey.of(info), name, summary, encoded, list(problems))
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
