"""The ``showguide`` command: argument parsing and the non-interactive commands.

This module must stay cheap to import: ``--help`` and ``--version`` answer in a
few tens of milliseconds, so it imports only argparse at the top. Each command
imports what it needs when it runs, and only launching the app imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from showguide import __version__
from showguide.exitcodes import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK

#: typing is not imported at run time: it would cost --help several milliseconds.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from _typeshed import SupportsWrite


Handler = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    """argparse, with every message it prints made visible.

    argparse echoes what it could not parse (``unrecognized arguments: ...``,
    ``invalid choice: ...``), and a file name from a shell glob can hold an
    escape sequence. Its usage, help and error messages all go through
    ``_print_message``; control and invisible characters come out as visible
    stand-ins (core.text.visible), as everywhere else. A failed write is not
    swallowed, as argparse's own would: ``--help`` on a full disk says so.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        #: Every argument added, in order: what shell completion offers
        #: (argparse keeps its own list only under a private name).
        self.arguments: list[argparse.Action] = []
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        self.arguments.append(action)
        return action

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        from showguide.core.text import visible  # only re and functools: cheap

        if message:
            (file or sys.stderr).write(visible(message))

    def error(self, message: str) -> NoReturn:
        """``PROG: error: MESSAGE`` on one line (a line break in an argument is
        shown as ␤, not left to split it), then a line saying where help is:
        one line per problem, as every other error, not argparse's usage block."""
        from showguide.core.text import one_line

        self.exit(
            EXIT_BAD_INPUT,
            f"{self.prog}: error: {one_line(message)}\ntry '{self.prog} --help'\n",
        )


#: Kept here rather than imported, so that --help needs no more than argparse;
#: tests check them against showguide.commands.render and showguide.core.export.
PRINT_SECTIONS = ("overview", "plot", "cast", "highlights", "faq", "sources", "episodes")
EXPORT_FORMATS = ("markdown", "json", "yaml")
#: What NAME may be (core/names.py says how it is matched).
NAME_HELP = "a show's id or title (native or romanized too), its start, or words of it"
#: Other names for a format: the file suffixes -o already understands.
FORMAT_ALIASES = {"md": "markdown", "yml": "yaml"}


def _format_name(text: str) -> str:
    """``--format``'s value, an alias (``md``, ``yml``) read as the format it names."""
    folded = text.lower()
    return FORMAT_ALIASES.get(folded, folded)


def _add_print(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "name", nargs="?", metavar="NAME", help=f"{NAME_HELP} (default: the only show)"
    )
    parser.add_argument("-s", "--section", choices=PRINT_SECTIONS, help="print only this section")
    parser.add_argument(
        "--spoilers",
        action="store_true",
        help="show everything: spoilers, and what lies past your progress",
    )
    _add_watched_option(parser)
    parser.add_argument(
        "--no-pager",
        action="store_true",
        help="never show the guide through $PAGER (by default, a guide taller than the"
        " terminal is)",
    )


def _add_watched_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--watched",
        metavar="EPISODE",
        help="hide what lies past EPISODE (e.g. S1E4) instead of your remembered progress",
    )


def _add_watched(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Remember how far you have watched a show: the app, print and export then hide "
        "only what lies past that episode. With no EPISODE and no --none, print it."
    )
    parser.add_argument("name", metavar="NAME", help=NAME_HELP)
    parser.add_argument(
        "episode", nargs="?", metavar="EPISODE", help="the last episode watched, e.g. S1E4"
    )
    parser.add_argument("--none", action="store_true", help="forget it: nothing watched yet")


def _add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")


def _add_export(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Export a show as Markdown to publish, or as JSON or YAML data. "
        "What is hidden in the app (spoilers, and what lies past your progress) is left out; "
        "--spoilers exports the whole show."
    )
    parser.add_argument("name", metavar="NAME", help=NAME_HELP)
    parser.add_argument(
        "--spoilers",
        action="store_true",
        help="export everything: spoilers, and what lies past your progress",
    )
    _add_watched_option(parser)
    parser.add_argument(
        "-f",
        "--format",
        type=_format_name,
        choices=EXPORT_FORMATS,
        help="the format: markdown (or md), json or yaml (or yml);"
        " default: from FILE's suffix, .md .json .yaml",
    )
    _add_output(parser)


def _add_new(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write a starter show file for TITLE: every field with a comment saying what it is "
        "for, and placeholders that already validate. Check your edits with "
        "'showguide validate FILE'."
    )
    parser.add_argument("title", metavar="TITLE", help="the show's title")
    _add_output(parser)


SERVE_HOST = "localhost"
SERVE_PORT = 8000
SERVE_MAX_SESSIONS = 4


