"""Finding the show a command line names, or saying clearly why there is none.

Shared by every command that takes a NAME (the app's launch, print, export),
so that all of them find shows the same way (bundled, the user's folder,
``--data``, ``SHOWGUIDE_PATH``) and word their refusals alike: one line per
problem on standard error, and the caller exits with status 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from showguide.commands.discovery import print_notices, report_discovery
from showguide.commands.output import print_error, print_problems, stderr
from showguide.commands.progress import stderr_progress
from showguide.core.catalog import Catalog, CatalogEntry, CatalogLoad, UnknownShow, load_catalog
from showguide.core.launch import Start, choose_start
from showguide.core.model import Show
from showguide.core.names import AmbiguousName


def named_start(
    data: Sequence[str | Path],
    name: str | None,
    *,
    load: CatalogLoad | None = None,
    catalog: Catalog | None = None,
    command: str | None = None,
) -> Start | None:
    """The catalog found with ``data`` and the show ``name`` picks from it.

    None after saying why when a ``--data`` path is bad, ``name`` matches no
    show or several, or the show it names does not load. Without ``name``,
    :func:`~showguide.core.launch.choose_start` decides (the only show, else
    none picked). The catalog's notices are left to the caller: the app shows
    them itself. ``load``: the catalog already found (:func:`plan_catalog`), to finish;
    ``catalog``: the catalog itself, already made.
    ``command``: the command ``name`` may be a mistyped form of (``lsit``:
    ``list``), suggested if no show answers to it.
    """
    if catalog is None:
        with stderr_progress() as progress:
            if load is not None:
                catalog = load.finish(progress)
            else:
                catalog = load_catalog(data, progress=progress)
    if catalog.problems:
        report_discovery(stderr(), catalog)
        return None
    try:
        start = choose_start(catalog, name)
    except AmbiguousName as error:
        print_error(str(error))
        return None
    except UnknownShow as error:
        if command is not None:
            print_error(f"no command or show called {name!r}; did you mean {command!r}?")
        else:
            print_error(str(error))
        return None
    if start.entry is not None and start.entry.show is None:
        report_unloadable(start.entry)
        return None
    return start


def report_unloadable(entry: CatalogEntry) -> None:
    """Every problem of a show file that did not load, then a line naming it."""
    print_problems(stderr(), entry.problems)
    count = len(entry.problems)
    print_error(f"{entry.path} could not be loaded ({count} problem{'s' if count != 1 else ''})")


def chosen_show(data: Sequence[str | Path], name: str | None) -> Show | None:
    """The show ``name`` answers to, or the only show there is when ``name`` is None.

    None after saying why there is none (see :func:`named_start`); with no
    ``name`` and several shows, asks for one.
    """
    start = named_start(data, name)
    if start is None:
        return None
    # Standard output is the guide or the export; notes (say, a show of yours
    # replacing a bundled one) go beside it, as list and validate give them.
    print_notices(stderr(), start.catalog.notices)
    if start.entry is None:
        count = len(start.catalog.entries)
        print_error(
            f"{count} shows are available; name one ('showguide list' shows them)"
            if count
            else "no show files were found"
        )
        return None
    return start.entry.show
