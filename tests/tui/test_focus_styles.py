"""A scrolling column's change of focus restyles it, and what it holds, only when a rule needs it.

GuideScroll restyles itself when it gains or loses the focus only if a rule
may style it by its focus, and what it holds only if a rule styles a widget
by the focus of a column around it (then Textual's whole restyle runs, as
before).
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import ClassVar

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet
from textual.widgets import Static

import showguide.tui.app
from showguide.tui.app import ShowGuideApp
from showguide.tui.panebar import PaneBar
from showguide.tui.panes.overview import OverviewPane
from showguide.tui.sections import GuideScroll, focus_styles
from tests.tui.shows import ballerina

SIZE = (120, 40)


def stylesheet(css: str) -> Stylesheet:
    sheet = Stylesheet()
    sheet.add_source(css, read_from=("test.tcss", ""))
    return sheet


@pytest.mark.parametrize(
    ("css", "own", "within"),
    [
        ("GuideScroll:focus .section { color: red; }", False, True),
        ("OverviewPane:blur Static { color: red; }", False, True),
        ("*:focus Static { color: red; }", False, True),
        ("#overview-scroll:focus > .section { color: red; }", False, True),
        ("GuideScroll:focus { color: red; }", True, False),
        ("VerticalScroll:blur { color: red; }", True, False),  # a class it is made from
        (".pane:focus { color: red; }", True, False),  # a class: it may have it
        ("App:blur Static { color: red; }", False, False),  # another widget's focus
        ("LineList:focus Static { color: red; }", False, False),
        ("LineList:focus { color: red; }", False, False),
        ("GuideScroll:focus > .guide-scroll--part { color: red; }", True, False),  # a component
        ("PaneBar:focus > .pane-bar--active { color: red; }", False, False),
        (".section { color: red; }", False, False),
    ],
)
def test_rules_that_style_by_the_focus(css: str, own: bool, within: bool) -> None:
    assert focus_styles(stylesheet(css), OverviewPane) == (own, within)


async def test_the_apps_own_rules_leave_the_overview_alone() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert focus_styles(app.stylesheet, OverviewPane) == (False, False)
        assert isinstance(app.focused, GuideScroll)


def with_css(css: str) -> ShowGuideApp:
    """The guide with one more rule (after the app's own files, read from where they are)."""
    here = Path(showguide.tui.app.__file__).parent

    class Styled(ShowGuideApp):
        CSS_PATH: ClassVar[list[str | PurePath]] = [here / path for path in ShowGuideApp.CSS_PATH]
        CSS: ClassVar[str] = css

    return Styled(ballerina())


async def test_a_rule_by_the_focus_around_still_restyles_the_sections() -> None:
    app = with_css("OverviewPane:focus .section { background: red; }")
    red = Color.parse("red")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        facts = app.screen.query_one("#facts", Static)
        assert isinstance(app.focused, OverviewPane)
        assert facts.styles.background == red
        app.screen.set_focus(app.screen.query_one(PaneBar))
        await pilot.pause()
        assert facts.styles.background != red
        await pilot.press("1")  # back into the Overview
        await pilot.pause()
        assert isinstance(app.focused, OverviewPane)
        assert facts.styles.background == red


async def test_the_column_itself_is_restyled_by_its_focus() -> None:
    app = with_css("OverviewPane:focus { background: red; }")
    red = Color.parse("red")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        column = app.screen.query_one(OverviewPane)
        assert column.styles.background == red
        app.screen.set_focus(app.screen.query_one(PaneBar))
        await pilot.pause()
        assert column.styles.background != red
