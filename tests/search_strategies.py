"""A compact hypothesis strategy for small shows full of awkward text.

Names and titles mix ASCII, accented letters (precomposed and combining),
ligatures, "ß", Hangul syllables and bare jamo, joined by spaces, hyphens and
apostrophes: everything folding has to get right.
"""

from __future__ import annotations

from typing import Any

import msgspec
from hypothesis import strategies as st

from showguide.core.model import Show
from tests.showdata import show_dict

_LETTERS = [
    *"abcdefghijklmnopqrstuvwxyzABCDEZ0123",
    *"éÉçøüÅñ",
    "e\u0301",  # e + combining acute: must match "é" and "e"
    "ﬁ",
    "ß",
    *"가나다발레리은혜민지석영",
    "ㅂ",
]
_SEPARATORS = [" ", " ", "-", "'", ", ", " – "]

words = st.lists(st.sampled_from(_LETTERS), min_size=1, max_size=7).map("".join)


@st.composite
def lines(draw: st.DrawFn, max_words: int = 4) -> str:
    parts = draw(st.lists(words, min_size=1, max_size=max_words))
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(_SEPARATORS)) + part
    return text


prose = lines(max_words=12)


@st.composite
def shows(draw: st.DrawFn) -> Show:
    def count() -> int:
        return draw(st.integers(0, 4))

    characters: list[dict[str, Any]] = [
        {
            "id": f"character-{n}",
            "name": draw(lines()),
            "native_name": draw(st.none() | lines(max_words=2)),
            "tier": "supporting",
            "ensemble": draw(st.booleans()),
            "description": draw(prose),
            "actor": draw(
                st.just("not yet announced") | st.builds(lambda name: {"name": name}, lines(3))
            ),
            "spoiler": draw(st.booleans()),
        }
        for n in range(count())
    ]
    data = show_dict(
        title=draw(lines()),
        logline=draw(prose),
        verdict=draw(prose),
        tags=draw(st.lists(lines(2), max_size=3)),
        plot={
            "synopsis": draw(prose),
            "setting": draw(prose),
            "themes": draw(st.lists(lines(2), max_size=3)),
            "threads": [
                {
                    "id": f"thread-{n}",
                    "title": draw(lines()),
                    "description": draw(prose),
                    "spoiler": draw(st.booleans()),
                }
                for n in range(count())
            ],
        },
        characters=characters,
        highlights=[
            {
                "id": f"highlight-{n}",
                "title": draw(lines()),
                "category": "story",
                "description": draw(prose),
                "spoiler": draw(st.booleans()),
            }
            for n in range(count())
        ],
        faq=[
            {
                "id": f"question-{n}",
                "question": draw(lines(6)),
                "answer": draw(prose),
                "tags": draw(st.lists(lines(1), max_size=2)),
                "spoiler": draw(st.booleans()),
            }
            for n in range(count())
        ],
    )
    return msgspec.convert(data, Show)
