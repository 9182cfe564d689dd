"""Finding the one show a command is about, or saying clearly why there is none."""

from __future__ import annotations

from showguide.commands.output import literal, print_problems, stderr
from showguide.core.catalog import UnknownShow, load_catalog
from showguide.core.model import Show


def chosen_show(name: str | None) -> Show | None:
    """The show ``name`` answers to, or the only show there is when ``name`` is None.

    When there is no such show, or it did not load, says why on standard error
    (one line per problem) and returns None; the caller exits with status 2.
    """
    catalog = load_catalog()
    console = stderr()
    if name is None:
        if len(catalog.entries) != 1:
            count = len(catalog.entries)
            console.print(
                literal(
                    f"showguide: {count} shows are available; name one"
                    " ('showguide list' shows them)"
                    if count
                    else "showguide: no show files were found"
                ),
                soft_wrap=True,
            )
            return None
        entry = catalog.entries[0]
    else:
        try:
            entry = catalog.resolve(name)
        except UnknownShow as error:
            console.print(literal(f"showguide: {error}"), soft_wrap=True)
            return None
    if entry.show is None:
        print_problems(console, entry.problems)
        count = len(entry.problems)
        console.print(
            literal(
                f"showguide: {entry.path} could not be loaded"
                f" ({count} problem{'s' if count != 1 else ''})"
            ),
            soft_wrap=True,
        )
        return None
    return entry.show
