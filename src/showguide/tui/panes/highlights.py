"""Highlights: what stands out, grouped by category, each with its description."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult

from showguide.core.arrange import highlights_by_category, label
from showguide.core.model import Highlight, Show
from showguide.core.provenance import attribution
from showguide.core.spoilers import SpoilerShield
from showguide.tui.line_list import LineList
from showguide.tui.rows import ListRow
from showguide.tui.widgets import ItemList, heading, hidden_notice, item_lines


def highlight_prompt(
    highlight: Highlight, hidden: bool, per: str = "", revealed: bool = False
) -> Text:
    """A highlight's row: its title, description and source, then a blank line.

    The list wraps its rows (highlights.tcss), so the description is read whole.
    """
    if hidden:
        return Text("\n").join([hidden_notice("Spoiler highlight"), Text()])
    lines = item_lines(highlight.title, highlight.description, per, revealed)
    return Text("\n").join([*lines, Text()])


class HighlightsPane(ItemList):
    pane = "highlights"

    def __init__(self, show: Show, shield: SpoilerShield) -> None:
        super().__init__(shield, {h.id: h for h in show.highlights}, id="highlights-pane")
        self.show = show

    def prompt(self, item_id: str, hidden: bool) -> Text:
        highlight = self.items[item_id]
        per = attribution(self.show, list(highlight.sources))
        return highlight_prompt(highlight, hidden, per, not hidden and self.revealed(item_id))

    def compose(self) -> ComposeResult:
        rows: list[ListRow] = []
        for category, members in highlights_by_category(self.show.highlights):
            rows.append(heading(label(category)))
            rows.extend(self.row(h.id) for h in members)
        yield LineList(*rows, id="highlights-list")

    def on_mount(self) -> None:
        highlights = self.item_list()
        highlights.action_first()
