"""The order in which a guide shows a show's lists, shared by every way of showing it."""

from __future__ import annotations

import typing
from collections.abc import Iterable
from typing import Final

from showguide.core.model import Character, Highlight, HighlightCategory, Tier

#: Tiers from the most to the least prominent, as the model lists them.
TIERS: Final[tuple[str, ...]] = typing.get_args(Tier)
#: Highlight categories in the model's order, which puts the dancing first.
HIGHLIGHT_CATEGORIES: Final[tuple[str, ...]] = typing.get_args(HighlightCategory)


def label(word: str) -> str:
    """A tier, category or status as a heading: ``"press-release"`` -> ``"Press release"``."""
    text = word.replace("-", " ")
    return text[:1].upper() + text[1:]


def cast_in_order(characters: Iterable[Character]) -> list[Character]:
    """Characters grouped by tier (leads first), then by group, else as written.

    Groups keep the order in which the file first mentions them: the author's
    order says something (rivals before mentors), the alphabet does not.
    """
    characters = list(characters)
    group_order: dict[str | None, int] = {}
    for character in characters:
        group_order.setdefault(character.group, len(group_order))
    return sorted(characters, key=lambda c: (TIERS.index(c.tier), group_order[c.group]))


def highlights_by_category(highlights: Iterable[Highlight]) -> list[tuple[str, list[Highlight]]]:
    """Each category that has highlights, in the model's order, with its highlights."""
    highlights = list(highlights)
    grouped = [
        (category, [h for h in highlights if h.category == category])
        for category in HIGHLIGHT_CATEGORIES
    ]
    return [(category, items) for category, items in grouped if items]
