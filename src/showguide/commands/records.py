"""Output made of records, for people and for scripts: ``list`` and ``validate``.

Rich lays a table out by measuring every cell, and wraps it to the terminal:
seconds for ten thousand shows, and a piped table that ``grep``, ``awk`` and
``jq`` cannot read. So these commands write their lines themselves:

- to a terminal, an aligned plain table, its wide columns cut with "…" to fit
  the width (colour and bold only there);
- piped, tab-separated values with a header line, never wrapped nor cut, or
  with ``--json`` one JSON array;
- written as they are made, a few hundred lines at a time, so that the first
  line reaches ``head -1`` long before the last is made.

Data is shown literally. In TSV a backslash, tab or line break in a field is
written ``\\\\``, ``\\t`` or ``\\n`` (the convention of PostgreSQL's COPY and
Miller), and other control or invisible characters become the visible
stand-ins of :func:`showguide.core.text.visible`. JSON keeps the text exact:
the characters a terminal would act on are written as ``\\uXXXX`` escapes.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import IO, Any

from showguide.core.errors import Problem
from showguide.core.text import UNSAFE_CHARACTERS, one_line, visible

#: Lines written at once: few enough that the first reach a reader at once,
#: enough that ten thousand lines take a few dozen writes.
CHUNK_LINES = 256

BOLD = "\x1b[1m"
RED = "\x1b[31m"
GREEN = "\x1b[32m"
CYAN = "\x1b[36m"
DIM = "\x1b[2m"
RESET = "\x1b[0m"


class Terminal:
    """Where standard output goes: a terminal (with its width and colours) or not.

    Decided as the other commands' Rich consoles decide it (``NO_COLOR``,
    ``FORCE_COLOR``, ``TTY_COMPATIBLE``, ``COLUMNS``), without importing Rich
    when standard output is plainly a pipe or a file.
    """

    def __init__(self, is_terminal: bool, colour: bool, width: int) -> None:
        self.is_terminal = is_terminal
        self.colour = colour
        self.width = width

    @classmethod
    def of_stdout(cls) -> Terminal:
        forced = os.environ.get("FORCE_COLOR", "") != "" or "TTY_COMPATIBLE" in os.environ
        try:
            a_tty = sys.stdout.isatty()
        except (AttributeError, ValueError):  # replaced, or closed
            a_tty = False
        if not a_tty and not forced:
            return cls(False, False, 0)
        from showguide.commands.output import stdout

        console = stdout()
        return cls(console.is_terminal, console.color_system is not None, console.width)

    def style(self, text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if self.colour and text else text


class LineWriter:
    """Lines to standard output as UTF-8, written a chunk at a time, flushed each time."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stdout
        self.pending: list[str] = []

    def line(self, text: str) -> None:
        self.pending.append(text)
        if len(self.pending) >= CHUNK_LINES:
            self.flush()

    def lines(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.line(text)

    def flush(self) -> None:
        if not self.pending:
            return
        text = "\n".join(self.pending) + "\n"
        self.pending = []
        stream = self.stream
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # replaced by something text-only, e.g. in a test
            stream.write(text)
            stream.flush()
            return
        stream.flush()
        # UTF-8 whatever the locale says, as every command writes (files.write_stdout);
        # surrogates cannot reach here: visible() and json_text() replace them.
        buffer.write(text.encode("utf-8", "replace"))
        buffer.flush()


# --- fields --------------------------------------------------------------------


def tsv_field(value: object) -> str:
    """One TSV field: None is empty; backslash, tab and line breaks escaped."""
    if value is None:
        return ""
    text = visible(str(value))
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if "\t" in text or "\n" in text:
        text = text.replace("\t", "\\t").replace("\n", "\\n")
    return text


def tsv_line(values: Sequence[object]) -> str:
    # Most lines need no escaping at all: one check of the whole line is
    # cheaper than one a field (ten thousand lines, nine fields each).
    line = "\t".join("" if value is None else str(value) for value in values)
    if (
        line.count("\t") == len(values) - 1
        and "\\" not in line
        and "\n" not in line
        and UNSAFE_CHARACTERS.search(line) is None
    ):
        return line
    return "\t".join(tsv_field(value) for value in values)


def _escape(match: Any) -> str:
    char: str = match.group()
    return f"\\u{ord(char):04x}"


def json_text(value: object) -> str:
    """``value`` as compact JSON on one line, with nothing a terminal would act on.

    Non-ASCII text stays readable (Hangul is written as Hangul); control,
    invisible and lone surrogate characters become ``\\uXXXX`` escapes, so
    the text decodes exactly as it was and prints safely.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return UNSAFE_CHARACTERS.sub(_escape, text)


def write_json_array(writer: LineWriter, items: Iterable[object]) -> None:
    """A JSON array, one element a line, streamed as the elements come."""
    writer.line("[")
    first = True
    previous: str | None = None
    for item in items:
        if previous is not None:
            writer.line(f"  {previous},")
        previous = json_text(item)
        first = False
    if not first:
        writer.line(f"  {previous}")
    writer.line("]")


def problem_record(problem: Problem) -> dict[str, object]:
    """A problem as the JSON output gives it (README: "Output for scripts")."""
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "path": problem.path,
        "message": problem.message,
    }


def problem_text(problem: Problem, terminal: Terminal) -> str:
    """``FILE:LINE:COLUMN: path: message`` on one line, as ``output.problem_line`` writes it."""
    where = one_line(f"{problem.file}:{problem.line}:{problem.column}:")
    return (
        f"{terminal.style(where, BOLD)} {terminal.style(one_line(problem.path), CYAN)}:"
        f" {one_line(problem.message)}"
    )


# --- an aligned table for a terminal ---------------------------------------------


#: Text whose every character is one cell wide or a Hangul syllable (two
#: cells), the characters show data is mostly made of: measured with two
#: searches in C, not a Python call a character. The one-cell ranges are
#: the ones Rich measures as one cell without looking them up
#: (``rich.cells._SINGLE_CELL_UNICODE_RANGES``); a test holds every
#: character here to Rich's width for it.
_NARROW_OR_HANGUL = re.compile(
    "[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u2500-\u25fc\u2800-\u28ff\uac00-\ud7a3]*"
)
_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes (Hangul takes two a character)."""
    if text.isascii():
        return len(text)
    if _NARROW_OR_HANGUL.fullmatch(text) is not None:
        return len(text) + len(_HANGUL_SYLLABLE.findall(text))
    return _wide_width(text)


@functools.lru_cache(maxsize=1 << 16)
def _wide_width(text: str) -> int:
    # Anything else (other scripts, emoji, joiners) as Rich measures it.
    from rich.cells import cell_len

    return cell_len(text)


def fit(text: str, width: int) -> str:
    """``text`` padded to ``width`` cells, or cut to it with "…"."""
    if text.isascii() and len(text) <= width:
        return text.ljust(width)
    used = cell_width(text)
    if used <= width:
        return text + " " * (width - used)
    if width <= 0:
        return ""
    from rich.cells import set_cell_size

    return set_cell_size(text, width - 1) + "…"


def column_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    available: int,
    shrink_order: Sequence[int],
    minimum: int = 6,
    gap: int = 2,
) -> list[int]:
    """Each column's natural width, the widest of the columns in
    ``shrink_order`` narrowed (down to ``minimum``) until the table fits
    ``available`` cells."""
    widths = [cell_width(name) for name in header]
    for index, column in enumerate(zip(*rows, strict=True)):
        # A column all ASCII (ids, years, statuses) is measured by len, in C.
        measure = len if "".join(column).isascii() else cell_width
        widths[index] = max(widths[index], *map(measure, column))
    excess = sum(widths) + gap * (len(widths) - 1) - available
    # The widest of the columns that may shrink loses a cell, until the table
    # fits or all are down to the minimum (then the terminal wraps).
    while excess > 0:
        index = max(shrink_order, key=lambda i: widths[i])
        if widths[index] <= minimum:
            break
        widths[index] -= 1
        excess -= 1
    return widths


