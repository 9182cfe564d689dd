"""Every pane with spoilers lets the viewer pick the one to reveal, marks it
once revealed, and hides it again with the same key."""

from __future__ import annotations

import msgspec

from showguide.core.model import Show
from showguide.tui.app import ShowGuideApp
from showguide.tui.panes.plot import ThreadBlock
from tests.showdata import show_dict
from tests.tui.shows import shown_text, spoiler_show

SIZE = (100, 30)


def two_secret_threads() -> Show:
    threads = [
        {"id": "open", "title": "Open thread", "description": "Safe thread."},
        {"id": "first", "title": "FIRST-TITLE", "description": "FIRST-TEXT", "spoiler": True},
        {"id": "second", "title": "SECOND-TITLE", "description": "SECOND-TEXT", "spoiler": True},
    ]
    data = show_dict(
        id="threads", plot={"synopsis": "Safe.", "setting": "Safe.", "threads": threads}
    )
    return msgspec.convert(data, Show)


def screen_text(app: ShowGuideApp) -> str:
    return app.export_screenshot()


def footer_keys(app: ShowGuideApp) -> dict[str, str]:
    """What each key does now, as the footer and help would say it."""
    return {
        binding.key: binding.description
        for (_, binding, enabled, _) in app.screen.active_bindings.values()
        if enabled
    }


async def test_the_viewer_picks_which_hidden_thread_to_reveal_and_hides_it_again() -> None:
    app = ShowGuideApp(two_secret_threads())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "FIRST" not in screen_text(app) and "SECOND" not in screen_text(app)
        # The cursor goes thread by thread; s acts on the thread under it.
        await pilot.press("n", "n", "n")
        assert app.focused is app.screen.query_one("#thread-second")
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert "SECOND-TITLE" in text and "SECOND-TEXT" in text
        assert "FIRST" not in text  # the other hidden thread stays hidden
        # Revealed, it is marked as a spoiler, and s now hides it.
        second = shown_text(app.screen.query_one("#thread-second"))
        assert "revealed spoiler" in second
        assert footer_keys(app)["s"] == "Hide"
        await pilot.press("s")
        await pilot.pause()
        assert "SECOND" not in screen_text(app)
        assert "hidden" in shown_text(app.screen.query_one("#thread-second"))
        assert footer_keys(app)["s"] == "Reveal"


async def test_s_without_a_thread_under_the_cursor_moves_to_a_hidden_one_first() -> None:
    app = ShowGuideApp(two_secret_threads())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert footer_keys(app)["s"] == "Next spoiler"
        await pilot.press("s")
        assert app.focused is app.screen.query_one("#thread-first")
        assert "FIRST" not in screen_text(app)  # nothing revealed yet
        await pilot.press("p", "s")  # on the harmless thread s moves on again
        assert app.focused is app.screen.query_one("#thread-first")
        assert isinstance(app.focused, ThreadBlock)


async def test_search_puts_the_plot_cursor_on_the_thread_it_found() -> None:
    app = ShowGuideApp(two_secret_threads())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"open thread", "enter")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#thread-open")


async def test_a_revealed_character_is_marked_and_hidden_again_with_s() -> None:
    app = ShowGuideApp(spoiler_show())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "end", "s")
        await pilot.pause()
        row = next(
            line
            for line in shown_text(app.screen.query_one("#cast-list")).splitlines()
            if "SECRET-MOLE" in line
        )
        assert "⚠" in row
        assert "s hides it again" in shown_text(app.screen.query_one("#cast-body"))
        assert footer_keys(app)["s"] == "Hide"
        await pilot.press("s")
        await pilot.pause()
        assert "SECRET" not in screen_text(app)


async def test_a_revealed_question_and_highlight_can_be_hidden_again() -> None:
    app = ShowGuideApp(spoiler_show())
    async with app.run_test(size=SIZE) as pilot:
        for pane, secret in (("5", "SECRET-ANSWER"), ("4", "SECRET-HIGHLIGHT")):
            await pilot.press(pane, "end", "s")
            await pilot.pause()
            assert secret in screen_text(app)
            await pilot.press("s")
            await pilot.pause()
            assert secret not in screen_text(app)
