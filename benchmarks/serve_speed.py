"""``showguide serve``: start time, idle CPU, and a browser tab's first frame.

    python benchmarks/serve_speed.py [--runs N]

- start: from launching ``showguide serve --port 0`` to the page it prints
  the URL of answering a request (target: under a second), with the CPU
  time the server spent getting there;
- idle CPU: the server's CPU time over a few seconds with no tab open, as a
  share of one core (target: under 1%);
- first frame in a browser: from a headless Chromium tab opening the page to
  the guide's first frame reaching it (the page's terminal shows the show's
  title), beside the same app started in a terminal (a pseudo-terminal,
  120x40) until its first frame shows the title. The browser's time includes
  starting the app's process, as a terminal's does.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.first_frame import isolated_environment
from benchmarks.timing import Row, print_rows

START_TARGET_MS = 1000.0
IDLE_TARGET_PERCENT = 1.0
IDLE_SECONDS = 5.0
TITLE = "Ballerina"
SERVE = [sys.executable, "-m", "showguide", "serve", "--port", "0"]


@contextlib.contextmanager
def served(env: dict[str, str]) -> Iterator[tuple[subprocess.Popen[bytes], str, float, float]]:
    """A running server, its URL, and the milliseconds it took to print it, in
    wall time and in its own CPU time (which a busy machine does not stretch)."""
    started = time.perf_counter()
    process = subprocess.Popen(SERVE, stdout=subprocess.PIPE, env=env)
    assert process.stdout is not None
    line = process.stdout.readline().decode()
    match = re.search(r"http://\S+", line)
    try:
        if match is None:
            raise RuntimeError(f"showguide serve did not start: {line!r}")
        with urllib.request.urlopen(match.group(0), timeout=30) as response:
            response.read()
        elapsed = (time.perf_counter() - started) * 1000
        cpu = cpu_seconds(process.pid) * 1000
        yield process, match.group(0), elapsed, cpu
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def terminal_first_frame(env: dict[str, str]) -> float:
    """Milliseconds from starting ``showguide`` on a 120x40 pseudo-terminal to its
    first frame showing the title."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    term_env = {**env, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "showguide"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=term_env,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    try:
        while TITLE.encode() not in seen:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                raise RuntimeError("showguide drew nothing in a terminal within 30 s")
            seen += os.read(master, 65536)
        return (time.perf_counter() - started) * 1000
    finally:
        process.kill()
        process.wait()
        os.close(master)


def browser_first_frames(url: str, runs: int) -> list[float]:
    """Milliseconds from opening a tab on ``url`` to the guide's first frame in it."""
    from playwright.sync_api import sync_playwright
    from tests.web.browser import PageTerminal, launch

    times = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1000, "height": 640})
            terminal = PageTerminal(page)
            started = time.perf_counter()
            page.goto(url)
            terminal.wait_for(TITLE, timeout=60, poll_ms=10)
            times.append((time.perf_counter() - started) * 1000)
            page.close()
        browser.close()
    return times


def measure(runs: int = 5) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="showguide-serve-speed-") as home:
        env = isolated_environment(home)
        starts, start_cpus = [], []
        for _ in range(runs):
            with served(env) as (_, _, elapsed, cpu):
                starts.append(elapsed)
                start_cpus.append(cpu)
        terminal = statistics.median(terminal_first_frame(env) for _ in range(runs))
        with served(env) as (process, url, _, _):
            time.sleep(1.0)  # past start-up
            before, clock = cpu_seconds(process.pid), time.perf_counter()
            time.sleep(IDLE_SECONDS)
            idle = (cpu_seconds(process.pid) - before) / (time.perf_counter() - clock) * 100
            try:
                browser = statistics.median(browser_first_frames(url, runs))
            except BaseException as error:  # no browser here: say so, keep the other rows
                if isinstance(error, KeyboardInterrupt):
                    raise
                print(f"serve_speed: no browser first frame: {error}", file=sys.stderr)
                browser = float("nan")
    start = statistics.median(starts)
    return [
        Row("serve: start to the page answering", start, "ms", START_TARGET_MS),
        Row("  CPU time: serve start", statistics.median(start_cpus), "ms"),
        Row("serve: idle CPU, no tab open (% of a core)", idle, "%", IDLE_TARGET_PERCENT),
        Row("first frame: in a terminal (pty, 120x40)", terminal, "ms"),
        Row(
            "first frame: in a browser tab (serve)",
            browser,
            "ms",
            None,
            browser / terminal,
            "terminal",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    print_rows("showguide serve (median of whole-process runs)", measure(parser.parse_args().runs))


if __name__ == "__main__":
    main()