def table_line(
    cells: Sequence[str],
    widths: Sequence[int],
    terminal: Terminal,
    styles: Sequence[str] = (),
    gap: int = 2,
) -> str:
    """One aligned line, each cell in its style (when there are colours);
    no spaces at its end."""
    parts = [fit(cell, width) for cell, width in zip(cells, widths, strict=True)]
    parts[-1] = parts[-1].rstrip()
    if terminal.colour and styles:
        parts = [
            f"{style}{part.rstrip()}{RESET}{' ' * (len(part) - len(part.rstrip()))}"
            if style and part.strip()
            else part
            for part, style in zip(parts, styles, strict=False)
        ] + parts[len(styles) :]
    return (" " * gap).join(parts).rstrip()


def pad_column(cells: Sequence[str], width: int) -> list[str]:
    """Each of ``cells`` as :func:`fit` makes it: a column of a table at once.

    A column of ASCII cells that all fit (ids, years, statuses, origins) is
    padded in C, with no Python call a cell.
    """
    if cells and "".join(cells).isascii() and max(map(len, cells)) <= width:
        return list(map(str.ljust, cells, repeat(width)))
    return [fit(cell, width) for cell in cells]


def table_lines(
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    terminal: Terminal,
    styles: Sequence[Sequence[str]] | None = None,
    gap: int = 2,
) -> list[str]:
    """The lines :func:`table_line` makes of each of ``rows`` (``styles``: each
    row's), made a column at a time: ten thousand rows on a terminal."""
    if not rows:
        return []
    columns = [
        pad_column(cells, width)
        for cells, width in zip(zip(*rows, strict=True), widths, strict=True)
    ]
    if terminal.colour and styles is not None:
        for index, column in enumerate(columns):
            looks = [row_styles[index] if index < len(row_styles) else "" for row_styles in styles]
            if any(looks):
                columns[index] = [
                    f"{look}{part.rstrip()}{RESET}{' ' * (len(part) - len(part.rstrip()))}"
                    if look and part.strip()
                    else part
                    for part, look in zip(column, looks, strict=True)
                ]
    between = " " * gap
    return [between.join(parts).rstrip() for parts in zip(*columns, strict=True)]
