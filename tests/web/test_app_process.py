"""How the server ends one tab's app process (:class:`showguide.web.server.AppProcess`).

The app process here is a small stand-in script, so the timing that matters
can be arranged rather than hoped for.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import pytest
from textual_serve.download_manager import DownloadManager

from showguide.web import server

#: An app that starts, sends one frame, and on being asked to quit takes a
#: moment to save before it exits, as showguide saves where the viewer was.
SLOW_TO_QUIT = r"""
import os, sys, time
out = sys.stdout.buffer
out.write(b"__GANGLION__\n")
frame = b"frame"
out.write(b"D" + len(frame).to_bytes(4, "big") + frame)
out.flush()
sys.stdin.buffer.read(1)  # the server's quit request
time.sleep(0.5)
with open(sys.argv[1] + ".tmp", "w") as saved:
    saved.write("saved")
os.replace(sys.argv[1] + ".tmp", sys.argv[1])
"""


class ClosedTab:
    """A browser tab that has gone: every frame sent to it is refused."""

    def __init__(self) -> None:
        self.refused = asyncio.Event()

    async def send_bytes(self, data: bytes) -> None:
        self.refused.set()
        raise ConnectionResetError("Cannot write to closing transport")

    async def send_str(self, data: str) -> None:
        raise ConnectionResetError("Cannot write to closing transport")

    async def close(self) -> None:
        pass


def test_an_app_still_quitting_when_its_tab_has_gone_is_let_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """textual-serve stops reading at the first frame a closed tab refuses; the
    app must still get its grace to save before anything kills it."""
    # A grace that a loaded machine cannot spend by starting Python slowly.
    monkeypatch.setattr(server, "QUIT_GRACE", 15.0)
    saved = tmp_path / "state"

    async def scenario() -> int | None:
        tab = ClosedTab()
        argv = [sys.executable, "-c", SLOW_TO_QUIT, str(saved)]
        service = server.AppProcess(argv, tab, DownloadManager())  # type: ignore[arg-type]
        await service.start(80, 24)
        await asyncio.wait_for(tab.refused.wait(), 20)
        await asyncio.sleep(0.2)  # textual-serve's reader has given up by now
        await service.end()
        assert service._process is not None
        return service._process.returncode

    assert asyncio.run(scenario()) == 0  # it quit; it was not killed
    assert saved.read_text() == "saved"


def test_an_app_that_will_not_quit_is_killed_when_the_grace_is_spent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(server, "QUIT_GRACE", 0.5)
    stubborn = (
        "import sys, time; sys.stdout.write('__GANGLION__\\n'); sys.stdout.flush(); time.sleep(60)"
    )

    async def scenario() -> tuple[int | None, float]:
        service = server.AppProcess(
            [sys.executable, "-c", stubborn], ClosedTab(), DownloadManager()
        )  # type: ignore[arg-type]
        await service.start(80, 24)
        started = time.monotonic()
        await service.end()
        assert service._process is not None
        return service._process.returncode, time.monotonic() - started

    returncode, took = asyncio.run(scenario())
    assert returncode is not None and returncode < 0  # killed
    assert took < 5
