"""The one-line header: title, native title, and network · year · status."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from showguide.core.model import Show
from showguide.core.provenance import status_text
from showguide.display import literal


def header_text(show: Show) -> Text:
    text = literal(show.title, "bold")
    if show.native_title:
        text.append("  ")
        text.append_text(literal(show.native_title))
    facts = [show.network, str(show.year) if show.year else None, status_text(show)]
    text.append("   ")
    text.append_text(literal(" · ".join(f for f in facts if f), "dim"))
    return text


class ShowHeader(Static):
    def __init__(self, show: Show) -> None:
        super().__init__(header_text(show), id="show-header")
