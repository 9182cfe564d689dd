"""The rows of a LineList: plain data, drawn only when they come into view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Generic, TypeVar, overload

from rich.text import Text

Item = TypeVar("Item")


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


class RowsOf(Sequence[ListRow], Generic[Item]):
    """One row per item of ``items``, each made only when the list asks for it.

    For a long list of plain rows (no headings, no rules), such as the
    catalog's 10,000 shows: listing them makes no object per show, and a
    filter keystroke that lists them anew makes none either.
    """

    def __init__(
        self,
        items: Sequence[Item],
        text: Callable[[Item], Text],
        id: Callable[[Item], str | None] | None = None,
    ) -> None:
        self.items = items
        self.make_text = text
        self.make_id = id

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> ListRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[ListRow]: ...

    def __getitem__(self, index: int | slice) -> ListRow | list[ListRow]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        item = self.items[index]
        row_id = self.make_id(item) if self.make_id is not None else None
        return ListRow(partial(self.make_text, item), row_id)
