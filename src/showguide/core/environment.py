"""The environment variables showguide reads, each checked before it is used.

An environment value is input like any other: it may be empty, not a number,
a number too big for any machine, or a path that cannot be expanded
(``~nosuchuser``). Every reader here returns a sane value whatever the text,
and :func:`environment_problems` says, one line each, which values were not
used as given, so that the command line can warn once at start-up (or refuse
to run, for a value it cannot do without).

Only the standard library is imported: the parse cache reads the file size
limit on every warm start, and the command line checks these on every run.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import NamedTuple

HOME_VARIABLE = "SHOWGUIDE_HOME"
PATH_VARIABLE = "SHOWGUIDE_PATH"
MAX_FILE_BYTES_VARIABLE = "SHOWGUIDE_MAX_FILE_BYTES"
DEBUG_VARIABLE = "SHOWGUIDE_DEBUG"

DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024
#: The most a user may raise the limit to. A show file is read whole into
#: memory and its text decoded; past this, a mistyped extra digit would let one
#: file take all the memory there is.
LARGEST_MAX_FILE_BYTES = 1024 * 1024 * 1024
#: Digits enough for any limit up to LARGEST_MAX_FILE_BYTES and then some;
#: longer text is not converted at all (Python refuses 4,300 digits).
_NUMBER = re.compile(r"[0-9]{1,30}")
#: Values of SHOWGUIDE_DEBUG that mean "off", as people write them.
_OFF = frozenset({"", "0", "no", "false", "off"})


class EnvironmentProblem(NamedTuple):
    """One environment value not used as given."""

    message: str
    #: True when showguide cannot run without it (exit 2); else a warning.
    fatal: bool = False


def _shown(name: str, raw: str) -> str:
    """``NAME='value'``, cut short: the value is quoted as Python writes it
    (control characters escaped), and the quoted form is what is cut."""
    quoted = repr(raw)
    return f"{name}={quoted if len(quoted) <= 42 else quoted[:41] + '…'}"


# --- SHOWGUIDE_MAX_FILE_BYTES -----------------------------------------------------------


def _read_max_file_bytes() -> tuple[int, str | None]:
    """The limit, and why the variable's value was not used (or None)."""
    raw = os.environ.get(MAX_FILE_BYTES_VARIABLE, "")
    text = raw.strip()
    if not text:
        return DEFAULT_MAX_FILE_BYTES, None
    default = f"using the default, {DEFAULT_MAX_FILE_BYTES:,}"
    if not _NUMBER.fullmatch(text):
        if text.isascii() and text.isdigit():  # digits, more than any limit has
            return LARGEST_MAX_FILE_BYTES, _too_big(raw)
        return DEFAULT_MAX_FILE_BYTES, (
            f"{_shown(MAX_FILE_BYTES_VARIABLE, raw)} is not a number of bytes; {default}"
        )
    value = int(text)
    if value == 0:
        return DEFAULT_MAX_FILE_BYTES, (
            f"{_shown(MAX_FILE_BYTES_VARIABLE, raw)} would refuse every file; {default}"
        )
    if value > LARGEST_MAX_FILE_BYTES:
        return LARGEST_MAX_FILE_BYTES, _too_big(raw)
    return value, None


def _too_big(raw: str) -> str:
    return (
        f"{_shown(MAX_FILE_BYTES_VARIABLE, raw)} is more than the largest limit,"
        f" {LARGEST_MAX_FILE_BYTES:,} bytes; using that"
    )


def max_file_bytes() -> int:
    """The size limit for one show file: the default, or the environment's sane override."""
    return _read_max_file_bytes()[0]


# --- paths: SHOWGUIDE_HOME, SHOWGUIDE_PATH ---------------------------------------------


def _expand(raw: str) -> Path | None:
    """``raw`` with a leading ``~`` or ``~user`` expanded; None when it cannot be."""
    try:
        return Path(raw).expanduser()
    except (RuntimeError, KeyError, OSError, ValueError):
        # RuntimeError: no such user, or no home to put for "~".
        return None


def _read_home() -> tuple[Path | None, str | None]:
    raw = os.environ.get(HOME_VARIABLE, "")
    if not raw:
        return None, None
    home = _expand(raw)
    if home is None:
        return None, (
            f"{_shown(HOME_VARIABLE, raw)}: cannot find that home folder"
            " (no such user?); set it to a folder showguide can use"
        )
    return home, None


def showguide_home() -> Path | None:
    """The folder SHOWGUIDE_HOME names, or None when it is unset or cannot be used."""
    return _read_home()[0]


def _read_search_path() -> tuple[list[Path], list[str]]:
    raw = os.environ.get(PATH_VARIABLE, "")
    paths: list[Path] = []
    skipped: list[str] = []
    for part in raw.split(os.pathsep):
        if not part:  # an empty part ("a::b", a trailing separator) means nothing
            continue
        path = _expand(part)
        if path is None:
            skipped.append(
                f"{PATH_VARIABLE} entry {part[:40]!r}: cannot find that home folder"
                " (no such user?); skipped"
            )
        else:
            paths.append(path)
    return paths, skipped


def search_path() -> list[Path]:
    """The folders and files SHOWGUIDE_PATH names, in order; entries that cannot be expanded are left out."""
    return _read_search_path()[0]


# --- XDG base directories (read by platformdirs) -----------------------------------------


#: Where each kind of user folder goes when its XDG variable is unset.
XDG_DEFAULTS = {
    "data": ("XDG_DATA_HOME", ".local/share"),
    "config": ("XDG_CONFIG_HOME", ".config"),
    "state": ("XDG_STATE_HOME", ".local/state"),
    "cache": ("XDG_CACHE_HOME", ".cache"),
}


def ignored_xdg_variables() -> list[str]:
    """The XDG variables set to a relative path, which the XDG spec says to ignore.

    platformdirs would use such a path as given, relative to wherever
    showguide happens to be started, and scatter files there.
    """
    if sys.platform in ("win32", "darwin"):
        return []
    return [
        name
        for name, _ in XDG_DEFAULTS.values()
        if (value := os.environ.get(name, "").strip()) and not Path(value).is_absolute()
    ]


# --- SHOWGUIDE_DEBUG -------------------------------------------------------------------


def debugging() -> bool:
    """True when SHOWGUIDE_DEBUG asks for tracebacks: set, and not "0", "no", "false" or "off"."""
    return os.environ.get(DEBUG_VARIABLE, "").strip().casefold() not in _OFF


# --- all of them -------------------------------------------------------------------------


def environment_problems() -> list[EnvironmentProblem]:
    """Every environment value not used as given, one line each."""
    problems: list[EnvironmentProblem] = []
    home, home_problem = _read_home()
    if home_problem:
        problems.append(EnvironmentProblem(home_problem, fatal=True))
    problems.extend(EnvironmentProblem(message) for message in _read_search_path()[1])
    _, limit_problem = _read_max_file_bytes()
    if limit_problem:
        problems.append(EnvironmentProblem(limit_problem))
    # SHOWGUIDE_HOME, when it names a folder, puts every user folder there.
    for name in ignored_xdg_variables() if home is None and not home_problem else ():
        raw = os.environ.get(name, "")
        problems.append(
            EnvironmentProblem(
                f"{_shown(name, raw)} is not an absolute path; ignored, as the XDG spec says"
            )
        )
    return problems
