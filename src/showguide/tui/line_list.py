"""A list on Textual's line API: rows are plain data, and only the lines on screen are drawn.

Textual's OptionList makes an ``Option`` per row and measures every row to lay
itself out; a catalog of 10,000 shows or a series of 1,600 episodes paid for
that on opening and on every resize. A :class:`LineList` is a ``ScrollView``
(the pattern of Toolong's log view): its virtual height is its number of
lines, known without drawing anything, and ``render_line`` draws the rows that
are on screen, each once per width and look (cached as strips).

Rows are one line each, cut with "…" when too long, unless the list's style
says ``text-wrap: wrap`` (the Highlights list): then each row takes the lines
its text needs at the list's width, measured when the width is known.

It looks and behaves as the OptionList it replaces: a highlighted row, rows
that are headings or notices (shown, never highlighted), rules between groups,
up/down/j/k, PageUp/PageDown, Home/End, Enter, mouse click and hover; and it
posts :class:`LineList.Highlighted` and :class:`LineList.Selected`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, cast

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from showguide.tui.bindings import bindings
from showguide.tui.rows import ListRow, RowsOf, one_line

#: Rendered rows kept before the cache is emptied (a few screens' worth, in each look).
CACHE_ROWS = 1024


def one_line_strip(content: Content, style: Style) -> Strip:
    """The strip ``Visual.to_strips`` draws for ``content`` on a line it fits
    on, segment for segment, without the wrapping, cutting and aligning that
    leave it unchanged there: those were two thirds of drawing a catalog's
    rows, a tenth of its first frame. tests/tui/test_line_list.py holds the
    two to the same strips."""
    segments: list[Segment] = []
    add = segments.append
    x = 0
    for text, text_style in content.render(style, end=""):
        add(Segment(text, (style + text_style).rich_style_with_offset(x, 0)))
        x += len(text)
    return Strip(segments, content.cell_length)


class RowNotListed(LookupError):
    """No row has the id asked for."""


class LineList(ScrollView, can_focus=True, inherit_bindings=False):
    """A virtual list of :class:`ListRow`, one highlighted; see the module's text."""

    # Its styles (looks identical to OptionList's) are in panes.tcss, not
    # DEFAULT_CSS: a widget's DEFAULT_CSS is added to the app's stylesheet
    # when the first one mounts, and then every style in the app is parsed
    # and applied again, in the middle of opening the first pane with a list.

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--row",
        "line-list--row-disabled",
        "line-list--row-highlighted",
        "line-list--row-hover",
        "line-list--rule",
    }

    # The keys of every list, from the command table (list.*).
    BINDINGS: ClassVar[list[BindingType]] = bindings("list")

    #: The index of the highlighted row, or None.
    highlighted: reactive[int | None] = reactive(None, init=False)
    #: The index of the row under the mouse, or None.
    hovered: reactive[int | None] = reactive(None, init=False)

    class RowMessage(Message):
        """About one row of the list: its index, the row and its id."""

        def __init__(self, line_list: LineList, index: int) -> None:
            super().__init__()
            self.line_list = line_list
            self.index = index
            self.row = line_list.rows[index]
            self.row_id = self.row.id

        @property
        def control(self) -> LineList:
            return self.line_list

    class Highlighted(RowMessage):
        """A row was highlighted (by key, mouse or code)."""

    class Selected(RowMessage):
        """The highlighted row was chosen (Enter or a click)."""

    def __init__(
        self,
        *rows: ListRow | None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: Sequence[ListRow] = []
        #: Whether any row has a rule under it (then lines are mapped to rows).
        self.has_rules = False
        #: The index of each row's id, made when first asked for.
        self.index_of_id: dict[str, int] | None = None
        #: First line of each row, and the row of each line; both None while
        #: every row is one line (then a row's index is its line).
        self.row_tops: list[int] | None = None
        self.line_rows: list[int] | None = None
        #: The width the line map and the rendered rows were made at.
        self.laid_out_width = 0
        self.rendered: dict[tuple[int, Style], list[Strip]] = {}
        #: Each drawn row's text, whatever its width and look: a focus change
        #: restyles every row on screen without making their texts again.
        self.contents: dict[int, Content] = {}
        #: Page moves asked for before the list was laid out: run on its first Resize.
        self.waiting_moves: list[Callable[[], None]] = []
        self.set_rows(rows)

    # --- rows -----------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def highlighted_row(self) -> ListRow | None:
        index = self.highlighted
        return self.rows[index] if index is not None else None

    @property
    def highlighted_id(self) -> str | None:
        row = self.highlighted_row
        return row.id if row is not None else None

    def set_rows(self, rows: Iterable[ListRow | None] | RowsOf[Any]) -> None:
        """List ``rows`` instead; a None draws a rule under the row before it.

        ``RowsOf`` rows are listed as they are, without making a row for each
        item (a catalog of 10,000 shows, filtered at every keystroke).
        Nothing is highlighted afterwards: set ``highlighted`` (or call
        ``action_first``) to highlight a row.
        """
        if isinstance(rows, RowsOf):
            self.rows, self.has_rules = rows, False
        else:
            listed: list[ListRow] = []
            for row in rows:
                if row is None:
                    if listed:
                        listed[-1].rule = True
                else:
                    listed.append(row)
            self.rows = listed
            self.has_rules = any(row.rule for row in listed)
        self.index_of_id = None
        self.set_reactive(LineList.highlighted, None)
        self.set_reactive(LineList.hovered, None)
        self.rendered.clear()
        self.contents.clear()
        self.map_lines()
        if self.is_attached:
            self.scroll_to(y=0, animate=False, immediate=True)
            self.expect_overflow()
            self.refresh()

    def get_index(self, row_id: str) -> int:
        """The index of the row ``row_id``; RowNotListed when there is none."""
        if self.index_of_id is None:
            self.index_of_id = {}
            for index, row in enumerate(self.rows):
                if row.id is not None:
                    self.index_of_id.setdefault(row.id, index)
        try:
            return self.index_of_id[row_id]
        except KeyError:
            raise RowNotListed(row_id) from None

    def refresh_rows(self) -> None:
        """Draw every row again, from its data as it is now."""
        self.rendered.clear()
        self.contents.clear()
        if self.wraps:
            self.map_lines()
        self.refresh()

    # --- lines ----------------------------------------------------------------

    @property
    def wraps(self) -> bool:
        """Whether rows wrap to the lines they need (``text-wrap: wrap``)."""
        return self.styles.text_wrap == "wrap"

    @property
    def content_width(self) -> int:
        return self.scrollable_content_region.width

    def map_lines(self) -> None:
        """Work out which lines each row takes, and so the list's virtual height."""
        rows = self.rows
        width = self.content_width
        wraps = self.is_attached and self.wraps
        if not wraps and not self.has_rules:
            self.row_tops = self.line_rows = None
            height = len(rows)
        else:
            tops: list[int] = []
            owners: list[int] = []
            for index, row in enumerate(rows):
                tops.append(len(owners))
                lines = self.row_height(index, width) if wraps else 1
                owners.extend([index] * (lines + row.rule))
            if rows and rows[-1].rule:
                owners.pop()  # no rule under the last row
            self.row_tops, self.line_rows = tops, owners
            height = len(owners)
        self.laid_out_width = width
        self.virtual_size = Size(0, height)

    def row_height(self, index: int, width: int) -> int:
        if width <= 0:
            return 1
        rules = cast(RulesMap, self.styles)
        return max(1, self.row_content(index).get_height(rules, width))

    def row_lines(self, index: int) -> tuple[int, int]:
        """The first line of row ``index`` and how many lines it takes (its rule aside)."""
        tops, owners = self.row_tops, self.line_rows
        if tops is None or owners is None:
            return index, 1
        top = tops[index]
        if index + 1 < len(tops):
            return top, tops[index + 1] - top - self.rows[index].rule
        return top, len(owners) - top  # the last row has no rule under it

    def row_at_line(self, line: int) -> int | None:
        if line < 0:
            return None
        owners = self.line_rows
        if owners is None:
            return line if line < len(self.rows) else None
        return owners[line] if line < len(owners) else None

    def expect_overflow(self) -> None:
        # More rows than the terminal has lines: the list scrolls, whatever
        # its layout; say so before the first layout (see panes.tcss).
        self.set_class(self.virtual_size.height > self.app.size.height, "-overflowing")

    # --- drawing --------------------------------------------------------------

    def row_content(self, index: int) -> Content:
        content = self.contents.get(index)
        if content is None:
            if len(self.contents) >= CACHE_ROWS:
                self.contents.clear()
            text: Text = self.rows[index].text()
            if not self.wraps:
                text = one_line(text)
            content = self.contents[index] = Content.from_rich_text(text)
        return content

    def row_style(self, index: int) -> Style:
        row = self.rows[index]
        if not row.enabled:
            return self.get_visual_style("line-list--row", "line-list--row-disabled")
        if index == self.highlighted:
            return self.get_visual_style("line-list--row", "line-list--row-highlighted")
        if index == self.hovered:
            return self.get_visual_style("line-list--row", "line-list--row-hover")
        return self.get_visual_style("line-list--row")

    def row_strips(self, index: int, style: Style, width: int) -> list[Strip]:
        key = (index, style)
        strips = self.rendered.get(key)
        if strips is None:
            if len(self.rendered) >= CACHE_ROWS:
                self.rendered.clear()
            content = self.row_content(index)
            if self.fits_on_its_line(content, width):
                drawn = [one_line_strip(content, style)]
            else:
                height = None if self.wraps else 1
                drawn = Visual.to_strips(self, content, width, height, style)
            rich_style = style.rich_style
            strips = [strip.extend_cell_length(width, rich_style) for strip in drawn] or [
                Strip.blank(width, rich_style)
            ]
            self.rendered[key] = strips
        return strips

    def fits_on_its_line(self, content: Content, width: int) -> bool:
        """Whether ``content`` is drawn as it is, on one line: Textual's
        wrapping, cutting and aligning would leave it unchanged."""
        styles = self.styles
        return (
            not self.wraps
            and content.cell_length <= width
            and "\t" not in content.plain
            and self.text_selection is None
            and styles.text_align in ("left", "start")
            and styles.content_align == ("left", "top")
            and not styles.line_pad
        )

    def render_line(self, y: int) -> Strip:
        width = self.content_width
        if width != self.laid_out_width:
            # Rows are drawn for the width they are shown at; a Resize comes
            # only after the first frame drawn at a new width.
            self.rendered.clear()
            if self.wraps:
                self.map_lines()
            self.laid_out_width = width
        line = self.scroll_offset.y + y
        index = self.row_at_line(line)
        if index is None:
            return Strip.blank(width, self.get_visual_style("line-list--row").rich_style)
        top, height = self.row_lines(index)
        offset = line - top
        if offset >= height:
            rule = self.get_visual_style("line-list--rule").rich_style
            return Strip([Segment("─" * width, rule)], width)
        strips = self.row_strips(index, self.row_style(index), width)
        if offset < len(strips):
            return strips[offset]
        return Strip.blank(width, self.get_visual_style("line-list--row").rich_style)

    def notify_style_update(self) -> None:
        # A new theme or a focus change restyles the rows: cached ones are
        # keyed by their style, so the new look is drawn, not the old one.
        super().notify_style_update()
        self.refresh()

    # --- the highlight --------------------------------------------------------

    def validate_highlighted(self, index: int | None) -> int | None:
        if index is None or not self.rows:
            return None
        return min(max(index, 0), len(self.rows) - 1)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        if new is not None and self.rows[new].enabled:
            self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, new))

    def watch_hovered(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)

    def refresh_row(self, index: int | None) -> None:
        if index is not None and index < len(self.rows):
            top, height = self.row_lines(index)
            self.refresh_lines(top, height)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll so that the highlighted row is in view (at the top, if ``top``).

        The heading right above the row comes into view with it when both fit:
        Home or PageUp to the first row of a group shows what group it is.
        """
        index = self.highlighted
        region = self.scrollable_content_region
        if index is None or not self.is_mounted or not region:
            return
        line, height = self.row_lines(index)
        first = index
        while first > 0 and not self.rows[first - 1].enabled:
            first -= 1
        heading_line = self.row_lines(first)[0]
        if first < index and line + height - heading_line <= region.height:
            line, height = heading_line, line + height - heading_line
        self.scroll_to_region(
            Region(0, line, region.width, height),
            animate=False,
            force=True,
            top=top,
            immediate=True,
        )

    # --- moving ---------------------------------------------------------------

    def next_enabled(self, start: int, step: int, *, wrap: bool) -> int | None:
        """The first enabled row from ``start`` on (included), going by ``step``."""
        count = len(self.rows)
        for n in range(count):
            index = start + n * step
            if wrap:
                index %= count
            elif not 0 <= index < count:
                return None
            if self.rows[index].enabled:
                return index
        return None

    def move_by(self, step: int) -> None:
        if not self.rows:
            return
        current = self.highlighted
        start = (-1 if step > 0 else 0) if current is None else current
        found = self.next_enabled(start + step, step, wrap=True)
        if found is not None:
            self.highlighted = found

    def action_cursor_down(self) -> None:
        self.move_by(1)

    def action_cursor_up(self) -> None:
        self.move_by(-1)

    def action_first(self) -> None:
        if self.rows:
            found = self.next_enabled(0, 1, wrap=False)
            if found is not None:
                self.highlighted = found

    def action_last(self) -> None:
        if self.rows:
            found = self.next_enabled(len(self.rows) - 1, -1, wrap=False)
            if found is not None:
                self.highlighted = found

    def move_page(self, direction: int) -> None:
        if not self.rows:
            return
        if self.highlighted is None:
            self.action_first() if direction < 0 else self.action_last()
            return
        line, _ = self.row_lines(self.highlighted)
        last_line = max(0, self.virtual_size.height - 1)
        target = min(max(line + direction * self.scrollable_content_region.height, 0), last_line)
        index = self.row_at_line(target)
        if index is None:
            return
        found = self.next_enabled(index, direction, wrap=False)
        if found is None:
            found = self.next_enabled(index, -direction, wrap=False)
        if found is not None:
            self.highlighted = found

    def action_page_down(self) -> None:
        self.when_laid_out(lambda: self.move_page(1))

    def action_page_up(self) -> None:
        self.when_laid_out(lambda: self.move_page(-1))

    def when_laid_out(self, move: Callable[[], None]) -> None:
        # A page is the list's height, known once it is laid out: PageDown
        # typed with the key that opens the pane ("3" then PageDown, fast)
        # waits for the list's first Resize rather than paging by nothing.
        if self.scrollable_content_region.height:
            move()
        else:
            self.waiting_moves.append(move)

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and self.rows[index].enabled:
            self.post_message(self.Selected(self, index))

    # --- events ---------------------------------------------------------------

    def on_mount(self) -> None:
        self.map_lines()
        if self.rows:
            # A list filled after mounting (the catalog's) is classed by its
            # owner as it will be: unclassing it now restyled it twice.
            self.expect_overflow()

    def on_resize(self) -> None:
        self.expect_overflow()
        if self.content_width != self.laid_out_width:
            self.rendered.clear()
            self.map_lines()
        moves, self.waiting_moves = self.waiting_moves, []
        for move in moves:
            move()
        # After any resize the highlighted row is in view: a list made shorter
        # (a smaller terminal) no longer hides it below its bottom edge.
        self.scroll_to_highlight()

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def row_under(self, event: events.MouseEvent) -> int | None:
        """The row under the mouse; None over a rule or below the last row."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line = offset.y + self.scroll_offset.y
        index = self.row_at_line(line)
        if index is None:
            return None
        top, height = self.row_lines(index)
        return index if line < top + height else None

    def on_click(self, event: events.Click) -> None:
        index = self.row_under(event)
        if index is not None and self.rows[index].enabled:
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self.row_under(event)
        self.hovered = index if index is not None and self.rows[index].enabled else None

    def on_leave(self) -> None:
        self.hovered = None
