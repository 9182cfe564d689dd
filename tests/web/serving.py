"""``showguide serve`` in its own process, as a user starts it, and its apps."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str
    output: list[str] = field(default_factory=list)

    def apps(self) -> set[int]:
        """The process ids of the apps the server runs now (its child processes)."""
        return children(self.process.pid)

    def wait_for_apps(self, count: int, timeout: float = 15.0) -> set[int]:
        deadline = time.monotonic() + timeout
        while len(apps := self.apps()) != count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} app processes, found {sorted(apps)}")
            time.sleep(0.1)
        return apps


def children(pid: int) -> set[int]:
    """Every live process whose parent is ``pid`` (read from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces and parentheses.
        fields = text[text.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return text[text.rindex(")") + 2] != "Z"


@contextmanager
def serving(*args: str, home: Path | None = None) -> Iterator[Served]:
    """Run ``showguide serve --port 0 ARGS`` until the block ends, then SIGTERM it."""
    env = dict(os.environ)
    if home is not None:
        env["SHOWGUIDE_HOME"] = str(home)
    process = subprocess.Popen(
        [sys.executable, "-m", "showguide", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert process.stdout is not None
    output: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line)
            if "http://" in line:
                ready.set()
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not ready.wait(30) or not any("http://" in line for line in output):
            raise AssertionError(f"showguide serve did not start: {''.join(output)!r}")
        match = re.search(r"http://\S+", "".join(output))
        assert match is not None
        yield Served(process, match.group(0), output)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        reader.join(5)
