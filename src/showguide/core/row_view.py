"""The catalog's rows as its screen shows them: made when drawn, sorted once, narrowed.

At 10,000 shows the screen's first frame shows forty rows. Making a
:class:`~showguide.core.catalog_view.CatalogRow` for every show before it
(12 k instructions a show, and 10,000 objects for the garbage collector to
walk) bought nothing the frame needed: :class:`CatalogRows` makes a row
when it is first asked for, and sorts, counts and finds by what the
catalog's entries already hold. :class:`RowView` sorts each order once,
folds every row's words once (after the first frame), and answers a query
that only narrows the last one from the rows the last one let through.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import overload

from showguide.core.catalog_view import (
    CatalogRow,
    ListedFile,
    SortKey,
    filter_rows,
    query_words,
    sort_rows,
)
from showguide.core.summary import ShowSummary
from showguide.core.textfold import fold

_KEY = attrgetter("key")
_SUMMARY = attrgetter("summary")
_SORT_TITLE = attrgetter("sort_title")


class CatalogRows(Sequence[CatalogRow]):
    """One row per entry, in the entries' order, each made when first asked for and kept.

    The same index always gives the same row object, from any thread: the
    screen's detail and the view's orders go by identity, and the words are
    folded in a thread while the screen draws.
    """

    def __init__(
        self, entries: Sequence[ListedFile], title_hint: Sequence[int] | None = None
    ) -> None:
        self.entries = entries
        #: The rows made so far, by index.
        self._made: dict[int, CatalogRow] = {}
        self._keys: list[str] | None = None
        #: The rows' indexes in about their title order, if known (the last
        #: steady load's, kept by the parse cache): sorted again, it takes a
        #: pass instead of a full sort.
        self.title_hint = title_hint

    @classmethod
    def of_rows(cls, rows: Sequence[CatalogRow]) -> CatalogRows:
        """Rows already made: each is its own entry (a row has an entry's fields)."""
        made = cls(rows)
        made._made = dict(enumerate(rows))
        return made

    def __len__(self) -> int:
        return len(self.entries)

    @overload
    def __getitem__(self, index: int) -> CatalogRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[CatalogRow]: ...

    def __getitem__(self, index: int | slice) -> CatalogRow | list[CatalogRow]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        row = self._made.get(index)
        if row is None:
            if index < 0:
                index += len(self.entries)
                if index < 0:
                    raise IndexError("row index out of range")
            entry = self.entries[index]  # IndexError as a list gives it
            # setdefault, not a store: of two threads making the same row,
            # both get the one that was kept.
            row = self._made.setdefault(index, CatalogRow.of(entry))
        return row

    def __iter__(self) -> Iterator[CatalogRow]:
        for index in range(len(self.entries)):
            yield self[index]

    @property
    def made(self) -> int:
        """How many rows have been made so far."""
        return len(self._made)

    def keys(self) -> list[str]:
        """Each row's key (its file's identity), without making the rows."""
        if self._keys is None:
            self._keys = list(map(_KEY, self.entries))
        return self._keys

    def summaries(self) -> list[ShowSummary]:
        """The summary of every show that loaded."""
        return [entry.summary for entry in self.entries if entry.summary is not None]

    def broken(self) -> int:
        """How many files have problems (:attr:`CatalogRow.ok` is false)."""
        return sum(1 for entry in self.entries if entry.summary is None or entry.problems)

    def index_of_id(self, show_id: str) -> int | None:
        """The first row whose id is ``show_id``; None when there is none."""
        for index, entry in enumerate(self.entries):
            summary = entry.summary
            if summary is not None:
                if summary.id == show_id:
                    return index
            elif self[index].id == show_id:  # a file that never loaded: its stem
                return index
        return None

    def title_order(self) -> list[int]:
        """The rows' indexes as ``sort_rows(rows, "title")`` orders the rows,
        worked out from the entries: no row is made but for files that never loaded."""
        entries = self.entries
        summaries = list(map(_SUMMARY, entries))
        never_loaded = None in summaries
        if never_loaded:  # a file that never loaded sorts by its row's title (its name)
            titles = [
                summary.sort_title if summary is not None else self[n].sort_title
                for n, summary in enumerate(summaries)
            ]
        else:
            titles = list(map(_SORT_TITLE, summaries))
        # As sort_rows: by folded title, then by key; shows that loaded
        # first, files that never did after them, each in that order. Titles
        # mostly differ: one sort of them, and the keys only if two are equal.
        # The hint is sorted like the plain indexes, so the order is right
        # whatever it says; if it is right, the sort is one pass.
        hint = self.title_hint
        every = range(len(entries))
        start = hint if hint is not None and _is_permutation(hint, len(entries)) else every
        order = sorted(start, key=titles.__getitem__)
        if len(set(titles)) != len(titles):
            keys = self.keys()
            order.sort(key=lambda n: (titles[n], keys[n]))
        if not never_loaded:
            return order
        loaded = [n for n in order if summaries[n] is not None]
        loaded.extend(n for n in order if summaries[n] is None)
        return loaded


def _is_permutation(indexes: Sequence[int], count: int) -> bool:
    """Whether ``indexes`` holds each of 0 .. count - 1 once."""
    return len(indexes) == count and set(indexes) == set(range(count))


class PickedRows(Sequence[CatalogRow]):
    """Some of a :class:`CatalogRows`, in a given order, made only when asked for.

    What the catalog lists after a sort or a filter: no row is made for it.
    Equal to any sequence of the same rows (a list, in tests).
    """

    def __init__(self, rows: CatalogRows, indexes: Sequence[int]) -> None:
        self.rows = rows
        self.indexes = indexes

    def __len__(self) -> int:
        return len(self.indexes)

    @overload
    def __getitem__(self, index: int) -> CatalogRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[CatalogRow]: ...

    def __getitem__(self, index: int | slice) -> CatalogRow | list[CatalogRow]:
        if isinstance(index, slice):
            return [self.rows[n] for n in self.indexes[index]]
        return self.rows[self.indexes[index]]

    def __iter__(self) -> Iterator[CatalogRow]:
        rows = self.rows
        for index in self.indexes:
            yield rows[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PickedRows({len(self)} of {len(self.rows)})"

    def index_of_key(self, key: str) -> int | None:
        """Where the row of the file ``key`` is listed; None when it is not."""
        keys = self.rows.keys()
        return next((n for n, index in enumerate(self.indexes) if keys[index] == key), None)


#: Anything between the words of folded text (line breaks separate rows).
_BETWEEN_WORDS = re.compile(r"[^\w\n]+")


#: Rows folded together by :func:`fold_words`: enough to leave the work to C,
#: few enough that the texts in between stay small (folding 10,000 rows as
#: one text took 20 MiB more at its peak than the words it gave).
FOLD_CHUNK_ROWS = 256


def fold_words(rows: Sequence[CatalogRow], chunk: int = FOLD_CHUNK_ROWS) -> list[str]:
    """Each row's folded words as :attr:`CatalogRow.word_starts` has them, made in bulk.

    Folding row by row costs about 10 µs a row in Python; here the texts of a
    few hundred rows at a time are folded as one text, and split into words
    by one regular expression, both in C. The spaces may differ (two where
    the row's own has one), which no query word, having none, can tell.
    """
    starts: list[str] = []
    for first in range(0, len(rows), chunk):
        some = rows[first : first + chunk]
        texts = [row.text() for row in some]
        joined = "\n".join(text.replace("\n", " ") if "\n" in text else text for text in texts)
        lines = _BETWEEN_WORDS.sub(" ", fold(joined)).split("\n")
        if len(lines) != len(texts):  # folding made a line break: never seen, but be exact
            starts.extend(row.word_starts for row in some)
        else:
            starts.extend(" " + line for line in lines)
    return starts


def narrows(before: Sequence[str], now: Sequence[str]) -> bool:
    """Every row ``now``'s query words match was matched by ``before``'s too.

    So when each word typed before begins some word typed now: the usual
    case of typing one more letter, or one more word.
    """
    return all(any(word.startswith(old) for word in now) for old in before)


class RowView:
    """A catalog's rows sorted and filtered for its screen, each step's work done once.

    At 10,000 shows, sorting takes tens of milliseconds and folding every
    row's words a few hundred: a keystroke must do neither. Each sort order is
    made once and kept; the folded words are made once for all rows
    (:meth:`fold`, which the screen runs after its first frame); and a query
    that only narrows the last one (:func:`narrows`) is matched against the
    rows the last one let through, not against all of them. The title order
    (the first frame's) is sorted from the entries, without making the rows.
    """

    def __init__(self, rows: Sequence[CatalogRow] | CatalogRows) -> None:
        self.rows = rows if isinstance(rows, CatalogRows) else CatalogRows.of_rows(rows)
        self._orders: dict[tuple[SortKey, bool], list[int]] = {}
        #: Each row's folded words (see fold_words), once made.
        self._starts: list[str] | None = None
        self._folding = threading.Lock()
        #: The last query: its order, its words, and the rows it let through.
        self._last: tuple[tuple[SortKey, bool], list[str], list[int]] | None = None

    def fold(self) -> None:
        """Fold every row's words now (safe from another thread; done once)."""
        with self._folding:
            if self._starts is None:
                self._starts = fold_words(self.rows)

    def order(self, by: SortKey = "title", reverse: bool = False) -> list[int]:
        """The rows' indexes in this order (see :func:`sort_rows`), sorted once."""
        order = self._orders.get((by, reverse))
        if order is None:
            if by == "title" and not reverse:
                order = self.rows.title_order()
            else:  # a sort asked for by a key: every row is made
                index = {id(row): number for number, row in enumerate(self.rows)}
                order = [index[id(row)] for row in sort_rows(self.rows, by, reverse=reverse)]
            self._orders[(by, reverse)] = order
        return order

    def shown(self, by: SortKey, reverse: bool, text: str) -> PickedRows:
        """The rows that ``text`` lets through (see :func:`filter_rows`), in this order."""
        rows = self.rows
        order = self.order(by, reverse)
        words = query_words(text)
        if not words:
            self._last = None
            return PickedRows(rows, order)
        if ":" in text:  # a query naming fields is matched as filter_rows matches it
            self._last = None
            kept = {id(row) for row in filter_rows([rows[index] for index in order], text)}
            return PickedRows(rows, [index for index in order if id(rows[index]) in kept])
        self.fold()
        starts = self._starts
        assert starts is not None
        matched = order
        last = self._last
        if last is not None and last[0] == (by, reverse) and narrows(last[1], words):
            matched = last[2]
        for word in words:
            needle = f" {word}"
            matched = [index for index in matched if needle in starts[index]]
        self._last = ((by, reverse), words, matched)
        return PickedRows(rows, matched)
