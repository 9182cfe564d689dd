"""The catalog's rows: what each show file shows, and how typing and sorting pick them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from showguide.core import cache as cache_module
from showguide.core.catalog import Catalog, load_catalog
from showguide.core.catalog_view import CatalogRow, filter_rows, query_words, sort_rows
from showguide.core.summary import ShowSummary
from tests.loading import settled
from tests.showdata import show_dict, write_show


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    folder = tmp_path / "shelf"
    folder.mkdir()
    shows = [
        show_dict(
            id="night-shift",
            title="Night Shift",
            native_title="야간 근무",
            year=2021,
            network="Harbour TV",
            status="ended",
            genres=["Drama", "Medical"],
        ),
        show_dict(
            id="cafe-society",
            title="Café Society",
            year=2024,
            network="Élan",
            status="airing",
            genres=["Comedy"],
        ),
        show_dict(id="zebra", title="zebra crossing", status="announced"),
    ]
    for data in shows:
        settled(write_show(folder, data, f"{data['id']}.yaml"))
    settled(write_show(folder, show_dict(id="broken", status="maybe"), "broken.yaml"))
    return folder


def rows_by_id(catalog: Catalog) -> dict[str, CatalogRow]:
    return {row.id: row for row in catalog.rows()}


def test_a_row_has_what_the_catalog_lists(shelf: Path) -> None:
    row = rows_by_id(load_catalog([shelf]))["night-shift"]

    show = row.summary
    assert show is not None
    assert (row.title, show.native_title, show.year, show.network, show.status, show.genres) == (
        "Night Shift",
        "야간 근무",
        2021,
        "Harbour TV",
        "ended",
        ("Drama", "Medical"),
    )
    assert (row.origin, row.path, row.problems) == ("--data", shelf / "night-shift.yaml", ())
    assert row.ok
    assert row.loaded
    assert not row.stale


def test_a_file_that_did_not_load_has_a_row_named_after_it_with_its_problems(
    shelf: Path,
) -> None:
    row = rows_by_id(load_catalog([shelf]))["broken"]

    assert row.title == "broken.yaml"
    assert not row.loaded
    assert not row.ok
    assert row.summary is None  # no year, network, status or genres to list
    assert row.progress(None) is None
    assert [str(problem).split(": ", 1)[0] for problem in row.problems] == [
        f"{shelf / 'broken.yaml'}:5:9"
    ]


def test_a_row_of_a_file_that_broke_on_reload_shows_the_last_good_version(shelf: Path) -> None:
    catalog = load_catalog([shelf])
    settled(write_show(shelf, show_dict(id="zebra", title=7), "zebra.yaml"), seconds_ago=30)

    row = rows_by_id(catalog.reload())["zebra"]

    assert row.title == "zebra crossing"
    assert row.stale
    assert row.loaded
    assert not row.ok
    assert [problem.path for problem in row.problems] == ["title"]


def test_a_row_keeps_the_same_key_across_reloads(shelf: Path) -> None:
    catalog = load_catalog([shelf])
    key = catalog.resolve("zebra").key
    settled(write_show(shelf, show_dict(id="zebra", title="Zebra II"), "zebra.yaml"), 30)

    again = catalog.reload()

    assert again.find(key) is again.resolve("zebra")
    assert again.find("no such key") is None


def test_rows_of_a_warm_catalog_decode_no_show(
    shelf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = load_catalog([shelf]).rows()
    decoded: list[object] = []
    real = cache_module.Cached.show

    def counting(self: cache_module.Cached) -> object:
        decoded.append(self)
        return real(self)

    monkeypatch.setattr(cache_module.Cached, "show", counting)

    warm = load_catalog([shelf]).rows()

    assert warm == cold
    assert decoded == []


def ids(rows: list[CatalogRow]) -> list[str]:
    return [row.id for row in rows]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", ["ballerina", "broken", "cafe-society", "night-shift", "zebra"]),
        ("   ", ["ballerina", "broken", "cafe-society", "night-shift", "zebra"]),
        ("night", ["night-shift"]),
        ("NIGHT sh", ["night-shift"]),  # every word typed starts a word of the row
        ("night society", []),
        ("cafe", ["cafe-society"]),  # accents and case ignored
        ("ÉLAN", ["cafe-society"]),  # the network
        ("야간", ["night-shift"]),  # the native title
        ("야", ["night-shift"]),  # half a Hangul word
        ("2021", ["night-shift"]),  # the year
        ("comedy", ["cafe-society"]),  # a genre
        ("announced", ["zebra"]),  # the status
        ("broken.yaml", ["broken"]),  # a file that did not load, by its name
        ("bundled", ["ballerina"]),  # where it came from
        ("ift", []),  # the middle of a word is not a match
    ],
)
def test_typing_filters_the_rows(shelf: Path, typed: str, expected: list[str]) -> None:
    assert ids(filter_rows(load_catalog([shelf]).rows(), typed)) == expected


@pytest.mark.parametrize(
    ("by", "reverse", "expected"),
    [
        # Folded titles: "Café" sorts as "cafe", "zebra" among the capitals.
        ("title", False, ["ballerina", "cafe-society", "night-shift", "zebra", "broken"]),
        ("title", True, ["zebra", "night-shift", "cafe-society", "ballerina", "broken"]),
        # No year (zebra) and no show (broken) come last either way.
        ("year", False, ["night-shift", "ballerina", "cafe-society", "zebra", "broken"]),
        ("year", True, ["cafe-society", "ballerina", "night-shift", "zebra", "broken"]),
        ("network", False, ["cafe-society", "night-shift", "ballerina", "zebra", "broken"]),
        # In the order a show lives through: announced, upcoming, airing, ended.
        ("status", False, ["zebra", "ballerina", "cafe-society", "night-shift", "broken"]),
        ("origin", False, ["ballerina", "cafe-society", "night-shift", "zebra", "broken"]),
        ("origin", True, ["cafe-society", "night-shift", "zebra", "ballerina", "broken"]),
    ],
)
def test_rows_sort_by_a_column_with_missing_values_last(
    shelf: Path, by: str, reverse: bool, expected: list[str]
) -> None:
    rows = load_catalog([shelf]).rows()
    assert ids(sort_rows(rows, by, reverse=reverse)) == expected  # type: ignore[arg-type]


def test_sorting_by_an_unknown_column_says_which_exist(shelf: Path) -> None:
    with pytest.raises(ValueError, match="one of title, year, network, status, origin"):
        sort_rows(load_catalog([shelf]).rows(), "rating")  # type: ignore[arg-type]


# --- the fast filter says what the definition says -------------------------------------

FILTER_TEXT = st.text(alphabet="abcdé É발레-_ 1.", max_size=12)


def row_titled(title: str, network: str | None) -> CatalogRow:
    summary = ShowSummary(
        id="x",
        title=title,
        network=network,
        status="airing",
        country="KR",
        sort_title=title,
    )
    return CatalogRow(
        key=title,
        id="x",
        title=title,
        sort_title=title,
        origin="--data",
        file="f.yaml",
        summary=summary,
    )


@given(
    titles=st.lists(st.tuples(FILTER_TEXT, st.none() | FILTER_TEXT), max_size=8),
    text=FILTER_TEXT,
)
def test_filter_rows_keeps_exactly_the_rows_whose_words_each_query_word_begins(
    titles: list[tuple[str, str | None]], text: str
) -> None:
    rows = [row_titled(title, network) for title, network in titles]
    words = query_words(text)
    expected = [
        row
        for row in rows
        if all(any(mine.startswith(word) for mine in row.words) for word in words)
    ]
    assert filter_rows(rows, text) == expected
    assert [row for row in rows if row.matches(words)] == expected


# --- words that name a field: genre:, status:, origin: ---------------------------------


@pytest.fixture
def world(tmp_path: Path, only_one: None) -> list[CatalogRow]:
    folder = tmp_path / "world"
    folder.mkdir()
    shows = [
        show_dict(
            id="seoul",
            title="Seoul Nights",
            country="South Korea",
            status="upcoming",
            genres=["Drama"],
        ),
        show_dict(
            id="busan",
            title="Busan Harbour",
            country="Korea, Republic of",  # as TVmaze's import writes it
            status="ended",
            genres=["Science-Fiction", "Comedy"],
        ),
        show_dict(
            id="drama-club",  # "drama" in its title, not in its genres
            title="The Drama Club",
            country="Japan",
            status="airing",
            genres=["Comedy"],
        ),
        show_dict(
            id="pune", title="Pune Story", country="India", status="announced", genres=["Drama"]
        ),
        show_dict(
            id="jakarta",
            title="Jakarta Rain",
            country="Indonesia",
            status="ended",
            genres=["Drama"],
        ),
    ]
    for data in shows:
        settled(write_show(folder, data, f"{data['id']}.yaml"))
    settled(write_show(folder, show_dict(id="broken", status="maybe"), "broken.yaml"))
    return load_catalog([folder]).rows()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("genre:drama", ["jakarta", "pune", "seoul"]),  # not The Drama Club
        ("drama", ["drama-club", "jakarta", "pune", "seoul"]),  # a plain word: anywhere
        ("GENRE:sci", ["busan"]),
        ("genre:science-fiction", ["busan"]),
        ("genre:fiction", ["busan"]),  # a word of the genre
        ("status:ended", ["busan", "jakarta"]),
        ("status:air", ["drama-club"]),
        ("origin:KR", ["busan", "seoul"]),  # both spellings of the country
        ("origin:kr genre:drama", ["seoul"]),
        ("country:korea", ["busan", "seoul"]),
        ("origin:in", ["pune"]),  # a code is a code: not Indonesia
        ("origin:indo", ["jakarta"]),
        ("origin:jp seoul", []),
        ("genre:", ["broken", "busan", "drama-club", "jakarta", "pune", "seoul"]),  # still typing
        ("re:zero", []),  # not a field: plain words, which nothing begins
        ("status:maybe", []),  # a file that did not load has no fields
    ],
)
def test_a_filter_word_can_name_its_field(
    world: list[CatalogRow], typed: str, expected: list[str]
) -> None:
    assert sorted(ids(filter_rows(world, typed))) == expected
