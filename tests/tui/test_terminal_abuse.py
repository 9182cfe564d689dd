"""Terminal abuse: resize storms and thousands of random keys, then the guide still works.

"Still works" is checked the way a viewer would: after the abuse, number keys
switch panes, the pane shows the guide's content, and the focus is where the
pane puts it. Any exception inside the app fails the test when run_test ends.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest
from textual import events
from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.events import Resize
from textual.geometry import Size
from textual.pilot import Pilot
from textual.screen import Screen

import showguide.tui.app
from showguide.tui.app import ShowGuideApp
from showguide.tui.guide import GuideScreen
from showguide.tui.help import HelpScreen
from showguide.tui.search import SearchScreen
from tests.tui.shows import ballerina, shown_text

APP_FOLDER = Path(showguide.tui.app.__file__).parent


class AbusedApp(ShowGuideApp):
    """The guide without the two palette commands that end or leave the session.

    Random keys in the palette can pick any command: "Quit" would end the
    test early and "Screenshot" would write files into the working folder.
    Keys that quit (q, ctrl+q) are left out of the random keys for the same
    reason. Everything else is the real app.
    """

    # Textual reads a relative CSS_PATH beside the module of the class.
    CSS_PATH = [APP_FOLDER / path for path in ShowGuideApp.CSS_PATH]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Screenshot"):
                yield command


async def assert_the_guide_answers(pilot: Pilot[None], size: tuple[int, int]) -> None:
    """Back on the guide, each number key shows its pane with the guide's content."""
    app = pilot.app
    for _ in range(4):  # out of any overlay, input or theme list
        if isinstance(app.screen, GuideScreen):
            break
        await pilot.press("escape")
    assert isinstance(app.screen, GuideScreen)
    await pilot.resize_terminal(*size)
    await pilot.press("1")
    assert app.screen.current_pane == "overview"
    assert app.focused is not None and app.focused.id == "overview-scroll"
    assert "Ballerina" in shown_text(app.screen.query_one("#show-header"))
    assert "South Korea" in shown_text(app.screen.query_one("#facts"))
    await pilot.press("3")
    assert app.focused is not None and app.focused.id == "cast-list"
    assert "Eun-hye" in shown_text(app.screen.query_one("#cast-list"))
    # Random typing may have left words in the FAQ filter: in the filter,
    # Escape clears them, and Escape in an empty filter goes back to the list.
    await pilot.press("5", "f", "escape")
    if app.focused is not None and app.focused.id == "faq-filter":
        await pilot.press("escape")
    assert app.focused is not None and app.focused.id == "faq-list"
    assert "suitable" in shown_text(app.screen.query_one("#faq-list"))


def sweep(start: tuple[int, int], end: tuple[int, int], steps: int) -> list[tuple[int, int]]:
    (w0, h0), (w1, h1) = start, end
    return [
        (round(w0 + (w1 - w0) * i / steps), round(h0 + (h1 - h0) * i / steps))
        for i in range(steps + 1)
    ]


@pytest.mark.slow
async def test_resize_storm_from_10x5_to_300x100_and_back() -> None:
    app = AbusedApp(ballerina())
    app.animation_level = "none"  # no tab underline to wait for after each pane key
    sizes = sweep((10, 5), (300, 100), 20)
    async with app.run_test(size=(80, 24)) as pilot:
        # Slowly, one frame at each size, on a different pane each time.
        for step, size in enumerate([*sizes, *reversed(sizes)]):
            await pilot.press("12345"[step % 5])
            await pilot.resize_terminal(*size)
        # All at once: a hundred resizes in one burst, as a dragged window sends them.
        rng = random.Random(5)
        for _ in range(100):
            size = Size(rng.randint(10, 300), rng.randint(5, 100))
            app._driver._size = size  # type: ignore[union-attr]  # the headless driver's
            app.post_message(Resize(size, size))
        await pilot.pause()
        await assert_the_guide_answers(pilot, (100, 30))
        # And at the smallest size, the message, not the layout.
        await pilot.resize_terminal(10, 5)
        message = " ".join(shown_text(app.screen.query_one("#too-small")).split())
        assert message.startswith("Please enlarge the terminal")


#: Keys a viewer could press anywhere, weighted so that every overlay opens
#: often and Escape gets out again. q and ctrl+q are left out: they quit.
KEYS: dict[str, int] = {
    **dict.fromkeys("12345", 6),
    **dict.fromkeys(["tab", "shift+tab", "up", "down", "left", "right", "j", "k"], 4),
    **dict.fromkeys(["enter", "escape", "home", "end", "pageup", "pagedown"], 4),
    **dict.fromkeys(["s", "S", "n", "p", "f", "space", "backspace", "f1"], 2),
    **dict.fromkeys(["slash", "question_mark", "ctrl+p"], 3),
    **dict.fromkeys([*"abcdehimrtuwy", "number_sign", "minus", "full_stop"], 1),
}
#: The characters that the named printable keys type.
CHARACTERS = {
    "space": " ",
    "number_sign": "#",
    "minus": "-",
    "full_stop": ".",
    "slash": "/",
    "question_mark": "?",
}
SCREENS = (GuideScreen, HelpScreen, SearchScreen, CommandPalette)
KEY_COUNT = 2000
#: Keys sent in one go, as fast typing delivers them, before the app catches up.
BURST = 8


def key_event(key: str) -> events.Key:
    return events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None))


@pytest.mark.slow
async def test_two_thousand_random_keys_everywhere() -> None:
    rng = random.Random(2024)
    keys = rng.choices(list(KEYS), weights=list(KEYS.values()), k=KEY_COUNT)
    app = AbusedApp(ballerina())
    app.animation_level = "none"  # no tab underline to wait for after each pane key
    screens: Counter[str] = Counter()
    panes: Counter[str] = Counter()
    async with app.run_test(size=(100, 30)) as pilot:
        for start in range(0, KEY_COUNT, BURST):
            for key in keys[start : start + BURST]:
                app.post_message(key_event(key))
            await pilot.pause()
            screens.update(kind.__name__ for kind in SCREENS if isinstance(app.screen, kind))
            if isinstance(app.screen, GuideScreen):
                panes[app.screen.current_pane] += 1
        # The keys reached every screen and every pane, not just the first.
        assert set(screens) == {kind.__name__ for kind in SCREENS}, screens
        assert {"overview", "plot", "cast", "highlights", "faq"} <= set(panes), panes
        await assert_the_guide_answers(pilot, (100, 30))
        assert app.is_running
