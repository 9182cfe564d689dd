"""Messages between the panes, the guide screen and the app."""

from __future__ import annotations

from textual.message import Message


class SpoilersChanged(Message):
    """The spoiler shield changed: every view that masks spoilers must redraw."""


class ShieldToggled(Message):
    """The whole spoiler shield was raised or lowered: the app remembers it."""

    def __init__(self, on: bool) -> None:
        super().__init__()
        self.on = on
