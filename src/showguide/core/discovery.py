"""Finding show files: the places to look, in order, and what is in them.

Shows are discovered in this order; :mod:`showguide.core.catalog` lets a later
show replace an earlier one with the same id:

1. the bundled shows (origin ``bundled``);
2. the user's data folder, ``<user data>/shows`` (origin ``user``);
3. every ``--data PATH``, a file or a folder, in the order given (``--data``);
4. every path in ``SHOWGUIDE_PATH``, separated by ``os.pathsep`` (``SHOWGUIDE_PATH``).

A folder contributes its ``*.yaml`` and ``*.yml`` files, not those of its
subfolders and not hidden ones, in name order. A file named directly is loaded
whatever its name. The same file reached twice is found once.

A ``--data`` path that does not exist or cannot be read is a problem: the user
named it, so commands exit 2. A ``SHOWGUIDE_PATH`` entry or user folder that
does not exist is skipped (like a stale ``PATH`` entry); one that cannot be
read is a notice. A file that cannot even be stat'ed (a symlink loop, a broken
link) is still found: loading it reports why it does not load.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Literal, NamedTuple

from showguide.core.environment import search_path
from showguide.core.errors import WHOLE_FILE, Problem
from showguide.core.paths import bundled_data_dir

Origin = Literal["bundled", "user", "--data", "SHOWGUIDE_PATH"]
SHOW_FILE_SUFFIXES = (".yaml", ".yml")
#: A file modified less than this many seconds ago may change again within its
#: timestamp's granularity (milliseconds on Linux, two seconds on FAT) without
#: its size or time changing: its stamp is not trusted to say it is unchanged.
RACY_SECONDS = 2

# NamedTuples and a plain class, not dataclasses: defining a dataclass costs
# about half a millisecond, and every command imports this module.


class Source(NamedTuple):
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
    sources.extend(Source(path, "SHOWGUIDE_PATH") for path in search_path())
    return sources


def is_show_file_name(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(SHOW_FILE_SUFFIXES)


def show_files_in(folder: Path) -> list[Path]:
    """The show files directly in ``folder``, sorted; raises OSError if unreadable."""
    return [found.path for found in _scan_folder(folder, "--data")]


class FoundFile(NamedTuple):
    """A show file found, not yet loaded."""

    #: The file's path as found (a folder's path joined with the file's name).
    #: Text, not a Path: making a Path for each of a thousand files costs more
    #: than the rest of finding them; :attr:`path` makes one when asked.
    text: str
    origin: str
    #: The resolved path: the file's identity for the parse cache, for spotting
    #: the same file reached twice, and for matching files across reloads.
    key: str
    #: None when the file cannot be stat'ed (a broken link): the loader says why.
    info: os.stat_result | None

    @property
    def path(self) -> Path:
        return Path(self.text)


#: Folders are listed through a descriptor where the OS allows it (see _scan_folder).
_SCAN_BY_DESCRIPTOR = os.scandir in os.supports_fd and os.stat in os.supports_dir_fd


def _scan_folder(folder: Path, origin: str) -> list[FoundFile]:
    # os.path and plain strings, not pathlib: this runs for every file of a
    # large catalog, before its first frame.
    real_prefix = os.path.join(os.path.realpath(folder), "")  # noqa: PTH118
    # What folder / name would give ("x.yaml" in ".", not "./x.yaml"), made once.
    prefix = os.fspath(folder / "_")[:-1]
    if not _SCAN_BY_DESCRIPTOR:
        with os.scandir(folder) as listing:
            return _found_in(listing, prefix, real_prefix, origin)
    # The folder opened once, and listed and each file stat'ed relative to
    # it (fstatat): the kernel then looks up a name in the folder, not the
    # whole path, every parent and link in it, again for each file. At
    # 10,000 files that is a sixth of finding them.
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        with os.scandir(handle) as listing:
            return _found_in(listing, prefix, real_prefix, origin)
    finally:
        os.close(handle)


def _found_in(
    listing: Iterator[os.DirEntry[str]], prefix: str, real_prefix: str, origin: str
) -> list[FoundFile]:
    """The show files of one folder's listing, sorted; ``prefix`` names the
    folder as found, ``real_prefix`` resolved (both end with a separator)."""
    same_prefix = prefix == real_prefix
    found = []
    # FoundFiles made by tuple.__new__, not FoundFile(...), whose __new__ is
    # written in Python; and the name test inlined (is_show_file_name).
    make = tuple.__new__
    for item in listing:
        name = item.name
        if name.startswith(".") or not name.lower().endswith(SHOW_FILE_SUFFIXES):
            continue
        try:
            if item.is_dir():
                continue  # a folder called x.yaml: not recursed into
            info: os.stat_result | None = item.stat()
        except OSError:  # a symlink loop or a broken link: listed with its problem
            info = None
        text = prefix + name
        if item.is_symlink():
            # The entry's own path is only its name when listed through a
            # descriptor: resolve the path it was found by.
            key = os.path.realpath(text)
        else:
            # One string for both when the folder is named by its real
            # path: a catalog keeps both for every file while it runs.
            key = text if same_prefix else real_prefix + name
        found.append(make(FoundFile, (text, origin, key, info)))
    # In name order: the texts share their folder's prefix, and differ. Sorted
    # by the text alone, not as tuples (which compare each pair's texts for
    # equality first, then for order): a third of the time at 10,000 files,
    # and the same order, as no two texts are equal.
    found.sort(key=_TEXT)
    return found


_TEXT = itemgetter(0)


#: How a source looked when it was searched: missing (None), or its
#: (is a folder, inode, mtime_ns, ctime_ns). A folder's times change whenever
#: a file is added to it, removed or renamed (its ctime even when its mtime is
#: set back), so the same state means the same names in it.
SourceState = tuple[bool, int, int, int] | None


def source_state(info: os.stat_result | None) -> SourceState:
    if info is None:
        return None
    return (stat.S_ISDIR(info.st_mode), info.st_ino, info.st_mtime_ns, info.st_ctime_ns)


def places_as_then(sources: Sequence[Source], then: Sequence[tuple[Source, SourceState]]) -> bool:
    """Whether the places to look in are the ones ``then`` lists, in order,
    each in the state it had (a folder's times change whenever a file is
    added to it, removed or renamed); False too if one cannot be stat'ed."""
    if len(sources) != len(then):
        return False
    for source, (was, state) in zip(sources, then, strict=True):
        if source != was:
            return False
        try:
            if state_now(source.path) != state:
                return False
        except (OSError, ValueError):
            return False
    return True


