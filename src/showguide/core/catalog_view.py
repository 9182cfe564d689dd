"""What the catalog screen lists: one row per show file, sortable and filterable.

A row is built from an entry's summary, never from the whole show, so rows
for a thousand shows from a warm parse cache cost a few milliseconds. A file
that never loaded still has a row: its title is the file name and its
problems say why. A file that stopped loading on a reload keeps the row of
its last good version, with its new problems (:attr:`CatalogRow.stale`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol, get_args

import msgspec

from showguide.core.countries import COUNTRY_NAMES, country_code
from showguide.core.errors import Problem
from showguide.core.summary import ShowSummary
from showguide.core.textfold import WORD, fold


class ListedFile(Protocol):
    """What a row is made from: a catalog entry (core.catalog.CatalogEntry).

    Named by what it reads rather than imported: the catalog makes its rows
    with this module, so this module does not depend on the catalog back.
    """

    # Read-only: a CatalogRow, which has the same fields, stands for its own entry.
    @property
    def key(self) -> str: ...
    @property
    def origin(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def problems(self) -> tuple[Problem, ...]: ...
    @property
    def summary(self) -> ShowSummary | None: ...
    @property
    def path(self) -> Path: ...


SortKey = Literal["title", "year", "network", "status", "origin"]
SORT_KEYS: tuple[SortKey, ...] = get_args(SortKey)
#: Statuses in the order a show goes through them.
STATUS_ORDER = ("announced", "upcoming", "airing", "ended")
ORIGIN_ORDER = ("bundled", "user", "--data", "SHOWGUIDE_PATH")


# A Struct, not a dataclass: it is made six times faster, and the catalog
# makes one for every show before its first frame. dict=True lets ``words``
# be a cached_property.
class CatalogRow(msgspec.Struct, frozen=True, kw_only=True, dict=True):
    """One show file as the catalog lists it: its show's summary, and the file.

    The show's fields (native title, year, network, status, genres, episodes)
    are its summary's, read as ``row.summary.year``: the one list of them is
    :class:`~showguide.core.summary.ShowSummary`, so a new column is a field
    there, not a copy here. A row holds the summary it was made from, which
    also makes it smaller and quicker to make than a copy of its fields.
    """

    #: The file's identity, the same across reloads: keep the cursor on it.
    key: str
    #: The show's id, or the file's stem when no version of it loaded.
    id: str
    #: The show's title, or the file name when no version of it loaded.
    title: str
    #: ``title`` folded (case and accents ignored), to sort by.
    sort_title: str
    #: Where the file was found: ``bundled``, ``user``, ``--data`` or ``SHOWGUIDE_PATH``.
    origin: str
    #: The file's path as found, as text (:attr:`path` is a Path).
    file: str
    #: What is wrong with the file now, as ``FILE:LINE:COLUMN`` problems.
    problems: tuple[Problem, ...] = ()
    #: The show's summary; None when no version of the show loaded.
    summary: ShowSummary | None = None

    @property
    def loaded(self) -> bool:
        """False when no version of the show loaded: there is no guide to open."""
        return self.summary is not None

    def progress(self, watched: str | None) -> str | None:
        """``4/16`` when ``watched`` is the code of the 4th of 16 episodes; None
        for a show with no episodes. A code the show does not list counts as none."""
        episodes = self.summary.episodes if self.summary is not None else ()
        if not episodes:
            return None
        done = episodes.index(watched) + 1 if watched in episodes else 0
        return f"{done}/{len(episodes)}"

    @classmethod
    def of(cls, entry: ListedFile) -> CatalogRow:
        summary = entry.summary
        if summary is None:
            path = entry.path
            return cls(
                key=entry.key,
                id=path.stem,
                title=path.name,
                sort_title=fold(path.name),
                origin=entry.origin,
                file=entry.file,
                problems=entry.problems,
            )
        return cls(
            key=entry.key,
            id=summary.id,
            title=summary.title,
            sort_title=summary.sort_title,
            origin=entry.origin,
            file=entry.file,
            problems=entry.problems,
            summary=summary,
        )

    @property
    def path(self) -> Path:
        return Path(self.file)

    @property
    def file_name(self) -> str:
        return os.path.basename(self.file)  # noqa: PTH119  # no Path for each row

    @property
    def ok(self) -> bool:
        """The file loaded, with no problems."""
        return self.loaded and not self.problems

    @property
    def stale(self) -> bool:
        """The file no longer loads; the row shows the last version that did."""
        return self.loaded and bool(self.problems)

    def text(self) -> str:
        """What a filter matches, unfolded: titles, id, network, year, status, genres,
        country, origin."""
        show = self.summary
        if show is None:  # a file that never loaded: its name and where it is
            parts: tuple[str | None, ...] = (self.title, self.id)
        else:
            year = str(show.year) if show.year is not None else None
            parts = (
                self.title,
                show.native_title,
                show.romanized_title,
                self.id,
                show.network,
                year,
                show.status,
                *show.genres,
                show.country,
            )
        return " ".join(part for part in (*parts, self.origin, self.file_name) if part)

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The folded words a filter matches (see :meth:`text`)."""
        return tuple(WORD.findall(fold(self.text())))

    @cached_property
    def word_starts(self) -> str:
        # " word1 word2 ...": a query word begins one of them exactly when
        # " " + it occurs here (words hold no spaces). One search in C per
        # query word, not a loop in Python over the row's words: a keystroke
        # in a catalog of 10,000 shows.
        return " " + " ".join(self.words)

    def matches(self, words: Sequence[str]) -> bool:
        """Every folded query word begins some word of this row."""
        starts = self.word_starts
        return all(f" {word}" in starts for word in words)


