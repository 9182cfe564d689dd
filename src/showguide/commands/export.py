"""``showguide export``: a show as Markdown, JSON or YAML, to standard output or a file."""

from __future__ import annotations

import argparse
from pathlib import PurePath

from showguide.commands.choose import chosen_show
from showguide.commands.files import write_result
from showguide.commands.output import print_error
from showguide.commands.watched import watched_from_args
from showguide.core.export import FORMATS, export_show
from showguide.core.progress import shield_for, visible_show
from showguide.exitcodes import EXIT_BAD_INPUT

#: The format an output file's name implies when --format is not given.
FORMAT_OF_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
}


#: How the message after writing a file names each format.
FORMAT_NAMES = {"markdown": "Markdown", "json": "JSON", "yaml": "YAML"}


def format_for(format_name: str | None, output: str | None) -> str | None:
    """The format asked for, or the one the output file's suffix implies."""
    if format_name is not None:
        return format_name
    if output is None:
        return None
    return FORMAT_OF_SUFFIX.get(PurePath(output).suffix.lower())


def run(args: argparse.Namespace) -> int:
    format_name = format_for(args.format, args.output)
    if format_name is None:
        print_error(f"choose a format with --format {'|'.join(FORMATS)}")
        return EXIT_BAD_INPUT
    show = chosen_show(args.data, args.name)
    if show is None:
        return EXIT_BAD_INPUT
    watched = watched_from_args(show, args.watched)
    if watched is None:
        return EXIT_BAD_INPUT
    # The same rule as the app and print: what is hidden there is left out here.
    visible = visible_show(show, shield_for(show, watched, spoilers=args.spoilers))
    # Said when written to a file: what was left out is the first thing to wonder about.
    note = "spoilers, and what lies past your progress, left out (--spoilers keeps them)"
    return write_result(
        export_show(visible, format_name),
        args.output,
        force=args.force,
        what=f"{show.title} as {FORMAT_NAMES[format_name]}",
        note=note if visible != show else "",
    )
