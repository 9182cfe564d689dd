"""Drive the guide by keys, as a viewer would, and check what they see and where focus is."""

from __future__ import annotations

import msgspec
import pytest
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.containers import Vertical
from textual.widgets import Static

from showguide.core.model import Show
from showguide.tui.app import ShowGuideApp
from showguide.tui.help import HelpScreen
from showguide.tui.line_list import LineList
from showguide.tui.panebar import PaneBar
from showguide.tui.rows import ListRow
from tests.showdata import FULL
from tests.tui.shows import ballerina, on_screen, shown_text

SIZE = (100, 30)


def body_text(app: ShowGuideApp, selector: str) -> str:
    """The text a viewer sees in a widget (its visible lines, without styles)."""
    return shown_text(app.screen.query_one(selector))


@pytest.mark.parametrize(
    ("key", "pane", "focus_id"),
    [
        ("1", "overview", "overview-scroll"),
        ("2", "plot", "plot-scroll"),
        ("3", "cast", "cast-list"),
        ("4", "highlights", "highlights-list"),
        ("5", "faq", "faq-list"),
    ],
)
async def test_number_keys_switch_pane_and_focus_it(key: str, pane: str, focus_id: str) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5" if key != "5" else "1")  # start somewhere else
        await pilot.press(key)
        assert app.screen.current_pane == pane
        assert app.focused is not None and app.focused.id == focus_id


async def test_the_guide_opens_on_the_overview_with_the_header() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE):
        header = body_text(app, "#show-header")
        assert "Ballerina" in header and "발레리나" in header
        assert "Netflix · 2023 · Upcoming" in header
        assert "South Korea" in body_text(app, "#facts")
        assert app.focused is not None and app.focused.id == "overview-scroll"


async def test_the_overview_gives_a_romanized_title_unless_it_is_the_title() -> None:
    app = ShowGuideApp(msgspec.convert(FULL, Show))
    async with app.run_test(size=SIZE):
        assert "Romanized  Hangui Bulbit" in body_text(app, "#facts")
    app = ShowGuideApp(ballerina())  # romanized as "Ballerina", its title
    async with app.run_test(size=SIZE):
        assert "Romanized" not in body_text(app, "#facts")


async def test_tab_and_shift_tab_move_focus() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert app.focused is not None and app.focused.id == "cast-list"
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "cast-detail"
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id == "cast-list"


@pytest.mark.parametrize(("down", "up"), [("down", "up"), ("j", "k")])
async def test_arrows_and_jk_move_in_the_cast_list_and_update_the_detail(
    down: str, up: str
) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        cast = app.screen.query_one("#cast-list", LineList)
        assert cast.highlighted_id == "eun-hye"
        assert "gifted young dancer" in body_text(app, "#cast-body")
        await pilot.press(down)
        assert cast.highlighted_id == "rival-dancers"
        assert "as Eun-hye's rivals" in body_text(app, "#cast-body")
        await pilot.press(up)
        assert cast.highlighted_id == "eun-hye"


async def test_home_and_end_jump_to_the_ends_of_a_list() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "end")
        faq = app.screen.query_one("#faq-list", LineList)
        assert faq.highlighted_id == "satisfying-ending"
        await pilot.press("home")
        assert faq.highlighted_id == "suitable-for-all"


async def test_enter_opens_the_detail_and_escape_goes_back_then_to_the_tabs() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")
        assert app.focused is not None and app.focused.id == "cast-detail"
        await pilot.press("escape")
        assert app.focused is not None and app.focused.id == "cast-list"
        await pilot.press("escape")
        assert isinstance(app.focused, PaneBar)
        await pilot.press("right")  # the tab bar switches panes with the arrows
        assert app.screen.current_pane == "highlights"
        assert isinstance(app.focused, PaneBar)  # ... and keeps the focus
        await pilot.press("l", "l", "l")
        assert app.screen.current_pane == "overview"  # past the last pane: the first
        await pilot.press("h")
        assert app.screen.current_pane == "sources"
        await pilot.pause()
        bar = on_screen(app, app.screen.query_one(PaneBar))
        assert bar.split() == [
            "1",
            "Overview",
            "2",
            "Plot",
            "3",
            "Cast",
            "4",
            "Highlights",
            "5",
            "FAQ",
            "6",
            "Sources",
        ]


