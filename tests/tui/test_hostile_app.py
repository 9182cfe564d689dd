"""Hostile text is shown literally everywhere the guide shows data, and never reaches the terminal raw.

The hostile show (tests/hostile.py) puts markup and one kind of terminal
control into every text field. It is written to a YAML file and loaded back
through the real loader, then every pane, every list item, the help screen,
the search overlay and the command palette are visited by keys. Each frame is
checked as the terminal would receive it: after Textual's own colour and
cursor sequences, nothing may be a control character. And every field's
visible form must be on some frame: markup as its brackets, escapes as their
stand-ins (␛ for ESC, <U+009B> for an 8-bit CSI, ...).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from showguide.core.loader import load_show
from showguide.tui.app import ShowGuideApp
from showguide.tui.line_list import LineList
from tests.hostile import (
    RAW_CONTROL,
    hostile_text_show,
    long_marker,
    long_text_show,
    shown_form,
)
from tests.tui.shows import screen_output

SIZE = (220, 60)
#: Textual's own sequences in a frame: colours and styles (SGR), cursor moves.
TEXTUAL_SEQUENCES = re.compile(r"\x1b\[[0-9;:]*[mH]")
MARKER = re.compile(r"m\d\d")
LIST_PANES = {
    "3": "#cast-list",
    "4": "#highlights-list",
    "5": "#faq-list",
    "6": "#sources-list",
    "7": "#episodes-list",
}


class Frames:
    """The text of every frame captured, each checked for raw control characters."""

    def __init__(self, app: ShowGuideApp) -> None:
        self.app = app
        self.texts: list[str] = []

    def capture(self, where: str) -> None:
        text, terminal = screen_output(self.app)
        leftover = TEXTUAL_SEQUENCES.sub("", terminal)
        raw = sorted({f"U+{ord(c):04X}" for c in leftover if c in RAW_CONTROL and c != "\n"})
        assert raw == [], f"{where}: raw control characters reached the terminal: {raw}"
        # Each hostile text starts "[b]Mnn[/b]": wherever a marker shows
        # without its brackets, something read the data as markup.
        folded = text.casefold()
        bare = [
            folded[max(0, m.start() - 20) : m.end() + 20]
            for m in MARKER.finditer(folded)
            if not (folded[: m.start()].endswith("[b]") or folded[m.end() :].startswith("[/b]"))
        ]
        assert bare == [], f"{where}: data read as markup: {bare}"
        self.texts.append(text)

    def all_text(self) -> str:
        return "\n".join(self.texts)


async def visit_everything(pilot: Pilot[Any], frames: Frames, query: str) -> None:
    """Every pane, every list item, help, search and the palette, by keys."""
    # A show with no episodes has no pane 7: the key then changes nothing.
    for key in "1234567":
        await pilot.press(key)
        await pilot.pause()
        if key == "7" and pilot.app.screen.current_pane == "episodes":
            # Every episode watched, so that every summary is shown.
            await pilot.press("end", "space")
        frames.capture(f"pane {key}")
        if key == "7" and pilot.app.screen.current_pane != "episodes":
            continue
        if key in LIST_PANES:
            items = pilot.app.screen.query_one(LIST_PANES[key], LineList)
            await pilot.press("home")
            for index in range(items.row_count):
                await pilot.press("down")
                await pilot.pause()
                frames.capture(f"pane {key}, item {index}")
        else:
            await pilot.press("end")
            await pilot.pause()
            frames.capture(f"pane {key}, scrolled to the end")
    await pilot.press("question_mark")
    await pilot.pause()
    frames.capture("help")
    await pilot.press("escape", "slash", *query)
    await pilot.pause()
    frames.capture("search")
    await pilot.press("escape", "ctrl+p")
    await pilot.pause(0.3)
    frames.capture("palette")
    await pilot.press(*query)
    await pilot.pause(0.3)
    frames.capture("palette search")
    await pilot.press("escape")


async def test_every_text_field_is_shown_literally_and_no_control_reaches_the_terminal(
    tmp_path: Path,
) -> None:
    hostile = hostile_text_show()
    app = ShowGuideApp(load_show(hostile.write(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        frames = Frames(app)
        await visit_everything(pilot, frames, "m")
        # Pane headings capitalise group names: compare without case.
        seen = frames.all_text().casefold()
        # A link that is not a plain http(s) address is refused, never shown.
        links = [field for field in hostile.fields if field.endswith(".url")]
        assert links and "refused: not a plain http(s) address" in seen
        missing = [
            f"{field}: {shown_form(text)}"
            for field, text in hostile.fields.items()
            if shown_form(text).casefold() not in seen and field not in links
        ]
        assert missing == [], "\n".join(missing)
        for field in links:
            assert shown_form(hostile.fields[field]).casefold() not in seen, field
        await pilot.press("1")
        assert app.screen.current_pane == "overview"


@pytest.mark.slow
async def test_100000_character_texts_leave_the_guide_usable(tmp_path: Path) -> None:
    long = long_text_show()
    app = ShowGuideApp(load_show(long.write(tmp_path)))
    async with app.run_test(size=(120, 40)) as pilot:
        frames = Frames(app)
        # "lol" is in no entry, but its letters are all over the long words:
        # a matcher that tries every way to place them would never finish.
        await visit_everything(pilot, frames, "lol")
        seen = frames.all_text()
        # These sit below another 100,000-character text in the same scrolling
        # view: reaching them takes a thousand pages of scrolling.
        below_a_long_text = {
            "verdict",
            "characters[0].description",
            "faq[0].answer",
            "faq[0].tags[0]",
        }
        missing = [
            field
            for field in long.fields
            if long_marker(field) not in seen and field not in below_a_long_text
        ]
        assert missing == [], missing
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.current_pane == "overview"
        assert "logline" in frames.all_text()
