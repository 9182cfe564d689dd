"""What a search returns, and how matches are found and marked in original text.

A query is folded and split into words (:func:`parse_query`); a word matches
where it begins a word of folded text, and a title also matches when its words
run together start with the query's ("eunhye" matches "Eun-hye"). Matches are
found in folded text and mapped back, so the spans in a result always point
into the text exactly as the show file has it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import Final

from showguide.core.items import PANES, Field, ItemKey, Pane
from showguide.core.textfold import WORD, fold, fold_with_offsets, original_span

Span = tuple[int, int]
SNIPPET_WIDTH: Final = 80
ELLIPSIS: Final = "…"
_LAYOUT_WHITESPACE: Final = str.maketrans("\n\r\t\v\f", "     ")


class MatchKind(IntEnum):
    """How well an item matches; a higher value ranks higher."""

    TEXT = 1
    """Every query word begins a word somewhere in the item."""
    TEXT_WORDS = 2
    """Every query word is a whole word somewhere in the item."""
    TITLE_AND_TEXT = 3
    """Some query words are in a name, title or question, the rest in the text."""
    TITLE_WORDS = 4
    """Every query word begins a word of a name, title or question."""
    TITLE_START = 5
    """A name, title or question starts with the query."""
    EXACT = 6
    """A name, title or question is the query."""


@dataclass(frozen=True)
class Snippet:
    """A short window of one field's original text around its first match."""

    #: Which field the text comes from, e.g. "answer" or "native name".
    field: str
    #: Original text (layout whitespace shown as spaces), with "…" where it was cut.
    text: str
    #: Where the matched words are in ``text``: sorted, never overlapping.
    spans: tuple[Span, ...]

    def segments(self) -> Iterator[tuple[str, bool]]:
        """``text`` in order as (piece, is_match) pairs, ready to style piece by piece."""
        return _segments(self.text, self.spans)


@dataclass(frozen=True)
class SearchResult:
    key: ItemKey
    #: The item's title as displayed (its name, title or question, or a label).
    title: str
    #: Matched words in ``title``.
    title_spans: tuple[Span, ...]
    match: MatchKind
    #: The first other field that matched; None when only the title did.
    snippet: Snippet | None

    @property
    def pane(self) -> Pane:
        return self.key.pane

    @property
    def score(self) -> int:
        return int(self.match)

    def title_segments(self) -> Iterator[tuple[str, bool]]:
        return _segments(self.title, self.title_spans)


@dataclass(frozen=True)
class SearchResults:
    query: str
    #: Best first, at most the limit asked for.
    results: tuple[SearchResult, ...]
    #: How many items match in all (visible ones only), however many were returned.
    total: int
    #: How many items match but are hidden by the spoiler shield: counted, never shown.
    hidden: int = 0

    def by_pane(self) -> dict[Pane, list[SearchResult]]:
        """The results grouped by pane, panes in display order, best first within each."""
        groups: dict[Pane, list[SearchResult]] = {}
        for pane in PANES:
            found = [result for result in self.results if result.pane == pane]
            if found:
                groups[pane] = found
        return groups


def _segments(text: str, spans: tuple[Span, ...]) -> Iterator[tuple[str, bool]]:
    position = 0
    for start, end in spans:
        if start > position:
            yield text[position:start], False
        yield text[start:end], True
        position = end
    if position < len(text):
        yield text[position:], False


@dataclass(frozen=True)
class Query:
    """A query folded into words, ready to match."""

    words: tuple[str, ...]
    compact: str
    patterns: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1024)
def _word_start_pattern(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(word))


def parse_query(query: str) -> Query | None:
    """The query's words, or None when it has no letters or digits."""
    words = tuple(WORD.findall(fold(query)))
    if not words:
        return None
    return Query(words, "".join(words), tuple(_word_start_pattern(w) for w in words))


def marked_spans(text: str, compacted: str | None, query: Query) -> list[Span]:
    """Matched words in ``text``: sorted, overlaps merged.

    ``compacted`` is the text's words run together, given for titles only:
    names match loosely, body text does not.
    """
    offsets: Sequence[int] | None = None
    if text.isascii():
        folded = text.lower()  # the same as fold(), with offsets unchanged
    else:
        folded, offsets = fold_with_offsets(text)
    folded_spans = [
        match.span() for pattern in query.patterns for match in pattern.finditer(folded)
    ]
    if compacted is not None and compacted.startswith(query.compact):
        folded_spans.extend(_compact_prefix_span(folded, query.compact))
    if not folded_spans:
        return []
    if offsets is None:
        original = folded_spans
    else:
        original = [original_span(offsets, start, end) for start, end in folded_spans]
    merged: list[Span] = []
    for start, end in sorted(original):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _compact_prefix_span(folded: str, wanted: str) -> list[Span]:
    """The folded span of a title's first words that spell ``wanted``, hyphens and spaces aside."""
    start: int | None = None
    remaining = len(wanted)
    for word in WORD.finditer(folded):
        if start is None:
            start = word.start()
        if remaining <= len(word.group()):
            return [(start, word.start() + remaining)]
        remaining -= len(word.group())
    return []


def make_snippet(field: Field, spans: list[Span], width: int = SNIPPET_WIDTH) -> Snippet:
    text = field.text
    first_start, first_end = spans[0]
    start, end = 0, len(text)
    if len(text) > width:
        start = max(0, min(first_start - width // 4, len(text) - width))
        if start > 0:
            space = text.find(" ", start, first_start)
            if space != -1:
                start = space + 1
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", first_end, end)
            if space != -1:
                end = space
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    shift = len(lead) - start
    kept = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    )
    window = text[start:end].translate(_LAYOUT_WHITESPACE)
    return Snippet(field.label, lead + window + tail, kept)
