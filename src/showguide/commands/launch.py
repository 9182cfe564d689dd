"""Launching the app: the only path from the command line into Textual.

Everything that can go wrong with the command line (a --data path that is not
there, a name that matches no show or several, a show that does not load) is
reported here, before Textual is imported, with exit code 2. What to open is
decided by :func:`showguide.core.launch.choose_start`; the app gets the result
through :func:`showguide.tui.app.run_app`.
"""

from __future__ import annotations

import argparse

from showguide.cli import EXIT_BAD_INPUT, EXIT_OK
from showguide.commands.discovery import report_discovery
from showguide.commands.output import literal, print_problems, stderr
from showguide.core.catalog import UnknownShow, load_catalog
from showguide.core.launch import choose_start
from showguide.core.prefs import load_remembered


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.data)
    console = stderr()
    if catalog.problems:
        report_discovery(console, catalog)
        return EXIT_BAD_INPUT
    try:
        start = choose_start(catalog, args.name)
    except UnknownShow as error:
        console.print(literal(f"showguide: {error}"), soft_wrap=True)
        return EXIT_BAD_INPUT
    if start.entry is not None and start.entry.show is None:
        print_problems(console, start.entry.problems)
        console.print(literal(f"showguide: {start.entry.path} could not be loaded"), soft_wrap=True)
        return EXIT_BAD_INPUT
    if start.entry is None and not any(entry.ok for entry in catalog.entries):
        for entry in catalog.entries:
            print_problems(console, entry.problems)
        console.print("showguide: no show could be loaded")
        return EXIT_BAD_INPUT
    remembered = load_remembered()
    from showguide.tui.app import run_app

    run_app(start.catalog, start.entry, remembered)
    return EXIT_OK
