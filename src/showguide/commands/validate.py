"""``showguide validate``: check show files and report every problem."""

from __future__ import annotations

import argparse
from pathlib import Path

from showguide.cli import EXIT_BAD_INPUT, EXIT_OK
from showguide.commands.output import literal, one_line, print_problems, stderr, stdout
from showguide.core.catalog import load_entry
from showguide.core.errors import WHOLE_FILE, Problem
from showguide.core.paths import bundled_show_files

SHOW_FILE_PATTERNS = ("*.yaml", "*.yml")


def expand(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """Files named directly, plus the show files in each folder named."""
    files: list[Path] = []
    problems: list[Problem] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(f for pattern in SHOW_FILE_PATTERNS for f in path.glob(pattern))
            if not found:
                problems.append(
                    Problem(name, 1, 1, WHOLE_FILE, "no show files (*.yaml) in this folder")
                )
            files.extend(found)
        else:
            files.append(path)
    return files, problems


def run(args: argparse.Namespace) -> int:
    files, problems = expand(args.paths) if args.paths else (bundled_show_files(), [])
    out = stdout()
    valid = 0
    for path in files:
        entry = load_entry(path, "checked")
        if entry.show is not None:
            valid += 1
            line = literal(f"ok {path}", style="green")
            line.append(literal(one_line(f" ({entry.show.title})"), style="dim"))
            out.print(line, soft_wrap=True)
        problems.extend(entry.problems)
    print_problems(out, problems)
    bad_files = len({problem.file for problem in problems})
    summary = f"{len(files)} show file{'s' if len(files) != 1 else ''} checked"
    if problems:
        stderr().print(
            f"{summary}: {bad_files} with problems ({len(problems)} in all)", style="bold red"
        )
        return EXIT_BAD_INPUT
    stderr().print(f"{summary}: all valid", style="green")
    return EXIT_OK
