"""Running showguide's command line in-process or as a real process, for tests."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from showguide.cli import main
from showguide.core.catalog import Catalog, load_entries

#: Environment variables that change how Rich writes; tests set them on purpose.
TERMINAL_VARIABLES = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS", "LINES", "TERM")


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


def run_process(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run ``python -m showguide ARGS`` as its own process."""
    environment = {k: v for k, v in os.environ.items() if k not in TERMINAL_VARIABLES}
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "showguide", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=60,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def use_catalog(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """Make the commands see exactly the show files ``paths``, nothing bundled."""
    from showguide.commands import choose

    catalog = Catalog(tuple(load_entries(paths, "test")))
    monkeypatch.setattr(choose, "load_catalog", lambda *args, **kwargs: catalog)


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
