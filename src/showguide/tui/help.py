"""The help screen: the keys that work where the focus was, in the app's words.

It is built from ``Screen.active_bindings`` (what Textual itself will act on),
so a key remapped in the preferences shows as remapped, and a key that does
nothing here is not listed. Each binding's command (showguide.core.keytable)
gives its description and the place it belongs to: the rows are grouped by
those places, in the table's order, and the many keys of typing text are
folded into one line.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from showguide.core.keytable import BY_ID, PLACES, TYPING, TYPING_SUMMARY
from showguide.tui.bindings import bindings, command_of
from showguide.tui.keybar import KeyBar
from showguide.tui.sections import GuideScroll

#: How many typing keys the folded line names.
TYPING_SAMPLE = 8

#: What the focused part of the screen is called, by widget id.
FOCUS_NAMES = {
    "overview-scroll": "Overview",
    "plot-scroll": "Plot",
    "cast-list": "Cast list",
    "cast-detail": "Character",
    "highlights-list": "Highlights",
    "faq-list": "Questions",
    "faq-answer": "Answer",
    "faq-filter": "FAQ filter",
    "sources-list": "Sources list",
    "sources-detail": "Source",
    "episodes-list": "Episodes list",
    "episodes-detail": "Episode",
    "tabs": "Tab bar",
    "catalog-filter": "Filter",
    "catalog-list": "List of shows",
    "catalog-detail": "Show",
    "search-input": "Search",
    "search-results": "Search results",
}


def focus_name(node: DOMNode | None) -> str:
    if node is None:
        return ""
    return FOCUS_NAMES.get(node.id or "", "")


def help_rows(
    active: dict[str, ActiveBinding], key_display: dict[str, str]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(place title, [(keys, what they do)]) for each place with live keys.

    ``key_display`` shows a key as the footer does. Every key of a command
    is on its row (``?, F1``); typing keys make one row.
    """
    keys_of: dict[str, list[str]] = {}
    for key, item in active.items():
        command = command_of(item.binding)
        if command is None:
            continue
        keys_of.setdefault(command.id, [])
        shown = key_display.get(key, key)
        if shown not in keys_of[command.id]:
            keys_of[command.id].append(shown)
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for place in PLACES:
        ids = [command_id for command_id in BY_ID if BY_ID[command_id].place == place.id]
        live = [command_id for command_id in ids if command_id in keys_of]
        if not live:
            continue
        if place.id == TYPING:
            # One line, with a few of the keys as they are now (remapped or not).
            keys = [key for command_id in live for key in keys_of[command_id]]
            plain = [key for key in keys if "Shift+" not in key][:TYPING_SAMPLE]
            groups.append((place.title, [("", f"{TYPING_SUMMARY}: {', '.join(plain)}, …")]))
            continue
        rows = [
            (", ".join(keys_of[command_id]), BY_ID[command_id].description) for command_id in live
        ]
        groups.append((place.title, rows))
    return groups


def bindings_table(groups: list[tuple[str, list[tuple[str, str]]]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    for number, (title, rows) in enumerate(groups):
        if number:
            table.add_row("", "")
        # A span, not the Text's own style: that would underline the padding too.
        table.add_row(Text.assemble((title, "bold underline")), "")
        for keys, description in rows:
            table.add_row(Text(keys), Text(description))
    return table


class HelpScreen(ModalScreen[None], inherit_bindings=False):
    """The keys that work here, read from the live bindings of the screen below."""

    # Loaded when the screen is first opened, not with the app: the first
    # frame has fewer rules to parse and to match against every widget.
    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = bindings("help")

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.active = screen.active_bindings
        self.focus_name = focus_name(screen.focused)

    def compose(self) -> ComposeResult:
        display = {key: self.app.get_key_display(item.binding) for key, item in self.active.items()}
        title = "Keys that work here"
        if self.focus_name:
            title += f" (focus: {self.focus_name})"
        with Vertical(id="help-dialog"):
            yield Static(Text(title, style="bold"), id="help-title")
            with GuideScroll(id="help-scroll"):
                yield Static(bindings_table(help_rows(self.active, display)), id="help-table")
            yield KeyBar(id="help-keys")
