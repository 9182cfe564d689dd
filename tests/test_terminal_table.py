"""The terminal table of ``list`` and ``validate``, made fast, says what it said before.

``records.cell_width`` measures the characters show data is mostly made of
with two regular expressions instead of Rich's call a character, and
``records.table_lines`` pads a table a column at a time instead of a cell at
a time. Both are held here to the slow, plain versions they replace: Rich's
``cell_len``, and ``table_line`` called for each row.
"""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size

from showguide.commands import listing, records
from showguide.core.summary import ShowSummary

#: Every character the fast measure claims to know (see records._NARROW_OR_HANGUL).
FAST_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x2500, 0x25FC),
    (0x2800, 0x28FF),
    (0xAC00, 0xD7A3),
)

#: Show data as it comes: ASCII, accented Latin, Hangul, and what is neither
#: (CJK ideographs, kana, emoji, a zero-width joiner, combining accents).
ALPHABET = st.sampled_from(
    [*"ab Z-19…·éüøŁ발레무대꿈曲のカ🩰\u200d\u0301\ufe0f", "\u00ad", "\u2028"]
)
CELL = st.text(ALPHABET, max_size=14)


def test_every_character_of_the_fast_measure_is_as_wide_as_rich_says() -> None:
    for start, end in FAST_RANGES:
        for code in range(start, end + 1):
            character = chr(code)
            assert records._NARROW_OR_HANGUL.fullmatch(character), hex(code)
            assert records.cell_width(character) == get_character_cell_size(character), hex(code)
    # Just outside the ranges, the fast measure does not claim the character.
    for code in (0xAD, 0x300, 0x483, 0x1100, 0xABFF, 0xD7A4, 0x3042):
        assert records._NARROW_OR_HANGUL.fullmatch(chr(code)) is None, hex(code)


@given(CELL)
def test_cell_width_is_rich_cell_len(text: str) -> None:
    assert records.cell_width(text) == cell_len(text)


@settings(max_examples=200)
@given(
    rows=st.integers(1, 4).flatmap(
        lambda columns: st.lists(st.tuples(*[CELL] * columns), min_size=1, max_size=6)
    ),
    widths=st.lists(st.integers(0, 16), min_size=4, max_size=4),
    colour=st.booleans(),
    looks=st.lists(st.sampled_from(["", records.BOLD, records.RED]), min_size=6, max_size=6),
)
def test_table_lines_are_table_line_for_each_row(
    rows: list[tuple[str, ...]], widths: list[int], colour: bool, looks: list[str]
) -> None:
    columns = len(rows[0])
    widths = widths[:columns]
    terminal = records.Terminal(True, colour, 80)
    # Each row's looks: the first cell plain, the second in the row's look (as list has it).
    styles = [("", looks[n]) for n in range(len(rows))]

    made = records.table_lines(rows, widths, terminal, styles)

    assert made == [
        records.table_line(row, widths, terminal, style)
        for row, style in zip(rows, styles, strict=True)
    ]
    # Lined up: every line is at most the table's width, cut with "…" where a cell
    # was too wide. (Not with joiners: Rich's set_cell_size, which cuts such text,
    # gives one cell too many for nonsense like a joiner before a digit.)
    if not colour and not any(joiner in "".join(row) for row in rows for joiner in "\u200d\ufe0f"):
        assert all(cell_len(line) <= sum(widths) + 2 * (columns - 1) for line in made)


def test_a_column_of_ascii_cells_that_fit_is_padded_as_fit_pads_it() -> None:
    cells = ["ballerina", "id", ""]
    assert records.pad_column(cells, 10) == [records.fit(cell, 10) for cell in cells]
    # One cell too wide: cut with "…", as fit cuts it.
    assert records.pad_column(["abcdefghijk", "ab"], 5) == ["abcd…", "ab   "]
    assert records.pad_column(["발레 무대", "ab"], 6) == ["발레 …", "ab    "]


@given(
    native=st.one_of(st.none(), CELL),
    network=st.one_of(st.none(), CELL),
    year=st.one_of(st.none(), st.integers(1900, 2100)),
)
def test_a_shows_table_cells_are_its_listed_fields_as_text(
    native: str | None, network: str | None, year: int | None
) -> None:
    summary = ShowSummary(
        id="harbour",
        title="Harbour Lights",
        native_title=native,
        network=network,
        year=year,
        status="airing",
        country="KR",
        sort_title="harbour lights",
    )
    entry = SimpleNamespace(summary=summary, origin="user", problems=())

    cells = listing.table_cells(entry)  # type: ignore[arg-type]

    generic = tuple("" if value is None else str(value) for value in listing.listed_values(summary))
    assert cells == tuple(listing._cell(cell) for cell in (*generic, "user"))
