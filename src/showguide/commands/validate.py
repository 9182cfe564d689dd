"""``showguide validate``: check show files and report every problem."""

from __future__ import annotations

import argparse
from pathlib import Path

from showguide.cli import EXIT_BAD_INPUT, EXIT_OK
from showguide.commands.discovery import print_notices
from showguide.commands.output import literal, one_line, print_problems, stderr, stdout
from showguide.core.catalog import CatalogEntry, load_catalog, load_entry
from showguide.core.discovery import show_files_in
from showguide.core.errors import WHOLE_FILE, Problem


def expand(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """Files named directly, plus the show files in each folder named."""
    files: list[Path] = []
    problems: list[Problem] = []
    for name in paths:
        path = Path(name)
        try:
            folder = path.is_dir()
        except OSError:  # e.g. a name too long: is_dir() only hides "no such file"
            folder = False
        if not folder:
            files.append(path)  # loading it says if it is missing or unreadable
            continue
        try:
            found = show_files_in(path)
        except OSError as error:
            problems.append(
                Problem(name, 1, 1, WHOLE_FILE, f"cannot read: {error.strerror or error}")
            )
            continue
        if not found:
            problems.append(
                Problem(name, 1, 1, WHOLE_FILE, "no show files (*.yaml, *.yml) in this folder")
            )
        files.extend(found)
    return files, problems


def _entries(args: argparse.Namespace) -> tuple[list[CatalogEntry], list[Problem]]:
    if args.paths:
        files, problems = expand(args.paths)
        return [load_entry(path, "checked") for path in files], problems
    # Every show found, overridden ones too: each file is checked, not only the
    # ones that win. No cache: validating means parsing.
    catalog = load_catalog(args.data, use_cache=False)
    print_notices(stderr(), catalog.notices)
    return [*catalog.entries, *catalog.overridden], list(catalog.problems)


def run(args: argparse.Namespace) -> int:
    entries, problems = _entries(args)
    out = stdout()
    for entry in entries:
        if entry.show is not None:
            line = literal(one_line(f"ok {entry.path}"), style="green")
            line.append(literal(one_line(f" ({entry.show.title})"), style="dim"))
            out.print(line, soft_wrap=True)
        problems.extend(entry.problems)
    print_problems(out, problems)
    bad_files = len({problem.file for problem in problems})
    summary = f"{len(entries)} show file{'s' if len(entries) != 1 else ''} checked"
    if problems:
        stderr().print(
            f"{summary}: {bad_files} with problems ({len(problems)} in all)", style="bold red"
        )
        return EXIT_BAD_INPUT
    stderr().print(f"{summary}: all valid", style="green")
    return EXIT_OK
