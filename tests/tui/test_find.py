"""Search, palette jumps, the FAQ filter and the spoiler shield, driven by keys."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input, OptionList

from showguide.tui.app import ShowGuideApp
from showguide.tui.line_list import LineList
from showguide.tui.search import SearchScreen
from tests.tui.shows import ballerina, on_screen, shown_text, spoiler_show

SIZE = (100, 30)
SPOILER_TEXTS = ("SECRET",)


def highlighted_id(app: ShowGuideApp, selector: str) -> str | None:
    widget = app.screen.query_one(selector)
    if isinstance(widget, LineList):
        return widget.highlighted_id
    assert isinstance(widget, OptionList)
    option = widget.highlighted_option
    return option.id if option is not None else None


def focused_id(app: ShowGuideApp) -> str | None:
    return app.focused.id if app.focused is not None else None


async def test_slash_search_enter_jumps_to_the_character() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"rival")
        assert isinstance(app.screen, SearchScreen)
        results = shown_text(app.screen.query_one("#search-results"))
        # Best first, each result with its pane; the best is pre-selected.
        assert results.splitlines()[0].split() == ["Cast", "Rival", "dancers"]
        assert highlighted_id(app, "#search-results") == "cast/rival-dancers"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current_pane == "cast"
        assert highlighted_id(app, "#cast-list") == "rival-dancers"
        assert focused_id(app) == "cast-list"


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_search_lists_names_first_and_wraps_text_under_its_title(
    size: tuple[int, int],
) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=size) as pilot:
        await pilot.press("slash", *"eun")
        await pilot.pause()
        shown = shown_text(app.screen.query_one("#search-results"))
        lines = [line for line in shown.splitlines() if line.strip()]
        # The character, then the thread named after her, then the prose.
        assert lines[0].split() == ["Cast", "Eun-hye"]
        assert lines[1].split()[:2] == ["Plot", "Eun-hye's"]
        title_column = lines[0].index("Eun-hye")
        panes = {"Overview", "Plot", "Cast", "Highlights", "FAQ", "Episodes"}
        for line in lines:
            indent = len(line) - len(line.lstrip())
            # A result starts with its pane; every other line hangs under the title.
            assert line.split()[0] in panes or indent > title_column, line
        assert "description:" not in shown and "logline:" not in shown


async def test_search_results_wrap_again_when_the_terminal_is_resized() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"eun")
        await pilot.pause()
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        found = screen.index.search("eun", shield=screen.shield).results
        snippet = found[1].snippet
        assert snippet is not None
        lines = [line for line in shown_text(screen.query_one("#search-results")).splitlines()]
        lines = [line for line in lines if line.strip()]
        # Nothing cut off, and wrapped at the new width under the title, not at column 1.
        assert " ".join(snippet.text.split()) in " ".join(" ".join(lines).split())
        title_column = lines[0].index("Eun-hye")
        panes = {"Overview", "Plot", "Cast", "Highlights", "FAQ", "Episodes"}
        for line in lines:
            indent = len(line) - len(line.lstrip())
            assert line.split()[0] in panes or indent > title_column, line


async def test_search_down_arrow_then_enter_jumps_to_a_question() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"satisfying ending", "enter")
        await pilot.pause()
        assert app.screen.current_pane == "faq"
        assert highlighted_id(app, "#faq-list") == "satisfying-ending"


async def test_search_jumps_to_a_story_thread_in_the_plot() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"lives that cross", "enter")
        await pilot.pause()
        assert app.screen.current_pane == "plot"
        plot = app.screen.query_one("#plot-scroll")
        thread = app.screen.query_one("#thread-tangled-lives")
        assert plot.scroll_y > 0
        assert plot.region.contains_region(thread.region) or thread.region.y >= plot.region.y


async def test_hangul_query_finds_hangul_text() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"발레")
        assert "발레리나" in shown_text(app.screen.query_one("#search-results"))


async def test_escape_closes_search_and_returns_focus() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "j", "slash", *"dance")
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)
        assert focused_id(app) == "faq-list"
        assert highlighted_id(app, "#faq-list") == "korean-culture"


async def test_search_with_no_match_says_so() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzzqqq")
        assert "No matches" in shown_text(app.screen.query_one("#search-status"))


async def test_palette_jumps_to_a_character() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"cast: mentors")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current_pane == "cast"
        assert highlighted_id(app, "#cast-list") == "mentors"


async def test_palette_filters_the_faq_by_tag() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"faq tag: #music")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current_pane == "faq"
        assert app.screen.query_one("#faq-filter", Input).value == "#music"
        questions = shown_text(app.screen.query_one("#faq-list"))
        assert "Korean culture" in questions and "satisfying" not in questions


async def test_faq_filter_by_words_and_tags_then_escape_clears() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "f", *"dancing")
        questions = shown_text(app.screen.query_one("#faq-list"))
        assert "Do the actors do their own dancing?" in questions
        assert "suitable for all audiences" not in questions
        assert "1 of 4" in questions
        await pilot.press("enter")
        assert focused_id(app) == "faq-list"
        await pilot.press("f", "ctrl+u", *"#audience")  # ctrl+u clears the input
        questions = shown_text(app.screen.query_one("#faq-list"))
        assert "suitable for all audiences" in questions and "dancing" not in questions
        await pilot.press("escape")
        assert app.screen.query_one("#faq-filter", Input).value == ""
        assert "4" not in (app.screen.query_one("#faq-list").border_title or "")
        await pilot.press("escape")
        assert focused_id(app) == "faq-list"


async def test_faq_filter_without_a_match() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        answer = app.screen.query_one("#faq-answer")
        first = "Is Ballerina suitable for all audiences?"
        assert first in on_screen(app, answer)
        await pilot.press("f", *"#nosuchtag")
        await pilot.pause()
        assert "No questions match the filter." in shown_text(app.screen.query_one("#faq-list"))
        # Nothing stale: the answer box no longer shows the answer of a question
        # that is no longer listed.
        shown = on_screen(app, answer)
        assert first not in shown and "Mostly" not in shown
        assert "No question matches" in shown
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert first in on_screen(app, answer)


# The spoiler shield ------------------------------------------------------------


def screen_text(app: ShowGuideApp) -> str:
    return app.export_screenshot()


@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5"])
async def test_shield_hides_spoiler_text_on_every_pane(key: str) -> None:
    app = ShowGuideApp(spoiler_show())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key, "end")  # the cursor on the last (spoiler) item
        await pilot.pause()
        text = screen_text(app)
        assert "SECRET" not in text
        if key != "1":
            assert "hidden" in text


async def test_shield_keeps_spoilers_out_of_search_palette_and_filter() -> None:
    app = ShowGuideApp(spoiler_show())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"secret")
        assert "No matches" in shown_text(app.screen.query_one("#search-status"))
        await pilot.press("escape", "ctrl+p", *"secret")
        await pilot.pause(0.3)
        assert "SECRET" not in screen_text(app)
        await pilot.press("escape", "5", "f", *"#secrettag")
        assert "SECRET" not in screen_text(app)
        assert "No questions match the filter." in shown_text(app.screen.query_one("#faq-list"))


async def test_reveal_one_spoiler_with_s() -> None:
    app = ShowGuideApp(spoiler_show())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "end", "s")
        await pilot.pause()
        text = screen_text(app)
        assert "SECRET-MOLE" in text and "SECRET-CHARACTER" in text
        await pilot.press("5", "end")
        await pilot.pause()
        assert "SECRET" not in screen_text(app)  # other spoilers stay hidden
        await pilot.press("s")
        await pilot.pause()
        assert "SECRET-ANSWER" in screen_text(app)
        # In the plot, s first moves the cursor to the hidden thread, then reveals it.
        await pilot.press("2", "s", "s")
        await pilot.pause()
        assert "SECRET-THREAD" in screen_text(app)


async def test_reveal_all_and_raise_the_shield_again() -> None:
    app = ShowGuideApp(spoiler_show())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "S")
        await pilot.pause()
        assert "SECRET-HIGHLIGHT" in screen_text(app)
        await pilot.press("slash", *"secret")
        assert "No matches" not in shown_text(app.screen.query_one("#search-status"))
        await pilot.press("escape", "S")
        await pilot.pause()
        assert "SECRET" not in screen_text(app).replace("Spoiler shield", "")


async def test_palette_toggles_the_shield() -> None:
    app = ShowGuideApp(spoiler_show())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"toggle the spoiler shield")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.shield.on


@pytest.mark.parametrize(("pane", "list_id"), [("3", "#cast-list"), ("4", "#highlights-list")])
async def test_shield_toggled_with_a_pane_key_in_one_go(pane: str, list_id: str) -> None:
    """S then 3, typed faster than a frame: the new pane is built with the shield down
    (redrawing it before it was built used to crash)."""
    app = ShowGuideApp(spoiler_show())
    async with app.run_test(size=SIZE) as pilot:
        for key in ("S", pane):
            app.post_message(events.Key(key, key))
        await pilot.pause()
        assert not app.shield.on
        assert "SECRET" in shown_text(app.screen.query_one(list_id))
