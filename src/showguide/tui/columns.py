"""Scrolling panes of prose that use a very wide terminal: two columns.

Prose is easiest to read at up to about 90 cells a line (``max-width`` on
sections, widgets.tcss). A pane wide enough for two such columns side by
side shows its sections in two; narrower, the columns stack into one.
"""

from __future__ import annotations

from textual import events
from textual.containers import Vertical

from showguide.tui.widgets import GuideScroll

#: A pane at least this wide (in cells) shows its sections in two columns.
TWO_COLUMNS_WIDTH = 160


class Column(Vertical):
    """One column of sections: as tall as what it holds."""


class ColumnScroll(GuideScroll):
    """A GuideScroll whose children are two Columns, side by side when wide."""

    def on_mount(self) -> None:
        # Set before the first layout, from the terminal's width (a pane fills
        # it): changing classes later restyles and lays the pane out again.
        self._fit_columns(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_columns(event.size.width)

    def _fit_columns(self, width: int) -> None:
        self.set_class(width >= TWO_COLUMNS_WIDTH, "-two-columns")
