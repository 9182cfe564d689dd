"""Find anything in a show: ranked results with snippets, spoilers kept out.

The index is built once per show. Each item's text is folded once (see
:mod:`showguide.core.textfold`) and split into words; for every distinct word
the index keeps the set of items containing it as a bitset (a Python int, bit
``n`` for the ``n``-th item in pane and file order). A query word matches the
words it begins, so one search is a few bisections of the sorted vocabulary and
some integer ``|`` and ``&``: fast however many items there are. Text is only
touched again to mark matches and cut snippets for the few results returned.

Ranking, best first (:class:`MatchKind`): a name, title or question that *is*
the query; one that starts with it; every query word beginning a word of a
name, title or question; query words spread over titles and text; whole words
in the text; word beginnings in the text. Ties go to pane order, then to the
order of the show file. Names are matched loosely: "eunhye", "eun-hye" and
"Eun hye" are the same name.

Spoilers: :meth:`SearchIndex.search` takes the :class:`SpoilerShield` as a
required argument, and items it hides are removed from the candidate bitsets
before any result is made, so their text cannot reach a title or a snippet, and
they are not even counted in ``total``.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from functools import partial, reduce
from typing import Final

from showguide.core.episodes import EpisodeOrder
from showguide.core.items import PANES, Item, ItemKey, Pane, show_items
from showguide.core.model import Show
from showguide.core.search_results import (
    MatchKind,
    Query,
    SearchResult,
    SearchResults,
    Snippet,
    Span,
    make_snippet,
    marked_spans,
    parse_query,
)
from showguide.core.spoilers import SpoilerShield
from showguide.core.textfold import WORD, fold

__all__ = [
    "DEFAULT_LIMIT",
    "MatchKind",
    "SearchIndex",
    "SearchResult",
    "SearchResults",
    "Snippet",
    "Span",
]

DEFAULT_LIMIT: Final = 50
#: Sorts after every string that starts with a given prefix.
_AFTER: Final = "\U0010ffff"
#: The first ``limit`` items of a bitset in the order a tier ranks them.
_Order = Callable[[int, int], list[int]]


def _bitset(positions: Sequence[int]) -> int:
    """The int with exactly the bits at ``positions`` set."""
    if not positions:
        return 0
    buffer = bytearray((max(positions) >> 3) + 1)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def _lowest_bits(bits: int, limit: int) -> list[int]:
    """Positions of the lowest ``limit`` set bits, lowest first."""
    positions: list[int] = []
    while bits and len(positions) < limit:
        lowest = bits & -bits
        positions.append(lowest.bit_length() - 1)
        bits ^= lowest
    return positions


def _all_bits(bits: int) -> list[int]:
    """Positions of every set bit, lowest first (one C-speed scan of the binary string)."""
    return [match.start() for match in re.finditer("1", bin(bits)[:1:-1])]


class _WordIndex:
    """For each distinct word of some fields, the bitset of items that contain it."""

    def __init__(self, postings: dict[str, list[int]]) -> None:
        self._bits = {word: _bitset(items) for word, items in postings.items()}
        self._sorted = sorted(self._bits)
        self._prefix_cache: dict[str, int] = {}

    def exact(self, word: str) -> int:
        return self._bits.get(word, 0)

    def prefix(self, word: str) -> int:
        """Items with a word that starts with ``word``."""
        cached = self._prefix_cache.get(word)
        if cached is not None:
            return cached
        low = bisect_left(self._sorted, word)
        high = bisect_left(self._sorted, word + _AFTER, low)
        bits = reduce(operator.or_, (self._bits[w] for w in self._sorted[low:high]), 0)
        if len(self._prefix_cache) >= 512:
            # Typing asks for a run of related prefixes; old ones rarely return.
            self._prefix_cache.clear()
        self._prefix_cache[word] = bits
        return bits


class SearchIndex:
    """Everything in one show, ready to be searched as the user types."""

    def __init__(self, items: Sequence[Item]) -> None:
        self._items = list(items)
        #: For each item, its titles' words run together ("eunhye"), body fields None.
        self._compact: list[tuple[str | None, ...]] = []
        # defaultdict rather than setdefault(word, []): no throwaway list for
        # each of the few hundred thousand (word, item) pairs of a big show.
        any_postings: defaultdict[str, list[int]] = defaultdict(list)
        title_postings: defaultdict[str, list[int]] = defaultdict(list)
        titles: list[tuple[str, int]] = []
        pane_items: dict[Pane, list[int]] = {pane: [] for pane in PANES}
        for number, item in enumerate(self._items):
            pane_items[item.key.pane].append(number)
            title_words: set[str] = set()
            compacts: list[str | None] = []
            for field in item.fields:
                if field.is_title:
                    found = WORD.findall(fold(field.text))
                    title_words.update(found)
                    compacted = "".join(found)
                    compacts.append(compacted)
                    titles.append((compacted, number))
                else:
                    compacts.append(None)
            self._compact.append(tuple(compacts))
            for word in title_words:
                title_postings[word].append(number)
            # One fold and one scan for the whole item: folding is per character,
            # so this finds the same words as field by field, in a third of the calls.
            everything = fold("\n".join(field.text for field in item.fields))
            for word in set(WORD.findall(everything)):
                any_postings[word].append(number)
        self._any_words = _WordIndex(any_postings)
        self._title_words = _WordIndex(title_postings)
        titles.sort()
        self._compact_titles = [title for title, _ in titles]
        self._compact_title_items = [number for _, number in titles]
        self._compact_title_lengths = [len(title) for title, _ in titles]
        self._pane_bits = {pane: _bitset(numbers) for pane, numbers in pane_items.items()}
        self._every_item = (1 << len(self._items)) - 1
        #: Items the shield may hide: flagged, or revealing an episode.
        self._spoilers = [
            number
            for number, item in enumerate(self._items)
            if item.spoiler or item.reveals not in (None, False)
        ]
        self._shown_cache: tuple[SpoilerShield, int, int] | None = None
        self._flagged: list[int] | None = None
        #: (order, positions, item numbers): the items that reveal an episode,
        #: sorted by the position of that episode in ``order``.
        self._by_episode: tuple[EpisodeOrder, list[int], list[int]] | None = None

    @classmethod
    def for_show(cls, show: Show) -> SearchIndex:
        return cls(show_items(show))

    def __len__(self) -> int:
        return len(self._items)

    def search(
        self,
        query: str,
        *,
        shield: SpoilerShield,
        panes: Collection[Pane] | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> SearchResults:
        """The best ``limit`` items matching every word of ``query``, best first.

        Items hidden by ``shield`` are never matched. ``panes`` keeps only items
        of those panes (the FAQ filter asks for ``{"faq"}``).
        """
        parsed = parse_query(query)
        if parsed is None:
            return SearchResults(query, (), 0)
        allowed = self._allowed(shield, panes)
        in_panes = self._allowed(None, panes)
        results: list[SearchResult] = []
        total = 0
        seen = 0
        matched = 0
        for kind, bits, closest_first in self._tiers(parsed):
            matched |= bits
            bits &= allowed & ~seen
            seen |= bits
            total += bits.bit_count()
            wanted = limit - len(results)
            if wanted <= 0 or not bits:
                continue
            if closest_first is None:
                numbers = _lowest_bits(bits, wanted)
            else:
                numbers = closest_first(bits, wanted)
            results.extend(self._result(number, parsed, kind) for number in numbers)
        hidden = (matched & in_panes & ~allowed).bit_count()
        return SearchResults(query, tuple(results), total, hidden)

    def matching_keys(
        self, query: str, *, shield: SpoilerShield, panes: Collection[Pane] | None = None
    ) -> set[ItemKey]:
        """The keys of every item matching ``query``, for filtering a list in place."""
        parsed = parse_query(query)
        if parsed is None:
            return set()
        bits = reduce(operator.or_, (bits for _, bits, _ in self._tiers(parsed)), 0)
        bits &= self._allowed(shield, panes)
        return {self._items[number].key for number in _all_bits(bits)}

    def _allowed(self, shield: SpoilerShield | None, panes: Collection[Pane] | None) -> int:
        allowed = self._every_item if shield is None else self._shown(shield)
        if panes is not None:
            allowed &= reduce(operator.or_, (self._pane_bits[pane] for pane in panes), 0)
        return allowed

    def _shown(self, shield: SpoilerShield) -> int:
        """The items ``shield`` lets through, as a bitset."""
        cached = self._shown_cache
        if cached is not None and cached[0] is shield and cached[1] == shield.version:
            return cached[2]
        hidden = self._flagged_bits(shield) | self._beyond_bits(shield) if shield.on else 0
        shown = self._every_item & ~hidden
        self._shown_cache = (shield, shield.version, shown)
        return shown

    def _flagged_bits(self, shield: SpoilerShield) -> int:
        """Items hidden whatever the progress (``spoiler`` or ``reveals: true``),
        except those revealed one by one."""
        if self._flagged is None:
            self._flagged = [
                number
                for number in self._spoilers
                if self._items[number].spoiler or self._items[number].reveals is True
            ]
        revealed = shield.revealed
        return _bitset([n for n in self._flagged if self._items[n].key not in revealed])

    def _beyond_bits(self, shield: SpoilerShield) -> int:
        """Items that reveal an episode past the shield's progress, except those
        revealed one by one.

        Items are kept sorted by the episode they reveal (worked out once per
        list of episodes), so a change of progress is one bisection and one
        bitset, not a look-up per item: progress changes while a viewer
        searches a show of thousands of items.
        """
        order = shield.order
        if order is None:
            return _bitset([n for n in self._spoilers if isinstance(self._items[n].reveals, str)])
        if self._by_episode is None or self._by_episode[0] is not order:
            pairs = sorted(
                (position, number)
                for number in self._spoilers
                if isinstance(reveals := self._items[number].reveals, str)
                and (position := order.reveals_at(reveals)) is not None
            )
            self._by_episode = (order, [p for p, _ in pairs], [n for _, n in pairs])
        _, positions, numbers = self._by_episode
        beyond = numbers[bisect_right(positions, shield.watched) :]
        revealed = shield.revealed
        if revealed:
            beyond = [n for n in beyond if self._items[n].key not in revealed]
        return _bitset(beyond)

    def _tiers(self, query: Query) -> list[tuple[MatchKind, int, _Order | None]]:
        """Each kind of match with the items that match that way (tiers overlap),
        and, for a tier not ranked in pane and file order, the order to rank it in."""
        words = query.words
        in_text = reduce(operator.and_, (self._any_words.prefix(w) for w in words))
        title_prefix = [self._title_words.prefix(w) for w in words]
        in_titles = reduce(operator.and_, title_prefix)
        any_in_title = reduce(operator.or_, title_prefix)
        whole_words = reduce(operator.and_, (self._any_words.exact(w) for w in words))
        low = bisect_left(self._compact_titles, query.compact)
        exact_end = bisect_right(self._compact_titles, query.compact, low)
        high = bisect_left(self._compact_titles, query.compact + _AFTER, exact_end)
        return [
            (MatchKind.EXACT, _bitset(self._compact_title_items[low:exact_end]), None),
            (
                MatchKind.TITLE_START,
                _bitset(self._compact_title_items[low:high]),
                partial(self._closest_titles, exact_end, high),
            ),
            (MatchKind.TITLE_WORDS, in_titles, None),
            (MatchKind.TITLE_AND_TEXT, in_text & any_in_title, None),
            (MatchKind.TEXT_WORDS, whole_words, None),
            (MatchKind.TEXT, in_text, None),
        ]

    def _closest_titles(self, low: int, high: int, bits: int, limit: int) -> list[int]:
        """The first ``limit`` items in ``bits`` among the titles from ``low``
        to ``high`` in the sorted list, shortest title first: of the names
        starting with what was typed, the one it spells most of is the one
        looked for ("eun" finds the character Eun-hye before the thread
        "Eun-hye's dream"). Ties keep pane and file order."""
        lengths, items = self._compact_title_lengths, self._compact_title_items
        wanted = set(_all_bits(bits))
        ranked = sorted({(lengths[i], items[i]) for i in range(low, high) if items[i] in wanted})
        numbers: list[int] = []
        for _, number in ranked:
            if number in wanted:
                numbers.append(number)
                wanted.discard(number)
                if len(numbers) == limit:
                    break
        return numbers

    def _result(self, number: int, query: Query, kind: MatchKind) -> SearchResult:
        item = self._items[number]
        compacts = self._compact[number]
        snippet = None
        for field, compacted in zip(item.fields[1:], compacts[1:], strict=True):
            spans = marked_spans(field.text, compacted, query)
            if spans:
                snippet = make_snippet(field, spans)
                break
        return SearchResult(
            key=item.key,
            title=item.title,
            title_spans=tuple(marked_spans(item.title, compacts[0], query)),
            match=kind,
            snippet=snippet,
        )
