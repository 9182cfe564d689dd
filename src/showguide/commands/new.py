"""``showguide new``: a commented starter show file that validates as written."""

from __future__ import annotations

import argparse

from showguide.cli import EXIT_BAD_INPUT
from showguide.commands.files import write_result
from showguide.commands.output import print_error
from showguide.core.starter import StarterError, starter_show


def run(args: argparse.Namespace) -> int:
    try:
        text = starter_show(args.title)
    except StarterError as error:
        print_error(str(error))
        return EXIT_BAD_INPUT
    return write_result(
        text,
        args.output,
        force=args.force,
        what=f"a starter show file for {args.title}",
        note=f"check your edits with: showguide validate {args.output}",
    )
