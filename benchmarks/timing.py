"""Whole-process timing shared by the benchmarks: several runs, the median wins."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """One line of a benchmark table."""

    metric: str
    value: float
    unit: str
    target: float | None = None
    #: Ratio to the baseline named in ``baseline`` (measured in the same run).
    ratio: float | None = None
    baseline: str = ""
    #: True when the target is a ratio (``value`` is compared via ``ratio``).
    target_is_ratio: bool = False

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        measured = self.ratio if self.target_is_ratio else self.value
        return measured is not None and measured <= self.target


def time_process(
    argv: Sequence[str],
    *,
    runs: int = 15,
    warmups: int = 2,
    env: dict[str, str] | None = None,
    before: Callable[[], None] | None = None,
) -> float:
    """Median wall time of running ``argv`` to completion, in milliseconds.

    ``before`` runs ahead of each run, untimed: e.g. to empty a cache.
    """
    samples: list[float] = []
    for index in range(warmups + runs):
        if before is not None:
            before()
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
        elapsed = (time.perf_counter() - start) * 1000
        if index >= warmups:
            samples.append(elapsed)
    return statistics.median(samples)


@dataclass(frozen=True)
class Finished:
    """One process run to completion, with what it cost."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    #: The process's own peak resident memory (not its parent's, not a sibling's).
    peak_rss_mb: float


def run_measured(
    argv: Sequence[str],
    *,
    timeout: float,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Finished:
    """Run ``argv`` and measure its wall time and its own peak RSS (POSIX only).

    ``wait4`` reports the resource use of this child alone (where
    ``getrusage(RUSAGE_CHILDREN)`` keeps the largest child seen so far), but
    on Linux its ``ru_maxrss`` starts from the parent's peak: the kernel
    keeps the high-water mark of the memory the child was forked with
    across ``exec``. So while the child runs, its own high-water mark
    (``VmHWM`` in /proc) is sampled too, and used when the ``wait4`` figure
    is no more than the parent's own peak, that is, when it may be ours.
    Output goes to temporary files, so no pipe can fill up while we wait.
    Raises ``subprocess.TimeoutExpired`` (after killing it) when it runs too long.
    """
    parent_peak = _high_water_mb("self") or 0.0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=cwd)
        sampled = 0.0
        while True:
            sampled = max(sampled, _high_water_mb(str(process.pid)) or 0.0)
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                process.kill()
                os.wait4(process.pid, 0)
                process.returncode = -9  # reaped here: Popen must not wait again
                raise subprocess.TimeoutExpired(list(argv), timeout)
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
        reported = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        peak = reported if reported > parent_peak or not sampled else sampled
        return Finished(
            process.returncode,
            out.read().decode("utf-8", errors="replace"),
            err.read().decode("utf-8", errors="replace"),
            seconds,
            peak,
        )


def _high_water_mb(pid: str) -> float | None:
    """A process's own peak RSS from /proc (Linux), or None when it cannot be read."""
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None  # a zombie: its memory is gone, and with it the line


@dataclass(frozen=True)
class Timing:
    """Medians of one command's runs, in milliseconds."""

    #: Wall time: what a person waits.
    wall: float
    #: CPU time (user + system) of the process: the work it did. Steadier
    #: than wall time on a busy machine, where waiting for a CPU inflates it.
    cpu: float


def median_times(
    commands: dict[str, Sequence[str]],
    *,
    runs: int = 15,
    warmups: int = 2,
    env: dict[str, str] | None = None,
) -> dict[str, Timing]:
    """Median wall and CPU time of each command, measured in rounds.

    Every round runs every command once, in a fresh order: a burst of
    background load, or whatever one process leaves behind for the next,
    spreads over all commands instead of skewing the one measured at the time.
    """
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    order = list(commands)
    shuffle = random.Random(0).shuffle
    for round_number in range(warmups + runs):
        shuffle(order)
        for name in order:
            start = time.perf_counter()
            child = subprocess.Popen(
                commands[name],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            _pid, status, usage = os.wait4(child.pid, 0)
            wall = (time.perf_counter() - start) * 1000
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode != 0:
                raise subprocess.CalledProcessError(child.returncode, commands[name])
            if round_number >= warmups:
                walls[name].append(wall)
                cpus[name].append((usage.ru_utime + usage.ru_stime) * 1000)
    return {
        name: Timing(statistics.median(walls[name]), statistics.median(cpus[name]))
        for name in commands
    }


def python(*code: str) -> list[str]:
    return [sys.executable, "-c", "\n".join(code)]


def cells(row: Row) -> tuple[str, str, str, str]:
    """A row's value, target, ratio and verdict as text ("" when there is none)."""
    value = f"{row.value:.1f} {row.unit}"
    if row.target is None:
        target = ""
    elif row.target_is_ratio:
        target = f"<= {row.target:g}x"
    else:
        target = f"<= {row.target:g} {row.unit}"
    ratio = f"{row.ratio:.2f}x {row.baseline}" if row.ratio is not None else ""
    return value, target, ratio, {True: "yes", False: "NO", None: ""}[row.passed]


def print_rows(title: str, rows: Sequence[Row]) -> None:
    print(f"\n{title}")
    print(f"{'metric':<44} {'value':>12} {'target':>12} {'ratio':>16}  ok")
    for row in rows:
        value, target, ratio, ok = cells(row)
        print(f"{row.metric:<44} {value:>12} {target or '-':>12} {ratio or '-':>16}  {ok}")
