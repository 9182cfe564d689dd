"""``showguide print`` through $PAGER, as git does: on a terminal, when taller than it.

Each test runs the real command on a pseudo-terminal of a chosen height, with
PAGER set to a small script that records what it was given.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli import cli_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

TIMEOUT_S = 60
#: Rich's colour and style codes, left out of what the tests read on the screen.
STYLE = re.compile(r"\x1b\[[0-9;]*m")
#: What the fake pager prints, so the test can tell it ran.
PAGER_SAYS = "fake pager ran"


@dataclass(frozen=True)
class Ran:
    code: int
    #: Everything that reached the terminal.
    screen: str
    #: What the pager was given to show; None if no pager ran.
    paged: str | None


@pytest.fixture
def fake_pager(tmp_path: Path) -> tuple[Path, Path]:
    """A pager script, and the file it copies what it is given into."""
    record = tmp_path / "paged.txt"
    script = tmp_path / "fake-pager"
    script.write_text(f'#!/bin/sh\ncat > "{record}"\necho "{PAGER_SAYS} $*"\n')
    script.chmod(0o755)
    return script, record


def run_on_terminal(args: list[str], rows: int, record: Path, **env_changes: str | None) -> Ran:
    """``showguide ARGS`` on a pty ``rows`` high and 80 wide; waits for it to end."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 80, 0, 0))
    env = cli_env()
    env["TERM"] = "xterm-256color"
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    process = subprocess.Popen(
        [sys.executable, "-m", "showguide", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    output = bytearray()
    deadline = time.monotonic() + TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: every writer closed its end
                    break
                if not chunk:
                    break
                output += chunk
            elif process.poll() is not None:
                break
        code = process.wait(timeout=TIMEOUT_S)
    finally:
        if process.poll() is None:
            process.kill()
        with contextlib.suppress(OSError):
            os.close(master)
    paged = record.read_text(encoding="utf-8") if record.exists() else None
    screen = output.decode("utf-8", "replace").replace("\r\n", "\n")
    return Ran(code, STYLE.sub("", screen), paged)


def test_a_guide_taller_than_the_terminal_goes_through_the_pager(
    fake_pager: tuple[Path, Path],
) -> None:
    script, record = fake_pager
    ran = run_on_terminal(["print", "ballerina"], 24, record, PAGER=f"{script} --an-option")
    assert ran.code == 0
    assert ran.paged is not None
    assert ran.paged.count("\n") > 24
    assert "Ballerina" in ran.paged and "Cast" in ran.paged
    assert "\x1b[1m" in ran.paged  # styled, as on the terminal: less -R shows it
    # Only the pager wrote to the terminal, and it got PAGER's options.
    assert ran.screen.strip() == f"{PAGER_SAYS} --an-option"


def test_showguide_pager_comes_before_pager(fake_pager: tuple[Path, Path]) -> None:
    script, record = fake_pager
    ran = run_on_terminal(
        ["print", "ballerina"], 24, record, SHOWGUIDE_PAGER=str(script), PAGER="false"
    )
    assert (ran.code, ran.screen.strip()) == (0, f"{PAGER_SAYS}")


def test_no_pager_writes_straight_to_the_terminal(fake_pager: tuple[Path, Path]) -> None:
    script, record = fake_pager
    ran = run_on_terminal(["print", "ballerina", "--no-pager"], 24, record, PAGER=str(script))
    assert (ran.code, ran.paged) == (0, None)
    assert ran.screen.startswith("Ballerina")
    assert PAGER_SAYS not in ran.screen


def test_a_guide_that_fits_the_screen_is_not_paged(fake_pager: tuple[Path, Path]) -> None:
    script, record = fake_pager
    ran = run_on_terminal(["print", "ballerina"], 2000, record, PAGER=str(script))
    assert (ran.code, ran.paged) == (0, None)
    assert ran.screen.startswith("Ballerina")


@pytest.mark.parametrize("setting", ["", "cat"])
def test_a_pager_of_nothing_or_cat_means_none(fake_pager: tuple[Path, Path], setting: str) -> None:
    _, record = fake_pager
    ran = run_on_terminal(["print", "ballerina"], 24, record, PAGER=setting)
    assert (ran.code, ran.paged) == (0, None)
    assert ran.screen.startswith("Ballerina")


def test_a_pager_that_cannot_start_still_shows_the_guide(fake_pager: tuple[Path, Path]) -> None:
    _, record = fake_pager
    ran = run_on_terminal(["print", "ballerina"], 24, record, PAGER="/no/such/pager")
    assert ran.code == 0
    assert "Ballerina" in ran.screen and "Cast" in ran.screen


def test_piped_output_is_never_paged(fake_pager: tuple[Path, Path]) -> None:
    script, record = fake_pager
    env = {**cli_env(), "PAGER": str(script)}
    done = subprocess.run(
        [sys.executable, "-m", "showguide", "print", "ballerina"],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT_S,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("Ballerina")
    assert not record.exists()


def test_without_pager_set_it_is_less_with_git_s_options(fake_pager: tuple[Path, Path]) -> None:
    script, record = fake_pager
    bin_dir = script.parent / "bin"
    bin_dir.mkdir()
    (bin_dir / "less").symlink_to(script)
    path = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    ran = run_on_terminal(
        ["print", "ballerina"], 24, record, PAGER=None, SHOWGUIDE_PAGER=None, PATH=path
    )
    assert (ran.code, ran.screen.strip()) == (0, f"{PAGER_SAYS} -FRX")
    assert ran.paged is not None and "Ballerina" in ran.paged
