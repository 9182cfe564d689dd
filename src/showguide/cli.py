"""The ``showguide`` command: argument parsing and the non-interactive commands.

This module must stay cheap to import: ``--help`` and ``--version`` answer in a
few tens of milliseconds, so it imports only argparse at the top. Each command
imports what it needs when it runs, and only launching the app imports Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from showguide import __version__

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

Handler = Callable[[argparse.Namespace], int]


def _validate(args: argparse.Namespace) -> int:
    from showguide.commands.validate import run

    return run(args)


def _list(args: argparse.Namespace) -> int:
    from showguide.commands.listing import run

    return run(args)


def _schema(args: argparse.Namespace) -> int:
    from showguide.commands.schema import run

    return run(args)


def _add_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="show files or folders (default: every show found, as for 'showguide list')",
    )


def _add_data_option(parser: argparse.ArgumentParser) -> None:
    """``--data PATH``: global, so every parser accepts it, before or after the command."""
    parser.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="PATH",
        help="also load the show file PATH, or the show files in folder PATH"
        " (repeatable; SHOWGUIDE_PATH adds more)",
    )


#: name -> (one-line help, how to add its arguments, what runs it)
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None] | None, Handler]] = {
    "validate": ("check show files and report every problem", _add_validate, _validate),
    "list": ("list the shows that are available", None, _list),
    "schema": ("print the JSON Schema of a show file", None, _schema),
}


def _main_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<10}{info[0]}" for name, info in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="showguide",
        usage="showguide [OPTIONS] [NAME]\n       showguide [OPTIONS] COMMAND [ARGS]",
        description="A keyboard-first terminal guide to TV series.\n\n"
        "With no NAME, opens the catalog of shows (or the guide, if there is only one show);\n"
        "with NAME (a show's id or title, or the start of one), opens that show.",
        epilog=f"commands:\n{commands}\n\n'showguide COMMAND --help' describes a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"showguide {__version__}")
    _add_data_option(parser)
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def _command_parser(name: str) -> argparse.ArgumentParser:
    summary, add_arguments, _ = COMMANDS[name]
    parser = argparse.ArgumentParser(
        prog=f"showguide {name}", description=summary[:1].upper() + summary[1:] + "."
    )
    if add_arguments is not None:
        add_arguments(parser)
    _add_data_option(parser)
    return parser


def _launch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="showguide", usage="showguide [OPTIONS] [NAME]")
    parser.add_argument("name", nargs="?", help="a show's id or title")
    _add_data_option(parser)
    return parser


def _launch(args: argparse.Namespace) -> int:
    from showguide.commands.launch import run

    return run(args)


def dispatch(argv: Sequence[str]) -> int:
    main_args = _main_parser().parse_args(argv)
    rest: list[str] = main_args.rest
    if rest and rest[0] in COMMANDS:
        handler = COMMANDS[rest[0]][2]
        args = _command_parser(rest[0]).parse_args(rest[1:])
    else:
        handler = _launch
        args = _launch_parser().parse_args(rest)
    # --data given before the command comes first: discovery order is the order given.
    args.data = [*main_args.data, *args.data]
    return handler(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code and never shows a traceback."""
    try:
        return dispatch(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `showguide list | head`): not an error.
        # Point stdout at devnull so the interpreter's final flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # the last line of defence: a bug, reported without a traceback
        if os.environ.get("SHOWGUIDE_DEBUG"):
            raise
        print(
            f"showguide: internal error: {type(error).__name__}: {error}\n"
            "showguide: this is a bug; run again with SHOWGUIDE_DEBUG=1 to see where it happened",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