def query_words(text: str) -> list[str]:
    """The folded words of what was typed into the filter."""
    return WORD.findall(fold(text))


#: The fields a filter word can name (``genre:drama``), with the names people type.
FILTER_FIELDS: dict[str, str] = {
    "genre": "genre",
    "genres": "genre",
    "status": "status",
    "origin": "origin",
    "country": "origin",
    "network": "network",
    "year": "year",
}
_FIELD_WORD = re.compile(r"(?<!\S)([A-Za-z]+):(\S*)")


class Query(NamedTuple):
    """What was typed into the catalog's filter, taken apart."""

    #: Folded words, each of which must begin a word of the row.
    words: list[str]
    #: (field, folded words of its value): ``genre:sci-fi`` is ("genre", ["sci", "fi"]).
    fields: list[tuple[str, list[str]]]


def parse_query(text: str) -> Query:
    """``text`` as plain words and ``field:value`` words (genre, status, origin,
    country, network, year). A field with no value yet (``genre:`` while
    typing) asks for nothing; an unknown one (``re:zero``) is plain words."""
    fields: list[tuple[str, list[str]]] = []

    def take(match: re.Match[str]) -> str:
        field = FILTER_FIELDS.get(match.group(1).casefold())
        if field is None:
            return match.group(0)
        value = query_words(match.group(2))
        if value:
            fields.append((field, value))
        return " "

    rest = _FIELD_WORD.sub(take, text)
    return Query(query_words(rest), fields)


def _begins_words(value: Sequence[str], text: str | None) -> bool:
    """Every word of ``value`` begins a word of ``text``."""
    if not text:
        return False
    starts = " " + " ".join(WORD.findall(fold(text)))
    return all(f" {word}" in starts for word in value)


def field_matches(row: CatalogRow, field: str, value: Sequence[str]) -> bool:
    """``row`` has ``value`` in ``field``: a genre, the status, the country (by
    name, or by its two-letter code), the network or the year beginning so."""
    show = row.summary
    if show is None:
        return False
    if field == "genre":
        return any(_begins_words(value, genre) for genre in show.genres)
    if field == "status":
        return _begins_words(value, show.status)
    if field == "network":
        return _begins_words(value, show.network)
    if field == "year":
        return show.year is not None and str(show.year).startswith("".join(value))
    code = "".join(value)
    if len(value) == 1 and code in COUNTRY_NAMES:
        # A known code is a code: "in" is India, not every name with a word "In...".
        wanted = country_code(COUNTRY_NAMES[code][0])
        return wanted is not None and country_code(show.country) == wanted
    return _begins_words(value, show.country)


