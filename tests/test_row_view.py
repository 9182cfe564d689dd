"""The catalog screen's rows, sorted once per order and narrowed as the user types,
give exactly what sorting and filtering all of them again would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from showguide.core.catalog_view import (
    ORIGIN_ORDER,
    SORT_KEYS,
    STATUS_ORDER,
    CatalogRow,
    filter_rows,
    query_words,
    sort_rows,
)
from showguide.core.row_view import CatalogRows, RowView, fold_words, narrows
from showguide.core.summary import ShowSummary
from showguide.core.textfold import fold

#: Hangul, accents, a ligature, a line break, marks that fold away, punctuation.
TEXT = st.text(alphabet="abcdAé É발레ﬁ\n\u0301-_ 1.ß", max_size=12)


@st.composite
def rows(draw: st.DrawFn) -> CatalogRow:
    title = draw(TEXT)
    row_id = draw(st.sampled_from(["a", "b-c", "발레"]))
    summary = ShowSummary(
        id=row_id,
        title=title,
        native_title=draw(st.none() | TEXT),
        year=draw(st.none() | st.integers(1990, 2030)),
        network=draw(st.none() | TEXT),
        status=draw(st.sampled_from(["airing", "ended"])),
        genres=tuple(draw(st.lists(TEXT, max_size=2))),
        country="KR",
        sort_title=title.casefold(),
    )
    return CatalogRow(
        key=draw(st.uuids()).hex,
        id=row_id,
        title=title,
        sort_title=title.casefold(),
        origin=draw(st.sampled_from(["user", "--data"])),
        file=f"{draw(TEXT)}.yaml".replace("\n", ""),
        summary=summary if draw(st.booleans()) else None,
    )


@given(st.lists(rows(), max_size=7), st.integers(1, 4))
def test_words_folded_in_bulk_are_each_rows_own(table: list[CatalogRow], chunk: int) -> None:
    expected = [list(row.words) for row in table]
    assert [starts.split() for starts in fold_words(table)] == expected
    assert [starts.split() for starts in fold_words(table, chunk)] == expected


@given(
    table=st.lists(rows(), max_size=8),
    typed=st.lists(TEXT, min_size=1, max_size=6),
    orders=st.lists(st.tuples(st.sampled_from(SORT_KEYS), st.booleans()), min_size=1, max_size=3),
)
def test_every_query_typed_in_turn_shows_what_filtering_every_row_shows(
    table: list[CatalogRow], typed: list[str], orders: list[tuple[str, bool]]
) -> None:
    """Typing a letter at a time (each query the one before plus some text, or
    something else), in one order or another: the view never keeps a row the
    query does not match, nor loses one it does."""
    view = RowView(table)
    text = ""
    for step, more in enumerate(typed):
        by, reverse = orders[step % len(orders)]
        text = text + more if step % 3 else more
        expected = filter_rows(sort_rows(table, by, reverse=reverse), text)  # type: ignore[arg-type]
        assert view.shown(by, reverse, text) == expected  # type: ignore[arg-type]


def test_typing_one_more_letter_looks_only_at_the_rows_the_last_query_let_through() -> None:
    table = [
        CatalogRow(
            key=title,
            id=title,
            title=title,
            sort_title=title,
            origin="user",
            file="f.yaml",
            summary=ShowSummary(
                id=title, title=title, status="airing", country="KR", sort_title=title
            ),
        )
        for title in ("drama one", "dread", "comedy")
    ]
    view = RowView(table)
    assert [row.title for row in view.shown("title", False, "dr")] == ["drama one", "dread"]
    # Were "comedy" looked at again, these words would let it through.
    assert view._starts is not None
    view._starts[2] = " comedy dreamy"

    assert [row.title for row in view.shown("title", False, "dre")] == ["dread"]
    # "dra" does not narrow "dre": every row is looked at again.
    assert [row.title for row in view.shown("title", False, "dra")] == ["drama one"]
    assert [row.title for row in view.shown("title", False, "dre")] == ["comedy", "dread"]


def test_a_query_narrows_another_when_each_earlier_word_begins_a_later_one() -> None:
    assert narrows(query_words("dra"), query_words("dram"))
    assert narrows(query_words("night"), query_words("night sh"))
    assert narrows([], query_words("anything"))
    assert not narrows(query_words("dram"), query_words("dra"))
    assert not narrows(query_words("night sh"), query_words("night"))


def sorted_as_defined(table: list[CatalogRow], by: str, reverse: bool) -> list[CatalogRow]:
    """sort_rows as its docstring says, the slow way: title order first, rows
    missing the column after the others (in title order), never-loaded last."""

    def column(row: CatalogRow) -> object:
        # The show's own fields are its summary's; title and origin, the row's.
        return getattr(row, by) if by in ("title", "origin") else getattr(row.summary, by)

    def missing(row: CatalogRow) -> bool:
        return not row.loaded or column(row) is None

    title_order = sorted(table, key=lambda row: (row.sort_title, row.key))
    present = [row for row in title_order if not missing(row)]
    absent = [row for row in title_order if missing(row)]
    if by != "title":
        ranks = {"status": STATUS_ORDER, "origin": ORIGIN_ORDER}

        def primary(row: CatalogRow) -> object:
            value = column(row)
            if by in ranks:
                return ranks[by].index(value) if value in ranks[by] else len(ranks[by])
            return fold(value) if by == "network" else value

        present.sort(key=primary, reverse=reverse)
    elif reverse:
        present.reverse()
        present.sort(key=lambda row: (row.sort_title, row.key), reverse=True)
    return [*present, *(r for r in absent if r.loaded), *(r for r in absent if not r.loaded)]


@given(
    table=st.lists(rows(), max_size=8),
    by=st.sampled_from(SORT_KEYS),
    reverse=st.booleans(),
)
def test_sorting_gives_the_order_its_definition_says(
    table: list[CatalogRow], by: str, reverse: bool
) -> None:
    assert sort_rows(table, by, reverse=reverse) == sorted_as_defined(table, by, reverse)  # type: ignore[arg-type]


@given(table=st.lists(rows(), max_size=8), data=st.data())
def test_a_title_hint_right_wrong_or_not_an_order_never_changes_the_title_order(
    table: list[CatalogRow], data: st.DataObject
) -> None:
    """The parse cache's title order (CatalogRows.title_hint) only speeds the
    sort: a stale one, or one that is not an order of the rows at all, gives
    the order the definition says."""
    right = [table.index(row) for row in sorted_as_defined(table, "title", False)]
    hint = data.draw(
        st.sampled_from([right])
        | st.permutations(range(len(table)))
        | st.lists(st.integers(-2, 9), max_size=9)
    )
    hinted = CatalogRows.of_rows(table)
    hinted.title_hint = hint

    assert RowView(hinted).shown("title", False, "") == sorted_as_defined(table, "title", False)
