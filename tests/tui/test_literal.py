"""Data text is shown as the characters it is: never markup, never terminal control."""

from __future__ import annotations

import pytest

from showguide.tui.app import ShowGuideApp
from tests.tui.shows import hostile_show

CONTROL = ("\x1b", "\x9b", "\x07")


@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5", "6"])
async def test_markup_and_escapes_in_data_render_literally(key: str) -> None:
    app = ShowGuideApp(hostile_show())
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        screen = app.export_screenshot()
        for char in CONTROL:
            assert char not in screen, f"{char!r} reached the screen"
        # Markup is text: the brackets show, and nothing turned bold-red or into a link.
        assert "[bold&#160;red]x[/]" in screen
        assert "[link=https://e.x]y[/link]" in screen
        # Escape sequences are visible stand-ins: ␛ for ESC, <U+009B> for CSI.
        assert "\u241b[31mred" in screen
        assert "&lt;U+009B&gt;2J" in screen
