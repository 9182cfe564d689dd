"""``showguide list``: a table of the shows that are available, and where each comes from."""

from __future__ import annotations

import argparse

from rich.table import Table

from showguide.cli import EXIT_BAD_INPUT, EXIT_OK
from showguide.commands.discovery import report_discovery
from showguide.commands.output import literal, stderr, stdout
from showguide.core.catalog import load_catalog


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.data)
    table = Table(title="Shows", title_justify="left", expand=False)
    for column in ("id", "title", "native title", "year", "network", "status", "from"):
        table.add_column(column, overflow="fold")
    for entry in catalog.entries:
        show = entry.summary  # not entry.show: listing never decodes whole shows
        if show is None:
            count = len(entry.problems)
            table.add_row(
                literal("-"),
                literal(f"{entry.path.name}: {count} problem{'s' if count != 1 else ''}", "red"),
                "",
                "",
                "",
                "",
                literal(entry.origin),
            )
            continue
        table.add_row(
            literal(show.id),
            literal(show.title, "bold"),
            literal(show.native_title or ""),
            literal(str(show.year) if show.year else ""),
            literal(show.network or ""),
            literal(show.status),
            literal(entry.origin),
        )
    stdout().print(table)
    errors = stderr()
    bad_paths = report_discovery(errors, catalog)
    broken = sum(1 for entry in catalog.entries if not entry.ok)
    if broken:
        errors.print(
            f"showguide: {broken} show file{'s' if broken != 1 else ''} could not be loaded;"
            " 'showguide validate' (with the same --data options) says why",
            style="yellow",
            soft_wrap=True,
        )
    return EXIT_BAD_INPUT if bad_paths else EXIT_OK
