"""How long ``showguide validate`` takes, and how much memory, on each hostile file.

    python benchmarks/hostile_files.py [--runs N]

The files are tests/hostile.py's BAD_FILES, generated into a temporary
folder, each with the environment its case sets (bad environment values
such as a 99-terabyte SHOWGUIDE_MAX_FILE_BYTES are cases too); then its
BAD_USER_FILES, each planted in a fresh home whose parse
cache is warm, where a start (tests.hostile.USER_FILES_PROBE: preferences,
state, the catalog through the cache, a show opened) is measured instead. Each is validated in its own process (benchmarks.timing.run_measured:
wall time, and peak RSS read with wait4 for that process alone); the median
of N runs is reported beside validating the bundled show in the same run.
Targets (issue 7): every bad file refused within 2 s and under 300 MB. The
test suite checks the memory and only bounds the time with a generous
timeout; this is where the times are recorded.

``measure()`` returns the rows, so a benchmark runner can import it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile import BAD_FILES, BAD_USER_FILES, USER_FILES_PROBE, BadUserFile

from benchmarks.timing import Finished, Row, print_rows, run_measured

TIME_TARGET_MS = 2000.0
MEMORY_TARGET_MB = 300.0


def _validate(paths: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median (milliseconds, peak MiB) of validating ``paths``."""
    results: list[Finished] = [
        run_measured([sys.executable, "-m", "showguide", "validate", *paths], timeout=60, env=env)
        for _ in range(runs)
    ]
    return (
        statistics.median(r.seconds * 1000 for r in results),
        statistics.median(r.peak_rss_mb for r in results),
    )


def measure(runs: int = 3) -> list[Row]:
    """Two rows per case, time then memory, after the bundled-show baseline."""
    base_env = {k: v for k, v in os.environ.items() if k != "SHOWGUIDE_MAX_FILE_BYTES"}
    base_ms, base_mb = _validate([], base_env, runs)
    rows = [
        Row("validate: bundled show (baseline)", base_ms, "ms"),
        Row("validate: bundled show, peak RSS (baseline)", base_mb, "MiB"),
    ]
    with tempfile.TemporaryDirectory() as scratch:
        for name, bad in BAD_FILES.items():
            if bad.skip():
                continue
            folder = Path(scratch) / name
            folder.mkdir()
            path = bad.build(folder)
            ms, mb = _validate([str(path)], {**base_env, **dict(bad.env)}, runs)
            rows.append(Row(f"{name}", ms, "ms", TIME_TARGET_MS, ms / base_ms, "baseline"))
            rows.append(Row(f"{name} (RSS)", mb, "MiB", MEMORY_TARGET_MB, mb / base_mb, "baseline"))
        for name, planted in BAD_USER_FILES.items():
            if planted.skip():
                continue
            ms, mb = _start_with(planted, Path(scratch) / name, base_env, runs)
            rows.append(Row(f"{name}", ms, "ms", TIME_TARGET_MS, ms / base_ms, "baseline"))
            rows.append(Row(f"{name} (RSS)", mb, "MiB", MEMORY_TARGET_MB, mb / base_mb, "baseline"))
    return rows


def _start_with(
    planted: BadUserFile, folder: Path, env: dict[str, str], runs: int
) -> tuple[float, float]:
    """Median (milliseconds, peak MiB) of a start with ``planted`` in a warm home.

    Each run plants it afresh: the first start sets it aside.
    """
    results: list[Finished] = []
    for run in range(runs):
        home = folder / str(run)
        home_env = {**env, "SHOWGUIDE_HOME": str(home)}
        home_env.pop("SHOWGUIDE_PATH", None)
        subprocess.run(
            [sys.executable, "-c", USER_FILES_PROBE], env=home_env, check=True, capture_output=True
        )
        planted.plant(home)
        results.append(
            run_measured([sys.executable, "-c", USER_FILES_PROBE], timeout=60, env=home_env)
        )
    return (
        statistics.median(r.seconds * 1000 for r in results),
        statistics.median(r.peak_rss_mb for r in results),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    rows = measure(parser.parse_args().runs)
    print_rows("Hostile files: showguide validate, time (median)", rows[0::2])
    print_rows("Hostile files: showguide validate, peak RSS (median)", rows[1::2])


if __name__ == "__main__":
    main()
