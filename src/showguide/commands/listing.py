"""``showguide list``: the shows that are available, and where each comes from.

To a terminal, an aligned table; piped, tab-separated values with a header;
with ``--json``, a JSON array. The shapes are in README.md ("Output for
scripts"); :mod:`showguide.commands.records` says how each is written.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from operator import attrgetter

from showguide.commands.progress import stderr_progress
from showguide.commands.records import (
    BOLD,
    CHUNK_LINES,
    RED,
    LineWriter,
    Terminal,
    column_widths,
    problem_record,
    table_line,
    table_lines,
    tsv_line,
    write_json_array,
)
from showguide.core.catalog import Catalog, CatalogEntry, CatalogLoad, plan_catalog
from showguide.core.text import UNSAFE_CHARACTERS, visible
from showguide.exitcodes import EXIT_BAD_INPUT, EXIT_OK

#: The fields of a show's summary (core/summary.py) that ``list`` prints, in order.
LISTED = ("id", "title", "native_title", "year", "network", "status")
#: The fields of each show, in the order of the TSV columns and the JSON keys.
FIELDS = (*LISTED, "origin", "file", "problems")
#: The terminal table's columns (the file and the problems are in TSV and JSON).
TABLE_HEADER = (*(name.replace("_", " ") for name in LISTED), "from")
#: The columns narrowed first when the table is wider than the terminal.
SHRINK_ORDER = (1, 2, 4, 0, 6)

#: A summary's LISTED values, as a tuple.
listed_values = attrgetter(*LISTED)
NOTHING_LISTED = (None,) * len(LISTED)


def record(entry: CatalogEntry) -> dict[str, object]:
    """One show file as ``list --json`` gives it; never decodes the show."""
    show = entry.summary
    values = listed_values(show) if show is not None else NOTHING_LISTED
    return {
        **dict(zip(LISTED, values, strict=True)),
        "origin": entry.origin,
        "file": entry.file,
        "problems": [problem_record(problem) for problem in entry.problems],
    }


def tsv_values(entry: CatalogEntry) -> tuple[object, ...]:
    show = entry.summary
    values = listed_values(show) if show is not None else ("",) * len(LISTED)
    return (*values, entry.origin, entry.file, len(entry.problems))


def table_cells(entry: CatalogEntry) -> tuple[str, ...]:
    show = entry.summary
    if show is None:
        count = len(entry.problems)
        label = f"{entry.path.name}: {count} problem{'s' if count != 1 else ''}"
        return ("-", _cell(label), *("",) * (len(LISTED) - 2), entry.origin)
    # The LISTED fields, each as text: written out, as this runs for every show.
    year = show.year
    cells = (
        show.id,
        show.title,
        show.native_title or "",
        "" if year is None else str(year),
        show.network or "",
        show.status,
        entry.origin,
    )
    return cells if _plain("".join(cells)) else tuple(_cell(cell) for cell in cells)


def _plain(text: str) -> bool:
    """Nothing in ``text`` needs making visible (:func:`_cell`)."""
    return "\n" not in text and "\t" not in text and UNSAFE_CHARACTERS.search(text) is None


def _cell(text: str) -> str:
    # One line per show: a line break or tab in data is shown, never obeyed.
    return visible(text).replace("\n", "\u2424").replace("\t", "\u2409")


def write_table(writer: LineWriter, catalog: Catalog, terminal: Terminal) -> None:
    entries = catalog.entries
    rows = [table_cells(entry) for entry in entries]
    widths = column_widths(TABLE_HEADER, rows, terminal.width, SHRINK_ORDER)
    writer.line(table_line(TABLE_HEADER, widths, terminal, (BOLD,) * len(TABLE_HEADER)))
    # A chunk of lines at a time, each made a column at a time (records.table_lines).
    for first in range(0, len(rows), CHUNK_LINES):
        last = first + CHUNK_LINES
        styles = None
        if terminal.colour:
            styles = [
                _LOOK_BROKEN if entry.summary is None else _LOOK for entry in entries[first:last]
            ]
        writer.lines(table_lines(rows[first:last], widths, terminal, styles))


#: The looks of a row's cells on a colour terminal: the title bold, or red
#: for a file that did not load.
_LOOK = ("", BOLD)
_LOOK_BROKEN = ("", RED)


def _tsv_rows(catalog: Catalog) -> Iterator[str]:
    return (tsv_line(tsv_values(entry)) for entry in catalog.entries)


def run(args: argparse.Namespace) -> int:
    # Fail first: a --data path that is not there is said before any output,
    # not after a whole list that a script would take for the answer.
    load = plan_catalog(args.data)
    if load.discovery.problems:
        from showguide.commands.output import print_problems, stderr

        print_problems(stderr(), load.discovery.problems)
        return EXIT_BAD_INPUT
    terminal = Terminal.of_stdout()
    writer = LineWriter()
    as_json: bool = getattr(args, "json", False)
    if as_json:
        catalog = _finish(load)
        write_json_array(writer, (record(entry) for entry in catalog.entries))
    elif terminal.is_terminal:
        catalog = _finish(load)
        write_table(writer, catalog, terminal)
    else:
        # The header goes at once: a reader learns the columns before the
        # shows are read.
        writer.line(tsv_line(FIELDS))
        writer.flush()
        catalog = _finish(load)
        writer.lines(_tsv_rows(catalog))
    writer.flush()
    return _report(catalog)


def _finish(load: CatalogLoad) -> Catalog:
    with stderr_progress() as progress:
        return load.finish(progress)


def _report(catalog: Catalog) -> int:
    """Notices, bad named paths and files that did not load, on standard error."""
    broken = sum(1 for entry in catalog.entries if not entry.ok)
    if not (catalog.notices or catalog.problems or broken):
        return EXIT_OK  # nothing to say: Rich is not even imported
    from showguide.commands.discovery import report_discovery
    from showguide.commands.output import stderr

    errors = stderr()
    bad_paths = report_discovery(errors, catalog)
    if broken:
        errors.print(
            f"showguide: {broken} show file{'s' if broken != 1 else ''} could not be loaded;"
            " 'showguide validate' (with the same --data options) says why",
            style="yellow",
            soft_wrap=True,
        )
    return EXIT_BAD_INPUT if bad_paths else EXIT_OK
