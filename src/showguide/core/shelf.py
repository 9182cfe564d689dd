"""Sorting and filtering the catalog's shows, as the catalog screen lists them.

Works on entries' summaries only, so that filtering a thousand shows at each
key press never decodes a show. Shows that did not load are listed too (by
file name, after the shows that did), so their problems can be seen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final

from showguide.core.catalog import CatalogEntry
from showguide.core.textfold import fold

#: Status order for sorting: what can be watched now first.
STATUS_ORDER: Final = {"airing": 0, "upcoming": 1, "announced": 2, "ended": 3}

#: Sort orders, in the order the sort key cycles through them.
SORT_ORDERS: Final = ("title", "year", "network", "status")


def _title_key(entry: CatalogEntry) -> tuple[Any, ...]:
    return (fold(entry.label), entry.id)


def _sort_key(order: str) -> Callable[[CatalogEntry], tuple[Any, ...]]:
    def key(entry: CatalogEntry) -> tuple[Any, ...]:
        summary = entry.summary
        if summary is None:
            return (1, _title_key(entry))
        if order == "year":
            # Newest first; shows without a year last.
            primary: tuple[Any, ...] = (summary.year is None, -(summary.year or 0))
        elif order == "network":
            primary = (summary.network is None, fold(summary.network or ""))
        elif order == "status":
            primary = (STATUS_ORDER.get(summary.status, len(STATUS_ORDER)),)
        else:
            primary = ()
        return (0, primary, _title_key(entry))

    return key


def sort_entries(entries: Iterable[CatalogEntry], order: str = "title") -> list[CatalogEntry]:
    """Entries in ``order`` (one of SORT_ORDERS); broken files last, by name."""
    if order not in SORT_ORDERS:
        raise ValueError(f"unknown sort order {order!r}")
    return sorted(entries, key=_sort_key(order))


def next_order(order: str) -> str:
    return SORT_ORDERS[(SORT_ORDERS.index(order) + 1) % len(SORT_ORDERS)]


def searchable_text(entry: CatalogEntry) -> str:
    """Everything a filter matches for ``entry``, folded (case and accents)."""
    summary = entry.summary
    if summary is None:
        return fold(f"{entry.path.name} {entry.origin}")
    parts = [
        summary.id,
        summary.title,
        summary.native_title or "",
        summary.romanized_title or "",
        summary.network or "",
        str(summary.year or ""),
        summary.status,
        summary.country,
        *summary.genres,
        *summary.tags,
        entry.origin,
    ]
    return fold(" ".join(parts))


class ShelfFilter:
    """Filters entries by words typed: every word must appear in a show's text.

    The folded text of each entry is computed once, so a key press costs one
    substring test per word per show.
    """

    def __init__(self, entries: Iterable[CatalogEntry]) -> None:
        self._texts = [(entry, searchable_text(entry)) for entry in entries]

    def matching(self, query: str) -> list[CatalogEntry]:
        words = fold(query).split()
        if not words:
            return [entry for entry, _text in self._texts]
        return [entry for entry, text in self._texts if all(word in text for word in words)]
