"""The catalog screen: filter by typing, sort, open a show and come back, see
what is wrong with a broken file, reload from disk, and remember preferences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from benchmarks.generate import many_shows
from textual.color import Color
from textual.widgets import Input

from showguide.core.catalog import load_catalog
from showguide.core.prefs import (
    Preferences,
    Remembered,
    State,
    load_preferences,
    load_remembered,
    load_state,
)
from showguide.tui.app import ShowGuideApp
from showguide.tui.catalog import CatalogScreen
from showguide.tui.guide import GuideScreen
from tests.tui.shows import on_screen

SIZE = (100, 30)
BROKEN = "format_version: 1\nid: broken\ntitle: [unclosed\n"


@pytest.fixture
def shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three generated shows and a broken file in ./shows (paths print short)."""
    monkeypatch.chdir(tmp_path)
    folder = Path("shows")
    many_shows(3, folder)
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


def catalog_app(folder: Path, remembered: Remembered | None = None) -> ShowGuideApp:
    return ShowGuideApp(catalog=load_catalog([folder]), remembered=remembered)


def listed(app: ShowGuideApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, CatalogScreen)
    return [row.title for row in screen.shown]


async def test_typing_filters_the_list_and_enter_opens_the_show() -> None:
    folder = Path("shows")
    app = catalog_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CatalogScreen)
        assert len(listed(app)) == 5  # Ballerina, three generated shows, the broken file
        await pilot.press(*"balle")
        assert listed(app) == ["Ballerina"]
        title = on_screen(app, app.screen.query_one("#catalog-title"))
        assert "1 of 5 shows · 1 with problems" in title
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.show.id == "ballerina"
        await pilot.press("escape")  # from the Overview, back to the shows
        await pilot.pause()
        assert isinstance(app.screen, CatalogScreen)
        assert app.screen.query_one("#catalog-filter", Input).value == "balle"


pytestmark = pytest.mark.usefixtures("shows")