async def test_faq_next_and_previous_question() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        assert "Is Ballerina suitable for all audiences?" in body_text(app, "#faq-question")
        await pilot.press("n")
        assert "Korean culture" in body_text(app, "#faq-question")
        assert "Traditional music" in body_text(app, "#faq-body")
        await pilot.press("enter", "n")  # next works from the answer view too
        assert "Do the actors do their own dancing?" in body_text(app, "#faq-question")
        await pilot.press("p")
        assert "Korean culture" in body_text(app, "#faq-question")


async def test_page_keys_and_end_scroll_the_overview() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(80, 24)) as pilot:
        scroll = app.screen.query_one("#overview-scroll")
        assert scroll.scroll_y == 0 and scroll.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("home")
        await pilot.pause()
        assert scroll.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y < scroll.max_scroll_y


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_the_live_keys_of_the_focused_widget(key: str) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", key)
        assert isinstance(app.screen, HelpScreen)
        text = body_text(app, "#help-table")
        assert "focus: Questions" in body_text(app, "#help-title")
        for expected in (
            "Show the next question's answer.",
            "Show the FAQ pane.",
            "Quit showguide, remembering where you were.",
            "Open the highlighted item.",
        ):
            assert expected in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        assert app.focused is not None and app.focused.id == "faq-list"


async def test_help_describes_a_binding_once_it_exists_and_only_then() -> None:
    """The help is read from the live bindings: the FAQ's keys are absent elsewhere."""
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "question_mark")
        text = body_text(app, "#help-table")
        assert "Show the next question's answer." not in text
        assert "Show the Cast pane." in text


async def test_command_palette_switches_panes() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"go to highlights")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current_pane == "highlights"


async def test_command_palette_switches_theme() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")  # opens the theme list
        await pilot.pause(0.3)
        await pilot.press(*"textual-light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"


async def test_q_quits() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_a_small_terminal_gets_a_message_and_recovers() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        message = app.screen.query_one("#too-small", Static)
        assert message.display and message.region.area > 0
        assert "Please enlarge the terminal" in shown_text(message)
        assert app.screen.query_one("#overview-scroll").region.area == 0
        await pilot.press("3")  # keys still work while the message is up
        await pilot.pause()
        assert app.screen.query_one("#cast-pane").region.area == 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.query_one("#too-small", Static).region.area == 0
        assert app.screen.current_pane == "cast"
        assert app.screen.query_one("#cast-pane").region.area > 0
        assert app.screen.query_one("#overview-scroll").region.area == 0


async def test_a_guide_started_in_a_small_terminal_shows_its_pane_once_enlarged() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#too-small", Static).region.area > 0
        assert app.screen.query_one("#overview-scroll").region.area == 0
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert app.screen.query_one("#too-small", Static).region.area == 0
        assert app.screen.query_one("#overview-scroll").region.area > 0
        assert "Network" in body_text(app, "#facts")


async def test_mouse_click_on_a_tab_switches_pane() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        bar = app.screen.query_one(PaneBar)
        await pilot.click(PaneBar, offset=(bar.label_offset("faq") + 1, 0))
        await pilot.pause()
        assert app.screen.current_pane == "faq"


async def test_keys_typed_faster_than_a_frame_reach_the_new_pane() -> None:
    """ "3j" typed in one go moves in the cast list, not in the pane left behind."""
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        for key in "3j":
            app.post_message(events.Key(key, key))
        await pilot.pause()
        cast = app.screen.query_one("#cast-list", LineList)
        assert cast.highlighted_id == "rival-dancers"


LIST_IDS = {"3": "cast-list", "5": "faq-list"}


@pytest.mark.parametrize(("pane", "page_key"), [("3", "pagedown"), ("5", "pagedown")])
async def test_a_page_key_typed_with_the_pane_key_pages_the_new_list(
    pane: str, page_key: str
) -> None:
    """ "3" then PageDown in one go: the list pages once it is laid out (it used to crash)."""
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(100, 16)) as pilot:
        for key in (pane, page_key):
            app.post_message(events.Key(key, None if len(key) > 1 else key))
        await pilot.pause()
        items = app.focused
        assert isinstance(items, LineList) and items.id == LIST_IDS[pane]
        assert items.highlighted is not None and items.highlighted > 1, items.highlighted


