"""The rows of a LineList: plain data, drawn only when they come into view."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text


class ListRow:
    """One row of a :class:`~showguide.tui.line_list.LineList`.

    A row is a few references, not a widget or a Textual ``Option``: a
    catalog of 10,000 shows or a series of 1,600 episodes is a list of these,
    and the text of a row (``make``, when it is a function) is made only when
    the row is drawn, from the data as it is then.
    """

    __slots__ = ("enabled", "id", "make", "rule")

    def __init__(
        self,
        make: Text | Callable[[], Text],
        id: str | None = None,
        *,
        enabled: bool = True,
        rule: bool = False,
    ) -> None:
        #: The row's text, or what makes it.
        self.make = make
        #: What the row stands for (an item id); None for a heading or a notice.
        self.id = id
        #: False for a heading or a notice: shown, never highlighted or selected.
        self.enabled = enabled
        #: Whether a rule is drawn under the row (between groups).
        self.rule = rule

    def text(self) -> Text:
        return self.make() if callable(self.make) else self.make

    def __repr__(self) -> str:
        return f"ListRow(id={self.id!r}, enabled={self.enabled})"


def one_line(text: Text) -> Text:
    """``text`` with its line breaks shown as spaces, so that it stays on its row."""
    if "\n" not in text.plain:
        return text
    joined = text.copy()
    joined.plain = text.plain.replace("\n", " ")
    return joined
