"""Launching the app: the only path from the command line into Textual."""

from __future__ import annotations

import argparse

from showguide.cli import EXIT_BAD_INPUT, EXIT_OK
from showguide.commands.output import print_problems, stderr
from showguide.core.catalog import bundled_entries


def run(args: argparse.Namespace) -> int:
    entries = bundled_entries()
    shows = [entry.show for entry in entries if entry.show is not None]
    if not shows:
        console = stderr()
        for entry in entries:
            print_problems(console, entry.problems)
        console.print("showguide: no show could be loaded")
        return EXIT_BAD_INPUT
    from showguide.tui.app import ShowGuideApp

    ShowGuideApp(shows[0]).run()
    return EXIT_OK
