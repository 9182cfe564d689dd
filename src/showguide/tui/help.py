"""The help screen, built from the bindings that are live where the focus was.

It reads ``Screen.active_bindings`` (what Textual itself will act on) rather
than a table of its own, so it cannot drift from the real keys.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from showguide.tui.widgets import GuideScroll

#: Friendlier names for the places a binding can come from: by widget id
#: first, then by class.
PLACE_NAMES = {
    "overview-scroll": "Overview",
    "plot-scroll": "Plot",
    "cast-list": "Cast list",
    "cast-detail": "Character",
    "cast-pane": "Cast",
    "highlights-list": "Highlights",
    "faq-list": "Questions",
    "faq-answer": "Answer",
    "faq-pane": "FAQ",
    "help-scroll": "Help",
    "ShowGuideApp": "Everywhere",
    "GuideScreen": "Guide",
    "PaneBar": "Tab bar",
}


def place_name(node: DOMNode) -> str:
    if node.id in PLACE_NAMES:
        return PLACE_NAMES[node.id]
    name = type(node).__name__
    return PLACE_NAMES.get(name, name)


def bindings_table(app_key_display: dict[str, str], active: dict[str, ActiveBinding]) -> Table:
    """Keys grouped by where they come from, innermost (the focused widget) first."""
    groups: dict[str, list[tuple[str, Binding]]] = {}
    seen_actions: set[tuple[str, str]] = set()
    for key, item in active.items():
        place = place_name(item.node)
        if (place, item.binding.action) in seen_actions:
            # Several keys for one action (e.g. ? and F1) are shown on one row.
            continue
        seen_actions.add((place, item.binding.action))
        groups.setdefault(place, []).append((key, item.binding))
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    for place, rows in groups.items():
        table.add_row(Text(place, style="bold underline"), "")
        for _key, binding in rows:
            keys = app_key_display.get(binding.action, "")
            description = binding.tooltip or binding.description or binding.action
            table.add_row(keys, Text(description))
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """The keys that work here, read from the live bindings of the screen below."""

    # Loaded when the screen is first opened, not with the app: the first
    # frame has fewer rules to parse and to match against every widget.
    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", tooltip="Close the help."),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.active = screen.active_bindings
        focused = screen.focused
        self.focus_name = place_name(focused) if focused is not None else "the screen"

    def key_display(self) -> dict[str, str]:
        """Every key for each action, as the footer would show them, e.g. "?, F1"."""
        keys: dict[str, list[str]] = {}
        for item in self.active.values():
            shown = self.app.get_key_display(item.binding)
            keys.setdefault(item.binding.action, [])
            if shown not in keys[item.binding.action]:
                keys[item.binding.action].append(shown)
        return {action: ", ".join(shown) for action, shown in keys.items()}

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(
                Text(f"Keys here (focus: {self.focus_name})", style="bold"), id="help-title"
            )
            with GuideScroll(id="help-scroll"):
                yield Static(bindings_table(self.key_display(), self.active), id="help-table")
            yield Static(Text("Esc closes", style="dim"), id="help-hint")
