"""The catalog screen does the big jobs once: a reload with nothing changed
rebuilds nothing, and the filter's words are folded once, a moment after the
first frame."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from benchmarks.generate import many_shows

from showguide.core import catalog as catalog_module
from showguide.core.catalog import load_catalog
from showguide.core.catalog_view import filter_rows, sort_rows
from showguide.tui.app import ShowGuideApp
from showguide.tui.catalog import FOLD_AFTER_SECONDS, CatalogScreen
from tests.loading import settled

SIZE = (100, 30)


@pytest.fixture
def shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Twelve generated shows, old enough to be trusted unchanged."""
    folder = tmp_path / "shows"
    for path in many_shows(12, folder):
        settled(path)
    # The folder was written just now: trust its times at once (see
    # tests/test_reload_fast_path.py), and let a timestamp tick pass.
    monkeypatch.setattr(catalog_module, "RACY_SECONDS", 0)
    time.sleep(0.02)
    return folder


async def test_a_reload_with_nothing_changed_keeps_the_list_as_it_is(shows: Path) -> None:
    app = ShowGuideApp(catalog=load_catalog([shows]), remembered=None)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        await pilot.press(*"synthetic 1", "down")
        rows, shown, chosen = screen.rows, screen.shown, screen.highlighted()

        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert screen.rows is rows  # nothing made again
        assert screen.shown == shown
        assert screen.highlighted() == chosen
        assert any("Reloaded 13 show files" in str(n.message) for n in app._notifications)


async def test_a_reload_after_a_change_lists_the_new_title(shows: Path) -> None:
    app = ShowGuideApp(catalog=load_catalog([shows]), remembered=None)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        target = sorted(shows.glob("*.yaml"))[0]
        text = target.read_text(encoding="utf-8")
        old = next(row.title for row in screen.rows if row.file == str(target))
        target.write_text(text.replace(old, "Renamed", 1), encoding="utf-8")  # in place
        settled(target, seconds_ago=5)

        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert "Renamed" in [row.title for row in screen.shown]
        assert old not in [row.title for row in screen.shown]


async def test_the_words_typed_against_are_folded_after_the_first_frame(shows: Path) -> None:
    app = ShowGuideApp(catalog=load_catalog([shows]), remembered=None)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        for _ in range(50):  # the folding thread starts half a second after the first frame
            await pilot.pause(FOLD_AFTER_SECONDS / 5)
            if screen.view._starts is not None:
                break
        assert screen.view._starts is not None  # ready before the first key
        await pilot.press(*"synthetic 1")
        assert screen.shown == filter_rows(sort_rows(screen.rows), "synthetic 1")
        assert 1 < len(screen.shown) < len(screen.rows)


async def test_the_first_frame_makes_only_the_rows_it_draws(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sixty shows on a screen of about twenty rows: a row is made for each
    row drawn (and the one in the detail), none for the others, until the
    filter's words are folded; the list is in title order all the same."""
    monkeypatch.setattr("showguide.tui.catalog.FOLD_AFTER_SECONDS", 60)
    folder = tmp_path / "shows"
    many_shows(60, folder)
    catalog = load_catalog([folder])
    every = sort_rows(catalog.rows())
    app = ShowGuideApp(catalog=catalog, remembered=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        drawn = screen.list_widget().scrollable_content_region.height
        assert 10 < drawn < 30
        assert screen.rows.made <= drawn + 1
        assert screen.highlighted() == every[0]
        title = str(screen.query_one("#catalog-title").render())
        assert f"{len(catalog.entries)} shows" in title

        screen.list_widget().action_last()  # scrolled to the end: its rows are drawn
        await pilot.pause()
        assert screen.highlighted() == every[-1]
        assert screen.rows.made <= 2 * drawn + 2
        # What the screen lists is what making every row first gives.
        assert list(screen.shown) == every
