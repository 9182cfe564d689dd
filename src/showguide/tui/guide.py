"""The guide to one show: a header, the five panes behind a tab bar, and a footer."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static, TabbedContent, TabPane, Tabs

from showguide.core.model import Show
from showguide.tui.commands import PANES, pane_bindings
from showguide.tui.header import ShowHeader
from showguide.tui.panes.cast import CastPane
from showguide.tui.panes.faq import FaqPane
from showguide.tui.panes.highlights import HighlightsPane
from showguide.tui.panes.overview import OverviewPane
from showguide.tui.panes.plot import PlotPane
from showguide.tui.shield import Shield

MIN_WIDTH = 60
MIN_HEIGHT = 15

#: The widget in each pane that takes the focus when the pane is shown.
PANE_FOCUS = {
    "overview": "#overview-scroll",
    "plot": "#plot-scroll",
    "cast": "#cast-list",
    "highlights": "#highlights-list",
    "faq": "#faq-list",
}


class GuideScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = pane_bindings()

    def __init__(self, show: Show, shield: Shield | None = None) -> None:
        super().__init__()
        self.show = show
        self.shield = shield or Shield()

    def pane_widget(self, pane: str) -> Widget:
        show, shield = self.show, self.shield
        if pane == "overview":
            return OverviewPane(show)
        if pane == "plot":
            return PlotPane(show, shield)
        if pane == "cast":
            return CastPane(show, shield)
        if pane == "highlights":
            return HighlightsPane(show, shield)
        return FaqPane(show, shield)

    def compose(self) -> ComposeResult:
        yield ShowHeader(self.show)
        with TabbedContent(id="panes"):
            for number, (pane, title) in enumerate(PANES, start=1):
                with TabPane(f"[b]{number}[/b] {title}", id=pane):
                    yield self.pane_widget(pane)
        yield Footer()
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.focus_pane("overview")

    def on_resize(self) -> None:
        width, height = self.size
        if width < MIN_WIDTH or height < MIN_HEIGHT:
            self.query_one("#too-small", Static).update(
                Text.assemble(
                    ("Please enlarge the terminal", "bold"),
                    f"\nIt is {width}×{height}; the guide needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
                )
            )

    def focus_pane(self, pane: str) -> None:
        # set_focus acts at once, where Widget.focus() waits for the message
        # queue: keys typed right after the pane key ("3j") must reach the pane.
        self.set_focus(self.query_one(PANE_FOCUS[pane]))

    @property
    def current_pane(self) -> str:
        return self.query_one(TabbedContent).active

    def action_show_pane(self, pane: str) -> None:
        self.query_one(TabbedContent).active = pane
        self.focus_pane(pane)

    def action_focus_tabs(self) -> None:
        self.query_one(Tabs).focus()
