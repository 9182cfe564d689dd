"""Plot: synopsis, setting, themes and story threads (spoiler threads masked)."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult

from showguide.core.model import Show, StoryThread
from showguide.display import literal
from showguide.tui.shield import Shield
from showguide.tui.widgets import GuideScroll, hidden_notice, section


def theme_chips(themes: list[str]) -> Text:
    """Themes as tags: each one a highlighted word, wrapping like text."""
    chips = Text()
    for theme in themes:
        if chips:
            chips.append("  ")
        chips.append_text(literal(f" {theme} ", "reverse"))
    return chips


def thread_text(thread: StoryThread, hidden: bool) -> Group:
    title = literal(thread.title, "bold")
    return Group(title, hidden_notice() if hidden else literal(thread.description), Text())


class PlotPane(GuideScroll):
    def __init__(self, show: Show, shield: Shield) -> None:
        super().__init__(id="plot-scroll")
        self.show = show
        self.shield = shield

    def compose(self) -> ComposeResult:
        plot = self.show.plot
        yield from section("Synopsis", literal(plot.synopsis), id="synopsis")
        yield from section("Setting", literal(plot.setting), id="setting")
        if plot.themes:
            yield from section("Themes", theme_chips(plot.themes), id="themes")
        if plot.threads:
            threads = [
                thread_text(t, self.shield.is_hidden(("plot", t.id), t.spoiler))
                for t in plot.threads
            ]
            yield from section("Story threads", Group(*threads), id="threads")
