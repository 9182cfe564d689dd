"""Running showguide as a user would: in its own process, or in this one for speed.

``run_showguide`` starts a real process, as a user's shell does. ``run_cli``
calls ``showguide.cli.main`` in the test's own process, which is much faster
and lets a test choose the terminal Rich believes it writes to
(``plain_terminal``, ``terminal``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from showguide.cli import main

#: Environment variables that change how Rich writes; tests set them on purpose.
TERMINAL_VARIABLES = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS", "LINES", "TERM")


def cli_env() -> dict[str, str]:
    """The test's environment, minus what would make Rich add colour codes or
    choose a width: a child process then writes plain text 80 columns wide."""
    env = dict(os.environ)
    for name in TERMINAL_VARIABLES:
        env.pop(name, None)
    return env


def run_showguide(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m showguide ARGS`` with output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "showguide", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=cli_env(),
        timeout=60,
    )


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """Run ``showguide ARGS`` in this process, capturing what it writes."""
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def plain_terminal(monkeypatch: pytest.MonkeyPatch, **variables: str) -> None:
    """Clear every variable Rich reads, then set NO_COLOR and ``variables``."""
    for name in TERMINAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    for name, value in variables.items():
        monkeypatch.setenv(name, value)


def terminal(monkeypatch: pytest.MonkeyPatch, **variables: str) -> None:
    """As on a colour terminal: Rich is told to write escape codes (FORCE_COLOR)."""
    for name in TERMINAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
