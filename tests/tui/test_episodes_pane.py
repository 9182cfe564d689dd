"""The Episodes pane, driven by keys: marking progress, and every pane following it."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml

from showguide.core.catalog import load_catalog
from showguide.core.model import Show
from showguide.core.prefs import Preferences, Remembered, State, load_remembered, load_state
from showguide.tui.app import ShowGuideApp
from showguide.tui.panebar import PaneBar
from showguide.tui.panes import episodes as episodes_module
from tests.showdata import series_dict, show_dict, write_show
from tests.tui.shows import ballerina, on_screen, shown_text

SIZE = (120, 40)


def series(reveals: list[str | bool | None] | None = None, show_id: str = "series") -> Show:
    data = series_dict(2, 3, reveals if reveals is not None else ["S1E2", "S2E1"], show_id=show_id)
    return msgspec.convert(data, Show)


def progress_line(app: ShowGuideApp[Any]) -> str:
    return shown_text(app.screen.query_one("#episodes-progress")).strip()


async def test_space_w_and_shift_w_mark_and_unmark_episodes() -> None:
    app = ShowGuideApp(series())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        assert app.focused is not None and app.focused.id == "episodes-list"
        assert progress_line(app) == "Nothing watched yet of 6"
        await pilot.press("space")
        assert progress_line(app) == "Watched up to S1E1 of 6"
        await pilot.press("j", "j", "j", "w")  # past the season 2 heading: S2E1
        assert progress_line(app) == "Watched up to S2E1 of 6"
        assert app.state.progress_for("series") == "S2E1"
        await pilot.press("k", "k", "W")  # S1E2 and everything after it: not watched
        assert progress_line(app) == "Watched up to S1E1 of 6"
        assert app.state.progress_for("series") == "S1E1"
        await pilot.press("home", "W")
        assert progress_line(app) == "Nothing watched yet of 6"
        assert app.state.progress_for("series") is None


async def test_rows_mark_what_has_been_watched_and_the_detail_hides_later_summaries() -> None:
    app = ShowGuideApp(series())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "j", "space")  # S1E2 watched
        screen = on_screen(app)
        assert "✓ S1E1" in screen and "✓ S1E2" in screen and "✓ S1E3" not in screen
        assert "summaryword1x2" in screen  # the highlighted episode's summary
        await pilot.press("j")
        screen = on_screen(app)
        assert "summaryword1x3" not in screen
        assert "Summary hidden" in screen
        await pilot.press("s")  # reveal this one summary
        assert "summaryword1x3" in on_screen(app)
        await pilot.press("j", "j")  # S2E1, still hidden
        assert "summaryword2x1" not in on_screen(app)


async def test_marking_progress_shows_items_up_to_it_in_every_pane() -> None:
    app = ShowGuideApp(series(["S1E2", "S1E3", "S2E1", "S2E2"]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert "itemword0" not in on_screen(app)
        await pilot.press("3")
        assert "itemword1" not in on_screen(app)
        await pilot.press("7", "j", "space")  # up to S1E2
        await pilot.press("2")
        assert "itemword0" in on_screen(app)
        await pilot.press("3")
        assert "itemword1" not in on_screen(app)
        await pilot.press("7", "j", "w")  # up to S1E3
        await pilot.press("3")
        assert "itemword1" in on_screen(app)
        await pilot.press("4")
        assert "itemword2" not in on_screen(app)


async def test_search_counts_matches_hidden_past_the_progress() -> None:
    app = ShowGuideApp(series(["S1E2", "S2E1"]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"itemword")
        await pilot.pause()
        status = shown_text(app.screen.query_one("#search-status"))
        assert "No matches · 2 matches hidden past your progress" in status
        assert "itemword0" not in on_screen(app)
        await pilot.press("escape", "7", "j", "space", "slash")
        await pilot.pause()
        await pilot.press(*"itemword")
        await pilot.pause()
        assert "1 match · 1 match hidden past your progress" in shown_text(
            app.screen.query_one("#search-status")
        )
        assert "itemword0" in on_screen(app)


async def test_a_search_result_for_an_episode_jumps_to_it() -> None:
    app = ShowGuideApp(series())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"에피소드 2-2", "enter")
        await pilot.pause()
        assert app.screen.current_pane == "episodes"
        assert "S2E2  에피소드 2-2" in shown_text(app.screen.query_one("#episodes-body"))


async def test_a_show_without_episodes_has_no_episodes_pane() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        bar = app.screen.query_one(PaneBar)
        assert "Episodes" not in shown_text(bar)
        await pilot.press("7")
        assert app.screen.current_pane == "overview"
    app = ShowGuideApp(series())
    async with app.run_test(size=SIZE):
        assert "7 Episodes" in shown_text(app.screen.query_one(PaneBar))


async def test_a_stale_remembered_episode_gives_a_notice(tmp_path: Path) -> None:
    remembered = Remembered(Preferences(), State().with_progress("series", "S9E9"))
    folder = tmp_path / "shows"
    folder.mkdir()
    write_show(folder, series_dict(2, 3, ["S1E1"]), "series.yaml")
    write_show(folder, show_dict(id="other"), "other.yaml")
    app = ShowGuideApp(
        catalog=load_catalog([folder]),
        chosen=None,
        remembered=remembered,
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"series", "enter")
        await pilot.pause()
        await pilot.press("7")
        assert progress_line(app) == "Nothing watched yet of 6"
        messages = [n.message for n in app._notifications]
        assert any("'S9E9' is not an episode the file lists" in m for m in messages)


async def test_two_apps_marking_progress_at_once_lose_neither(
    tmp_path: Path, only_one: None
) -> None:
    folder = tmp_path / "shows"
    folder.mkdir()
    for show_id in ("first", "second"):
        write_show(folder, series_dict(1, 3, [], show_id=show_id), f"{show_id}.yaml")
    one = ShowGuideApp(catalog=load_catalog([folder]), remembered=load_remembered())
    two = ShowGuideApp(catalog=load_catalog([folder]), remembered=load_remembered())
    async with one.run_test(size=SIZE) as first, two.run_test(size=SIZE) as second:
        await first.press(*"series first", "enter")
        await second.press(*"series second", "enter")
        await first.pause()
        await second.pause()
        await first.press("7", "j", "space")
        await second.press("7", "j", "j", "space")
        await first.press("q")
        await second.press("q")
    assert load_state().value.progress == {"first": "S1E2", "second": "S1E3"}
    # And the next run starts from them.
    again = ShowGuideApp(catalog=load_catalog([folder]), remembered=load_remembered())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press(*"series second", "enter")
        await pilot.pause()
        await pilot.press("7")
        assert progress_line(again) == "Watched all 3 (up to S1E3)"


async def test_the_catalog_shows_each_shows_progress(tmp_path: Path, only_one: None) -> None:
    folder = tmp_path / "shows"
    folder.mkdir()
    write_show(folder, series_dict(2, 8, [], show_id="long"), "long.yaml")
    write_show(folder, show_dict(id="film", title="A film", format="film"), "film.yaml")
    remembered = Remembered(Preferences(), State().with_progress("long", "S1E4"))
    app = ShowGuideApp(catalog=load_catalog([folder]), remembered=remembered)
    async with app.run_test(size=SIZE) as pilot:
        screen = on_screen(app)
        assert "Seen" in screen
        long_row = next(line for line in screen.splitlines() if "Series long" in line)
        film_row = next(line for line in screen.splitlines() if "A film" in line)
        assert "4/16" in long_row and "—" in film_row
        await pilot.press(*"series long", "enter")
        await pilot.pause()
        await pilot.press("7", "end", "space", "escape", "escape")
        await pilot.pause()
        long_row = next(line for line in on_screen(app).splitlines() if "Series long" in line)
        assert "16/16" in long_row


@pytest.fixture
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(episodes_module, "today", lambda: datetime.date(2031, 5, 20))


def hangul_series() -> Show:
    """Two seasons with Hangul titles and air dates around 2031-05-20."""
    data = series_dict(2, 4, ["S1E3"], show_id="hangul")
    data["title"] = "Harbour Lights"
    data["native_title"] = "항구의 불빛"
    titles = ["등대지기의 딸", "Low tide", "첫 항해 The first sail", "폭풍 전야"]
    for season in data["seasons"]:
        for number, episode in enumerate(season["episodes"]):
            episode["title"] = titles[number]
            day = datetime.date(2031, 4, 1) + datetime.timedelta(
                days=7 * (number + 4 * (season["number"] - 1))
            )
            episode["aired"] = day.isoformat()
            episode["runtime"] = 60
    return msgspec.convert(yaml.safe_load(yaml.safe_dump(data, allow_unicode=True)), Show)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_snapshot_episodes_view_with_hangul_titles(
    snap_compare: Any, size: tuple[int, int], fixed_today: None
) -> None:
    assert snap_compare(
        ShowGuideApp(hangul_series()), press=["7", "j", "j", "space", "j"], terminal_size=size
    )
