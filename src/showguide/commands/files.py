"""Writing a command's result to standard output or to a file the user named."""

from __future__ import annotations

import sys
from pathlib import Path

from showguide.cli import EXIT_BAD_INPUT, EXIT_OK
from showguide.commands.output import print_error

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


def write_result(text: str, target: str | None, *, force: bool) -> int:
    """Write ``text`` to ``target`` (standard output when None or "-").

    An existing file is replaced only with ``force``: the file is opened with
    exclusive creation otherwise, so nothing is overwritten even if it
    appears between a check and the write.
    """
    if target is None or target == STDOUT_NAME:
        write_stdout(text)
        return EXIT_OK
    path = Path(target)
    if path.is_dir():
        return _refuse(f"{target} is a folder; give the name of a file to write")
    try:
        with path.open("w" if force else "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        return _refuse(f"{target} already exists; use --force to replace it")
    except OSError as error:
        return _refuse(f"cannot write {target}: {error.strerror or error}")
    return EXIT_OK
