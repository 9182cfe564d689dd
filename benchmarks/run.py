"""Every benchmark in the repository, run once, printed as one table.

    python benchmarks/run.py [--quick]

Columns: the metric, the measured value, the target, and the ratio to the
baseline measured in the same run (a bare Textual app, ``python -c pass``, a
small show, or a naive search), then whether the target is met. Each
benchmark module can also be run on its own for more detail; this runner
imports their measuring functions and changes nothing in them. ``--quick``
takes fewer runs: for a look, not for a record (docs/performance.md records
a full run).

Run it on a quiet machine: every row is a median, but a busy machine still
moves wall times, and the CPU-time rows next to them show how much.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import Row, cells


@dataclass(frozen=True)
class Line:
    """One row of the report, whatever benchmark it came from."""

    metric: str
    value: str
    target: str = ""
    ratio: str = ""
    ok: bool | None = None
    #: The value in milliseconds, for a line that is a time.
    ms: float | None = None
    #: The target in milliseconds, for a time with an absolute target.
    limit_ms: float | None = None


def _timing_lines(rows: Iterable[Row]) -> list[Line]:
    """Rows of :class:`benchmarks.timing.Row`."""
    lines = []
    for row in rows:
        value, target, ratio, _ok = cells(row)
        is_time = row.unit == "ms"
        limit = None if row.target_is_ratio else row.target
        lines.append(
            Line(
                row.metric,
                value,
                target,
                ratio,
                row.passed,
                row.value if is_time else None,
                limit if is_time else None,
            )
        )
    return lines


def commands(quick: bool) -> list[Line]:
    from benchmarks import cli_speed

    rows = cli_speed.measure(runs=5 if quick else 15)
    return [
        Line(
            row.metric,
            f"{row.value:.1f} ms",
            f"<= {row.target:g} ms" if row.target is not None else "",
            f"{row.ratio:.1f}x pass",
            row.passed,
            row.value,
            row.target,
        )
        for row in rows
        if row.headline
    ]


def first_frame(quick: bool) -> list[Line]:
    from benchmarks import first_frame

    return _timing_lines(first_frame.measure(runs=5 if quick else 15))


def memory(quick: bool) -> list[Line]:
    from benchmarks import memory

    return _timing_lines(memory.measure(runs=2 if quick else 5))


def catalog(quick: bool) -> list[Line]:
    from benchmarks import catalog_speed

    with catalog_speed.prepared_catalog(1000) as prepared:
        return _timing_lines(catalog_speed.measure(prepared, runs=3 if quick else 9))


def scale(quick: bool) -> list[Line]:
    from benchmarks import scale

    return _timing_lines(scale.measure(runs=2 if quick else 5))


def panes(quick: bool) -> list[Line]:
    from benchmarks import pane_speed

    return _timing_lines(pane_speed.rows(rounds=3 if quick else 15))


def search(quick: bool) -> list[Line]:
    from benchmarks import search_speed

    lines = []
    for row in search_speed.rows(rounds=1 if quick else 3):
        value = f"{row.value:.2f} {row.unit}".strip() if row.unit else f"{row.value:.0f}"
        target = f"<= {row.target:g} {row.unit}" if row.target is not None else ""
        is_time = row.unit == "ms"
        lines.append(
            Line(
                row.metric,
                value,
                target,
                row.note,
                row.passed,
                row.value if is_time else None,
                row.target if is_time else None,
            )
        )
    return lines


def episodes(quick: bool) -> list[Line]:
    from benchmarks import episodes_speed

    return _timing_lines(episodes_speed.rows(rounds=3 if quick else 10))


def importing(quick: bool) -> list[Line]:
    from benchmarks import import_speed

    return _timing_lines(import_speed.measure(runs=3 if quick else 7))


def hostile(quick: bool) -> list[Line]:
    """The slowest and the largest of the hostile files, and how many met both targets."""
    from benchmarks import hostile_files

    rows = hostile_files.measure(runs=1 if quick else 3)
    baselines, cases = rows[:2], rows[2:]
    times = [row for row in cases if row.unit == "ms"]
    memories = [row for row in cases if row.unit == "MiB"]
    slowest = max(times, key=lambda row: row.value)
    largest = max(memories, key=lambda row: row.value)
    within = sum(
        1
        for time_row, memory_row in zip(times, memories, strict=True)
        if time_row.passed and memory_row.passed
    )
    lines = _timing_lines(
        [
            *baselines,
            replace(slowest, metric=f"slowest: {slowest.metric}"),
            replace(largest, metric=f"largest: {largest.metric}"),
        ]
    )
    lines.append(
        Line(
            "files refused within both targets",
            f"{within} of {len(times)}",
            "all",
            ok=within == len(times),
        )
    )
    return lines


def serve(quick: bool) -> list[Line]:
    from benchmarks import serve_speed

    return _timing_lines(serve_speed.measure(runs=3 if quick else 5))


SECTIONS: list[tuple[str, Callable[[bool], list[Line]]]] = [
    ("Commands (whole process, console script)", commands),
    ("Guide: first frame (whole process, 120x40)", first_frame),
    ("Memory: peak RSS (whole process)", memory),
    ("Catalog of 1,000 shows", catalog),
    ("Scale: 100, 1,000 and 10,000 shows (benchmarks/scale.py)", scale),
    ("Big panes: 5,000 questions, 2,000 characters (in process)", panes),
    ("Search: 5,000 questions, 2,000 characters (in process)", search),
    ("A long series: 40 x 40 episodes, 2,000 items that reveal one", episodes),
    ("Hostile files: validate, and starts among hostile user files (tests/hostile.py)", hostile),
    ("showguide serve: start, idle, a tab's first frame (whole process)", serve),
    ("Import from a local TVmaze-shaped server (whole process)", importing),
]


def print_report(sections: list[tuple[str, list[Line]]]) -> None:
    width = max(len(line.metric) for _, lines in sections for line in lines)
    header = f"{'metric':<{width}}  {'value':>11}  {'target':>12}  {'ratio':<20}  ok"
    print(header)
    print("-" * len(header))
    for title, lines in sections:
        print(f"\n{title}")
        for line in lines:
            ok = {True: "yes", False: "NO", None: ""}[line.ok]
            print(
                f"{line.metric:<{width}}  {line.value:>11}  {line.target:>12}  {line.ratio:<20}  {ok}"
            )
    missed = [line.metric for _, lines in sections for line in lines if line.ok is False]
    print(f"\n{len(missed)} target(s) missed" + (": " + "; ".join(missed) if missed else ""))
    print_machine_speed([line for _, lines in sections for line in lines])


#: What ``import textual.app`` took on the machine the issues' targets in
#: milliseconds were set on (issue 2: "for scale: python -c pass is about 10 ms
#: here and import textual.app about 170 ms"). Ratio targets need no scaling.
REFERENCE_TEXTUAL_IMPORT_MS = 170.0
TEXTUAL_IMPORT_METRIC = "python -c 'import textual.app'"


def print_machine_speed(lines: Sequence[Line]) -> None:
    """How fast this machine ran, against the one the millisecond targets assume.

    The same virtual machine type runs two or three times slower on some days.
    Each millisecond target is checked again with the time divided by the
    slowdown, measured in the same run as the import of Textual, the largest
    fixed cost every start pays; the report above is left as measured.
    """
    imported = next((line.ms for line in lines if line.metric == TEXTUAL_IMPORT_METRIC), None)
    if imported is None:
        return
    slowdown = imported / REFERENCE_TEXTUAL_IMPORT_MS
    print(
        f"\nMachine speed: {TEXTUAL_IMPORT_METRIC} took {imported:.0f} ms here, against"
        f" about {REFERENCE_TEXTUAL_IMPORT_MS:.0f} ms where the millisecond targets were set:"
        f" {slowdown:.2f}x slower."
    )
    if slowdown <= 1:
        return
    for line in lines:
        if line.ms is None or line.limit_ms is None or line.ok is not False:
            continue
        scaled = line.ms / slowdown
        verdict = "met" if scaled <= line.limit_ms else "still missed"
        print(f"  {line.metric}: {line.ms:.1f} ms / {slowdown:.2f} = {scaled:.1f} ms, {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs: a look, not a record")
    quick = parser.parse_args().quick
    print(f"showguide benchmarks · {time.strftime('%Y-%m-%d %H:%M')} · {platform.platform()}")
    print(f"{platform.python_implementation()} {platform.python_version()} · {sys.executable}")
    sections = []
    for title, measure in SECTIONS:
        started = time.perf_counter()
        lines = measure(quick)
        print(f"  measured: {title} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        sections.append((title, lines))
    print()
    print_report(sections)


if __name__ == "__main__":
    main()
