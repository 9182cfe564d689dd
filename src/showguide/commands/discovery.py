"""What the commands say about discovering shows: notices, and paths that were not there."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console

from showguide.commands.output import literal, print_problems
from showguide.core.catalog import Catalog


def print_notices(console: Console, notices: Iterable[str]) -> None:
    for notice in notices:
        line = literal("showguide: note: ", "yellow")
        line.append(literal(notice))
        console.print(line, soft_wrap=True)


def report_discovery(console: Console, catalog: Catalog) -> bool:
    """Print the catalog's notices and problems; True if a named path was bad (exit 2)."""
    print_notices(console, catalog.notices)
    print_problems(console, catalog.problems)
    return bool(catalog.problems)
