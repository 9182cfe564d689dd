"""Shell completion: ``showguide completion bash|zsh|fish`` and the hidden ``_complete``.

The scripts are small and the same for every version of showguide: at each
Tab they run ``showguide _complete INDEX WORDS...`` (the words typed so far and
the index of the one being completed), which prints the candidates one a
line. So what is completed always comes from this showguide's own parsers
(commands, options, section names, formats) and from the user's catalog as it
is now (show ids, with ``--data`` paths already typed; episode codes for
``watched``), and never drifts from a script generated long ago.

Hand-written rather than argcomplete or shtab: showguide parses in two steps
(the command, then its own parser, see :mod:`showguide.cli`), which neither
models, shtab's scripts are static (no show names at completion time), and
argcomplete would be imported at every start.

A candidate list of only ``FILES`` tells the script to complete file names
itself, as the shell does best (quoting, ``~``, folders).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from showguide.exitcodes import EXIT_OK

#: The one line ``_complete`` prints when the shell should complete file names.
FILES = ":files"
SHELLS = ("bash", "zsh", "fish")
#: Options whose value is a file or a folder.
PATH_METAVARS = ("PATH", "FILE")


@dataclass(frozen=True)
class Grammar:
    """The command line's shape, handed over by showguide.cli (which the commands
    never import: it is the layer above them)."""

    main_parser: Callable[[], argparse.ArgumentParser]
    command_parser: Callable[[str], argparse.ArgumentParser]
    commands: tuple[str, ...]
    #: Words that ask for help where a command goes (``help``).
    help_words: tuple[str, ...]


def script(shell: str) -> str:
    """The completion script for ``shell``."""
    # Beside this module, in a checkout and in an installed wheel alike.
    return Path(__file__).with_name(f"completion.{shell}").read_text(encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    from showguide.commands.files import write_stdout

    write_stdout(script(args.shell))
    return EXIT_OK


def complete(argv: Sequence[str], grammar: Grammar) -> bool:
    """``showguide _complete INDEX WORDS...``: print the candidates for ``WORDS[INDEX]``.

    Never fails loudly: a completion that cannot be worked out offers nothing,
    and a request that makes no sense gives False (the exit status says so).
    """
    try:
        index = int(argv[0])
        words = list(argv[1:])
    except (IndexError, ValueError):
        return False
    if not 0 < index <= len(words):
        return False
    words = _drop_equals([*words[:index], words[index] if index < len(words) else ""])
    current = words[-1]
    before = words[1:-1]
    prefix = ""
    if current.startswith("--") and "=" in current:
        # zsh and fish keep "--section=pl" one word: complete after the "=".
        option, current = current.split("=", 1)
        before, prefix = [*before, option], f"{option}="
    import sys

    sys.stdout.write(
        "".join(
            f"{candidate if candidate == FILES else prefix + candidate}\n"
            for candidate in _candidates(grammar, before, current)
            if candidate == FILES or candidate.startswith(current)
        )
    )
    return True


def _drop_equals(words: list[str]) -> list[str]:
    """bash splits ``--section=pl`` into ``--section``, ``=``, ``pl``: read it as ``--section pl``."""
    kept: list[str] = []
    for index, word in enumerate(words):
        if word == "=" and kept and kept[-1].startswith("--"):
            if index == len(words) - 1:
                kept.append("")  # "--section=", nothing typed after it yet
            continue
        kept.append(word)
    return kept


def _candidates(grammar: Grammar, before: list[str], current: str) -> Iterable[str]:
    """What may stand at ``current``, given the words ``before`` it (the program's name left out)."""
    data = _data_paths(before)
    position = 0
    command: str | None = None
    parser = grammar.main_parser()
    words = iter(before)
    for word in words:
        if word.startswith("-"):
            action = _option(parser, word)
            if action is not None and action.nargs != 0 and "=" not in word:
                next(words, None)  # its value
            continue
        if command is None and position == 0:
            if word in grammar.commands:
                command = word
                parser = grammar.command_parser(word)
                continue
            if word in grammar.help_words:
                return [] if before[-1] != word else sorted(grammar.commands)
        position += 1
    # The value of an option just typed?
    if before and before[-1].startswith("-") and "=" not in before[-1]:
        action = _option(parser, before[-1])
        if action is not None and action.nargs != 0:
            return _values(action, data, before, grammar)
    if current.startswith("-"):
        return sorted(o for a in _arguments(parser) for o in a.option_strings if o.startswith("--"))
    if command is None:
        if position > 0:
            return []
        return [*grammar.commands, *grammar.help_words, *_show_ids(data)]
    positionals = [a for a in _arguments(parser) if not a.option_strings]
    if position >= len(positionals):
        last = positionals[-1] if positionals else None
        if last is None or last.nargs not in ("*", "+", argparse.REMAINDER):
            return []
        return _values(last, data, before, grammar)
    return _values(positionals[position], data, before, grammar)


def _arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The parser's arguments, as showguide.cli's Parser records them (argparse
    keeps its own list only under a private name)."""
    arguments: list[argparse.Action] = getattr(parser, "arguments", [])
    return arguments


def _option(parser: argparse.ArgumentParser, word: str) -> argparse.Action | None:
    name = word.split("=", 1)[0]
    return next((a for a in _arguments(parser) if name in a.option_strings), None)


def _values(
    action: argparse.Action, data: list[str], before: list[str], grammar: Grammar
) -> list[str]:
    """What may be given for ``action``: its choices, show ids, episode codes, or files."""
    if action.choices is not None:
        return [str(choice) for choice in action.choices]
    metavar = action.metavar or action.dest.upper()
    if metavar in PATH_METAVARS:
        return [FILES]
    if metavar == "NAME":
        return _show_ids(data)
    if metavar == "EPISODE":
        return _episodes(data, before, grammar)
    if metavar == "tvmaze":  # import's source: the only one there is
        return ["tvmaze"]
    return []


def _data_paths(words: list[str]) -> list[str]:
    """The ``--data`` paths typed so far: their shows are completed too."""
    paths: list[str] = []
    for index, word in enumerate(words):
        if word == "--data" and index + 1 < len(words):
            paths.append(words[index + 1])
        elif word.startswith("--data="):
            paths.append(word.removeprefix("--data="))
    return paths


def _show_ids(data: list[str]) -> list[str]:
    from showguide.core.catalog import load_catalog

    # Summaries only (never a whole show), from the parse cache when warm.
    catalog = load_catalog(data)
    return sorted({entry.summary.id for entry in catalog.entries if entry.summary is not None})


def _episodes(data: list[str], before: list[str], grammar: Grammar) -> list[str]:
    """The episode codes of the show named before (``watched NAME <Tab>``, ``--watched <Tab>``)."""
    from showguide.core.catalog import UnknownShow, load_catalog

    catalog = load_catalog(data)
    for word in before:
        if word.startswith("-") or word in grammar.commands:
            continue
        try:
            entry = catalog.resolve(word)
        except UnknownShow:
            continue
        if entry.summary is not None:
            return list(entry.summary.episodes)
    return []
