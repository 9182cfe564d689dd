"""How long each non-interactive command takes, as a user would feel it.

Every number is the wall time of a whole process (interpreter start, imports,
work, exit), the median of several runs after a couple of warm-ups. The
baselines are measured in the same run: ``python -c pass`` (the floor no
command can beat) and ``python -c "import textual.app"`` (what the commands
would cost if they imported Textual).

Each command is timed twice: as ``python -m showguide`` and as the
``showguide`` console script next to the interpreter. The console script is
what users type, so it is the headline; ``-m`` adds runpy's own imports.

    python benchmarks/cli_speed.py [--runs N] [--warmups N]

``measure()`` returns the rows, so a benchmark runner can import it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import median_times

#: Targets from the foundation issue (and issue 6 for print, export and new),
#: in milliseconds of wall time.
FAST_TARGET_MS = 40.0
COMMAND_TARGET_MS = 100.0
COMMANDS: dict[str, tuple[list[str], float]] = {
    "--version": (["--version"], FAST_TARGET_MS),
    "--help": (["--help"], FAST_TARGET_MS),
    "validate": (["validate"], COMMAND_TARGET_MS),
    "list": (["list"], COMMAND_TARGET_MS),
    "schema": (["schema"], COMMAND_TARGET_MS),
    # Issue 6: each on the bundled show, written to a pipe (no terminal).
    "print ballerina": (["print", "ballerina"], COMMAND_TARGET_MS),
    "export ballerina -f markdown": (["export", "ballerina", "-f", "markdown"], COMMAND_TARGET_MS),
    "export ballerina -f json": (["export", "ballerina", "-f", "json"], COMMAND_TARGET_MS),
    "export ballerina -f yaml": (["export", "ballerina", "-f", "yaml"], COMMAND_TARGET_MS),
    "new Title": (["new", "Title"], COMMAND_TARGET_MS),
    # Issue 16: a Tab in the shell runs these; a show name loads the catalog's summaries.
    "_complete (command)": (["_complete", "1", "showguide", "li"], COMMAND_TARGET_MS),
    "_complete (show name)": (["_complete", "2", "showguide", "print", ""], COMMAND_TARGET_MS),
}


@dataclass(frozen=True)
class Row:
    """One measurement: ``value`` in ms, ``ratio`` to ``python -c pass``."""

    metric: str
    value: float
    target: float | None
    ratio: float
    #: Headline rows are what users see; the others explain them.
    headline: bool = True

    @property
    def passed(self) -> bool | None:
        return None if self.target is None else self.value <= self.target


def console_script() -> Path | None:
    """The ``showguide`` script installed beside this interpreter, if any."""
    found = shutil.which("showguide", path=str(Path(sys.executable).parent))
    return Path(found) if found else None


def child_environment() -> dict[str, str]:
    """This environment, but with Python allowed to cache bytecode.

    An installed wheel has its bytecode compiled by pip at install time, so
    users never pay for compiling showguide's modules. A source checkout run
    with PYTHONDONTWRITEBYTECODE set would pay it on every run (about 10 ms
    here) and measure something no user sees. The warm-up runs write the cache.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # The user's own shows and folders stay out of it: list and validate read
    # the user's shows folder and keep a parse cache (see measure).
    env.pop("SHOWGUIDE_PATH", None)
    return env


def measure(runs: int = 15, warmups: int = 2) -> list[Row]:
    """Time the baselines and every command; the rows in display order."""
    python = sys.executable
    script = console_script()
    commands: dict[str, list[str]] = {
        "python -c pass": [python, "-c", "pass"],
        "python -c 'import textual.app'": [python, "-c", "import textual.app"],
    }
    for name, (args, _) in COMMANDS.items():
        if script is not None:
            commands[f"showguide {name}"] = [str(script), *args]
        commands[f"python -m showguide {name}"] = [python, "-m", "showguide", *args]
    # Rounds of every command in a fresh order (see median_times), with the
    # user's folders in a temporary home: list and validate keep a parse cache.
    env = child_environment()
    with tempfile.TemporaryDirectory(prefix="showguide-bench-home-") as home:
        env["SHOWGUIDE_HOME"] = home
        timings = median_times(commands, runs=runs, warmups=warmups, env=env)
    medians = {name: timing.wall for name, timing in timings.items()}
    baseline = medians["python -c pass"]

    def row(metric: str, target: float | None = None, *, headline: bool = True) -> Row:
        value = medians[metric]
        return Row(metric, value, target, value / baseline, headline)

    rows = [row("python -c pass"), row("python -c 'import textual.app'")]
    for name, (_, target) in COMMANDS.items():
        if script is not None:
            rows.append(row(f"showguide {name}", target))
        rows.append(row(f"python -m showguide {name}", target, headline=script is None))
    return rows


def format_table(rows: Sequence[Row]) -> str:
    width = max(len(row.metric) for row in rows)
    lines = [f"{'what':<{width}}  {'median ms':>9}  {'target':>6}  {'':4}  {'x pass':>6}"]
    for row in rows:
        target = f"{row.target:.0f}" if row.target is not None else ""
        verdict = {True: "ok", False: "SLOW", None: ""}[row.passed]
        lines.append(
            f"{row.metric:<{width}}  {row.value:9.1f}  {target:>6}  {verdict:<4}  {row.ratio:6.1f}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmups", type=int, default=2)
    args = parser.parse_args(argv)
    rows = measure(args.runs, args.warmups)
    print(f"{sys.executable} ({sys.version.split()[0]}); median of {args.runs} runs")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print(
            "(PYTHONDONTWRITEBYTECODE is set here; unset for the runs, as for an installed wheel)"
        )
    print(format_table(rows))
    if console_script() is None:
        print("\nno showguide console script beside this interpreter: -m numbers are the headline")
    else:
        print("\nheadline: the console script (what users type); -m adds runpy's imports")
    slow = [row.metric for row in rows if row.headline and row.passed is False]
    if slow:
        print(f"over target: {', '.join(slow)}")
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
