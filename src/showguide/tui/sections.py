"""The blocks of the pane the first frame draws: a scrolling column and its
titled sections, and the mark of a pane that redraws when the shield changes.

Apart from :mod:`showguide.tui.widgets`, whose lists (``line_list``, ``rows``)
the first frame does not draw: a single guide starts without importing them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from showguide.display import literal
from showguide.tui.bindings import bindings
from showguide.tui.prose import RenderedOnce


class GuideScroll(VerticalScroll, can_focus=True, inherit_bindings=False):
    """A focusable scrolling column of text, whose keys are the table's
    (which add j and k, and leave out sideways scrolling: text wraps)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("scroll")


class SpoilerAware:
    """A pane that masks spoilers and can redraw itself when the shield changes."""

    def refresh_spoilers(self) -> None:
        raise NotImplementedError


def section(title: str, body: RenderableType, *, id: str | None = None) -> Static:
    """A titled block of a scrolling pane, as one widget (every widget counts
    in the first frame): the title is drawn in its top border."""
    # A Text becomes Textual's own Content, drawn at no extra cost; anything
    # else is rendered by Rich, once per width (see prose.RenderedOnce).
    block = Static(body if isinstance(body, Text) else RenderedOnce(body), classes="section", id=id)
    block.border_title = literal(title)
    return block
