"""Highlights: what stands out, grouped by category, each with its description."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets.option_list import Option

from showguide.core.arrange import highlights_by_category, label
from showguide.core.model import Highlight, Show
from showguide.core.provenance import attribution
from showguide.core.spoilers import SpoilerShield
from showguide.display import literal
from showguide.tui.widgets import GuideList, ItemList, heading, hidden_notice, revealed_mark


def highlight_prompt(
    highlight: Highlight, hidden: bool, per: str = "", revealed: bool = False
) -> Group:
    if hidden:
        return Group(hidden_notice("Spoiler highlight"), Text())
    title = literal(highlight.title, "bold")
    if revealed:
        title = Text.assemble(revealed_mark(), title, (" · revealed spoiler, s hides", "dim"))
    lines = [title, literal(highlight.description)]
    if per:
        lines.append(literal(per, "dim"))
    return Group(*lines, Text())


class HighlightsPane(ItemList):
    pane = "highlights"

    def __init__(self, show: Show, shield: SpoilerShield) -> None:
        super().__init__(shield, {h.id: h for h in show.highlights}, id="highlights-pane")
        self.show = show

    def prompt(self, item_id: str, hidden: bool) -> Group:
        highlight = self.items[item_id]
        per = attribution(self.show, list(highlight.sources))
        return highlight_prompt(highlight, hidden, per, not hidden and self.revealed(item_id))

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        for category, members in highlights_by_category(self.show.highlights):
            options.append(heading(label(category)))
            options.extend(Option(self.prompt(h.id, self.hidden(h.id)), id=h.id) for h in members)
        yield GuideList(*options, id="highlights-list")

    def on_mount(self) -> None:
        highlights = self.item_list()
        if highlights.option_count:
            highlights.action_first()
