"""The tab bar: the panes in one line of text, clickable, and focusable.

Textual's Tabs is ten widgets (a tab each, their containers, an animated
underline) and cost a quarter of the guide's first frame. This bar draws the
same thing as one line: the active pane marked, each label clickable, left
and right (or h and l) moving between panes while it has the focus.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from showguide.core.keytable import PANES
from showguide.tui.bindings import bindings

GAP = "   "
#: The narrowest gap, for terminals too narrow for the usual one.
NARROW_GAP = " "


class PaneBar(Widget, can_focus=True):
    DEFAULT_CSS = """
    PaneBar {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
        /* Labels are links (clicking one opens its pane); they look like tabs. */
        link-style: none;
        link-style-hover: reverse;
    }
    PaneBar > .pane-bar--key {
        text-style: bold;
    }
    PaneBar > .pane-bar--active {
        color: $accent;
        text-style: bold underline;
    }
    PaneBar:focus > .pane-bar--active {
        background: $accent 40%;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"pane-bar--key", "pane-bar--active"}
    BINDINGS: ClassVar[list[BindingType]] = bindings("tabs")

    #: The pane shown; the screen sets it. Redrawn in place: never a new size.
    active: reactive[str] = reactive(PANES[0][0], layout=False)

    def __init__(self, *, episodes: bool = True, id: str | None = None) -> None:
        """``episodes``: whether the show has an Episodes pane (a film has none)."""
        super().__init__(id=id)
        self.panes = [(pane, title) for pane, title in PANES if episodes or pane != "episodes"]

    class Chosen(Message):
        """A pane was chosen on the bar: by a click (which then moves the focus
        into the pane) or by an arrow key (the focus stays on the bar)."""

        def __init__(self, pane: str, *, focus_pane: bool) -> None:
            super().__init__()
            self.pane = pane
            self.focus_pane = focus_pane

    def render(self) -> Content:
        key_style = self.get_visual_style("pane-bar--key")
        active_style = self.get_visual_style("pane-bar--active")
        labels = []
        for number, (pane, title) in enumerate(self.panes, start=1):
            label = Content.assemble((str(number), key_style), " ", title)
            if pane == self.active:
                # Not a link: a link's text takes the link colour, whatever
                # the background the active tab has (see tui/contrast.py).
                labels.append(label.stylize(active_style))
                continue
            # Clicking a label chooses its pane, as its number key does.
            labels.append(label.stylize(Style.from_meta({"@click": f"choose({pane!r})"})))
        return Content(self.gap).join(labels)

    @property
    def gap(self) -> str:
        """The space between labels: the usual gap when every label fits with it."""
        labels = sum(len(f"{number} {title}") for number, (_pane, title) in enumerate(PANES, 1))
        usual = labels + len(GAP) * (len(PANES) - 1) + self.styles.padding.width
        return GAP if not self.size.width or usual <= self.size.width else NARROW_GAP

    def label_offset(self, pane: str) -> int:
        """Where ``pane``'s label starts, in cells from the bar's left edge."""
        offset = self.styles.padding.left
        for number, (name, title) in enumerate(self.panes, start=1):
            if name == pane:
                return offset
            offset += len(f"{number} {title}") + len(self.gap)
        raise ValueError(pane)

    def action_choose(self, pane: str) -> None:
        self.post_message(self.Chosen(pane, focus_pane=True))

    def action_step(self, step: int) -> None:
        names = [pane for pane, _title in self.panes]
        index = (names.index(self.active) + step) % len(names)
        self.post_message(self.Chosen(names[index], focus_pane=False))
