"""A cold start draws at once: the files being read, a progress bar, and Esc or q to leave."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks.generate import many_shows
from textual.widgets import ProgressBar

from showguide.core import parallel
from showguide.core.catalog import plan_catalog
from showguide.core.parallel import Parsed
from showguide.tui.app import ShowGuideApp
from showguide.tui.catalog import CatalogScreen
from showguide.tui.keybar import KeyBar
from showguide.tui.loading import LoadingScreen
from tests.tui.shows import on_screen

SIZE = (100, 30)
FILES = 12


class Gate:
    """Holds the parsing of each file until the test lets it through."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.allowed = threading.Semaphore(0)
        self.parsed: list[str] = []
        real = parallel.parse_one

        def gated(path: str) -> Parsed:
            self.allowed.acquire(timeout=30)
            self.parsed.append(path)
            return real(path)

        monkeypatch.setattr(parallel, "parse_one", gated)
        monkeypatch.setattr(parallel, "PROGRESS_SECONDS", 0.0)

    def let_through(self, count: int) -> None:
        for _ in range(count):
            self.allowed.release()


@pytest.fixture
def gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    many_shows(FILES, tmp_path / "shows")
    held = Gate(monkeypatch)
    yield held
    held.let_through(FILES + 1)  # a thread still waiting ends


def loading_app(folder: Path) -> ShowGuideApp:
    load = plan_catalog([folder])
    assert load.to_parse == FILES + 1  # and the bundled show
    return ShowGuideApp(loading=load)


def count_text(app: ShowGuideApp) -> str:
    return on_screen(app, app.screen.query_one("#loading-count"))


async def test_the_app_draws_at_once_and_counts_the_files_read(gate: Gate, tmp_path: Path) -> None:
    app = loading_app(tmp_path / "shows")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        assert "Reading show files 0 / 13" in count_text(app)
        assert "Esc or q leaves" in on_screen(app, app.screen.query_one("#loading-hint"))
        footer = on_screen(app, app.screen.query_one(KeyBar))
        assert "q Quit" in footer and "? Help" in footer and "Reload" not in footer

        gate.let_through(5)
        await pilot.wait_for_scheduled_animations()
        for _ in range(50):
            if "5 / 13" in count_text(app):
                break
            await pilot.pause(0.05)
        assert "Reading show files 5 / 13" in count_text(app)
        bar = app.screen.query_one(ProgressBar)
        assert (bar.progress, bar.total) == (5, 13)

        gate.let_through(FILES + 1)
        for _ in range(100):
            if isinstance(app.screen, CatalogScreen):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, CatalogScreen)
        assert len(app.screen.rows) == 13
        await pilot.press(*"balle")
        assert [row.title for row in app.screen.shown] == ["Ballerina"]


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_esc_or_q_leaves_while_reading_and_stops_the_reading(
    gate: Gate, tmp_path: Path, key: str
) -> None:
    app = loading_app(tmp_path / "shows")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gate.let_through(2)
        await pilot.press(key)
        await pilot.pause()
        assert app.return_code == 0
    assert not app.is_running
    gate.let_through(FILES)
    await asyncio.sleep(0.3)  # time for a reading that went on to read more
    assert len(gate.parsed) <= 4  # stopped at its next report, not after every file
