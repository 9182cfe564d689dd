"""The warm start's stamp check, in a process of its own.

A start drawn from the parse cache's snapshot (core/warm_start.py) must then
compare every file's stamp with the cache's: a ``stat`` a file, about 3 µs
each, 33 ms of CPU at 10,000 shows. In a thread of the app it ran only while
the app was idle (each ``stat`` gives up the GIL and waits to get it back), so
it came after the first frame and kept the app busy after it; started earlier,
it took turns for the GIL with the import of Textual, which then took 30 ms
longer. A forked child needed no GIL, but copying the pages the app then
wrote cost more than the check.

So a fresh Python (``posix_spawn``, no copy of the app) runs :data:`SOURCE`,
which needs nothing but msgspec: it checks the places looked in, reads the
parse cache's index itself, makes sure it is the one the app decoded (its
CRC-32, which the app passes), and compares the stamps of the snapshot's
files, the index's first entries. It writes ``1`` when nothing changed and
``0`` otherwise, or on any trouble; no answer at all counts as ``0``. It starts
while the app imports Textual, on the other core, and has answered long
before the first frame (80 ms at 10,000 shows, against 300). Where it cannot be
spawned (Windows), or gives no answer in time, the app checks in a thread.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

import msgspec

from showguide.core.discovery import SourceState

#: What the checker runs, with ``python -I -c``: argv is msgspec's folder, the
#: index's path, its CRC-32, how many of its first entries to check, then a
#: path and a state (see :func:`state_text`) for each place looked in. It
#: reads only the first four fields of each entry (core/cache.py's _Entry:
#: key, size, mtime_ns, inode; tests/test_stamp_checker.py holds it to them).
SOURCE = r"""
import os, stat, sys, zlib

def state(path):
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "-"
    return "%d:%d:%d:%d" % (
        stat.S_ISDIR(info.st_mode), info.st_ino, info.st_mtime_ns, info.st_ctime_ns
    )

def unchanged():
    index_path, checksum, count = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    places = sys.argv[5:]
    for path, then in zip(places[::2], places[1::2]):
        if state(path) != then:
            return False
    handle = os.open(index_path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_INDEX_BYTES:
            return False
        chunks = []
        while True:
            chunk = os.read(handle, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(handle)
    data = b"".join(chunks)
    payload = memoryview(data)[:-4]
    if len(data) <= 4 or int.from_bytes(data[-4:], "big") != checksum:
        return False
    if zlib.crc32(payload) != checksum:
        return False
    sys.path.insert(0, sys.argv[1])
    import msgspec

    class Entry(msgspec.Struct, array_like=True):
        key: str
        size: int
        mtime_ns: int
        inode: int

    class Index(msgspec.Struct):
        entries: list[Entry]

    entries = msgspec.msgpack.Decoder(Index).decode(payload).entries
    if len(entries) < count:
        return False
    for entry in entries[:count]:
        info = os.stat(entry.key)
        if (info.st_size, info.st_mtime_ns, info.st_ino) != (
            entry.size, entry.mtime_ns, entry.inode
        ):
            return False
    return True

try:
    answer = b"1" if unchanged() else b"0"
except BaseException:
    answer = b"0"
os.write(1, answer)
"""

#: Seconds the app waits for the checker's answer before checking itself.
ANSWER_TIMEOUT_SECONDS = 10.0


def state_text(state: SourceState) -> str:
    """A place's state as the checker writes it ("-": not there)."""
    if state is None:
        return "-"
    is_folder, inode, mtime_ns, ctime_ns = state
    return f"{int(is_folder)}:{inode}:{mtime_ns}:{ctime_ns}"


class Checker:
    """A running checker: its process and the pipe it answers on."""

    def __init__(self, pid: int, answers: int) -> None:
        self.pid = pid
        self.answers = answers
        self._answer: bool | None = None
        self._done = False

    @classmethod
    def spawn(
        cls,
        index_path: Path,
        checksum: int,
        count: int,
        places: Sequence[tuple[str, SourceState]],
    ) -> Checker | None:
        """Start a checker; None where one cannot be spawned."""
        if not hasattr(os, "posix_spawn") or not sys.executable:
            return None
        from showguide.core.cache import MAX_INDEX_BYTES

        argv = [
            sys.executable,
            "-I",
            "-c",
            SOURCE.replace("MAX_INDEX_BYTES", str(MAX_INDEX_BYTES)),
            os.path.dirname(os.path.dirname(msgspec.__file__)),  # noqa: PTH120
            os.fspath(index_path),
            str(checksum),
            str(count),
        ]
        for path, state in places:
            argv += [path, state_text(state)]
        try:
            read, write = os.pipe()
        except OSError:
            return None
        try:
            devnull = os.open(os.devnull, os.O_RDWR)
        except OSError:
            os.close(read)
            os.close(write)
            return None
        actions = [
            (os.POSIX_SPAWN_DUP2, devnull, 0),
            (os.POSIX_SPAWN_DUP2, write, 1),
            (os.POSIX_SPAWN_DUP2, devnull, 2),
        ]
        try:
            try:
                # A session of its own: Ctrl+C at the terminal is the app's alone.
                pid = os.posix_spawn(
                    sys.executable, argv, os.environ, file_actions=actions, setsid=True
                )
            except NotImplementedError:
                pid = os.posix_spawn(sys.executable, argv, os.environ, file_actions=actions)
        except OSError:
            os.close(read)
            return None
        finally:
            os.close(write)
            os.close(devnull)
        return cls(pid, read)

    def answer(self, timeout: float = 0.0) -> bool | None:
        """True if no file changed, False if one did (or the checker failed);
        None if it has not answered within ``timeout`` seconds."""
        if self._done:
            return self._answer
        ready, _, _ = select.select([self.answers], [], [], timeout)
        if not ready:
            return None
        try:
            answered = os.read(self.answers, 1)
        except OSError:
            answered = b""
        self._answer = answered == b"1"
        self._finish()
        return self._answer

    def stop(self) -> None:
        """End a checker that did not answer in time."""
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        self._finish()

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        os.close(self.answers)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