async def test_a_page_key_waits_however_long_the_list_takes_to_be_laid_out() -> None:
    """PageDown given to a list not laid out yet is kept until it is, even
    through frames drawn without it (it was dropped after one frame)."""

    class Hidden(App[None]):
        def compose(self) -> ComposeResult:
            with Vertical(id="box") as box:
                box.display = False
                yield LineList(*(ListRow(Text(f"Option {n}")) for n in range(100)), id="list")

    app = Hidden()
    async with app.run_test(size=(40, 12)) as pilot:
        items = app.query_one("#list", LineList)
        items.highlighted = 0
        items.action_page_down()
        for _ in range(3):  # frames come and go; the list is still hidden
            await pilot.pause()
        assert items.highlighted == 0
        app.query_one("#box").display = True
        await pilot.pause()
        assert items.highlighted is not None and items.highlighted >= 10


async def test_page_keys_straight_after_opening_the_palette() -> None:
    """PageDown before the palette lists anything used to crash inside Textual."""
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        for key in ("ctrl+p", "pagedown", "pageup"):
            app.post_message(events.Key(key, None))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"go to cast", "enter")
        await pilot.pause()
        assert app.screen.current_pane == "cast"


@pytest.mark.parametrize("keys", [("enter", "ctrl+p", "enter"), ("enter", "enter", "ctrl+p")])
async def test_enter_typed_with_ctrl_p_closes_the_palette_once(keys: tuple[str, ...]) -> None:
    """Enters and Ctrl+P in one go: Textual took two of them as choices, closed
    the palette twice and so popped the guide screen itself (ScreenStackError)."""
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        for key in keys:
            app.post_message(events.Key(key, None))
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.press("3")
        assert app.screen.current_pane == "cast"


async def test_escape_and_a_pane_key_in_one_go_leave_the_focus_on_the_new_pane() -> None:
    """Esc from an answer, then 3, typed faster than a frame: the focus used to
    land back on the hidden FAQ pane, where the next keys went unseen."""
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "enter")
        assert app.focused is not None and app.focused.id == "faq-answer"
        for key in ("escape", "3"):
            app.post_message(events.Key(key, None if key == "escape" else key))
        await pilot.pause()
        assert app.screen.current_pane == "cast"
        assert app.focused is not None and app.focused.id == "cast-list"


async def test_list_rows_are_drawn_again_when_the_width_changes() -> None:
    show = ballerina()
    question = "Is " + "this a long question, " * 4 + "answered here?"
    show = msgspec.structs.replace(
        show, faq=[msgspec.structs.replace(show.faq[0], question=question), *show.faq[1:]]
    )
    app = ShowGuideApp(show)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        faq_list = app.screen.query_one("#faq-list")
        narrow = on_screen(app, faq_list)
        assert "Is this a long question" in narrow and "answered here?" not in narrow
        assert "…" in narrow
        await pilot.resize_terminal(300, 40)
        await pilot.pause()
        assert question in on_screen(app, faq_list)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert on_screen(app, faq_list) == narrow
