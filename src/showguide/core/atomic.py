"""Replace a file's contents so that a reader sees the old file or the new one, never half.

The bytes go to a temporary file in the same folder (a rename is atomic only
within one file system), are flushed and fsynced, and the temporary file is
renamed over the target. The folder is fsynced too, where the platform allows
it, so that the rename itself survives a power cut. A write that fails (a full
disk, a file size limit, a signal) leaves the old file byte for byte as it was.

Two processes saving at once each write their own temporary file; the last
rename wins and neither can leave a mixture. A process killed before its
rename leaves the old file intact and a stray temporary file. The writer holds
an advisory lock (``flock``) on its temporary file while it writes, so any
later save can tell a stray (nobody holds its lock: its writer died) from a
save still under way, and removes the strays at once. Where there is no
``flock`` (Windows), strays are removed once they are an hour old.

Where :func:`merge_save` or a caller needs two processes to take turns (read
what is on disk, merge, write), :func:`locked` holds a lock file beside the
target for the duration.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

if sys.platform != "win32":  # Windows has no advisory locks: strays go by age instead
    import fcntl

#: Without locks, temporary files older than this are strays from a process that died.
STALE_TEMP_SECONDS = 3600
TEMP_SUFFIX = ".tmp"
LOCK_SUFFIX = ".lock"
#: How long :func:`locked` waits for another process before going ahead without the lock.
LOCK_WAIT_SECONDS = 5.0


def temp_prefix(path: Path) -> str:
    """The prefix of every temporary file written for ``path``."""
    return f".{path.name}."


def write_atomic(
    path: Path,
    data: bytes,
    *,
    replace: bool = True,
    mode: int | None = None,
    make_folder: bool = True,
    stray_prefixes: Iterable[str] = (),
) -> None:
    """Write ``data`` to ``path`` atomically, creating its folder if need be
    (unless ``make_folder`` is False).

    With ``replace=False`` an existing ``path`` is never replaced: the write
    raises FileExistsError, even if the file appears while the data is being
    written. ``mode`` sets the new file's permission bits (default: readable
    and writable by the user only). After the write, stray temporary files of
    earlier saves of ``path``, and of any name starting with one of
    ``stray_prefixes``, are removed.

    Raises OSError when the folder cannot be created or written; the old file
    is then untouched, and no temporary file is left.
    """
    folder = path.parent
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True)
    handle, temp = _locked_temp(path)
    try:
        if mode is not None:
            os.fchmod(handle, mode)
        view = memoryview(data)
        while view:
            written = os.write(handle, view)
            view = view[written:]
        os.fsync(handle)
        if sys.platform == "win32":  # Windows renames no open file (and has no lock)
            os.close(handle)
            handle = -1
        # Renamed while still locked: a cleaner never takes it for a stray.
        if replace:
            temp.replace(path)
        else:
            _link_without_replacing(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    finally:
        if handle >= 0:
            os.close(handle)
    _fsync_folder(folder)
    remove_stale_temps(path, stray_prefixes)


def _locked_temp(path: Path) -> tuple[int, Path]:
    """A new temporary file beside ``path``, open and locked, that nobody else has removed."""
    import tempfile  # here, not at the top: loading never writes, and start-up counts

    while True:
        handle, name = tempfile.mkstemp(
            dir=path.parent, prefix=temp_prefix(path), suffix=TEMP_SUFFIX
        )
        if sys.platform == "win32":
            return handle, Path(name)
        fcntl.flock(handle, fcntl.LOCK_EX)
        # A cleaner may have taken it for a stray between its creation and
        # the lock (it removes only what it could lock): then make another.
        try:
            if Path(name).stat().st_ino == os.fstat(handle).st_ino:
                return handle, Path(name)
        except FileNotFoundError:
            pass
        os.close(handle)


def _link_without_replacing(temp: Path, path: Path) -> None:
    """Give the finished ``temp`` the name ``path`` only if no such file exists."""
    try:
        os.link(temp, path)  # atomic, and fails if the name is taken
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists() or path.is_symlink():
            raise FileExistsError(path) from None
        temp.replace(path)
        return
    temp.unlink()


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):  # Windows cannot open a folder to fsync it
        return
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return  # the data is written; only the rename's durability is less certain
    try:
        # Some file systems refuse fsync on a folder; nothing more can be done there.
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def stray_temps(path: Path, prefixes: Iterable[str] = ()) -> list[Path]:
    """Temporary files beside ``path`` left by saves that never finished (or are running)."""
    wanted = (temp_prefix(path), *prefixes)
    try:
        return [
            item
            for item in path.parent.iterdir()
            if item.name.startswith(wanted) and item.name.endswith(TEMP_SUFFIX)
        ]
    except OSError:
        return []


def remove_stale_temps(path: Path, prefixes: Iterable[str] = ()) -> None:
    """Remove the temporary files beside ``path`` whose save can no longer finish.

    ``prefixes`` adds other names whose temporary files are strays too, e.g.
    every shows file of the parse cache, each save of which has its own name.
    """
    cutoff = time.time() - STALE_TEMP_SECONDS
    for temp in stray_temps(path, prefixes):
        with contextlib.suppress(OSError):  # gone already, or not ours to remove
            if sys.platform == "win32":
                if temp.stat().st_mtime < cutoff:
                    temp.unlink()
                continue
            _remove_if_abandoned(temp)


def _remove_if_abandoned(temp: Path) -> None:
    # O_NONBLOCK: a FIFO planted under a temporary name must not block the save.
    handle = os.open(temp, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return  # its writer is alive and still writing
        # Still the file that was locked (not replaced meanwhile by a new save's)?
        if temp.stat().st_ino == os.fstat(handle).st_ino:
            temp.unlink()
    finally:
        os.close(handle)


@contextlib.contextmanager
def locked(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[bool]:
    """Hold an exclusive lock on ``path`` + ``.lock`` while the block runs.

    Yields True when the lock is held; False when it could not be had (no
    ``flock``, a lock file that cannot be made or is not a regular file, or
    another process holding it past ``wait`` seconds). The block runs either
    way: a stuck process elsewhere must not stop this one saving.
    """
    if sys.platform == "win32":
        yield False
        return
    lock_path = path.with_name(path.name + LOCK_SUFFIX)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(
            lock_path,
            os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0),
            0o600,
        )
    except OSError:
        yield False
        return
    try:
        import stat

        held = stat.S_ISREG(os.fstat(handle).st_mode) and _flock_within(handle, wait)
        yield held
    finally:
        os.close(handle)  # releases the lock


def _flock_within(handle: int, wait: float) -> bool:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        except OSError:
            return False
