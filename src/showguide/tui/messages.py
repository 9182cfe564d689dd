"""Messages that panes send to the guide screen."""

from __future__ import annotations

from textual.message import Message


class SpoilersChanged(Message):
    """The spoiler shield changed: every view that masks spoilers must redraw."""
