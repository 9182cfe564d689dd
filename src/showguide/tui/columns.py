"""Scrolling panes of prose that use a very wide terminal: two columns.

Prose is easiest to read at up to about 90 cells a line (``max-width`` on
sections, widgets.tcss). A pane wide enough for two such columns side by
side shows its sections in two; narrower, they stack into one.

Only the two-column layout has a widget for each column. A column is a
container as tall as what it holds, which Textual can only size by laying
its sections out once more, and it is restyled with them at every change
of focus: in the Overview, the guide's first frame, the two columns cost
more than a quarter of what the guide draws. Stacked, the sections are the
pane's own children, as they were before there were columns; a resize
across :data:`TWO_COLUMNS_WIDTH` composes the pane again the other way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget

from showguide.tui.sections import GuideScroll

#: A pane at least this wide (in cells) shows its sections in two columns.
TWO_COLUMNS_WIDTH = 160


class Column(Vertical):
    """One column of sections: as tall as what it holds."""


class ColumnScroll(GuideScroll):
    """A GuideScroll of sections in two groups, side by side when wide.

    Subclasses give the groups (:meth:`column_widgets`). The first widget of
    the pane has the class ``pane-top`` and the first of each group
    ``column-top``, for the panes' CSS (classes rather than ``:first-of-type``,
    which Textual answers by restyling the widgets once more after mounting).
    """

    #: Whether the sections are in two columns: decided when composed.
    two_columns = False

    def column_widgets(self) -> tuple[Sequence[Widget], Sequence[Widget]]:
        """The widgets of the left column and of the right one, fresh each time."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        # Decided before the first layout, from the terminal's width (a pane
        # fills it) until the pane has a size of its own.
        width = self.outer_size.width or self.app.size.width
        self.two_columns = width >= TWO_COLUMNS_WIDTH
        self.set_class(self.two_columns, "-two-columns")
        left, right = self.column_widgets()
        # Not mounted yet: styled as they mount, not once more now.
        for group in (left, right):
            if group:
                group[0].add_class("column-top", update=False)
        if left:
            left[0].add_class("pane-top", update=False)
        if self.two_columns:
            yield Column(*left, classes="left-column")
            yield Column(*right)
        else:
            yield from _all(left, right)

    async def on_resize(self, event: events.Resize) -> None:
        if (event.size.width >= TWO_COLUMNS_WIDTH) != self.two_columns:
            focused = self.screen.focused
            keep = focused.id if focused is not None and self in focused.ancestors else None
            await self.recompose()
            # The widget under the cursor is a new one now: the same by id,
            # kept in view once the new layout is made.
            if keep is not None:
                found = self.query(f"#{keep}")
                if found:
                    widget = found.first()
                    self.screen.set_focus(widget, scroll_visible=False)
                    self.call_after_refresh(self.scroll_to_widget, widget, animate=False)


def _all(*groups: Sequence[Widget]) -> Iterator[Widget]:
    for group in groups:
        yield from group
