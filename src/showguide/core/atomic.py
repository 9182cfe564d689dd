"""Replace a file's contents so that a reader sees the old file or the new one, never half.

The bytes go to a temporary file in the same folder (a rename is atomic only
within one file system), are flushed and fsynced, and the temporary file is
renamed over the target. The folder is fsynced too, where the platform allows
it, so that the rename itself survives a power cut.

Two processes saving at once each write their own temporary file; the last
rename wins and neither can leave a mixture. A process killed before its
rename leaves the old file intact and a stray temporary file, which a later
save removes once it is old enough not to belong to a save still under way.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

#: Temporary files older than this are strays from a process that died.
STALE_TEMP_SECONDS = 3600


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


TEMP_SUFFIX = ".tmp"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating its folder if need be.

    Raises OSError when the folder cannot be created or written; the old file
    is then untouched.
    """
    import tempfile  # here, not at the top: loading never writes, and start-up counts

    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        dir=folder, prefix=_temp_prefix(path), suffix=TEMP_SUFFIX, delete=False
    ) as stream:
        temp = Path(stream.name)
        try:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        except BaseException:
            stream.close()
            temp.unlink(missing_ok=True)
            raise
    try:
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)
    remove_stale_temps(path)


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


def stray_temps(path: Path) -> list[Path]:
    """Temporary files left beside ``path`` by saves that never finished (or are running)."""
    prefix = _temp_prefix(path)
    try:
        return [
            item
            for item in path.parent.iterdir()
            if item.name.startswith(prefix) and item.name.endswith(TEMP_SUFFIX)
        ]
    except OSError:
        return []


def remove_stale_temps(path: Path, older_than: float = STALE_TEMP_SECONDS) -> None:
    """Remove stray temporary files old enough that no running save can own them."""
    cutoff = time.time() - older_than
    for temp in stray_temps(path):
        with contextlib.suppress(OSError):  # gone already, or not ours to remove
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
