"""``showguide validate``: check show files and report every problem."""

from __future__ import annotations

import argparse
from pathlib import Path

from showguide.commands.output import stderr
from showguide.commands.progress import stderr_progress
from showguide.commands.records import (
    DIM,
    GREEN,
    LineWriter,
    Terminal,
    problem_record,
    problem_text,
    write_json_array,
)
from showguide.core.catalog import CatalogEntry, check_files, load_catalog
from showguide.core.discovery import show_files_in
from showguide.core.errors import WHOLE_FILE, Problem
from showguide.core.text import one_line
from showguide.exitcodes import EXIT_BAD_INPUT, EXIT_OK


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
    use_cache = not args.no_cache
    if args.paths:
        files, problems = expand(args.paths)
        with stderr_progress() as progress:
            return check_files(files, "checked", use_cache=use_cache, progress=progress), problems
    # Every show found, overridden ones too: each file is checked, not only the
    # ones that win.
    with stderr_progress() as progress:
        catalog = load_catalog(args.data, use_cache=use_cache, progress=progress)
    if catalog.notices:
        from showguide.commands.discovery import print_notices

        print_notices(stderr(), catalog.notices)
    return [*catalog.entries, *catalog.overridden], list(catalog.problems)


def _ok_line(entry: CatalogEntry, terminal: Terminal) -> str | None:
    """``ok FILE (Title)`` for a file that loaded, from its summary: a verdict
    kept by the parse cache never decodes the show."""
    if entry.summary is None or entry.problems:
        return None
    return terminal.style(one_line(f"ok {entry.file}"), GREEN) + terminal.style(
        one_line(f" ({entry.summary.title})"), DIM
    )


def run(args: argparse.Namespace) -> int:
    entries, problems = _entries(args)
    writer = LineWriter()
    if args.json:
        problems.extend(problem for entry in entries for problem in entry.problems)
        write_json_array(writer, (problem_record(problem) for problem in problems))
    else:
        terminal = Terminal.of_stdout()
        for entry in entries:
            line = _ok_line(entry, terminal)
            if line is not None:
                writer.line(line)
            problems.extend(entry.problems)
        writer.lines(problem_text(problem, terminal) for problem in problems)
    writer.flush()
    bad_files = len({problem.file for problem in problems})
    summary = f"{len(entries)} show file{'s' if len(entries) != 1 else ''} checked"
    if problems:
        stderr().print(
            f"{summary}: {bad_files} with problems ({len(problems)} in all)", style="bold red"
        )
        return EXIT_BAD_INPUT
    stderr().print(f"{summary}: all valid", style="green")
    return EXIT_OK
