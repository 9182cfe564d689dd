"""Loading a catalog of 1,000 show files: with an empty parse cache, and with a warm one.

    python benchmarks/catalog_speed.py [--shows 1000] [--seed 0] [--runs 9]

The show files come from :func:`benchmarks.generate.write_catalog`, written into
a temporary folder; ``SHOWGUIDE_HOME`` points into it too, so nothing of the
user's is read or written. "Cold" means an empty parse cache (the files
themselves are in the OS's file cache after the first run): the first start
after installing, or after the files all changed. "Warm" is every later start.

Whole-process rows are medians of ``python -c ...`` runs, each compared with
``python -c pass`` measured in the same run; the warm rows run in interleaved
rounds with the baseline (:func:`benchmarks.timing.median_times`), the cold
one on its own, as each of its runs starts by emptying the cache. In-process rows time the steps a
catalog screen takes once the interpreter is up (median of several rounds in
one process).

Issue 5's targets concern the catalog screen's first frame (headless, 120x40,
as ``showguide`` starts it): within 1.5x a bare Textual app's with a warm
cache, under 3 s cold. The loading that frame waits for is measured on its own
too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.first_frame import BARE_APP, launched
from benchmarks.generate import write_catalog
from benchmarks.timing import Row, median_times, print_rows, python, time_process

COLD_TARGET_MS = 3000.0


@dataclass(frozen=True)
class PreparedCatalog:
    """A generated catalog and an environment that finds it and nothing of the user's."""

    folder: Path
    home: Path
    shows: int

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("SHOWGUIDE_PATH",)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed wheel: bytecode cached
        env["SHOWGUIDE_HOME"] = str(self.home)
        env["SHOWGUIDE_PATH"] = str(self.folder)
        return env

    @property
    def cache_file(self) -> Path:
        return self.home / "cache" / "parse-cache.msgpack"

    def clear_cache(self) -> None:
        self.cache_file.unlink(missing_ok=True)


@contextmanager
def prepared_catalog(shows: int = 1000, seed: int = 0) -> Iterator[PreparedCatalog]:
    """A catalog of ``shows`` generated show files, found through ``SHOWGUIDE_PATH``."""
    with tempfile.TemporaryDirectory(prefix="showguide-catalog-bench-") as temp:
        folder = Path(temp) / "shows"
        write_catalog(folder, shows, seed)
        yield PreparedCatalog(folder, Path(temp) / "home", shows)


#: What a start of the catalog does before drawing: find and load every show,
#: and make a row of each.
LOAD = python(
    "from showguide.core.catalog import load_catalog",
    "rows = load_catalog().rows()",
)

#: The catalog screen's first frame, started as ``showguide`` starts it
#: (commands/launch.py).
CATALOG_FRAME = launched()
FRAME_WARM_TARGET_RATIO = 1.5

IN_PROCESS = python(
    "import json, statistics, time",
    "from showguide.core.catalog import load_catalog",
    "from showguide.core.catalog_view import filter_rows, sort_rows",
    "from showguide.core.row_view import RowView",
    "def timed(step, rounds=7):",
    "    samples = []",
    "    for _ in range(rounds):",
    "        start = time.perf_counter(); result = step()",
    "        samples.append((time.perf_counter() - start) * 1000)",
    "    return statistics.median(samples), result",
    "load, catalog = timed(load_catalog)",
    "rows, table = timed(catalog.rows)",
    "by_year, _ = timed(lambda: sort_rows(table, 'year'))",
    "typed, _ = timed(lambda: [filter_rows(table, t) for t in ('d', 'dr', 'dra', 'dram')])",
    "reload, _ = timed(catalog.reload)",
    # What the catalog screen does: its view folds every row's words once
    # (after the first frame), then each key typed narrows the last query.
    "def typing():",
    "    view = RowView(table); view.order('title'); view.fold()",
    "    start = time.perf_counter()",
    "    for text in ('d', 'dr', 'dra', 'dram'): view.shown('title', False, text)",
    "    return (time.perf_counter() - start) * 1000 / 4",
    "keys = statistics.median(typing() for _ in range(7))",
    "folded, _ = timed(lambda: RowView(table).fold())",
    "first, _ = timed(lambda: RowView(table).shown('title', False, 'd'))",
    "unopened = iter(load_catalog().entries[-7:])",
    "opened, _ = timed(lambda: next(unopened).show)",
    "print(json.dumps(dict(load=load, rows=rows, sort=by_year, filter=typed / 4,",
    "                      reload=reload, open=opened, key=keys, fold=folded, first=first)))",
)


