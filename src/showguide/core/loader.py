"""Read a show file into a :class:`~showguide.core.model.Show`, or say exactly what is wrong.

Loading happens in three steps, each of which reports problems with a file,
line and column rather than raising something a user would see as a traceback:

1. Bytes to text: size limit, file type, UTF-8 decoding.
2. Text to plain data: YAML is *composed* (never constructed, so no tag can
   build a Python object), and the node tree is turned into dicts, lists and
   scalars by :mod:`showguide.core.yamlnodes`, which records where each value
   came from. Positions are only read when something is wrong, so a file is
   first read without them (:mod:`showguide.core.yamlplain`) and read again
   with them only if that meets anything unusual or the show has a problem.
3. Plain data to the typed model: msgspec converts it in one fast pass; only
   when that fails does :mod:`showguide.core.validate` walk the data to collect
   every problem with its position.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any, BinaryIO

import msgspec

from showguide.core.environment import (
    DEFAULT_MAX_FILE_BYTES,
    MAX_FILE_BYTES_VARIABLE,
    debugging,
)

# Kept importable from here, where it lived before core/environment.py.
from showguide.core.environment import max_file_bytes as max_file_bytes
from showguide.core.errors import WHOLE_FILE, Problem, ShowDataError
from showguide.core.model import Show
from showguide.core.yamlnodes import Located, compose_located
from showguide.core.yamlplain import NeedsLocated, read_plain

DEFAULT_MAX_BYTES = DEFAULT_MAX_FILE_BYTES
MAX_BYTES_VARIABLE = MAX_FILE_BYTES_VARIABLE
#: Read in pieces this big past the size stat() gave: a file that grows while
#: it is read costs memory as it grows, never the whole limit up front.
_READ_CHUNK = 1024 * 1024

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def _file_problem(name: str, message: str) -> ShowDataError:
    return ShowDataError([Problem(name, 1, 1, WHOLE_FILE, message)])


def read_show_bytes(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of a show file, refusing folders, devices, FIFOs and huge files."""
    name = str(path)
    limit = max_file_bytes() if max_bytes is None else max_bytes
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _file_problem(name, "no such file") from None
    except OSError as error:
        raise _file_problem(name, f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _file_problem(name, "is a folder, not a show file")
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO or a device could block forever or read without end.
        raise _file_problem(name, "is not a regular file")
    if info.st_size > limit:
        raise _file_problem(
            name,
            f"file is {info.st_size:,} bytes, over the limit of {limit:,}"
            f" (set {MAX_BYTES_VARIABLE} to change it)",
        )
    try:
        with path.open("rb") as stream:
            data = _read_at_most(stream, info.st_size, limit + 1)
    except OSError as error:
        raise _file_problem(name, f"cannot read: {error.strerror or error}") from None
    if len(data) > limit:  # the file grew after stat()
        raise _file_problem(name, f"file is over the limit of {limit:,} bytes")
    return data


def _read_at_most(stream: BinaryIO, expected: int, most: int) -> bytes:
    """Up to ``most`` bytes of ``stream``, whose size was ``expected``.

    ``read(most)`` would allocate ``most`` bytes before reading one: with the
    limit raised to a gigabyte, every small file would cost a gigabyte.
    """
    first = stream.read(min(expected + 1, most))
    if len(first) <= expected or len(first) >= most:
        return first  # the whole file (or all that is allowed)
    pieces = [first]
    total = len(first)
    while total < most:
        piece = stream.read(min(_READ_CHUNK, most - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    return b"".join(pieces)


def decode_show_bytes(data: bytes, name: str) -> str:
    """UTF-8 text, with an exact position for the first byte that is not UTF-8."""
    for bom, encoding in _BOMS.items():
        if data.startswith(bom):
            raise _file_problem(name, f"the file is {encoding}; save it as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8-sig", errors="replace")) + 1
        bad = data[error.start : error.start + 1].hex()
        raise ShowDataError(
            [
                Problem(
                    name,
                    line,
                    column,
                    WHOLE_FILE,
                    f"byte 0x{bad} is not UTF-8; save the file as UTF-8",
                )
            ]
        ) from None


def parse_show(text: str, name: str) -> Show:
    """The show in ``text``; ``name`` is the file name used in problems.

    Read first without positions (:mod:`showguide.core.yamlplain`, in well
    under half the time), which is all a file with no problem needs; any problem,
    or anything the fast reader does not handle, and the file is read again
    with a position for every value, so that each problem says where it is.
    """
    try:
        value = read_plain(text, name)
    except NeedsLocated:
        pass
    else:
        show = _show_without_problems(value, name)
        if show is not None:
            return show
    tree = compose_located(text, name)
    return show_from_tree(tree, name)


def _show_without_problems(value: Any, name: str) -> Show | None:
    """The Show ``value`` makes if nothing at all is wrong with it, else None."""
    from showguide.core.episode_checks import check_episodes
    from showguide.core.validate import check_ids

    tree = Located(value)  # no positions: only a problem would read them
    if check_ids(tree, name) or check_episodes(tree, name):
        return None
    try:
        return msgspec.convert(value, Show)
    except msgspec.ValidationError:
        return None


def show_from_tree(tree: Located, name: str) -> Show:
    """Convert located plain data into a Show, collecting every problem on failure."""
    # Imported here: only files with problems, or with ids to check, need it,
    # and difflib and the walker are not free to import.
    from showguide.core.episode_checks import check_episodes
    from showguide.core.validate import check_ids, validate_tree

    problems = [*tree.problems, *check_ids(tree, name), *check_episodes(tree, name)]
    if not problems:
        try:
            return msgspec.convert(tree.value, Show)
        except msgspec.ValidationError:
            # msgspec names only the first problem and no position: the walker
            # below finds them all, with lines and columns.
            problems = []
    already = {problem.path for problem in tree.problems}
    problems.extend(p for p in validate_tree(tree, Show, name) if p.path not in already)
    if not problems:  # msgspec and the walker disagree: still never a traceback
        problems.append(Problem(name, 1, 1, WHOLE_FILE, "the data does not match the show format"))
    raise ShowDataError(problems)


def load_show(path: Path | str, *, max_bytes: int | None = None) -> Show:
    """Load one show file; raises :class:`ShowDataError` and nothing else for bad data."""
    path = Path(path)
    text = decode_show_bytes(read_show_bytes(path, max_bytes=max_bytes), str(path))
    return parse_show(text, str(path))


def load_show_or_problems(path: Path | str) -> tuple[Show | None, tuple[Problem, ...]]:
    """The show in one file, or its problems: what the catalog keeps for each file.

    A bug met while reading one file (a 5,000-digit number once ended every
    command) becomes that file's problem, so it cannot take the other shows
    down with it; SHOWGUIDE_DEBUG asks for the traceback instead.
    """
    try:
        return load_show(path), ()
    except ShowDataError as error:
        return None, error.problems
    except Exception as error:
        if debugging():
            raise
        detail = f"{type(error).__name__}: {error}"
        detail = detail if len(detail) <= 100 else detail[:99] + "…"
        message = f"cannot be read because of a bug in showguide ({detail}); please report it"
        return None, (Problem(str(path), 1, 1, WHOLE_FILE, message),)
