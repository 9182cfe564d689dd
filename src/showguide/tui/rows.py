"""One-line rows for lists that may hold thousands of options."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from showguide.tui.textual_internals import one_line_options


class ListRow(Visual):
    """A list option that is one line tall at any width; what does not fit ends in "…".

    OptionList measures the height of every option to lay itself out, and
    again whenever its width changes. Measuring a Text means wrapping it, some
    tens of microseconds a row: for a FAQ of 5,000 questions, a wait of a
    quarter of a second on opening the pane and on every resize. A row that is
    one line by construction is measured at no cost; and since its text is made
    (by ``make_text``) only when the row first comes into view, a long list
    costs little more to open than a short one.
    """

    def __init__(self, make_text: Callable[[], Text]) -> None:
        self.make_text = make_text
        self._text: Text | None = None
        self._content: Content | None = None

    @property
    def text(self) -> Text:
        if self._text is None:
            text = self.make_text()
            # Line breaks would make a second line; a row shows them as spaces.
            self._text = _joined(text) if "\n" in text.plain else text
        return self._text

    @property
    def content(self) -> Content:
        if self._content is None:
            self._content = Content.from_rich_text(self.text)
        return self._content

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.content.render_strips(width, 1, style, one_line_options(options))

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.text.cell_len

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


def _joined(text: Text) -> Text:
    joined = text.copy()
    joined.plain = text.plain.replace("\n", " ")
    return joined
