"""``showguide list``: a table of the shows that are available."""

from __future__ import annotations

import argparse

from rich.table import Table

from showguide.cli import EXIT_OK
from showguide.commands.output import literal, stdout
from showguide.core.catalog import bundled_entries


def run(args: argparse.Namespace) -> int:
    entries = bundled_entries()
    table = Table(title="Shows", title_justify="left", expand=False)
    for column in ("id", "title", "native title", "year", "network", "status", "from"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        show = entry.show
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
    return EXIT_OK
