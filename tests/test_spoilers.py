"""The spoiler shield: on by default, reveal one, reveal all, raise it again."""

from __future__ import annotations

import msgspec

from showguide.core.items import ItemKey, faq_key, key_for, show_items, thread_key
from showguide.core.model import Show
from showguide.core.spoilers import SpoilerShield, is_hidden
from tests.showdata import show_dict

ENDING = faq_key("ending")
TWIST = thread_key("twist")


def test_the_shield_is_on_by_default_and_hides_only_spoilers() -> None:
    shield = SpoilerShield()
    assert shield.on
    assert shield.is_hidden(ENDING, True)
    assert not shield.is_hidden(ENDING, False)


def test_revealing_one_item_leaves_the_others_hidden() -> None:
    shield = SpoilerShield()
    shield.reveal(ENDING)
    assert not shield.is_hidden(ENDING, True)
    assert shield.is_hidden(TWIST, True)
    assert shield.on


def test_a_plain_tuple_and_an_item_key_name_the_same_item() -> None:
    shield = SpoilerShield()
    shield.reveal(("faq", "ending"))
    assert not shield.is_hidden(ItemKey("faq", "ending"), True)
    assert shield.revealed == {("faq", "ending")}


def test_concealing_hides_a_revealed_item_again() -> None:
    shield = SpoilerShield(revealed=[ENDING])
    assert not shield.is_hidden(ENDING, True)
    shield.conceal(ENDING)
    assert shield.is_hidden(ENDING, True)


def test_reveal_all_lowers_the_shield_for_every_item() -> None:
    shield = SpoilerShield()
    shield.reveal_all()
    assert not shield.on
    assert not shield.is_hidden(ENDING, True)
    assert not shield.is_hidden(TWIST, True)


def test_raising_the_shield_hides_everything_again_even_items_revealed_one_by_one() -> None:
    shield = SpoilerShield()
    shield.reveal(ENDING)
    shield.reveal_all()
    shield.raise_shield()
    assert shield.on
    assert shield.is_hidden(ENDING, True)
    assert shield.revealed == frozenset()


def test_toggle_switches_between_all_revealed_and_all_hidden() -> None:
    shield = SpoilerShield()
    assert shield.toggle() is False
    assert not shield.is_hidden(TWIST, True)
    assert shield.toggle() is True
    assert shield.is_hidden(TWIST, True)


def test_version_changes_exactly_when_what_is_hidden_may_change() -> None:
    shield = SpoilerShield()
    versions = [shield.version]
    for change in (
        lambda: shield.reveal(ENDING),
        lambda: shield.conceal(ENDING),
        shield.reveal_all,
        shield.raise_shield,
    ):
        change()
        versions.append(shield.version)
    assert len(set(versions)) == len(versions)
    # Repeating a change that changes nothing keeps the version: views need not redraw.
    shield.raise_shield()
    shield.conceal(TWIST)
    assert shield.version == versions[-1]


def test_the_shared_rule() -> None:
    assert is_hidden(ENDING, True, shield_on=True, revealed=set())
    assert not is_hidden(ENDING, True, shield_on=True, revealed={("faq", "ending")})
    assert not is_hidden(ENDING, True, shield_on=False, revealed=set())
    assert not is_hidden(ENDING, False, shield_on=True, revealed=set())


def test_the_shield_answers_for_items_and_model_objects_alike() -> None:
    show = msgspec.convert(
        show_dict(
            faq=[
                {"id": "ending", "question": "Who wins?", "answer": "She does.", "spoiler": True},
                {"id": "open", "question": "Is it long?", "answer": "No."},
            ]
        ),
        Show,
    )
    shield = SpoilerShield()
    hidden = [item.key for item in show_items(show) if shield.hides(item)]
    assert hidden == [ENDING]
    assert [shield.is_hidden(key_for(e), e.spoiler) for e in show.faq] == [True, False]
