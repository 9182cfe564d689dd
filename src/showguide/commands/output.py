"""Rich output shared by the commands: consoles and problem lines."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.text import Text

from showguide.core.errors import Problem
from showguide.core.text import visible
from showguide.display import literal

__all__ = ["literal", "print_problems", "problem_line", "stderr", "stdout"]


def stdout() -> Console:
    # highlight=False: Rich's repr highlighter would colour numbers and quotes
    # found in data text. markup and emoji are off so that no string printed
    # here is ever parsed for "[style]" or ":name:" codes (styles come from
    # Text objects); it also spares loading Rich's emoji table on every run.
    # Rich itself honours NO_COLOR and non-terminals.
    return Console(highlight=False, markup=False, emoji=False, soft_wrap=False)


def stderr() -> Console:
    return Console(stderr=True, highlight=False, markup=False, emoji=False)


def problem_line(problem: Problem) -> Text:
    """``FILE:LINE:COLUMN: path: message``, with the location emphasised on a terminal."""
    line = Text()
    line.append(visible(f"{problem.file}:{problem.line}:{problem.column}:"), style="bold")
    line.append(" ")
    line.append(visible(problem.path), style="cyan")
    line.append(": ")
    line.append(visible(problem.message))
    return line


def print_problems(console: Console, problems: Iterable[Problem]) -> None:
    for problem in problems:
        # soft_wrap keeps each problem on one line, whatever the width, so
        # editors and grep can read the output.
        console.print(problem_line(problem), soft_wrap=True)
