"""How the costs grow with the catalog: 100, 1,000 and 10,000 shows.

    python benchmarks/scale.py [--shows 100 1000 10000] [--runs 5]
        [--only cold warm list validate frame filter memory] [--keep DIR]

``--only`` measures some of the rows (and runs only their processes;
``--only cold`` loads cold ``--runs`` times, where the whole benchmark loads
10,000 shows cold once);
``--keep DIR`` writes the catalogs and their homes (with the parse caches)
into DIR once and uses them again on later runs, so that a run without
``cold`` pays no cold load at all: without it, the first warm-up of every
size parses every file.

For each size, a catalog from :func:`benchmarks.generate.write_catalog` in a
temporary folder (``SHOWGUIDE_HOME`` too, so nothing of the user's is read or
written), and in the same run the baselines each row is compared with:

- cold: loading every show with an empty parse cache, as a whole process
  (the first start; the files are in the OS's file cache). Target for 10,000:
  under 10 s (issue 17), parsed on every core. Its CPU time, beside it, is
  every process's: the one started and the workers it parses with.
- warm: the same with the parse cache filled: every later start.
- list (terminal) and list (piped): ``showguide list`` as a whole process,
  against ``showguide list`` with the bundled show alone. Targets: at most
  2x for 1,000 shows, 4x for 10,000.
- validate: ``showguide validate`` of every file, unchanged since the cache
  saw them, against ``validate`` of one file. Target: 2x for 1,000.
- catalog first frame: headless, 120x40, as ``showguide`` starts it, against
  a bare Textual app. Target: 1.5x.
- filter key: what the catalog screen's view (``RowView``) does for one more
  key typed, its words folded (in process), and reload with nothing changed;
  the catalog's targets are 16 ms and 50 ms. ``filter_rows`` over every row,
  and folding every row's words (done once, after the first frame), beside.
- memory: peak RSS of the catalog's first frame, against the bare app's.
  Target: 2x.

Wall times on a shared machine wander; CPU times (in the detail) do less.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.catalog_speed import CATALOG_FRAME, LOAD, PreparedCatalog, in_process
from benchmarks.first_frame import BARE_APP
from benchmarks.generate import write_catalog
from benchmarks.memory import peak_rss_mb
from benchmarks.timing import Row, Timing, median_times, print_rows, python

SIZES = (100, 1000, 10_000)
COLD_TARGET_MS = {10_000: 10_000.0}
LIST_TARGET_RATIO = {1000: 2.0, 10_000: 4.0}
VALIDATE_TARGET_RATIO = {1000: 2.0}
FRAME_TARGET_RATIO = 1.5
MEMORY_TARGET_RATIO = 2.0
FILTER_TARGET_MS = 16.0
RELOAD_TARGET_MS = 50.0

SHOWGUIDE = [sys.executable, "-m", "showguide"]
#: As on a 120-column terminal: Rich and showguide believe standard output is one.
ON_A_TERMINAL = ["env", "TTY_COMPATIBLE=1", "COLUMNS=120", *SHOWGUIDE]


#: The groups of rows ``--only`` chooses from.
GROUPS = ("cold", "warm", "list", "validate", "frame", "filter", "memory")


@contextmanager
def catalogs(
    sizes: tuple[int, ...], seed: int = 0, keep: Path | None = None
) -> Iterator[dict[int, PreparedCatalog]]:
    """One generated catalog per size; the smaller ones are the first files of the largest.

    In ``keep`` when given, made only for the sizes not there yet, and left there.
    """
    with tempfile.TemporaryDirectory(prefix="showguide-scale-bench-") as temp:
        root = keep if keep is not None else Path(temp)
        root.mkdir(parents=True, exist_ok=True)
        prepared = {
            size: PreparedCatalog(root / f"shows-{size}", root / f"home-{size}", size)
            for size in sizes
        }
        missing = [size for size in sizes if not prepared[size].folder.is_dir()]
        if missing:
            largest = root / "all"
            shutil.rmtree(largest, ignore_errors=True)
            write_catalog(largest, max(missing), seed)
            names = sorted(path.name for path in largest.iterdir())
            for size in missing:
                folder = prepared[size].folder
                folder.mkdir()
                for name in names[:size]:
                    os.link(largest / name, folder / name)
            shutil.rmtree(largest)
        yield prepared


def time_cold(prepared: PreparedCatalog, runs: int) -> Timing:
    """Medians of loading every show with an empty parse cache, in milliseconds.

    The CPU time is ``wait4``'s for the process, which includes the worker
    processes it started and waited for.
    """
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        prepared.clear_cache()
        start = time.perf_counter()
        child = subprocess.Popen(
            LOAD, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=prepared.env
        )
        _pid, status, usage = os.wait4(child.pid, 0)
        walls.append((time.perf_counter() - start) * 1000)
        if os.waitstatus_to_exitcode(status) != 0:
            raise subprocess.CalledProcessError(os.waitstatus_to_exitcode(status), LOAD)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    return Timing(statistics.median(walls), statistics.median(cpus))


def measure_size(prepared: PreparedCatalog, runs: int, only: tuple[str, ...] = GROUPS) -> list[Row]:
    n = prepared.shows
    env = prepared.env
    cold = Timing(0.0, 0.0)
    if "cold" in only:
        # Alone, as many runs as asked; in the whole benchmark, one at 10,000.
        cold_runs = runs if only == ("cold",) else 1 if n >= 10_000 else max(2, runs // 2)
        cold = time_cold(prepared, cold_runs)
    one_file = str(next(iter(sorted(prepared.folder.iterdir()))))
    with tempfile.TemporaryDirectory(prefix="showguide-scale-one-") as home:
        # The baselines run in the same rounds as the catalog's commands (a
        # separate batch saw another minute's load: ratios moved by 2x), in
        # the bundled show alone with its own warm cache, each command through
        # one more `env` (as the catalog's list and validate are).
        small = ["env", "-u", "SHOWGUIDE_PATH", f"SHOWGUIDE_HOME={home}"]
        commands = {
            "pass": python("pass"),
            "warm": LOAD,
            "list": ["env", *ON_A_TERMINAL, "list"],
            "list piped": ["env", *SHOWGUIDE, "list"],
            "validate": ["env", *SHOWGUIDE, "validate"],
            "bare app": BARE_APP,
            "catalog frame": CATALOG_FRAME,
            "list one": [*small, *ON_A_TERMINAL, "list"],
            "list one piped": [*small, *SHOWGUIDE, "list"],
            "validate one": [*small, *SHOWGUIDE, "validate", one_file],
        }
        group_of = {"warm": "warm", "list": "list", "list piped": "list", "validate": "validate"}
        group_of |= {"bare app": "frame", "catalog frame": "frame", "list one": "list"}
        group_of |= {"list one piped": "list", "validate one": "validate"}
        chosen = {k: v for k, v in commands.items() if group_of.get(k) in only or k == "pass"}
        times = baselines = median_times(chosen, runs=runs, env=env)
    steps = in_process(prepared) if "filter" in only else {}
    bare_rss = frame_rss = 1.0
    if "memory" in only:
        bare_rss = peak_rss_mb(BARE_APP, max(2, runs // 2), env)
        frame_rss = peak_rss_mb(CATALOG_FRAME, max(2, runs // 2), env)

    def ratio_row(
        metric: str, value: float, base: float, baseline: str, target: float | None
    ) -> Row:
        return Row(metric, value, "ms", target, value / base, baseline, target_is_ratio=True)

    def wall_and_cpu(
        metric: str, timing: Timing, base: Timing, baseline: str, target: float | None
    ) -> list[Row]:
        """A wall-time row against its baseline, then the same in CPU time."""
        return [
            ratio_row(metric, timing.wall, base.wall, baseline, target),
            Row(
                f"{n:>6,}   the same, CPU time",
                timing.cpu,
                "ms",
                None,
                timing.cpu / base.cpu,
                baseline,
            ),
        ]

    rows: list[Row] = []
    if "cold" in only:
        rows += [
            Row(
                f"{n:>6,} cold: load every show (process)",
                cold.wall,
                "ms",
                COLD_TARGET_MS.get(n),
                cold.wall / times["pass"].wall,
                "pass",
            ),
            Row(f"{n:>6,}   the same, CPU time (with workers)", cold.cpu, "ms"),
        ]
    if "warm" in only:
        rows.append(
            Row(
                f"{n:>6,} warm: load every show (process)",
                times["warm"].wall,
                "ms",
                None,
                times["warm"].wall / times["pass"].wall,
                "pass",
            )
        )
    if "list" in only:
        rows += wall_and_cpu(
            f"{n:>6,} list, on a terminal",
            times["list"],
            baselines["list one"],
            "list of 1",
            LIST_TARGET_RATIO.get(n),
        )
        rows += wall_and_cpu(
            f"{n:>6,} list, piped (TSV)",
            times["list piped"],
            baselines["list one piped"],
            "list of 1",
            LIST_TARGET_RATIO.get(n),
        )
    if "validate" in only:
        rows.append(
            ratio_row(
                f"{n:>6,} validate, nothing changed",
                times["validate"].wall,
                baselines["validate one"].wall,
                "validate 1",
                VALIDATE_TARGET_RATIO.get(n),
            )
        )
    if "frame" in only:
        rows += wall_and_cpu(
            f"{n:>6,} catalog first frame, warm",
            times["catalog frame"],
            times["bare app"],
            "bare app",
            FRAME_TARGET_RATIO,
        )
    if "filter" in only:
        rows += [
            Row(f"{n:>6,} filter key (the screen's view)", steps["key"], "ms", FILTER_TARGET_MS),
            Row(f"{n:>6,}   filter_rows over every row", steps["filter"], "ms"),
            Row(f"{n:>6,}   fold every row's words (once)", steps["fold"], "ms"),
            Row(f"{n:>6,} reload, nothing changed", steps["reload"], "ms", RELOAD_TARGET_MS),
        ]
    if "memory" in only:
        rows.append(
            Row(
                f"{n:>6,} peak RSS, catalog first frame",
                frame_rss,
                "MiB",
                MEMORY_TARGET_RATIO,
                frame_rss / bare_rss,
                "bare app",
                target_is_ratio=True,
            )
        )
    return rows


def measure(
    sizes: tuple[int, ...] = SIZES,
    runs: int = 5,
    only: tuple[str, ...] = GROUPS,
    keep: Path | None = None,
) -> list[Row]:
    rows = []
    with catalogs(sizes, keep=keep) as prepared:
        for size in sizes:
            rows.extend(measure_size(prepared[size], runs, only))
            print(f"  measured: {size:,} shows", file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shows", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="+", choices=GROUPS, default=list(GROUPS))
    parser.add_argument("--keep", type=Path, help="make the catalogs here once, and reuse them")
    args = parser.parse_args()
    rows = measure(tuple(args.shows), args.runs, tuple(args.only), args.keep)
    print_rows("Scale: catalogs of generated shows (median of whole-process runs)", rows)


if __name__ == "__main__":
    main()
