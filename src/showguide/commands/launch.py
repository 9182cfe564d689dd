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
    chosen = None if start == "catalog" else start
    if chosen is not None and chosen.show is None:
        print_problems(console, chosen.problems)
        console.print(literal(f"showguide: {chosen.path} could not be loaded"), soft_wrap=True)
        return EXIT_BAD_INPUT
    from showguide.core.prefs import load_preferences, load_state

    preferences, state = load_preferences(), load_state()
    notices = [notice for notice in (preferences.notice, state.notice) if notice is not None]
    from showguide.tui.app import ShowGuideApp

    ShowGuideApp(
        catalog=catalog,
        chosen=chosen,
        data_paths=args.data,
        preferences=preferences.value,
        state=state.value,
        notices=notices,
    ).run()
    return EXIT_OK
