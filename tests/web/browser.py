"""A real Chromium for the browser tests, and what its page shows.

Playwright's own browser download needs the internet, so where none is
installed the tests use the system's Chromium (Debian's ``chromium``
package, which ``.ci/run`` installs), found by path. In CI (``CI`` set) a
missing browser fails the tests; elsewhere they are skipped, saying why.

The page draws the terminal on a canvas, so its text is not in the DOM.
:class:`PageTerminal` reads it the way the page does: every frame the page's
websocket receives (the app's terminal output, nothing else reaches the
page) is fed to pyte, a terminal emulator, sized as the page asked.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

#: Flags for a quiet, self-contained headless Chromium: no GPU, no sandbox
#: (CI runs as root), and none of the background traffic a fresh profile makes.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SYSTEM_CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def unavailable(reason: str) -> None:
    """Fail in CI, skip elsewhere: a browser test never passes without a browser."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def chromium_path(playwright: Any) -> str | None:
    """None for Playwright's own Chromium when it is installed, else a system one."""
    own = playwright.chromium.executable_path
    if own and Path(own).exists():
        return None
    for path in SYSTEM_CHROMIUM:
        if Path(path).exists():
            return path
    found = shutil.which("chromium")
    if found:
        return found
    unavailable(
        "no Chromium: neither Playwright's browser nor a system chromium is installed"
        " (apt-get install chromium)"
    )
    return None  # not reached


def launch(playwright: Any) -> Any:
    """A headless Chromium; Playwright gives each launch a fresh user-data-dir
    (a new temporary profile, removed when the browser closes)."""
    executable = chromium_path(playwright)
    return playwright.chromium.launch(
        executable_path=executable, headless=True, args=CHROMIUM_FLAGS
    )


class PageTerminal:
    """The terminal a page shows, rebuilt from the frames its websocket received."""

    def __init__(self, page: Any) -> None:
        import pyte

        self.page = page
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.connected = False
        self.texts: list[str] = []
        page.on("websocket", self._attach)

    def _attach(self, websocket: Any) -> None:
        query = parse_qs(urlsplit(websocket.url).query)
        self.screen.resize(int(query["height"][0]), int(query["width"][0]))
        self.connected = True
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.stream.feed(payload)
        else:
            self.texts.append(payload)

    def _sent(self, payload: str | bytes) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            import json

            size = json.loads(payload)[1]
            self.screen.resize(size["height"], size["width"])

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, *needles: str, timeout: float = 20.0, poll_ms: int = 100) -> str:
        """The screen's text once it shows every one of ``needles``."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.text()
            if all(needle in shown for needle in needles):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"the page never showed {needles!r}; it shows:\n{shown}")
            self.page.wait_for_timeout(poll_ms)
