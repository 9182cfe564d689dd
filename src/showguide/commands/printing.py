"""``showguide print``: the guide, or one section of it, as text on standard output."""

from __future__ import annotations

import argparse

from showguide.commands.choose import chosen_show
from showguide.commands.files import write_stdout
from showguide.commands.output import stdout
from showguide.commands.render import SECTIONS, header
from showguide.commands.watched import watched_from_args
from showguide.core.progress import shield_for
from showguide.exitcodes import EXIT_BAD_INPUT, EXIT_OK


def run(args: argparse.Namespace) -> int:
    show = chosen_show(args.data, args.name)
    if show is None:
        return EXIT_BAD_INPUT
    # One rule for what is hidden, shared with the app and search.
    watched = watched_from_args(show, args.watched)
    if watched is None:
        return EXIT_BAD_INPUT
    shield = shield_for(show, watched, spoilers=args.spoilers)
    console = stdout()
    with console.capture() as captured:
        console.print(header(show))
        # A show with no episodes listed (a film, say) has no Episodes section.
        sections = [name for name in SECTIONS if name != "episodes" or show.seasons]
        for name in [args.section] if args.section else sections:
            console.print()
            console.print(SECTIONS[name](show, shield))
    text = captured.get()
    if console.color_system is None:
        # Plain text: drop the spaces Rich pads every line with, which only
        # get in the way of diff, grep and screen readers.
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    if not args.no_pager and _paged(text):
        return EXIT_OK
    write_stdout(text)
    return EXIT_OK


def _paged(text: str) -> bool:
    """Shown through the pager when it is taller than the terminal (see commands/pager)."""
    from showguide.commands.pager import page, pager_command, wants_pager

    if not wants_pager(text):
        return False
    command = pager_command()
    return command is not None and page(text, command)
