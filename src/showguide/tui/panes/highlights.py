"""Highlights: what stands out, grouped by category, each with its description."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets.option_list import Option

from showguide.core.model import Highlight, Show
from showguide.display import literal
from showguide.tui.shield import Shield
from showguide.tui.widgets import GuideList, heading, hidden_notice

CATEGORY_TITLES = {
    "dance": "Dance",
    "visuals": "Visuals",
    "costume": "Costume",
    "sets": "Sets",
    "music": "Music",
    "culture": "Culture",
    "cast": "Cast",
    "story": "Story",
    "production": "Production",
}


def highlight_prompt(highlight: Highlight, hidden: bool) -> Group:
    body = hidden_notice() if hidden else literal(highlight.description)
    return Group(literal(highlight.title, "bold"), body, Text())


class HighlightsPane(Container):
    def __init__(self, show: Show, shield: Shield) -> None:
        super().__init__(id="highlights-pane")
        self.show = show
        self.shield = shield

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        for category, title in CATEGORY_TITLES.items():
            members = [h for h in self.show.highlights if h.category == category]
            if not members:
                continue
            options.append(heading(title))
            options.extend(
                Option(
                    highlight_prompt(h, self.shield.is_hidden(("highlights", h.id), h.spoiler)),
                    id=h.id,
                )
                for h in members
            )
        yield GuideList(*options, id="highlights-list")

    def on_mount(self) -> None:
        highlights = self.query_one(GuideList)
        if highlights.option_count:
            highlights.action_first()
