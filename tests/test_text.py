"""visible(): every character a terminal would act on, or that hides text, is shown instead."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from showguide.core.text import one_line, visible

#: Kept as they are: layout, and the joiners that scripts and emoji need.
KEPT = {"\n", "\t", "\u200c", "\u200d"}
HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def hidden_characters() -> list[str]:
    """Every character of those categories in the running Python's Unicode database."""
    return [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in HIDDEN_CATEGORIES and chr(code) not in KEPT
    ]


def test_every_control_format_and_separator_character_is_made_visible() -> None:
    missed = [f"U+{ord(c):04X}" for c in hidden_characters() if visible(f"a{c}b") == f"a{c}b"]
    assert missed == [], (
        f"update _INVISIBLE in core/text.py for Unicode {unicodedata.unidata_version}"
    )


def test_stand_ins_name_the_character() -> None:
    assert visible("\x1b[31mred\x1b[0m") == "␛[31mred␛[0m"
    assert visible("\x9b2J") == "<U+009B>2J"
    assert visible("\x1b]52;c;aGk=\x07") == "␛]52;c;aGk=␇"
    assert visible("a\u202eevil\u202cb") == "a<U+202E>evil<U+202C>b"
    assert visible("zero\u200bwidth") == "zero<U+200B>width"
    assert visible("tag\U000e0041") == "tag<U+E0041>"
    assert visible("\x7f") == "␡"
    assert visible("\ud800") == "<U+D800>"


def test_ordinary_text_is_untouched() -> None:
    text = "Kim Eun-hye 김은혜 · Zoé «naïve» 👩‍👩‍👧 क्‍ष\n\tnext line"
    assert visible(text) == text


@given(st.text())
def test_the_result_holds_nothing_hidden_and_is_stable(text: str) -> None:
    shown = visible(text)
    assert not any(unicodedata.category(c) in HIDDEN_CATEGORIES and c not in KEPT for c in shown)
    assert visible(shown) == shown


def test_one_line_also_shows_line_breaks_and_tabs() -> None:
    assert one_line("a key\nwith\ta break\x1b") == "a key␤with␉a break␛"