def _add_serve(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Serve the guide to web browsers at http://localhost:8000: each tab runs its own "
        'showguide. Needs the serve extra: pip install "showguide[serve]".'
    )
    parser.add_argument(
        "name", nargs="?", metavar="NAME", help="serve one show (default: the catalog)"
    )
    parser.add_argument(
        "--host",
        default=SERVE_HOST,
        help=f"the address to listen on (default: {SERVE_HOST}; any other lets"
        " anyone who can reach it read the guides)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=SERVE_PORT,
        help=f"the port to listen on (default: {SERVE_PORT}; 0 picks a free one)",
    )
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=SERVE_MAX_SESSIONS,
        metavar="N",
        help=f"at most N tabs at once, each its own process (default: {SERVE_MAX_SESSIONS})",
    )


def _add_import(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write a guide from TVmaze (https://www.tvmaze.com, data under CC BY-SA 4.0): "
        "title, network, dates, cast, seasons and episodes, with placeholders for your "
        "highlights, FAQ and verdict. By default it goes into your shows folder. "
        "--update FILE fetches the show again and updates what came from TVmaze, "
        "keeping everything you wrote or edited. SHOWGUIDE_TVMAZE_URL sets the API's address."
    )
    parser.add_argument("source", nargs="?", metavar="tvmaze", help="where to import from")
    parser.add_argument(
        "query", nargs="*", metavar="QUERY", help="the show's name, to search for (quotes optional)"
    )
    parser.add_argument("--id", type=int, metavar="N", help="the show's TVmaze id")
    parser.add_argument(
        "--update", metavar="FILE", help="update FILE, a guide imported before, from TVmaze"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would be written or changed; write nothing"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE ('-': standard output) instead of your shows folder",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")


def _add_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="show files or folders (default: every show found, as for 'showguide list')",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the problems as a JSON array, one object each"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every file again, even those unchanged since the parse cache last saw them",
    )


def _add_list(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "List the shows that are available: an aligned table on a terminal, "
        "tab-separated values with a header line when piped."
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object a show")


def _add_completion(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Print a script that completes showguide's commands, options, show names and "
        "section names in your shell. Install it with, for bash: "
        "showguide completion bash > ~/.local/share/bash-completion/completions/showguide; "
        "zsh: showguide completion zsh > ~/.zfunc/_showguide (with ~/.zfunc in fpath); "
        "fish: showguide completion fish > ~/.config/fish/completions/showguide.fish."
    )
    parser.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell to complete in")


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


#: name -> (one-line help, how to add its arguments, the module of showguide.commands
#: whose ``run(args)`` runs it). A command's module is imported only when it
#: runs: ``import`` alone loads the network client, the app alone Textual.
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None] | None, str]] = {
    "validate": ("check show files and report every problem", _add_validate, "validate"),
    "list": ("list the shows that are available", _add_list, "listing"),
    "schema": ("print the JSON Schema of a show file", None, "schema"),
    "print": ("print a show's guide as text (spoilers hidden)", _add_print, "printing"),
    "export": ("export a show as Markdown, JSON or YAML (spoilers hidden)", _add_export, "export"),
    "new": ("write a commented starter show file", _add_new, "new"),
    "watched": ("show or set how far you have watched a show", _add_watched, "watched"),
    "keys": ("list every key of the app, and the command ids a keymap remaps", None, "keys"),
    "serve": ("serve the guide to web browsers (needs showguide[serve])", _add_serve, "serve"),
    "import": ("write or update a guide from TVmaze (uses the network)", _add_import, "importing"),
    "completion": (
        "print a shell completion script (bash, zsh, fish)",
        _add_completion,
        "completion",
    ),
}
#: The module that opens the app, when no command is named.
LAUNCH = "launch"


def _run(module: str, args: argparse.Namespace) -> int:
    """``showguide.commands.MODULE.run(args)``, importing the module now."""
    # importlib is loaded with the interpreter: importing it costs nothing.
    from importlib import import_module

    run: Handler = import_module(f"showguide.commands.{module}").run
    return run(args)


def _main_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<10}{info[0]}" for name, info in COMMANDS.items())
    parser = Parser(
        prog="showguide",
        usage="showguide [OPTIONS] [NAME]\n       showguide [OPTIONS] COMMAND [ARGS]",
        description="A keyboard-first terminal guide to TV series.\n\n"
        "With no NAME, opens the catalog of shows (or the guide, if there is only one show);\n"
        "with NAME (a show's id or title, the start of one, or words of a title),"
        " opens that show.",
        epilog=f"commands:\n{commands}\n\n"
        "'showguide help COMMAND' (or 'showguide COMMAND --help') describes a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"showguide {__version__}")
    _add_data_option(parser)
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def _command_parser(name: str) -> argparse.ArgumentParser:
    summary, add_arguments, _ = COMMANDS[name]
    parser = Parser(prog=f"showguide {name}", description=summary[:1].upper() + summary[1:] + ".")
    if add_arguments is not None:
        add_arguments(parser)
    _add_data_option(parser)
    return parser


def _launch_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="showguide", usage="showguide [OPTIONS] [NAME]")
    parser.add_argument("name", nargs="?", help=NAME_HELP)
    _add_data_option(parser)
    return parser