def state_now(path: Path) -> SourceState:
    """The state of the place at ``path`` now (None: not there); OSError or
    ValueError if it cannot be stat'ed (a loop, no permission, a NUL)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return source_state(info)


class Discovery:
    """What looking in every source found: files, things to tell, and bad named paths."""

    def __init__(self) -> None:
        self.files: list[FoundFile] = []
        self.notices: list[str] = []
        self.problems: list[Problem] = []
        #: Every source looked in, in order, with its state then; None once a
        #: source could not be read (its trouble may be gone next time).
        self.states: list[tuple[Source, SourceState]] | None = []
        #: The latest change time (ctime) of a source: how recently one changed.
        self.newest_change_ns = 0

    def trouble(self, source: Source, message: str) -> None:
        if source.explicit:
            self.problems.append(Problem(str(source.path), 1, 1, WHOLE_FILE, message))
        else:
            self.notices.append(f"{source.path} ({source.origin}): {message}; skipped")

    def seen(self, source: Source, info: os.stat_result | None) -> None:
        if self.states is not None:
            self.states.append((source, source_state(info)))
        if info is not None:
            self.newest_change_ns = max(self.newest_change_ns, info.st_ctime_ns)

    def unique_files(self) -> list[FoundFile]:
        """The files found, each once (the first time it was reached), in order."""
        files = self.files
        # Mostly no file is reached twice: one set of the keys, made in C, says so.
        if len({key for _text, _origin, key, _info in files}) == len(files):
            return list(files)
        seen: set[str] = set()
        unique = []
        for found in files:
            if found.key not in seen:
                seen.add(found.key)
                unique.append(found)
        return unique


def _reason(error: OSError) -> str:
    return f"cannot read: {error.strerror or error}"


def discover(sources: Iterable[Source]) -> Discovery:
    """Look in every source, in order; never raises for a path that is missing or unreadable."""
    discovery = Discovery()
    for source in sources:
        try:
            info = source.path.stat()
        except FileNotFoundError:
            if source.explicit:
                discovery.trouble(source, "no such file or folder")
            discovery.seen(source, None)
            continue
        except OSError as error:  # a symlink loop, no permission on a parent
            discovery.trouble(source, _reason(error))
            discovery.states = None
            continue
        discovery.seen(source, info)
        if not stat.S_ISDIR(info.st_mode):
            key = os.path.realpath(source.path)
            discovery.files.append(FoundFile(str(source.path), source.origin, key, info))
            continue
        try:
            found = _scan_folder(source.path, source.origin)
        except OSError as error:
            discovery.trouble(source, _reason(error))
            discovery.states = None
            continue
        if not found and source.explicit:
            discovery.notices.append(
                f"{source.path} (--data): no show files (*.yaml, *.yml) in this folder"
            )
        discovery.files.extend(found)
    return discovery