def filter_rows(rows: Iterable[CatalogRow], text: str) -> list[CatalogRow]:
    """The rows that match ``text``, in the order given; all of them for blank text.

    Matching ignores case and accents, and each word typed may be the start of
    a word: ``"night sh"`` finds "Night Shift", ``"2023 drama"`` a 2023 drama,
    ``"발레"`` a Hangul title, ``"user"`` the user's own shows. A word can name
    the field it must be in (:func:`parse_query`): ``genre:drama``,
    ``status:ended``, ``origin:KR`` (or ``origin:korea``), ``network:``, ``year:``.
    """
    query = parse_query(text) if ":" in text else Query(query_words(text), [])
    matched = list(rows)
    for word in query.words:  # row.matches(), a word at a time over all rows
        needle = f" {word}"
        matched = [row for row in matched if needle in row.word_starts]
    for field, value in query.fields:
        matched = [row for row in matched if field_matches(row, field, value)]
    return matched


def _rank(order: Sequence[str], value: str | None) -> int:
    return order.index(value) if value in order else len(order)


_KEY = attrgetter("key")
_SORT_TITLE = attrgetter("sort_title")


def _by_title(row: CatalogRow) -> tuple[str, str]:
    return (row.sort_title, row.key)


def _primary(by: SortKey) -> Callable[[CatalogRow], Any]:
    if by == "year":
        return _year
    if by == "network":
        return _network
    if by == "status":
        return _status
    if by == "origin":
        return lambda row: _rank(ORIGIN_ORDER, row.origin)
    return _by_title


# Only rows with a value for the column are sorted by it (see sort_rows):
# each has a summary.


def _year(row: CatalogRow) -> int | None:
    show = row.summary
    assert show is not None
    return show.year


def _network(row: CatalogRow) -> str:
    show = row.summary
    assert show is not None
    return fold(show.network or "")


def _status(row: CatalogRow) -> int:
    show = row.summary
    assert show is not None
    return _rank(STATUS_ORDER, show.status)


def sort_rows(
    rows: Iterable[CatalogRow], by: SortKey = "title", *, reverse: bool = False
) -> list[CatalogRow]:
    """The rows sorted by one column; equal values stay in title order either way.

    Rows without a value for the column (no year, no network) come last
    whichever the direction, in title order, and files that never loaded
    after them.
    """
    if by not in SORT_KEYS:
        raise ValueError(f"cannot sort by {by!r}; one of {', '.join(SORT_KEYS)}")
    # Title order, as (sort_title, key): two stable sorts on keys read in C,
    # rather than a tuple made in Python for each row (10,000 at a start).
    ordered = sorted(rows, key=_KEY)
    ordered.sort(key=_SORT_TITLE)
    # A row has a value for the column when its show loaded (it has a
    # summary) and, for year and network, the show gives one.
    if by == "year":
        present = [row for row in ordered if (show := row.summary) and show.year is not None]
        missing = [row for row in ordered if not ((show := row.summary) and show.year is not None)]
    elif by == "network":
        present = [row for row in ordered if (show := row.summary) and show.network is not None]
        missing = [
            row for row in ordered if not ((show := row.summary) and show.network is not None)
        ]
    else:
        present = [row for row in ordered if row.summary is not None]
        missing = [row for row in ordered if row.summary is None]
    # Stable, and reverse=True keeps equal rows in their order: title order holds.
    if by != "title" or reverse:  # in title order already
        present.sort(key=_primary(by), reverse=reverse)
    missing.sort(key=_never_loaded)
    present.extend(missing)
    return present


def _never_loaded(row: CatalogRow) -> bool:
    return row.summary is None
