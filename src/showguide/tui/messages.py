"""Messages between the panes, the guide screen and the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from showguide.core.catalog import Catalog


class SpoilersChanged(Message):
    """The spoiler shield changed: every view that masks spoilers must redraw."""


class ShieldToggled(Message):
    """The whole spoiler shield was raised or lowered: the app remembers it."""

    def __init__(self, on: bool) -> None:
        super().__init__()
        self.on = on


class CatalogLoaded(Message):
    """The loading screen has read the catalog: the app goes on to it.

    A message rather than a call, so that the loading screen does not
    depend on the app that shows it.
    """

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
