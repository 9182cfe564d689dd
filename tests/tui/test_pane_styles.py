"""The panes' styles are read when the first pane that needs them is built,
and still style every pane, whichever opens first, and the catalog's list.

The guide's first frame draws the Overview only: panes.tcss (the lists,
their detail, the Plot's threads) and highlights.tcss are not parsed for it.
"""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from benchmarks.generate import many_shows
from textual.color import Color
from textual.widget import Widget

from showguide.core.catalog import load_catalog
from showguide.core.prefs import Preferences, Remembered, State
from showguide.tui.app import ShowGuideApp
from showguide.tui.catalog import CatalogScreen
from showguide.tui.guide import GuideScreen
from showguide.tui.styles import PANE_STYLES
from tests.showdata import series_dict
from tests.tui.shows import ballerina

SIZE = (120, 40)


def read(app: ShowGuideApp) -> list[bool]:
    return [app.stylesheet.has_source(str(path), "") for path in PANE_STYLES]


def border_top(widget: Widget) -> str:
    return widget.styles.border_top[0]


def styled_as_a_list(app: ShowGuideApp, selector: str) -> None:
    """A LineList: rows on one line, cut with an ellipsis (the catalog's has no border)."""
    styles = app.screen.query_one(selector).styles
    assert (styles.text_wrap, styles.text_overflow) == ("nowrap", "ellipsis")


#: Each pane's key, and a look of its own that only the panes' styles give.
PANES = {
    "plot": ("2", lambda app: app.screen.query_one(".thread").styles.padding.left == 2),
    "cast": (
        "3",
        lambda app: (
            border_top(app.screen.query_one("#cast-list")) == "tall"
            and border_top(app.screen.query_one("#cast-detail")) == "round"
        ),
    ),
    "highlights": (
        "4",
        lambda app: app.screen.query_one("#highlights-list").styles.text_wrap == "wrap",
    ),
    "faq": ("5", lambda app: app.screen.query_one("#faq-filter").styles.height.value == 1),
    "sources": ("6", lambda app: border_top(app.screen.query_one("#sources-list")) == "tall"),
}


async def test_the_first_frame_reads_no_pane_styles() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert read(app) == [False, False]
        assert app.screen.query_one("#facts").styles.max_width is not None  # widgets.tcss


@pytest.mark.parametrize("pane", list(PANES))
async def test_each_pane_opened_first_is_styled(pane: str) -> None:
    key, looks_right = PANES[pane]
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert read(app) == [True, True]
        assert looks_right(app)
        # Then every other pane, opened after it, is styled as well.
        for other, (other_key, other_looks_right) in PANES.items():
            await pilot.press(other_key)
            await pilot.pause()
            assert other_looks_right(app), other
        assert len(app.stylesheet.source) == len(set(app.stylesheet.source))


async def test_a_guide_that_opens_on_a_remembered_list_pane_is_styled() -> None:
    catalog = load_catalog([])
    state = State().with_pane("ballerina", "cast")
    app = ShowGuideApp(catalog=catalog, remembered=Remembered(Preferences(), state))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen) and app.screen.current_pane == "cast"
        assert PANES["cast"][1](app)


async def test_the_episodes_pane_is_styled() -> None:
    show = msgspec.convert(series_dict(2, 3, []), type=type(ballerina()))
    app = ShowGuideApp(show)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert app.screen.current_pane == "episodes"
        styled_as_a_list(app, "#episodes-list")
        progress = app.screen.query_one("#episodes-progress")
        assert progress.styles.padding.left == 1
        assert progress.styles.color == Color.parse(app.get_css_variables()["accent"])


async def test_the_catalog_list_is_styled_at_a_start_on_the_catalog_and_when_pushed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    many_shows(3, Path("shows"))
    app = ShowGuideApp(catalog=load_catalog([Path("shows")]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CatalogScreen)
        assert read(app)[0]
        styled_as_a_list(app, "#catalog-list")
        assert border_top(app.screen.query_one("#catalog-detail")) == "round"
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(CatalogScreen(load_catalog([Path("shows")])))
        await pilot.pause()
        assert read(app)[0]
        styled_as_a_list(app, "#catalog-list")
