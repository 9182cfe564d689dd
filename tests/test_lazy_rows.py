"""Rows made only when drawn (``CatalogRows``) list, sort, filter, count and find
exactly what making every row first (``Catalog.rows()``) does."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from showguide.core.catalog_view import SORT_KEYS, CatalogRow, SortKey, filter_rows, sort_rows
from showguide.core.errors import Problem
from showguide.core.row_view import CatalogRows, PickedRows, RowView
from showguide.core.summary import ShowSummary
from tests.test_row_view import TEXT


@dataclass(frozen=True)
class Entry:
    """What a row is made from, as core.catalog.CatalogEntry has it."""

    key: str
    origin: str
    file: str
    problems: tuple[Problem, ...]
    summary: ShowSummary | None

    @property
    def path(self) -> Path:
        return Path(self.file)


PROBLEM = Problem("f.yaml", 1, 1, "status", "not a status")
#: Few titles, ids and keys, so that ties (equal folded titles) are common.
TITLES = st.sampled_from(["Drama", "drama", "Ballet 발레", "Éclair", "eclair", "Zoo", ""])


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    title = draw(TITLES)
    summary = ShowSummary(
        id=draw(st.sampled_from(["a", "b", "발레"])),
        title=title,
        native_title=draw(st.none() | TEXT),
        year=draw(st.none() | st.integers(1990, 2030)),
        network=draw(st.none() | st.sampled_from(["KBC", "Net Ä", "tvN"])),
        status=draw(st.sampled_from(["announced", "airing", "ended"])),
        genres=tuple(draw(st.lists(st.sampled_from(["drama", "sci-fi"]), max_size=2))),
        country=draw(st.sampled_from(["KR", "FR"])),
        sort_title=title.casefold(),
    )
    name = draw(st.sampled_from(["x.yaml", "b-b.yaml", "Drama.yaml", "발레.yaml"]))
    return Entry(
        key=draw(st.sampled_from(["k1", "k2", "k3", "k4"])) + draw(st.text("ab", max_size=2)),
        origin=draw(st.sampled_from(["user", "--data", "bundled"])),
        file=f"/shows/{name}",
        problems=draw(st.sampled_from([(), (PROBLEM,)])),
        summary=draw(st.sampled_from([summary, summary, None])),
    )


QUERIES = st.lists(
    st.sampled_from(["", "d", "dr", "drama", "é", "발", "zoo x", "genre:dr", "status:end", "user"]),
    min_size=1,
    max_size=5,
)
ORDERS = st.lists(st.tuples(st.sampled_from(SORT_KEYS), st.booleans()), min_size=1, max_size=3)


@given(st.lists(entries(), max_size=12), QUERIES, ORDERS)
def test_rows_made_when_asked_show_what_every_row_made_first_shows(
    listed: list[Entry], queries: list[str], orders: list[tuple[SortKey, bool]]
) -> None:
    every = [CatalogRow.of(entry) for entry in listed]
    rows = CatalogRows(listed)
    view = RowView(rows)
    for step, query in enumerate(queries):
        by, reverse = orders[step % len(orders)]
        expected = filter_rows(sort_rows(every, by, reverse=reverse), query)
        assert list(view.shown(by, reverse, query)) == expected
    # Counted and found as from every row.
    assert len(rows) == len(every)
    assert rows.broken() == sum(1 for row in every if not row.ok)
    assert rows.summaries() == [row.summary for row in every if row.summary is not None]
    for show_id in ("a", "b", "발레", "Drama", "x", "nothing"):
        found = rows.index_of_id(show_id)
        first = next((n for n, row in enumerate(every) if row.id == show_id), None)
        assert found == first


@given(st.lists(entries(), max_size=12))
def test_the_first_frames_order_makes_no_row_of_a_show_that_loaded(listed: list[Entry]) -> None:
    rows = CatalogRows(listed)
    shown = RowView(rows).shown("title", False, "")

    assert rows.made == sum(1 for entry in listed if entry.summary is None)
    assert len(shown) == len(listed)
    # Where a file is listed is found by its key without making its row.
    for key in {entry.key for entry in listed}:
        expected = next((n for n, row in enumerate(shown) if row.key == key), None)
        assert shown.index_of_key(key) == expected
    assert shown.index_of_key("no such key") is None


@given(st.lists(entries(), min_size=1, max_size=12), st.data())
def test_a_row_is_made_once_and_is_the_same_object_every_time(
    listed: list[Entry], data: st.DataObject
) -> None:
    rows = CatalogRows(listed)
    index = data.draw(st.integers(-len(listed), len(listed) - 1))
    row = rows[index]
    assert row == CatalogRow.of(listed[index])
    assert rows[index] is row
    assert rows[index % len(listed)] is row
    assert rows[:] == list(rows) and rows[:][index] is row
    for outside in (len(listed), -len(listed) - 1):
        with pytest.raises(IndexError):
            rows[outside]
    picked = PickedRows(rows, [index % len(listed)])
    assert picked[0] is row and picked == [row] and picked[:] == [row]


def test_two_threads_making_the_rows_get_the_same_objects() -> None:
    """The filter's words are folded in a thread while the screen draws rows."""
    summary = ShowSummary(id="a", title="A", status="airing", country="KR", sort_title="a")
    listed = [Entry(f"k{n}", "user", f"/s/{n}.yaml", (), summary) for n in range(3000)]
    rows = CatalogRows(listed)
    seen: list[list[CatalogRow]] = []

    def make_all() -> None:
        seen.append(list(rows))

    threads = [threading.Thread(target=make_all) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert rows.made == len(listed)
    for made in seen:
        assert all(a is b for a, b in zip(made, rows, strict=True))
