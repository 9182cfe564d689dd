"""Writing a command's result to standard output or to a file the user named."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from showguide.commands.output import print_error
from showguide.exitcodes import EXIT_BAD_INPUT, EXIT_OK

#: The file name that means standard output, as in most tools.
STDOUT_NAME = "-"


def write_stdout(text: str) -> None:
    """UTF-8 text to standard output, whatever encoding the locale asks for."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # replaced by something text-only, e.g. in a test
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _refuse(message: str) -> int:
    print_error(message)
    return EXIT_BAD_INPUT


def write_result(
    text: str, target: str | None, *, force: bool, what: str = "", note: str = ""
) -> int:
    """Write ``text`` to ``target`` (standard output when None or "-").

    Written to a file, it says so on standard error: ``Wrote WHAT to FILE (SIZE)``,
    then ``; NOTE`` when there is one (a command that writes a file and says
    nothing leaves the user to wonder whether it did).

    The file is written atomically (:mod:`showguide.core.atomic`): a write
    that fails, on a full disk or past a file size limit, leaves the old file
    byte for byte as it was. An existing file is replaced only with ``force``;
    without it nothing is overwritten, even a file that appears while the text
    is being written.
    """
    if target is None or target == STDOUT_NAME:
        write_stdout(text)
        return EXIT_OK
    path = Path(target)
    if path.is_dir():
        return _refuse(f"{target} is a folder; give the name of a file to write")
    try:
        regular = _write_file(path, text.encode("utf-8"), force=force)
    except FileExistsError:
        return _refuse(f"{target} already exists; use --force to replace it")
    except OSError as error:
        return _refuse(f"cannot write {target}: {error.strerror or error}")
    if not regular:
        return EXIT_OK  # a device or a pipe (-o /dev/stdout): what was written is the message
    # On standard error, with the other notices: standard output may be
    # closed or be a pipe, and is for data, which went to the file.
    from showguide.commands.output import literal, one_line, stderr

    size = len(text.encode("utf-8"))
    said = f"Wrote {what + ' ' if what else ''}to {target} ({_size(size)})"
    # One line, whatever the file's name holds (a line break is shown as ␤).
    stderr().print(literal(one_line(f"{said}; {note}" if note else said)), soft_wrap=True)
    return EXIT_OK


def _size(count: int) -> str:
    """``812 bytes``, ``4.2 kB``, ``1.3 MB``: decimal units, as file managers show them."""
    if count < 1000:
        return f"{count} byte{'s' if count != 1 else ''}"
    value = count / 1000
    for unit in ("kB", "MB"):
        if value < 1000:
            return f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"


def _write_file(path: Path, data: bytes, *, force: bool) -> bool:
    """Write ``data`` to ``path``; False when that was a device or a pipe, not a file."""
    from showguide.core.atomic import write_atomic

    try:
        info = path.stat()  # through a symbolic link: its target is what gets replaced
    except FileNotFoundError:
        info = None
    if info is None:
        if path.is_symlink():
            # A link to nothing: it exists, so only --force writes through it,
            # creating the file it names (the link itself stays).
            if not force:
                raise FileExistsError(path)
            path = Path(os.path.realpath(path))
        write_atomic(path, data, replace=False, mode=_new_file_mode(), make_folder=False)
        return True
    if not force:
        raise FileExistsError(path)
    if not stat.S_ISREG(info.st_mode):
        # A device or a pipe (``-o /dev/stdout``) cannot be replaced by a
        # rename, and a rename would put a plain file in its place: write into it.
        with path.open("wb") as stream:
            stream.write(data)
        return False
    real = Path(os.path.realpath(path))
    write_atomic(real, data, mode=stat.S_IMODE(info.st_mode), make_folder=False)
    return True


def _new_file_mode() -> int:
    """The permissions ``open()`` would give a new file: 0o666 less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
