"""Folding text for matching: case, accents and compatibility forms ignored.

"Café", "CAFE" and "cafe" fold to the same letters, as do "ﬁ" and "fi". Folding
is NFKD, casefolding, NFKD again, then dropping diacritical marks. NFKD also
splits a Hangul syllable into its jamo, so a Hangul query still matches Hangul
text (and a half-typed syllable matches the syllables it starts with).

Folding changes lengths ("ß" becomes "ss", "발" three jamo), so anything that
points into folded text must be mapped back before it is shown:
:func:`fold_with_offsets` gives, for every folded character, the index of the
original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import chain, repeat
from typing import Final

_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]+")
#: A word of folded text: letters and digits of any script (and the underscore).
WORD: Final = re.compile(r"\w+")


#: The combining marks that folding drops: the diacritics of Latin, Greek and
#: Cyrillic letters, Hebrew points, Arabic vowel signs, and the kana voicing
#: marks. A fixed list rather than "every mark": Indic viramas and vowel signs
#: are part of the spelling, not decoration. Both :func:`fold` and
#: :func:`fold_char` use this one pattern, so the two always agree.
#: Compiled when first needed: ASCII text, the usual case, never needs it.
_MARKS: Final = (
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe20-\ufe2f]"
)


@cache
def _marks() -> re.Pattern[str]:
    return re.compile(_MARKS)


def _fold_normalized(text: str) -> str:
    # Casefolding can itself produce a decomposable character or a mark
    # ("İ" casefolds to "i̇"), hence the second normalisation.
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return _marks().sub("", folded)


@cache
def fold_char(char: str) -> str:
    """One original character, folded (possibly to several characters, or none)."""
    return _fold_normalized(char)


def fold(text: str) -> str:
    """``text`` folded for matching: the same as folding it character by character.

    NFKD and casefolding act on each character alone (apart from reordering
    combining marks, which are dropped anyway), so folding the whole string at
    once, which is much faster, gives the same result as :func:`fold_char` on
    each character in turn.
    """
    if text.isascii():
        return text.lower()
    return _fold_normalized(text)


@lru_cache(maxsize=2048)
def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """The folded text and, for each folded character, its original index.

    A final entry ``len(text)`` stands for the end; :func:`original_span` maps
    a folded span back to the original text.

    This runs for search results on every keystroke, so it is cached (typing
    one more letter mostly finds the same items again), ASCII runs are mapped
    one to one in bulk, and only the other characters are folded one by one.
    """
    if text.isascii():
        return text.lower(), range(len(text) + 1)
    parts: list[str] = []
    offsets: list[int] = []
    position = 0
    for run in _NON_ASCII.finditer(text):
        start, end = run.span()
        parts.append(text[position:start].lower())
        offsets.extend(range(position, start))
        pieces = list(map(fold_char, run.group()))
        parts.extend(pieces)
        offsets.extend(chain.from_iterable(map(repeat, range(start, end), map(len, pieces))))
        position = end
    parts.append(text[position:].lower())
    offsets.extend(range(position, len(text) + 1))
    return "".join(parts), offsets


def original_span(offsets: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The span of original text covering the folded span ``[start, end)``.

    A match that ends inside an original character (a half-typed Hangul
    syllable, one "s" of "ß") covers that whole character, and one followed by
    combining marks (which fold to nothing) covers the marks too.
    """
    if end <= start:
        return offsets[start], offsets[start]
    last = offsets[end - 1]
    return offsets[start], max(last + 1, offsets[end])


def compact(folded: str) -> str:
    """Folded text with everything but its words' characters removed.

    Names are compared this way so that "eunhye", "eun-hye" and "Eun hye" are
    all the same name.
    """
    return "".join(WORD.findall(folded))
