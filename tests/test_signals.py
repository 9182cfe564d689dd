"""Signals end the app as ``q`` does: the terminal restored and the place saved.

The real ``showguide`` runs in its own process on a real pseudo-terminal, as
in a terminal emulator. The test waits for the guide, switches to the Plot
pane, sends a signal and reads everything the app writes until it exits:
the last bytes must leave the alternate screen, turn mouse reporting off and
show the cursor again, and the state file must hold the Plot pane.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator

import pytest

from showguide.core.prefs import load_state, state_path
from tests.cli import cli_env
from tests.hostile import ENDING_SIGNALS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

#: What Textual writes when it hands the terminal back.
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
SHOW_CURSOR = b"\x1b[?25h"
MOUSE_OFF = b"\x1b[?1000l"
TIMEOUT_S = 60


class Terminal:
    """A pseudo-terminal with showguide running in it."""

    def __init__(self, *arguments: str, size: tuple[int, int] = (100, 30)) -> None:
        master, slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = cli_env()
        env["TERM"] = "xterm-256color"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "showguide", *arguments],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()

    def read(self, seconds: float) -> bytes:
        """What the app writes within ``seconds`` (less if it ends first)."""
        start = len(self.output)
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the app closed its end
                break
            if not chunk:
                break
            self.output += chunk
        return bytes(self.output[start:])

    def wait_for(self, marker: bytes) -> None:
        end = time.monotonic() + TIMEOUT_S
        while marker not in self.output and time.monotonic() < end:
            self.read(0.2)
        assert marker in self.output, bytes(self.output[-300:])

    def press(self, key: bytes) -> None:
        os.write(self.master, key)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(OSError):
            os.close(self.master)


@pytest.fixture
def guide_on_plot() -> Iterator[Terminal]:
    terminal = Terminal("ballerina")
    try:
        terminal.wait_for(b"Overview")
        terminal.read(1.0)  # let the first frame settle
        terminal.press(b"2")
        terminal.wait_for(b"Synopsis")
        terminal.read(0.5)
        yield terminal
    finally:
        terminal.close()


def saved_pane() -> str | None:
    if not state_path().exists():
        return None
    return load_state().value.pane_for("ballerina")


@pytest.mark.parametrize("name", ENDING_SIGNALS)
def test_a_signal_restores_the_terminal_and_saves_the_place(
    name: str, guide_on_plot: Terminal
) -> None:
    terminal = guide_on_plot
    number = getattr(signal, name)
    assert saved_pane() is None
    terminal.process.send_signal(number)
    after = terminal.read(TIMEOUT_S)
    assert terminal.process.wait(timeout=TIMEOUT_S) == 128 + number
    for sequence in (LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR, MOUSE_OFF):
        assert sequence in after, f"{sequence!r} not written after {name}: {after[-200:]!r}"
    # Nothing puts the app's modes back afterwards.
    assert after.rfind(b"\x1b[?1049h") < after.rfind(LEAVE_ALTERNATE_SCREEN)
    assert after.rfind(b"\x1b[?25l") < after.rfind(SHOW_CURSOR)
    assert saved_pane() == "plot"


def test_a_hang_up_with_the_terminal_gone_still_saves_the_place(guide_on_plot: Terminal) -> None:
    # A terminal window closed: its side of the pty is gone, then SIGHUP.
    terminal = guide_on_plot
    os.close(terminal.master)
    terminal.process.send_signal(signal.SIGHUP)
    terminal.process.wait(timeout=TIMEOUT_S)
    assert saved_pane() == "plot"


def test_ctrl_c_in_the_terminal_quits_and_saves_the_place(guide_on_plot: Terminal) -> None:
    terminal = guide_on_plot
    terminal.press(b"\x03")
    after = terminal.read(TIMEOUT_S)
    assert terminal.process.wait(timeout=TIMEOUT_S) == 0
    assert LEAVE_ALTERNATE_SCREEN in after and SHOW_CURSOR in after
    assert saved_pane() == "plot"


def test_a_signal_as_the_app_starts_still_restores_the_terminal() -> None:
    terminal = Terminal("ballerina")
    try:
        terminal.wait_for(b"\x1b[?1049h")  # on the alternate screen, maybe nothing drawn yet
        terminal.process.send_signal(signal.SIGTERM)
        terminal.read(TIMEOUT_S)
        assert terminal.process.wait(timeout=TIMEOUT_S) == 128 + signal.SIGTERM
        after = bytes(terminal.output)
        assert after.rfind(b"\x1b[?1049h") < after.rfind(LEAVE_ALTERNATE_SCREEN)
        assert after.rfind(b"\x1b[?25l") < after.rfind(SHOW_CURSOR)
    finally:
        terminal.close()