def in_process(prepared: PreparedCatalog) -> dict[str, float]:
    result = subprocess.run(
        IN_PROCESS, env=prepared.env, check=True, capture_output=True, text=True
    )
    times: dict[str, float] = json.loads(result.stdout)
    return times


def measure(prepared: PreparedCatalog, runs: int = 9) -> list[Row]:
    env = prepared.env
    n = prepared.shows
    cold = time_process(LOAD, runs=max(3, runs // 2), env=env, before=prepared.clear_cache)
    cold_frame = time_process(
        CATALOG_FRAME, runs=max(3, runs // 2), env=env, before=prepared.clear_cache
    )
    # The warm-up rounds fill the cache again; then every command runs once a
    # round, in a fresh order, beside its baseline.
    times = median_times(
        {
            "pass": python("pass"),
            "import": python("import showguide.core.catalog"),
            "warm": LOAD,
            "list": [sys.executable, "-m", "showguide", "list"],
            "bare app": BARE_APP,
            "catalog frame": CATALOG_FRAME,
        },
        runs=runs,
        env=env,
    )
    steps = in_process(prepared)
    floor = times["pass"].wall

    def vs_pass(metric: str, value: float, target: float | None = None) -> Row:
        return Row(metric, value, "ms", target, value / floor, "pass")

    warm = times["warm"]
    bare, frame = times["bare app"], times["catalog frame"]
    return [
        Row("first frame: bare Textual app (1 Static)", bare.wall, "ms"),
        Row(
            f"warm: catalog screen first frame ({n})",
            frame.wall,
            "ms",
            FRAME_WARM_TARGET_RATIO,
            frame.wall / bare.wall,
            "bare app",
            target_is_ratio=True,
        ),
        Row("  the same, CPU time", frame.cpu, "ms", None, frame.cpu / bare.cpu, "bare app"),
        Row(
            f"cold: catalog screen first frame ({n})",
            cold_frame,
            "ms",
            COLD_TARGET_MS,
            cold_frame / bare.wall,
            "bare app",
        ),
        Row("python -c pass", floor, "ms"),
        vs_pass("import showguide.core.catalog", times["import"].wall),
        vs_pass(f"cold: load {n} shows + rows (process)", cold, COLD_TARGET_MS),
        vs_pass(f"warm: load {n} shows + rows (process)", warm.wall),
        Row("  the same, CPU time", warm.cpu, "ms", None, warm.cpu / times["pass"].cpu, "pass"),
        Row("cold / warm", cold / warm.wall, "x"),
        vs_pass(f"warm: showguide list, {n} shows", times["list"].wall),
        Row(f"in process, warm: load_catalog ({n})", steps["load"], "ms"),
        Row(f"in process: catalog.rows() ({n})", steps["rows"], "ms"),
        Row("in process: sort_rows by year", steps["sort"], "ms"),
        Row("in process: filter_rows, per key typed", steps["filter"], "ms"),
        Row("in process: the screen's view, per key typed", steps["key"], "ms"),
        Row("in process: fold every row's words", steps["fold"], "ms"),
        Row("in process: reload(), nothing changed", steps["reload"], "ms"),
        Row("in process: open one show (decode)", steps["open"] * 1000, "µs"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shows", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with prepared_catalog(args.shows, args.seed) as prepared:
        rows = measure(prepared, args.runs)
    print_rows(f"Catalog of {args.shows} generated shows (median of whole-process runs)", rows)


if __name__ == "__main__":
    main()
