"""Rich output shared by the commands: consoles and problem lines."""

from __future__ import annotations

import os
from collections.abc import Iterable

from rich.console import Console
from rich.text import Text

from showguide.core.errors import Problem
from showguide.core.text import one_line
from showguide.display import literal

__all__ = [
    "literal",
    "one_line",
    "print_error",
    "print_problems",
    "problem_line",
    "stderr",
    "stdout",
]


def _plain_text_requested() -> bool:
    """True when NO_COLOR (https://no-color.org) is set to anything but empty.

    Rich alone would drop colours but keep bold and italics; we drop every
    escape code, so the output is the same plain text as when piped.
    """
    return os.environ.get("NO_COLOR", "") != ""


#: The widths output is laid out in, whatever COLUMNS says: Rich takes
#: COLUMNS=0 at its word (every line comes out empty) and would lay out
#: lines a billion cells wide.
MIN_COLUMNS = 20
MAX_COLUMNS = 1000
#: Likewise for LINES, which Rich reads for the height.
MAX_LINES = 1000


def _clamped(value: str | None, low: int, high: int) -> str | None:
    """A COLUMNS or LINES value within [low, high]; None (unset) when it is no number."""
    if value is None or not value.strip().isdigit():
        return None
    number = int(value.strip()[:8])  # past 8 digits it is only "huge"
    if number == 0:
        return None  # 0 means unknown: the terminal's own size, or 80
    return str(min(max(number, low), high))


def _environment() -> dict[str, str]:
    """The environment as Rich should see it, COLUMNS and LINES made sane."""
    environ = dict(os.environ)
    for name, low, high in (("COLUMNS", MIN_COLUMNS, MAX_COLUMNS), ("LINES", 1, MAX_LINES)):
        value = _clamped(environ.pop(name, None), low, high)
        if value is not None:
            environ[name] = value
    return environ


def _console(*, stderr: bool) -> Console:
    # highlight=False: Rich's repr highlighter would colour numbers and quotes
    # found in data text. markup and emoji are off so that no string printed
    # here is ever parsed for "[style]" or ":name:" codes (styles come from
    # Text objects); it also spares loading Rich's emoji table on every run.
    # Rich itself writes plain text to a non-terminal.
    return Console(
        highlight=False,
        markup=False,
        emoji=False,
        color_system=None if _plain_text_requested() else "auto",
        stderr=stderr,
        _environ=_environment(),
    )


def stdout() -> Console:
    return _console(stderr=False)


def stderr() -> Console:
    return _console(stderr=True)


def print_error(message: str) -> None:
    """``showguide: MESSAGE`` on standard error, on one line whatever the width."""
    stderr().print(literal(f"showguide: {message}"), soft_wrap=True)


def problem_line(problem: Problem) -> Text:
    """``FILE:LINE:COLUMN: path: message``, with the location emphasised on a terminal.

    Always one line: a key or a file name holding a line break is shown with
    a stand-in for it (␤), so that editors and grep read one problem a line.
    """
    line = Text()
    line.append(one_line(f"{problem.file}:{problem.line}:{problem.column}:"), style="bold")
    line.append(" ")
    line.append(one_line(problem.path), style="cyan")
    line.append(": ")
    line.append(one_line(problem.message))
    return line


def print_problems(console: Console, problems: Iterable[Problem]) -> None:
    for problem in problems:
        # soft_wrap keeps each problem on one line, whatever the width, so
        # editors and grep can read the output.
        console.print(problem_line(problem), soft_wrap=True)
