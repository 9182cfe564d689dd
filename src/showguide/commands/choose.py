"""Finding the one show a command is about, or saying clearly why there is none."""

from __future__ import annotations

from showguide.commands.output import print_error, print_problems, stderr
from showguide.core.catalog import UnknownShow, load_catalog
from showguide.core.model import Show


def chosen_show(name: str | None) -> Show | None:
    """The show ``name`` answers to, or the only show there is when ``name`` is None.

    When there is no such show, or it did not load, says why on standard error
    (one line per problem) and returns None; the caller exits with status 2.
    """
    catalog = load_catalog()
    if name is None:
        count = len(catalog.entries)
        if count != 1:
            print_error(
                f"{count} shows are available; name one ('showguide list' shows them)"
                if count
                else "no show files were found"
            )
            return None
        entry = catalog.entries[0]
    else:
        try:
            entry = catalog.resolve(name)
        except UnknownShow as error:
            print_error(str(error))
            return None
    if entry.show is None:
        print_problems(stderr(), entry.problems)
        count = len(entry.problems)
        print_error(
            f"{entry.path} could not be loaded ({count} problem{'s' if count != 1 else ''})"
        )
        return None
    return entry.show
