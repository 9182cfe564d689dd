"""Running showguide as a user would: in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def cli_env() -> dict[str, str]:
    """The test's environment, minus what would make Rich add colour codes."""
    env = dict(os.environ)
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS", "LINES"):
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
