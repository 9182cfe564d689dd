"""Read a file showguide keeps (preferences, state, the parse cache) without trusting what it is.

The same guards as for show files (see :func:`showguide.core.loader.read_show_bytes`):
only a regular file is read, and only up to a size limit. A FIFO or a device
put in a file's place could block a read forever or never end; a huge file
would take unbounded memory. The file is opened without blocking and its type
is checked on the open handle, so nothing can be swapped in between a check
and the read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class UnusableFile(Exception):
    """The file exists but is not one to read: its message says why, for a notice."""


def read_guarded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises FileNotFoundError when there is no such file, UnusableFile when it
    is not a regular file or is over ``limit`` bytes, and OSError when it
    cannot be read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    handle = os.open(path, flags)
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise UnusableFile("it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise UnusableFile("it is not a regular file")
        if info.st_size > limit:
            raise UnusableFile(f"it is {info.st_size:,} bytes, over the limit of {limit:,}")
        chunks = []
        remaining = limit + 1  # one more: a file that grew past the limit is caught
        # The whole file in one read when it has not grown meanwhile (the one
        # chunk is then the result, not a copy: the parse cache's index is
        # megabytes, read at every start); one more read sees its end.
        size = max(info.st_size + 1, 1 << 16)
        while remaining > 0:
            chunk = os.read(handle, min(remaining, size))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > limit:
        raise UnusableFile(f"it is over the limit of {limit:,} bytes")
    return data
