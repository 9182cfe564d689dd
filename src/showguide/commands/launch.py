"""Launching the app: the only path from the command line into Textual.

Everything that can go wrong with the command line (a --data path that is not
there, a name that matches no show or several, a show that does not load) is
reported here, before Textual is imported, with exit code 2, as print and
export report it (:func:`showguide.commands.choose.named_start`). What to
open is decided by :func:`showguide.core.launch.choose_start`; the app gets
the result through :func:`showguide.tui.app.run_app`.
"""

from __future__ import annotations

import argparse

from showguide.cli import EXIT_BAD_INPUT, EXIT_OK
from showguide.commands.choose import named_start
from showguide.commands.output import print_problems, stderr
from showguide.core.prefs import load_remembered


def run(args: argparse.Namespace) -> int:
    start = named_start(args.data, args.name)
    if start is None:
        return EXIT_BAD_INPUT
    catalog = start.catalog
    if start.entry is None and not any(entry.ok for entry in catalog.entries):
        console = stderr()
        for entry in catalog.entries:
            print_problems(console, entry.problems)
        console.print("showguide: no show could be loaded")
        return EXIT_BAD_INPUT
    remembered = load_remembered()
    from showguide.tui.app import run_app

    run_app(catalog, start.entry, remembered)
    return EXIT_OK
