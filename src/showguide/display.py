"""Data text as Rich text, shared by the commands' output and the app's widgets."""

from __future__ import annotations

from rich.text import Text

from showguide.core.text import visible


def literal(text: str, style: str = "") -> Text:
    """Data text that is displayed character for character.

    A Text is never parsed as markup, and ``visible`` turns control and
    invisible formatting characters into visible stand-ins.
    """
    return Text(visible(text), style=style)
