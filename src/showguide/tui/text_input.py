"""The app's text input: Textual's Input, with its keys from the command table."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import Input

from showguide.tui.bindings import bindings


class TextInput(Input, inherit_bindings=False):
    """An Input whose editing keys are the table's ("typing" commands).

    They are Textual's own keys, less Ctrl+C: the app's copy-or-quit copies
    an input's selected text, and quits when nothing is selected, where
    Input's own Ctrl+C would do nothing.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("text-input")
