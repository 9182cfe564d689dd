"""LineList, the virtual list under every master list: keys, mouse, resize, headings, drawing."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import msgspec
from benchmarks.generate import big_show
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult

import showguide.tui
from showguide.tui.app import ShowGuideApp
from showguide.tui.line_list import LineList, RowNotListed
from showguide.tui.rows import ListRow
from showguide.tui.widgets import heading
from tests.tui.shows import on_screen

#: Three groups of ten rows, each under a heading, a rule between groups.
GROUPS = ("first", "second", "third")


def grouped_rows() -> list[ListRow | None]:
    rows: list[ListRow | None] = []
    for group in GROUPS:
        if rows:
            rows.append(None)
        rows.append(heading(f"{group} group"))
        rows += [ListRow(Text(f"{group} row {n}"), f"{group}-{n}") for n in range(10)]
    return rows


class ListApp(App[None]):
    """One LineList filling the screen, without border or padding, so that
    line y of the screen is line y of the list."""

    CSS_PATH = str(Path(showguide.tui.__file__).with_name("panes.tcss"))  # LineList's look
    CSS = "#list { border: none; padding: 0; height: 1fr; }"

    def __init__(self, rows: list[ListRow | None]) -> None:
        super().__init__()
        self.rows = rows
        self.messages: list[tuple[str, str | None]] = []

    def compose(self) -> ComposeResult:
        yield LineList(*self.rows, id="list")

    def on_mount(self) -> None:
        self.query_one(LineList).action_first()

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        self.messages.append(("highlighted", event.row_id))

    def on_line_list_selected(self, event: LineList.Selected) -> None:
        self.messages.append(("selected", event.row_id))


def visible(items: LineList, row_id: str) -> bool:
    """Whether the row ``row_id`` is within the lines the list shows."""
    top, height = items.row_lines(items.get_index(row_id))
    first = round(items.scroll_y)
    return first <= top and top + height <= first + items.scrollable_content_region.height


async def test_keys_move_the_highlight_and_skip_headings() -> None:
    app = ListApp(grouped_rows())
    async with app.run_test(size=(40, 12)) as pilot:
        items = app.query_one(LineList)
        assert items.highlighted_id == "first-0"  # the heading above it is skipped
        await pilot.press("j", "down")
        assert items.highlighted_id == "first-2"
        await pilot.press("k")
        assert items.highlighted_id == "first-1"
        await pilot.press("up", "up")  # past the top: round to the last row
        assert items.highlighted_id == "third-9"
        await pilot.press("home")
        assert items.highlighted_id == "first-0"
        for _ in range(9):
            await pilot.press("j")
        await pilot.press("j")  # over the rule and the next group's heading
        assert items.highlighted_id == "second-0"
        await pilot.press("end")
        assert items.highlighted_id == "third-9"
        assert visible(items, "third-9")
        assert "third row 9" in on_screen(app)


async def test_page_keys_move_a_screenful_and_keep_the_highlight_in_view() -> None:
    app = ListApp(grouped_rows())
    async with app.run_test(size=(40, 12)) as pilot:
        items = app.query_one(LineList)
        await pilot.press("pagedown")
        line, _ = items.row_lines(items.highlighted or 0)
        assert line >= 12
        assert visible(items, items.highlighted_id or "")
        await pilot.press("pagedown", "pagedown", "pagedown")
        assert items.highlighted_id == "third-9"
        await pilot.press("pageup", "pageup", "pageup", "pageup")
        assert items.highlighted_id == "first-0"
        assert items.scroll_y == 0


async def test_a_heading_is_never_highlighted_nor_selected() -> None:
    app = ListApp(grouped_rows())
    async with app.run_test(size=(40, 40)) as pilot:
        items = app.query_one(LineList)
        second_heading = items.row_lines(11)[0]
        assert items.rows[11].id is None and not items.rows[11].enabled
        await pilot.click(LineList, offset=(3, second_heading))
        await pilot.click(LineList, offset=(3, second_heading - 1))  # the rule
        assert items.highlighted_id == "first-0"
        assert ("selected", None) not in app.messages
        items.highlighted = 11  # set by code: highlighted, but announced as nothing
        await pilot.pause()
        assert app.messages[-1] == ("highlighted", "first-0")


async def test_a_click_highlights_and_selects_the_row_under_the_mouse() -> None:
    app = ListApp(grouped_rows())
    async with app.run_test(size=(40, 40)) as pilot:
        items = app.query_one(LineList)
        line, _ = items.row_lines(items.get_index("second-3"))
        await pilot.click(LineList, offset=(5, line))
        await pilot.pause()
        assert items.highlighted_id == "second-3"
        assert app.messages[-2:] == [("highlighted", "second-3"), ("selected", "second-3")]


async def test_the_row_under_the_mouse_is_marked_but_not_a_heading() -> None:
    app = ListApp(grouped_rows())
    async with app.run_test(size=(40, 40)) as pilot:
        items = app.query_one(LineList)
        line, _ = items.row_lines(items.get_index("first-4"))
        plain = items.render_line(line)
        await pilot.hover(LineList, offset=(5, line))
        await pilot.pause()
        assert items.hovered == items.get_index("first-4")
        hovered = items.render_line(line)
        assert hovered.text == plain.text
        # The same text, on another background.
        assert next(iter(hovered)).style != next(iter(plain)).style
        await pilot.hover(LineList, offset=(5, 0))  # the first heading
        await pilot.pause()
        assert items.hovered is None
        assert items.highlighted_id == "first-0"


async def test_enter_selects_and_moves_announce_the_highlighted_row() -> None:
    app = ListApp(grouped_rows())
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.messages[-2:] == [("highlighted", "first-1"), ("selected", "first-1")]


async def test_the_mouse_wheel_scrolls_without_moving_the_highlight() -> None:
    app = ListApp(grouped_rows())
    async with app.run_test(size=(40, 12)) as pilot:
        items = app.query_one(LineList)
        for _ in range(3):
            items.post_message(events.MouseScrollDown(items, 2, 2, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert items.scroll_y > 0
        assert items.highlighted_id == "first-0"
        assert "first group" not in on_screen(app)


async def test_after_a_resize_the_highlighted_row_is_in_view() -> None:
    app = ListApp(grouped_rows())
    async with app.run_test(size=(40, 40)) as pilot:
        items = app.query_one(LineList)
        items.highlighted = items.get_index("third-5")
        await pilot.pause()
        assert items.scroll_y == 0  # everything fits
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert visible(items, "third-5")
        assert "third row 5" in on_screen(app)


async def test_only_the_rows_on_screen_are_made() -> None:
    made: list[int] = []

    def maker(n: int) -> Text:
        made.append(n)
        return Text(f"show {n}")

    rows: list[ListRow | None] = [ListRow(partial(maker, n), str(n)) for n in range(10_000)]
    app = ListApp(rows)
    async with app.run_test(size=(40, 12)) as pilot:
        items = app.query_one(LineList)
        assert items.virtual_size.height == 10_000
        assert items.show_vertical_scrollbar
        assert set(made) <= set(range(12))
        await pilot.press("end")
        await pilot.pause()
        assert "show 9999" in on_screen(app)
        assert len(set(made)) < 40


async def test_set_rows_replaces_the_list_and_ids_are_looked_up() -> None:
    app = ListApp(grouped_rows())
    async with app.run_test(size=(40, 12)) as pilot:
        items = app.query_one(LineList)
        items.set_rows([ListRow(Text("only"), "only")])
        assert items.highlighted is None
        items.action_first()
        await pilot.pause()
        assert items.highlighted_id == "only"
        assert on_screen(app).splitlines()[0] == "only"
        try:
            items.get_index("first-0")
        except RowNotListed:
            pass
        else:
            raise AssertionError("a row of the old list was still found")


async def test_cast_keeps_its_highlighted_row_in_view_from_200x50_to_80x24() -> None:
    """Issue 16: after a resize the highlighted row was out of view while its detail showed."""
    show = big_show(faq=3, characters=60, highlights=1, threads=1, spoiler_rate=0.0)
    app = ShowGuideApp(show)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("3", "end")
        await pilot.pause()
        cast = app.screen.query_one("#cast-list", LineList)
        last = next(c for c in show.characters if c.id == cast.highlighted_id)
        assert cast.highlighted == cast.row_count - 1
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert cast.highlighted_id == last.id
        assert visible(cast, last.id)
        assert last.name[:10] in on_screen(app, cast)


async def test_a_highlight_wraps_to_the_lines_it_needs_at_every_width() -> None:
    show = big_show(faq=3, characters=3, highlights=4, threads=1, spoiler_rate=0.0)
    long = msgspec.structs.replace(show.highlights[0], description="word " * 60 + "END")
    show = msgspec.structs.replace(show, highlights=[long, *show.highlights[1:]])
    app = ShowGuideApp(show)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        items = app.screen.query_one("#highlights-list", LineList)
        index = items.get_index(long.id)
        wide = items.row_lines(index)[1]
        assert "END" in on_screen(app, items)
        await pilot.resize_terminal(60, 40)
        await pilot.pause()
        assert items.row_lines(index)[1] > wide
        assert "END" in on_screen(app, items)


async def test_a_row_that_fits_its_line_is_drawn_as_textual_draws_it() -> None:
    """one_line_strip skips Textual's wrapping for rows that fit: for every
    kind of row (Hangul, styles, headings, notices) and look (plain,
    highlighted, disabled, under the mouse), its strip is Textual's own."""
    from textual.visual import Visual

    from showguide.tui.line_list import one_line_strip

    rows: list[ListRow | None] = [
        *grouped_rows(),
        ListRow(Text.assemble(("발레리나 ", "bold"), ("Ballerina", "italic"), " 2023"), "ko"),
        ListRow(Text.assemble(("⚠ ", "bold yellow"), ("bad.yaml", "bold"), "  2 problems")),
        ListRow(Text("Café résumé — naïve", style="underline"), "accents"),
    ]
    app = ListApp(rows)
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        items = app.query_one(LineList)
        width = items.content_width
        looks = ["line-list--row-highlighted", "line-list--row-disabled", "line-list--row-hover"]
        styles = [items.get_visual_style("line-list--row")]
        styles += [items.get_visual_style("line-list--row", look) for look in looks]
        compared = 0
        for index in range(len(items.rows)):
            content = items.row_content(index)
            assert items.fits_on_its_line(content, width)
            for style in styles:
                textual = Visual.to_strips(items, content, width, 1, style)
                assert len(textual) == 1
                ours = one_line_strip(content, style)
                assert list(ours) == list(textual[0])
                assert ours.cell_length == textual[0].cell_length
                compared += 1
        assert compared == 4 * len(items.rows) > 100
