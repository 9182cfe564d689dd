"""Progress on standard error while a command reads many show files.

Shown only when standard error is a terminal (never in a log or a pipe), and
only once reading has taken a moment: a warm start never flashes it. One
line, rewritten in place, and erased when reading is done, so that what the
command prints next starts on a clean line.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from showguide.core.parallel import Progress, progress_text

__all__ = ["QUIET_SECONDS", "progress_text", "stderr_progress"]

#: Reading that ends sooner than this shows no progress at all.
QUIET_SECONDS = 0.3


class _Line:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.shown and time.monotonic() - self.started < QUIET_SECONDS:
            return
        self.shown = True
        self.stream.write(f"\r{progress_text(done, total)}\x1b[K")
        self.stream.flush()

    def erase(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def stderr_progress() -> Iterator[Progress | None]:
    """A progress callback that draws on standard error, or None when it is not a terminal."""
    stream = sys.stderr
    if not _is_terminal(stream):
        yield None
        return
    line = _Line(stream)
    try:
        yield line
    finally:
        line.erase()
