"""Data text as Rich text, shared by the commands' output and the app's widgets."""

from __future__ import annotations

from rich.text import Text

from showguide.core.model import Performer
from showguide.core.text import visible


def literal(text: str, style: str = "") -> Text:
    """Data text that is displayed character for character.

    A Text is never parsed as markup, and ``visible`` turns control and
    invisible formatting characters into visible stand-ins.
    """
    return Text(visible(text), style=style)


def performer_text(performer: Performer | str | None) -> Text:
    """An actor or dance double: the name, "not yet announced", "not named by
    the source", or "not known"."""
    if performer is None:
        return Text("not known", style="dim")
    if isinstance(performer, str):  # NOT_ANNOUNCED or NOT_NAMED
        return Text(performer, style="italic dim")
    text = literal(performer.name)
    if performer.native_name:
        text.append(" ")
        text.append_text(literal(performer.native_name))
    return text
