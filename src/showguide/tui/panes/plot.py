"""Plot: synopsis, setting, themes and story threads (spoiler threads masked)."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from showguide.core.items import thread_key
from showguide.core.model import Show, StoryThread
from showguide.core.provenance import attribution
from showguide.core.spoilers import SpoilerShield
from showguide.display import literal
from showguide.tui.messages import SpoilersChanged
from showguide.tui.widgets import GuideScroll, SpoilerAware, hidden_notice, section


def theme_chips(themes: list[str]) -> Text:
    """Themes as tags: each one a highlighted word, wrapping like text."""
    chips = Text()
    for theme in themes:
        if chips:
            chips.append("  ")
        chips.append_text(literal(f" {theme} ", "reverse"))
    return chips


def thread_text(thread: StoryThread, hidden: bool, per: str = "") -> Group:
    if hidden:
        return Group(hidden_notice("Spoiler thread"), Text())
    lines = [literal(thread.title, "bold"), literal(thread.description)]
    if per:
        lines.append(literal(per, "dim"))
    return Group(*lines, Text())


def thread_widget_id(thread_id: str) -> str:
    return f"thread-{thread_id}"


class PlotPane(GuideScroll, SpoilerAware):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "reveal", "Reveal", tooltip="Reveal the first hidden story thread."),
    ]

    def __init__(self, show: Show, shield: SpoilerShield) -> None:
        super().__init__(id="plot-scroll")
        self.show = show
        self.shield = shield

    def hidden(self, thread: StoryThread) -> bool:
        return self.shield.is_hidden(thread_key(thread.id), thread.spoiler, thread.reveals)

    def per(self, thread: StoryThread) -> str:
        return attribution(self.show, list(thread.sources))

    def compose(self) -> ComposeResult:
        plot = self.show.plot
        per = attribution(self.show, list(plot.sources))
        synopsis = Group(literal(plot.synopsis), *([literal(per, "dim")] if per else []))
        yield section("Synopsis", synopsis, id="synopsis")
        if plot.setting:
            yield section("Setting", literal(plot.setting), id="setting")
        if plot.themes:
            yield section("Themes", theme_chips(plot.themes), id="themes")
        if plot.threads:
            yield Static(Text("Story threads"), classes="section-title")
            for thread in plot.threads:
                yield Static(
                    thread_text(thread, self.hidden(thread), self.per(thread)),
                    classes="section-body thread",
                    id=thread_widget_id(thread.id),
                )

    def refresh_spoilers(self) -> None:
        for thread in self.show.plot.threads:
            widget = self.query_one(f"#{thread_widget_id(thread.id)}", Static)
            widget.update(thread_text(thread, self.hidden(thread), self.per(thread)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reveal":
            return any(self.hidden(thread) for thread in self.show.plot.threads)
        return True

    def action_reveal(self) -> None:
        for thread in self.show.plot.threads:
            if self.hidden(thread):
                self.shield.reveal(thread_key(thread.id))
                self.screen.post_message(SpoilersChanged())
                return
