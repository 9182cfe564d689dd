"""Shows for the app tests: the bundled guide and synthetic ones with traps."""

from __future__ import annotations

from typing import Any

import msgspec
from textual._compositor import LayoutUpdate
from textual.app import App
from textual.widget import Widget

from showguide.core.loader import load_show
from showguide.core.model import Show
from tests.conftest import BALLERINA
from tests.showdata import show_dict


def ballerina() -> Show:
    return load_show(BALLERINA)


def hangul_cast_show() -> Show:
    """Characters whose names mix Hangul and Latin widths, to check alignment."""
    characters = [
        {
            "id": "min-ji",
            "name": "Min-ji",
            "native_name": "민지",
            "tier": "lead",
            "description": "A synthetic lead.",
            "actor": {"name": "Han Seo-yun", "native_name": "한서윤"},
        },
        {
            "id": "do-hyun",
            "name": "Do-hyun",
            "native_name": "도현",
            "tier": "supporting",
            "group": "rivals",
            "description": "A synthetic rival.",
        },
        {
            "id": "seo",
            "name": "Seo",
            "native_name": "서",
            "tier": "supporting",
            "group": "rivals",
            "description": "Short name, short Hangul.",
        },
        {
            "id": "ga-eun-bi",
            "name": "Ga-eun-bi",
            "native_name": "가은비",
            "tier": "supporting",
            "group": "mentors",
            "description": "Three syllables.",
            "actor": {"name": "Lee Ji-ho"},
            "dance_double": "not yet announced",
        },
    ]
    data = show_dict(
        id="hangul",
        title="Hangul Test",
        native_title="한글 시험",
        network="Test TV",
        year=2024,
        characters=characters,
    )
    return msgspec.convert(data, Show)


HOSTILE = "[bold red]x[/] \x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07 \x9b2J [link=https://e.x]y[/link]"


def hostile_show() -> Show:
    """Markup and terminal control in every kind of text the app shows."""
    data = show_dict(
        id="hostile",
        title=f"T {HOSTILE}",
        native_title=HOSTILE,
        network=HOSTILE,
        genres=[HOSTILE],
        logline=HOSTILE,
        verdict=HOSTILE,
        plot={
            "synopsis": HOSTILE,
            "setting": HOSTILE,
            "themes": [HOSTILE],
            "threads": [{"id": "t", "title": HOSTILE, "description": HOSTILE}],
        },
        characters=[
            {
                "id": "c",
                "name": HOSTILE,
                "native_name": HOSTILE,
                "tier": "lead",
                "group": HOSTILE,
                "description": HOSTILE,
                "actor": {"name": HOSTILE},
            }
        ],
        highlights=[{"id": "h", "title": HOSTILE, "category": "dance", "description": HOSTILE}],
        faq=[{"id": "f", "question": HOSTILE, "answer": HOSTILE, "tags": [HOSTILE]}],
        sources=[
            {
                "id": "s",
                "title": HOSTILE,
                "publisher": HOSTILE,
                "url": "https://e.x/\x1b]8;;https://evil.example\x07",
                "licence": HOSTILE,
                "note": HOSTILE,
            }
        ],
        source_check={
            "summary": HOSTILE,
            "findings": [
                {
                    "id": "f",
                    "topic": HOSTILE,
                    "claimed": HOSTILE,
                    "claimed_by": ["s"],
                    "record": HOSTILE,
                    "sources": ["s"],
                }
            ],
        },
    )
    return msgspec.convert(data, Show)


def spoiler_show() -> Show:
    """One spoiler item of each kind beside a harmless one."""
    data = show_dict(
        id="spoilers",
        plot={
            "synopsis": "Safe synopsis.",
            "setting": "Safe setting.",
            "threads": [
                {"id": "open", "title": "Open thread", "description": "Safe thread."},
                {
                    "id": "twist",
                    "title": "SECRET-TWIST",
                    "description": "SECRET-THREAD",
                    "spoiler": True,
                },
            ],
        },
        characters=[
            {"id": "a", "name": "Safe Sam", "tier": "lead", "description": "Harmless."},
            {
                "id": "b",
                "name": "SECRET-MOLE",
                "tier": "supporting",
                "description": "SECRET-CHARACTER",
                "spoiler": True,
            },
        ],
        highlights=[
            {
                "id": "h",
                "title": "SECRET-FINALE",
                "category": "story",
                "description": "SECRET-HIGHLIGHT",
                "spoiler": True,
            }
        ],
        faq=[
            {"id": "q1", "question": "Safe question?", "answer": "Safe answer."},
            {
                "id": "q2",
                "question": "SECRET-QUESTION?",
                "answer": "SECRET-ANSWER",
                "tags": ["secrettag"],
                "spoiler": True,
            },
        ],
    )
    return msgspec.convert(data, Show)


def shown_text(widget: Widget) -> str:
    """The text a widget renders at its current size, lines joined by newlines."""
    lines = widget.render_lines(widget.size.region)
    return "\n".join(line.text.rstrip() for line in lines)


def on_screen(app: App[object], widget: Widget | None = None) -> str:
    """What the terminal shows (all of it, or the part ``widget`` covers), lines joined.

    Read from the screen's compositor, so it is the real composed frame: rows of a
    virtual list, children of a container, borders and all.
    """
    strips = app.screen._compositor.render_strips()
    region = widget.region if widget is not None else app.screen.region
    lines = [
        strip.crop(region.x, region.right).text.rstrip()
        for strip in strips[region.y : region.bottom]
    ]
    return "\n".join(lines)


def screen_output(app: App[Any]) -> tuple[str, str]:
    """The whole screen as it would be written now: (its text, the bytes for the terminal).

    Built the way Textual writes a full frame (the compositor's update,
    rendered by the app's console), modal screens over their background
    included, so what a widget does with data text cannot hide from it.
    """
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert isinstance(update, LayoutUpdate)
    text = "\n".join("".join(strip.text for strip in line) for line in update.strips)
    return text, update.render_segments(app.console)
