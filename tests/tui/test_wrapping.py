"""Text in the guide's panes wraps as a reader expects, at every terminal size."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from textual.geometry import Region
from textual.widget import Widget

from showguide.core.model import Show
from showguide.tui.app import ShowGuideApp
from showguide.tui.columns import Column
from showguide.tui.panes.overview import facts_table
from showguide.tui.prose import Chips, RenderedOnce
from tests.showdata import show_dict
from tests.tui.shows import ballerina, on_screen

SIZES = [(60, 20), (80, 24), (120, 40), (200, 50)]


def whole_text(widget: Widget) -> str:
    """Every line a widget draws, borders included, scrolled into view or not."""
    lines = widget.render_lines(Region(0, 0, *widget.outer_size))
    return "\n".join(line.text.rstrip() for line in lines)


WORDS = st.text(st.sampled_from([*"ab", "발"]), min_size=1, max_size=5)


@given(
    labels=st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), max_size=8),
    width=st.integers(min_value=40, max_value=80),  # wider than any chip
)
def test_chips_break_between_chips_never_inside_one(labels: list[str], width: int) -> None:
    lines = [line.plain for line in Chips(labels).lines(width)]
    assert all(cell_len(line) <= width for line in lines)
    # Lines break only at the gaps between chips, and each chip is whole on a line.
    assert "  ".join(lines) == "  ".join(f" {label} " for label in labels)
    assert all(any(f" {label} " in line for line in lines) for label in labels)


@pytest.mark.parametrize("size", SIZES)
async def test_a_theme_chip_is_never_split_across_lines(size: tuple[int, int]) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")
        await pilot.pause()
        themes = whole_text(app.screen.query_one("#themes"))
        assert "Personal growth" in themes, themes


def hangs_under(lines: list[str], marker: str) -> None:
    """Each line continuing a ``marker`` line starts under the marked text."""
    column = None
    for line in lines:
        if marker in line:
            column = line.index(marker) + len(marker)
        elif column is not None and line.strip():
            if line[:column].strip() or line[column] == " ":
                column = None  # not a continuation: a line of its own
            else:
                assert len(line) - len(line.lstrip()) == column, line


@pytest.mark.parametrize("size", SIZES)
async def test_overview_warnings_and_bullets_wrap_under_their_text(size: tuple[int, int]) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        notice = whole_text(app.screen.query_one("#source-notice")).splitlines()
        audience = whole_text(app.screen.query_one("#audience")).splitlines()
        assert sum("⚠" in line for line in notice) == 2
        # The source check's summary is long enough to wrap at every size here.
        summary = next(n for n, line in enumerate(notice) if "restates" in line)
        assert notice[summary + 1].startswith(" " * (notice[summary].index("⚠") + 2))
        hangs_under(notice, "⚠ ")
        hangs_under(audience, "• ")
        # Under Sources too, every line of text keeps the section's indent.
        sources = whole_text(app.screen.query_one("#sources")).splitlines()
        body = [line for line in sources[1:] if line.strip()]
        indents = {len(line) - len(line.lstrip()) for line in body}
        assert body and indents == {sources[0].index("Sources") + 2}, sources


LONG_QUESTION = (
    "Does the second season follow the company on its long winter tour of the "
    "southern provinces, or does it stay in Seoul?"
)


def long_faq_show() -> Show:
    answer = " ".join(f"Sentence {n} of a long answer about the tour." for n in range(120))
    data = show_dict(
        id="long-faq",
        faq=[
            {"id": "tour", "question": LONG_QUESTION, "answer": answer},
            {"id": "short", "question": "Short?", "answer": "Yes."},
        ],
    )
    return msgspec.convert(data, Show)


@pytest.mark.parametrize("size", SIZES)
async def test_a_long_question_is_shown_whole_above_its_answer_however_far_it_scrolls(
    size: tuple[int, int],
) -> None:
    app = ShowGuideApp(long_faq_show())
    async with app.run_test(size=size) as pilot:
        await pilot.press("5", "enter", "end")
        await pilot.pause()
        answer = app.screen.query_one("#faq-answer")
        assert answer.scroll_y > 0
        frame = on_screen(app, answer).translate(str.maketrans(dict.fromkeys("│▁▂▃▄▅▆▇█", " ")))
        shown = " ".join(frame.split())
        assert LONG_QUESTION in shown
        assert "Sentence 0 " not in shown and "Sentence 119 of a long" in shown


#: The longest line of prose a pane draws, in cells (see widgets.tcss).
PROSE_WIDTH = 96


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("key", "left", "right"), [("1", "#logline", "#audience"), ("2", "#synopsis", "#threads")]
)
async def test_prose_keeps_a_readable_width_and_very_wide_terminals_get_two_columns(
    size: tuple[int, int], key: str, left: str, right: str
) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=size) as pilot:
        await pilot.press(key)
        await pilot.pause()
        for section in app.screen.query(".section, .section-body"):
            lines = whole_text(section).splitlines()
            assert max(cell_len(line) for line in lines) <= PROSE_WIDTH, section
        first, second = app.screen.query_one(left).region, app.screen.query_one(right).region
        if size[0] >= 200:
            # Side by side, each column using about half of the width.
            assert second.x >= first.right and second.x >= size[0] // 2 - 2
        else:
            assert second.y > first.y and second.x <= first.x


@pytest.mark.parametrize("pane", ["3", "4", "5"])
async def test_lists_details_keep_a_readable_width_at_200_columns(pane: str) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press(pane)
        await pilot.pause()
        for widget in app.screen.query(".detail > Static, #highlights-list"):
            assert widget.region.width <= 100, widget


async def test_the_columns_follow_a_resize() -> None:
    app = ShowGuideApp(ballerina())

    def where(selector: str) -> Region:
        # Where a section is laid out in the pane, in view or scrolled out of
        # it. Queried each time: the pane is composed again when the columns
        # come or go (see columns.py).
        section = app.screen.query_one(selector)
        region = section.virtual_region
        if isinstance(section.parent, Column):
            region = region.translate(section.parent.virtual_region.offset)
        return region

    def placed() -> tuple[Region, Region]:
        return where("#logline"), where("#audience")

    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        left, right = placed()
        assert right.x > left.right
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        left, right = placed()
        assert right.x == left.x
        assert right.y >= left.bottom
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        left, right = placed()
        assert right.x > left.right


@pytest.mark.parametrize(("start", "end"), [((200, 50), (80, 24)), ((80, 24), (200, 50))])
async def test_the_story_thread_under_the_cursor_stays_there_when_the_columns_change(
    start: tuple[int, int], end: tuple[int, int]
) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=start) as pilot:
        await pilot.press("2", "n", "n")
        await pilot.pause()
        focused = app.screen.focused
        assert focused is not None and (focused.id or "").startswith("thread-")
        chosen = focused.id
        await pilot.resize_terminal(*end)
        await pilot.pause()
        # A new widget for the same thread (the pane was composed again),
        # and the cursor goes on from it.
        assert app.screen.focused is not None and app.screen.focused.id == chosen
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.focused is not None and app.screen.focused.id == "thread-the-dream"


def test_a_section_body_is_rendered_once_per_width_and_draws_the_same() -> None:
    console = Console(width=80, color_system="truecolor")
    table = facts_table(ballerina())
    rendered: list[int] = []

    class Counted:
        def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
            rendered.append(options.max_width)
            yield table

    once = RenderedOnce(Counted())
    for width in (60, 60, 60, 35, 35, 60):
        options = console.options.update_width(width)
        assert console.render_lines(once, options) == console.render_lines(table, options)
    assert rendered == [60, 35, 60]
