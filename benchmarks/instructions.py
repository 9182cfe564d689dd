"""First frames counted in instructions: the guide and the catalog against a bare app.

    python benchmarks/instructions.py [--shows 1000]

Wall time on a shared virtual machine moves by a quarter from one minute to
the next (docs/performance.md); the number of instructions a process runs
does not. This runs the first-frame processes of ``first_frame.py`` and
``catalog_speed.py`` once each under valgrind's callgrind, which counts the
instructions executed in user space, with ``PYTHONHASHSEED=0``, and compares
each with the bare Textual app counted the same way. Counts repeat to within
a few millions; they leave out time spent in the kernel and waiting for the
disk, and they weigh a cache miss like any instruction, so they complement
the wall-time ratios and do not replace them. A ratio in instructions runs
a little above the same ratio in wall time: the fixed cost of starting a
process, which both sides pay, is mostly outside them.

Needs ``valgrind`` on the PATH; takes about two minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.catalog_speed import CATALOG_FRAME, prepared_catalog
from benchmarks.first_frame import BARE_APP, GUIDE_APP, isolated_environment
from benchmarks.timing import Row, print_rows

_TOTAL = re.compile(rb"^(?:summary|totals): (\d+)", re.MULTILINE)

#: The catalog's first frame as counted here. Under valgrind the process runs
#: about fifty times slower, so the timer that folds the filter's words half a
#: second after the first frame fired before the frame was done, and the count
#: took in folding every row (125 M at 10,000 shows), which a real run never
#: does before its frame: the fold is put off.
_SETTLE = "    settle()\n"
assert _SETTLE in CATALOG_FRAME[-1]
CATALOG_FRAME_COUNTED = [
    *CATALOG_FRAME[:-1],
    CATALOG_FRAME[-1].replace(
        _SETTLE, _SETTLE + "    import showguide.tui.catalog as c; c.FOLD_AFTER_SECONDS = 3600\n"
    ),
]


def instructions(argv: list[str], env: dict[str, str]) -> int:
    """Instructions executed by ``argv``, run once first so its caches are warm."""
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="showguide-callgrind-") as folder:
        out = Path(folder) / "callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        found = _TOTAL.search(out.read_bytes())
    if found is None:
        raise RuntimeError("callgrind wrote no instruction total")
    return int(found.group(1))


def measure(shows: int = 1000) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="showguide-instructions-") as home:
        env = {**isolated_environment(home), "PYTHONHASHSEED": "0"}
        bare = instructions(BARE_APP, env)
        guide = instructions(GUIDE_APP, env)
    with prepared_catalog(shows) as prepared:
        env = {**prepared.env, "PYTHONHASHSEED": "0"}
        instructions(CATALOG_FRAME, env)  # fills the parse cache: the frame is warm
        catalog = instructions(CATALOG_FRAME_COUNTED, env)

    def million(metric: str, count: int) -> Row:
        return Row(metric, count / 1e6, "M", None, count / bare, "bare app")

    return [
        Row("first frame: bare Textual app (1 Static)", bare / 1e6, "M"),
        million("first frame: showguide (Ballerina, 120x40)", guide),
        million(f"warm: catalog screen first frame ({shows})", catalog),
    ]


def main() -> None:
    if shutil.which("valgrind") is None:
        sys.exit("benchmarks/instructions.py needs valgrind (apt-get install valgrind)")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shows", type=int, default=1000, help="in the catalog (1000)")
    shows = parser.parse_args().shows
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    print_rows("First frames in instructions (callgrind, user space)", measure(shows))


if __name__ == "__main__":
    main()
