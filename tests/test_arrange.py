"""The order every view shows a cast and highlights in: the app, print and export."""

from __future__ import annotations

from showguide.core.arrange import cast_groups, cast_in_order, highlights_by_category
from showguide.core.model import Character, Highlight, HighlightCategory, Tier


def person(item_id: str, tier: Tier, group: str | None = None) -> Character:
    return Character(id=item_id, name=item_id, tier=tier, group=group, description="d")


def test_leads_come_first_and_groups_keep_the_order_their_tier_mentions_them() -> None:
    cast = [
        person("coach", "supporting", "mentors"),
        person("rival", "lead", "rivals"),
        person("friend", "supporting", "friends"),
        person("star", "lead"),
        person("teacher", "lead", "mentors"),
        person("other-rival", "supporting", "rivals"),
        person("guest", "guest"),
        person("second-coach", "supporting", "mentors"),
    ]
    assert [
        (tier, group, [c.id for c in members]) for tier, group, members in cast_groups(cast)
    ] == [
        ("lead", "rivals", ["rival"]),
        ("lead", None, ["star"]),
        ("lead", "mentors", ["teacher"]),
        ("supporting", "mentors", ["coach", "second-coach"]),
        ("supporting", "friends", ["friend"]),
        ("supporting", "rivals", ["other-rival"]),
        ("guest", None, ["guest"]),
    ]
    assert [c.id for c in cast_in_order(cast)] == [
        "rival",
        "star",
        "teacher",
        "coach",
        "second-coach",
        "friend",
        "other-rival",
        "guest",
    ]


def test_highlights_are_grouped_in_the_models_category_order() -> None:
    def highlight(item_id: str, category: HighlightCategory) -> Highlight:
        return Highlight(id=item_id, title=item_id, category=category, description="d")

    items = [highlight("tune", "music"), highlight("jump", "dance"), highlight("solo", "dance")]
    assert [(c, [h.id for h in hs]) for c, hs in highlights_by_category(items)] == [
        ("dance", ["jump", "solo"]),
        ("music", ["tune"]),
    ]
