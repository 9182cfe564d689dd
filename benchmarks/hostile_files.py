"""How long ``showguide validate`` takes, and how much memory, on each hostile file.

    python benchmarks/hostile_files.py [--runs N]

The files are tests/hostile.py's BAD_FILES, generated into a temporary
folder, each with the environment its case sets (bad environment values
such as a 99-terabyte SHOWGUIDE_MAX_FILE_BYTES are cases too). Each is validated in its own process (benchmarks.timing.run_measured:
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
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile import BAD_FILES

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
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    rows = measure(parser.parse_args().runs)
    print_rows("Hostile files: showguide validate, time (median)", rows[0::2])
    print_rows("Hostile files: showguide validate, peak RSS (median)", rows[1::2])


if __name__ == "__main__":
    main()
