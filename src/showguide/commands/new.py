"""``showguide new``: a commented starter show file that validates as written."""

from __future__ import annotations

import argparse
import shlex

from showguide.commands.files import write_result
from showguide.commands.output import print_error
from showguide.core.starter import StarterError, starter_show
from showguide.exitcodes import EXIT_BAD_INPUT


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
        # Quoted as a shell needs it, to be pasted as it is.
        note=f"check your edits with: showguide validate {shlex.quote(args.output or '')}",
    )
