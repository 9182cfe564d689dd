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


def cast_groups(characters: Iterable[Character]) -> list[tuple[str, str | None, list[Character]]]:
    """``(tier, group, characters)``: tiers leads first, then each tier's groups.

    Groups keep the order in which the tier first mentions them: the author's
    order says something (rivals before mentors), the alphabet does not.
    """
    characters = list(characters)
    result: list[tuple[str, str | None, list[Character]]] = []
    for tier in TIERS:
        groups: dict[str | None, list[Character]] = {}
        for character in characters:
            if character.tier == tier:
                groups.setdefault(character.group, []).append(character)
        result.extend((tier, group, members) for group, members in groups.items())
    return result


def cast_in_order(characters: Iterable[Character]) -> list[Character]:
    """Every character, in the order of :func:`cast_groups`."""
    return [c for _, _, members in cast_groups(characters) for c in members]


def highlights_by_category(highlights: Iterable[Highlight]) -> list[tuple[str, list[Highlight]]]:
    """Each category that has highlights, in the model's order, with its highlights."""
    highlights = list(highlights)
    grouped = [
        (category, [h for h in highlights if h.category == category])
        for category in HIGHLIGHT_CATEGORIES
    ]
    return [(category, items) for category, items in grouped if items]
