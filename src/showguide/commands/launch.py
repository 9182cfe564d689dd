"""Launching the app: the only path from the command line into Textual.

Everything that can go wrong with the command line (a --data path that is not
there, a name that matches no show or several, a show that does not load) is
reported here, before Textual is imported, with exit code 2, as print and
export report it (:func:`showguide.commands.choose.named_start`). What to
open is decided by :func:`showguide.core.launch.choose_start`, and
:func:`prepare` builds the app from it.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from showguide.commands.choose import named_start
from showguide.commands.output import print_error, print_problems, stderr
from showguide.core.catalog import Catalog, CatalogEntry, CatalogLoad
from showguide.core.prefs import Remembered, load_remembered
from showguide.exitcodes import EXIT_BAD_INPUT

#: Generation thresholds for Python's cyclic garbage collector from launch
#: on. The default (700 allocations) starts a collection every few hundred
#: objects, and every tenth of those walks all older objects: importing
#: Textual, loading a thousand shows and building the first frame made it
#: about a quarter of the catalog's start-up CPU time. A TUI makes little
#: cyclic garbage worth collecting that often; collections still run, about
#: fourteen times less often.
GC_THRESHOLDS = (10_000, 20, 20)


def collect_from_the_first_frame() -> None:
    """The collector's thresholds from launch on, and no collection at all
    until the app's first frame (ShowGuideApp.on_mount turns it back on):
    loading the shows, importing Textual and drawing make a million objects
    and next to no garbage, and each collection on the way walked them all
    again."""
    gc.set_threshold(*GC_THRESHOLDS)
    gc.disable()


def prepare(
    args: argparse.Namespace, load: CatalogLoad | None = None, warm: Catalog | None = None
) -> tuple[Catalog, CatalogEntry | None, Remembered] | int:
    """What ``showguide [NAME]`` opens, or the exit code when there is nothing.

    The result is what :func:`showguide.tui.app.run_app` takes: the catalog,
    the show to open at once (None: the catalog screen) and what was
    remembered. Benchmarks start the app from it, to measure what users run.
    ``load``: the files found (:func:`plan_catalog`), to finish; ``warm``: the
    catalog of the latest steady load. Without either, and without a name,
    they are found as :func:`find_start` finds them.
    """
    collect_from_the_first_frame()
    if load is None and warm is None and args.name is None:
        warm, load = find_start(args.data)
    start = named_start(
        args.data, args.name, load=load, catalog=warm, command=getattr(args, "command", None)
    )
    if start is None:
        return EXIT_BAD_INPUT
    catalog = start.catalog
    if start.entry is None and not any(entry.ok for entry in catalog.entries):
        console = stderr()
        for entry in catalog.entries:
            print_problems(console, entry.problems)
        console.print("showguide: no show could be loaded")
        return EXIT_BAD_INPUT
    return catalog, start.entry, load_remembered()


def _run_cold_start(load: CatalogLoad) -> int:
    """Open the app at once on a loading screen that reads the many files to parse."""
    remembered = load_remembered()
    from showguide.tui.app import run_loading_app

    settle()
    unloadable = run_loading_app(load, remembered)
    if isinstance(unloadable, int):  # the app ran: 0, or 128 + a signal's number
        return unloadable
    console = stderr()
    for entry in unloadable.entries:
        print_problems(console, entry.problems)
    console.print("showguide: no show could be loaded")
    return EXIT_BAD_INPUT


def settle() -> None:
    """Called when the app is about to start: all it starts with is loaded.

    The modules imported and the shows loaded by then (half a million objects,
    most of them Textual's) live as long as the app, yet the cyclic garbage
    collector walked them all again in every older-generation collection,
    and once more when the process exits. Frozen, they are left out of every
    collection; they are still freed when nothing refers to them. About 4% of
    the catalog's start-up instructions (benchmarks/catalog_speed.py).
    """
    gc.freeze()


def has_terminal() -> bool:
    """True when standard input and output are both a terminal.

    The app reads keys from one and draws on the other. Without them Textual
    would spin at full speed writing escape codes into a pipe or a file.
    Under another Textual driver (``showguide serve`` runs each tab's app
    with the web driver, over pipes) the driver is the terminal.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed, or replaced by something odd
        return False


NO_TERMINAL = (
    "the guide needs a terminal (standard input and output are not one); "
    "'showguide print' works without one"
)


def _no_terminal() -> int:
    print_error(NO_TERMINAL)
    return EXIT_BAD_INPUT


#: A start with at least this many files to parse (not in the parse cache)
#: draws the app at once and reads them under a progress bar; fewer are read
#: first, as the warm start that draws the catalog straight away.
LOADING_SCREEN_MIN_FILES = 150


def find_start(data: list[str]) -> tuple[Catalog | None, CatalogLoad | None]:
    """The catalog of the latest steady load, drawn at once and checked beside
    the app (:mod:`showguide.core.warm_start`); else (None) the files found and
    looked up in the parse cache that the warm start opened, to finish.

    Not the warm catalog when it has no show that loads: a file may have been
    mended since, and the app would otherwise stop before checking.
    """
    from showguide.core.catalog import plan_catalog
    from showguide.core.warm_start import warm_catalog

    catalog, cache = warm_catalog(data)
    if catalog is not None and any(entry.ok for entry in catalog.entries):
        return catalog, None
    return None, plan_catalog(data, cache=cache)


def run(args: argparse.Namespace) -> int:
    collect_from_the_first_frame()
    load = warm = None
    if args.name is None:
        warm, load = find_start(args.data)
        if (
            load is not None
            and load.to_parse >= LOADING_SCREEN_MIN_FILES
            and not load.discovery.problems
        ):
            return _run_cold_start(load) if has_terminal() else _no_terminal()
    # What to open is decided first: a name that matches nothing, or files
    # that do not load, are the more useful thing to hear about.
    prepared = prepare(args, load, warm)
    # What finding the files kept (a stat result for each, the parse cache's
    # index) is not needed while the app runs: a few MiB at 10,000 shows.
    load = warm = None
    if isinstance(prepared, int):
        return prepared
    if not has_terminal():
        return _no_terminal()
    from showguide.tui.app import run_app

    settle()
    return run_app(*prepared)
