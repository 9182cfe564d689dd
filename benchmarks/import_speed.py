"""How long ``showguide import`` takes for a 500-episode show, served from 127.0.0.1.

The server (tests/tvmaze_server.py, invented data in TVmaze's shapes) runs in
this process; ``showguide import tvmaze --id N`` runs as a child process, as a
user's shell would start it. "showguide's own time" is the child's CPU time
(user + system, from ``wait4``): the interpreter, the imports, parsing the
JSON, mapping, writing and validating the guide, but not the server's work or
time spent waiting on the socket. The wall time is printed beside it. The
baseline is the CPU time of ``python -c pass`` measured in the same run.

    python benchmarks/import_speed.py [--runs N]

``measure()`` returns the rows, so benchmarks/run.py can import it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.tvmaze_server import PROXY_VARIABLES, FakeTvmaze, make_show

from benchmarks.timing import Row

#: Issue 18: "well under a second of showguide's own time".
TARGET_MS = 500.0
EPISODES = 500
SHOW_ID = 4242


def _cpu_ms(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The child's CPU time and wall time, in milliseconds."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{argv} exited with {process.returncode}")
    return (usage.ru_utime + usage.ru_stime) * 1000, wall


def measure(runs: int = 7) -> list[Row]:
    fake = FakeTvmaze()
    fake.add(
        make_show(
            SHOW_ID,
            "The Long Harbour",
            seasons=10,
            episodes_per_season=EPISODES // 10,
            episode_summary="<p>In part {n} the harbour town faces another <b>storm</b>,"
            " and old friends argue about who should keep the light burning.</p>",
            cast=[(f"Actor Number{i}", f"Character Number{i}") for i in range(30)],
        )
    )
    url = fake.start()
    try:
        with tempfile.TemporaryDirectory(prefix="import-bench-") as folder:
            env = dict(os.environ, SHOWGUIDE_TVMAZE_URL=url, SHOWGUIDE_HOME=folder)
            for variable in PROXY_VARIABLES:  # loopback requests go straight to the server
                env.pop(variable, None)
            target = str(Path(folder) / "long-harbour.yaml")
            argv = [sys.executable, "-m", "showguide", "import", "tvmaze", "--id", str(SHOW_ID)]
            argv += ["-o", target, "--force"]
            baseline = [sys.executable, "-c", "pass"]
            cpu, wall, base = [], [], []
            for index in range(runs + 1):
                own, elapsed = _cpu_ms(argv, env)
                floor, _ = _cpu_ms(baseline, env)
                if index:  # the first run warms the bytecode cache
                    cpu.append(own)
                    wall.append(elapsed)
                    base.append(floor)
    finally:
        fake.stop()
    cpu_ms, base_ms = statistics.median(cpu), statistics.median(base)
    return [
        Row("python -c pass (CPU)", base_ms, "ms"),
        Row(
            f"import a {EPISODES}-episode show: CPU of showguide",
            cpu_ms,
            "ms",
            target=TARGET_MS,
            ratio=cpu_ms / base_ms if base_ms else None,
            baseline="python -c pass",
        ),
        Row(f"import a {EPISODES}-episode show: wall time", statistics.median(wall), "ms"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    for row in measure(parser.parse_args().runs):
        target = f"  (target <= {row.target:g} ms)" if row.target is not None else ""
        print(f"{row.metric:<48} {row.value:8.1f} {row.unit}{target}")


if __name__ == "__main__":
    main()
