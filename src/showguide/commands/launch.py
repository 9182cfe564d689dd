"""Launching the app: the only path from the command line into Textual.

Everything that can go wrong with the command line (a --data path that is not
there, a name that matches no show or several, a show that does not load) is
reported here, before Textual is imported, with exit code 2.
"""

from __future__ import annotations

import argparse

from showguide.cli import EXIT_BAD_INPUT, EXIT_OK
from showguide.commands.discovery import report_discovery
from showguide.commands.output import literal, print_problems, stderr
from showguide.core.catalog import UnknownShow, choose_start, load_catalog


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
    if start == "catalog":
        # Until the app opens on a catalog screen, it opens the first show that loads.
        first = next((entry for entry in catalog.entries if entry.ok), None)
        if first is None:
            for entry in catalog.entries:
                print_problems(console, entry.problems)
            console.print("showguide: no show could be loaded")
            return EXIT_BAD_INPUT
        start = first
    if start.show is None:
        print_problems(console, start.problems)
        console.print(literal(f"showguide: {start.path} could not be loaded"), soft_wrap=True)
        return EXIT_BAD_INPUT
    from showguide.tui.app import ShowGuideApp

    ShowGuideApp(start.show).run()
    return EXIT_OK