#: Typed where a command goes, these ask for help, as in many other tools.
HELP_WORDS = ("help",)


def _help(rest: Sequence[str]) -> NoReturn:
    """``showguide help [COMMAND]``: the help of showguide, or of COMMAND."""
    topic = rest[1] if len(rest) > 1 else None
    if topic in COMMANDS:
        _command_parser(topic).print_help()
    elif topic is None:
        _main_parser().print_help()
    else:
        _main_parser().error(f"no command called {topic!r}{_command_hint(topic)}")
    raise SystemExit(EXIT_OK)


def _close_command(word: str) -> str | None:
    """The command ``word`` looks like a typing mistake for (``lsit``: ``list``), if any."""
    if not word.isascii() or not word.isalpha():
        return None  # a title, a path, an option: never a mistyped command
    import difflib  # only a word that is not a command needs it

    close = difflib.get_close_matches(word.lower(), [*COMMANDS, *HELP_WORDS], n=1, cutoff=0.7)
    return close[0] if close else None


def _command_hint(word: str) -> str:
    command = _close_command(word)
    return f"; did you mean {command!r}?" if command else ""


def dispatch(argv: Sequence[str]) -> int:
    if argv and argv[0] == "_complete":
        # The shell's Tab (see commands/completion.py): hidden, and never an error message.
        from showguide.commands.completion import Grammar, complete

        grammar = Grammar(_main_parser, _command_parser, tuple(COMMANDS), HELP_WORDS)
        return EXIT_OK if complete(argv[1:], grammar) else EXIT_BAD_INPUT
    main_args = _main_parser().parse_args(argv)
    rest: list[str] = main_args.rest
    if rest and rest[0] in HELP_WORDS:
        _help(rest)
    if rest and rest[0] in COMMANDS:
        module = COMMANDS[rest[0]][2]
        parser = _command_parser(rest[0])
        args = parser.parse_args(rest[1:])
        if getattr(args, "output", None) == "":
            # Path("") is the current folder: say what is wrong instead.
            parser.error("argument -o/--output: needs a file name (or - for standard output)")
    else:
        module = LAUNCH
        parser = _launch_parser()
        args, unknown = parser.parse_known_args(rest)
        # A word that is no show's name may be a mistyped command: if no
        # show answers to it, the launch says which command it looks like.
        args.command = _close_command(args.name) if args.name else None
        if unknown:
            if args.command:
                parser.error(f"no command called {args.name!r}; did you mean {args.command!r}?")
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    # --data given before the command comes first: discovery order is the order given.
    args.data = [*main_args.data, *args.data]
    if not _environment_usable():
        return EXIT_BAD_INPUT
    return _run(module, args)


def _environment_usable() -> bool:
    """Warn, one line each, about environment values not used as given.

    False when one of them is one showguide cannot run without.
    """
    from showguide.core.environment import environment_problems
    from showguide.core.text import one_line

    problems = environment_problems()
    for problem in problems:
        print(f"showguide: {one_line(problem.message)}", file=sys.stderr)
    return not any(problem.fatal for problem in problems)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code and never shows a traceback."""
    from showguide.streams import (
        flush_stdout,
        guard_standard_streams,
        output_failed,
        quiet_stdout,
        report,
    )

    guard_standard_streams()
    try:
        try:
            code = dispatch(sys.argv[1:] if argv is None else argv)
        except SystemExit:  # argparse's --help, --version and usage errors
            flush_stdout()
            raise
        flush_stdout()
        return code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `showguide list | head`): not an error.
        quiet_stdout()
        return EXIT_OK
    except OSError as error:
        if error.filename is None:
            # Not a file showguide opened (those are reported where they are
            # read or written): standard output on a full disk, a closed one,
            # an I/O error on the terminal.
            return output_failed(error)
        report(f"{error.filename}: {error.strerror or error}")
        return EXIT_BAD_INPUT
    except Exception as error:  # the last line of defence: a bug, reported without a traceback
        from showguide.core.environment import debugging

        if debugging():
            raise
        report(f"internal error: {type(error).__name__}: {error}")
        report("this is a bug; run again with SHOWGUIDE_DEBUG=1 to see where it happened")
        return EXIT_INTERNAL


def run() -> None:
    """The ``showguide`` command and ``python -m showguide``: :func:`main`, then exit.

    Before exiting, every object is frozen out of the garbage collector: the
    interpreter's last full collection would otherwise walk the hundreds of
    thousands of objects Rich, msgspec and PyYAML leave behind, which costs a
    command about 15 ms of its 100 ms budget and frees nothing that matters
    at exit (the OS takes the memory back; files are closed by then). Tests
    call :func:`main` instead, and keep collecting.
    """
    code = main()
    import gc  # built into the interpreter: costs nothing to import

    gc.freeze()
    raise SystemExit(code)