async def test_arrows_choose_while_typing_and_escape_clears_the_filter() -> None:
    app = catalog_app(Path("shows"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"studio")
        assert len(listed(app)) == 3
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.show.title == listed_titles_sorted()[1]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        assert app.screen.query_one("#catalog-filter", Input).value == ""
        assert len(listed(app)) == 5


def title_of(folder: Path, path: Path) -> str:
    return next(entry.label for entry in load_catalog([folder]).entries if entry.path == path)


def flat(text: str) -> str:
    """Screen text without box borders, wrapped lines joined with nothing between."""
    lines = [line.strip("│╭╮╰╯─ ") for line in text.splitlines()]
    return "".join(lines)


def listed_titles_sorted() -> list[str]:
    from showguide.core.catalog_view import sort_rows

    rows = sort_rows(load_catalog([Path("shows")]).rows())
    return [row.title for row in rows if "Studio" in row.title]


async def test_a_broken_file_is_listed_with_its_problems_and_does_not_open() -> None:
    app = catalog_app(Path("shows"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"broken")
        assert listed(app) == ["broken.yaml"]
        detail = on_screen(app, app.screen.query_one("#catalog-detail"))
        assert "Problems" in detail
        # One line a problem, FILE:LINE:COLUMN first, as validate prints it.
        assert "shows/broken.yaml:4:1: (file): YAML" in flat(detail)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CatalogScreen)  # nothing to open
        assert app.focused is not None and app.focused.id == "catalog-detail"


async def test_ctrl_s_sorts_by_year_newest_first() -> None:
    app = catalog_app(Path("shows"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        screen = app.screen
        assert isinstance(screen, CatalogScreen) and screen.order == "year"
        years = [row.summary.year for row in screen.shown if row.summary and row.summary.year]
        assert years == sorted(years, reverse=True)
        assert screen.shown[-1].title == "broken.yaml"  # broken files last
        header = on_screen(app, screen.query_one("#catalog-header"))
        assert "Year▾" in header  # the sorted column says so, newest first
        assert "Title▴" not in header


def header_and_order(app: ShowGuideApp) -> tuple[str, str]:
    screen = app.screen
    assert isinstance(screen, CatalogScreen)
    return on_screen(app, screen.query_one("#catalog-header")), screen.order


async def test_ctrl_s_goes_through_the_columns_shown_and_marks_the_sorted_one() -> None:
    app = catalog_app(Path("shows"))
    async with app.run_test(size=SIZE) as pilot:
        first, order = header_and_order(app)
        assert order == "title" and "Title▴" in first
        seen = []
        for _ in range(4):
            await pilot.press("ctrl+s")
            header, order = header_and_order(app)
            seen.append(order)
            # One mark, on the column sorted by, and the columns do not move.
            assert header.count("▴") + header.count("▾") == 1
            assert header.index("Year") == first.index("Year")
        assert seen == ["year", "network", "status", "title"]  # never a column not shown
        assert "Status▴" not in header and "Title▴" in header


async def test_on_a_narrow_terminal_ctrl_s_skips_the_columns_left_out() -> None:
    app = catalog_app(Path("shows"))
    async with app.run_test(size=(44, 24)) as pilot:
        header, _order = header_and_order(app)
        assert "Year" in header and "Status" not in header
        await pilot.press("ctrl+s")
        assert header_and_order(app)[1] == "year"
        await pilot.press("ctrl+s")
        header, order = header_and_order(app)
        assert order == "title" and "Title▴" in header
        # Sorted by a column that a narrower terminal then leaves out: by title.
        await pilot.press("ctrl+s")
        await pilot.resize_terminal(28, 24)
        await pilot.pause()
        header, order = header_and_order(app)
        assert "Year" not in header and (order, "Title▴" in header) == ("title", True)


async def test_reload_picks_up_a_changed_file_and_keeps_the_pane() -> None:
    folder = Path("shows")
    target = sorted(folder.glob("synthetic-*.yaml"))[0]
    app = catalog_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        await pilot.press(*title_of(folder, target), "enter", "3")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen) and app.screen.current_pane == "cast"
        old_title = app.screen.show.title
        text = target.read_text(encoding="utf-8").replace(old_title, "Renamed On Disk", 1)
        target.write_text(text, encoding="utf-8")
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        guide = app.screen
        assert isinstance(guide, GuideScreen)
        assert guide.show.title == "Renamed On Disk"
        assert guide.current_pane == "cast"
        assert "Renamed On Disk" in on_screen(app, guide.query_one("#show-header"))


async def test_a_file_that_breaks_keeps_its_last_good_version_on_screen() -> None:
    folder = Path("shows")
    target = sorted(folder.glob("synthetic-*.yaml"))[0]
    app = catalog_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        title = title_of(folder, target)
        show_id = next(e.id for e in load_catalog([folder]).entries if e.path == target)
        await pilot.press(*title, "enter")
        await pilot.pause()
        guide = app.screen
        assert isinstance(guide, GuideScreen)
        title = guide.show.title
        target.write_text(BROKEN.replace("broken", show_id), encoding="utf-8")
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is guide and guide.show.title == title
        messages = [n.message for n in app._notifications]
        assert any("has problems; still showing the last good" in m for m in messages)
        assert any(f"{target}:4:1:" in m for m in messages)


async def test_theme_shield_and_place_are_remembered_between_runs() -> None:
    folder = Path("shows")
    app = catalog_app(folder, Remembered(Preferences(), State()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"balle", "enter")
        await pilot.pause()
        await pilot.press("5", "S")  # the FAQ pane; lower the spoiler shield
        app.theme = "textual-light"
        await pilot.press("q")
    assert load_preferences().value == Preferences(theme="textual-light", spoiler_shield=False)
    assert load_state().value.pane_for("ballerina") == "faq"

    again = catalog_app(folder, load_remembered())
    async with again.run_test(size=SIZE) as pilot:
        assert again.theme == "textual-light" and not again.shield.on
        screen = again.screen
        assert isinstance(screen, CatalogScreen)
        assert screen.highlighted() is not None and screen.highlighted().id == "ballerina"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, GuideScreen) and again.screen.current_pane == "faq"


async def test_a_chosen_show_opens_at_once_and_escape_shows_the_catalog() -> None:
    catalog = load_catalog([Path("shows")])
    app = ShowGuideApp(catalog=catalog, chosen=catalog.resolve("ballerina"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen) and app.screen.show.id == "ballerina"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CatalogScreen)


async def test_with_one_show_there_is_no_catalog_to_go_back_to() -> None:
    catalog = load_catalog([])
    assert len(catalog.entries) == 1
    app = ShowGuideApp(catalog=catalog, chosen=catalog.entries[0])
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, GuideScreen)
        assert "Shows" not in on_screen(app, app.screen.query_one("KeyBar"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert len(app.screen_stack) == 1


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_catalog_snapshot(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    assert snap_compare(catalog_app(Path("shows")), terminal_size=size)


def test_catalog_snapshot_of_a_broken_file(snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(catalog_app(Path("shows")), press=list("broken"), terminal_size=(120, 40))


async def test_the_columns_follow_the_terminal_width() -> None:
    app = catalog_app(Path("shows"))
    async with app.run_test(size=(70, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        first = screen.shown[0].summary
        assert first is not None
        genres = ", ".join(first.genres)
        narrow = on_screen(app, screen.query_one("#catalog-list"))
        assert "Genres" not in on_screen(app, screen.query_one("#catalog-header"))
        assert genres not in narrow
        # Wider: the rows are drawn again, with the column that now fits.
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert "Genres" in on_screen(app, screen.query_one("#catalog-header"))
        assert genres in on_screen(app, screen.query_one("#catalog-list"))
        # And narrower again: the column goes, and nothing is cut mid-row.
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert on_screen(app, screen.query_one("#catalog-list")) == narrow


async def test_a_reload_shows_the_new_detail_of_the_highlighted_show() -> None:
    # The detail is drawn once per row (see CatalogScreen.show_detail): a
    # reload makes new rows, so the same show's new contents are drawn.
    folder = Path("shows")
    target = sorted(folder.glob("synthetic-*.yaml"))[0]
    app = catalog_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*title_of(folder, target))
        await pilot.pause()
        assert "Synthetic Network" in on_screen(app, app.screen.query_one("#catalog-detail"))
        text = target.read_text(encoding="utf-8").replace("Synthetic Network", "Renamed Network")
        target.write_text(text, encoding="utf-8")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        detail = on_screen(app, app.screen.query_one("#catalog-detail"))
        assert "Renamed Network" in detail
        assert "Synthetic Network" not in detail


async def test_a_long_list_has_its_scrollbar_at_once_and_loses_it_when_filtered_short() -> None:
    many_shows(60, "more")
    app = ShowGuideApp(catalog=load_catalog(["more"]), remembered=None)
    async with app.run_test(size=SIZE) as pilot:
        shows = app.screen.query_one("#catalog-list")
        await pilot.pause()
        assert shows.show_vertical_scrollbar
        await pilot.press(*"synthetic 1")  # "Synthetic …" shows numbered 1, 10–19
        await pilot.pause()
        assert 1 < len(listed(app)) < SIZE[1] // 2
        assert not shows.show_vertical_scrollbar
        await pilot.press("escape")
        await pilot.pause()
        assert shows.show_vertical_scrollbar
        # Tall enough for every show: no scrollbar, however the list was filled.
        await pilot.resize_terminal(100, 90)
        await pilot.pause()
        assert not shows.show_vertical_scrollbar


async def test_a_reload_counts_the_files_with_problems_again() -> None:
    folder = Path("shows")
    app = catalog_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#catalog-title")
        assert "5 shows · 1 with problems" in on_screen(app, title)
        (folder / "broken-too.yaml").write_text(BROKEN, encoding="utf-8")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "6 shows · 2 with problems" in on_screen(app, title)


async def test_the_catalogs_styles_are_read_only_when_a_catalog_is_shown() -> None:
    # A single guide never parses catalog.tcss; a start on the catalog reads
    # it with the app's styles, and a catalog pushed later reads it then.
    catalog_css = str(ShowGuideApp.CATALOG_CSS)
    app = ShowGuideApp(catalog=load_catalog([]))  # Ballerina alone: its guide
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, GuideScreen)
        assert not app.stylesheet.has_source(catalog_css, "")
        await app.push_screen(CatalogScreen(load_catalog([Path("shows")])))
        await pilot.pause()
        title = app.screen.query_one("#catalog-title")
        assert title.styles.height is not None and title.styles.height.value == 1
        assert title.styles.background == Color.parse(app.get_css_variables()["panel"])
    app = catalog_app(Path("shows"))
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, CatalogScreen)
        assert app.stylesheet.has_source(catalog_css, "")
        assert app.screen.query_one("#catalog-title").styles.height.value == 1


@pytest.mark.parametrize(("count", "scrolls"), [(3, False), (40, True)])
async def test_the_list_has_its_scrollbar_from_the_first_frame_only_when_it_scrolls(
    tmp_path: Path, count: int, scrolls: bool
) -> None:
    """More shows than lines: the list is laid out with its scrollbar at once
    (classed before its first layout, not unclassed by its empty mount)."""
    many_shows(count, tmp_path / "many")
    app = catalog_app(tmp_path / "many")
    async with app.run_test(size=SIZE) as pilot:
        listed = app.screen.query_one("#catalog-list")
        first = listed.styles.overflow_y
        await pilot.pause()
        assert listed.styles.overflow_y == first == ("scroll" if scrolls else "auto")
        assert listed.scrollbars_enabled[0] is scrolls
