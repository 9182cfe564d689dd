"""Catalog rows are fitted to their columns as Rich would fit them, only faster."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from showguide.core.catalog_view import CatalogRow
from showguide.core.errors import Problem
from showguide.core.summary import ShowSummary
from showguide.core.text import visible
from showguide.tui.catalog_rows import Columns, NaturalWidths, fit

#: Latin, Hangul (two cells), combining marks, CJK punctuation and emoji.
TEXTS = st.text(
    st.sampled_from([*"abc XYZ-é", "\u0301", *"발레리나", "。", "🩰", "—", "\t", "\n"]), max_size=40
)


@given(text=TEXTS, width=st.integers(min_value=1, max_value=30), ellipsis=st.booleans())
def test_fit_cuts_and_pads_as_rich_truncate_does(text: str, width: int, ellipsis: bool) -> None:
    shown = visible(text)
    expected = Text(shown)
    expected.truncate(width, overflow="ellipsis" if ellipsis else None, pad=True)

    assert fit(shown, width, ellipsis=ellipsis) == expected.plain


def test_a_hangul_title_too_wide_ends_in_an_ellipsis_within_its_cells() -> None:
    assert fit("발레리나 Ballerina", 7, ellipsis=True) == "발레리…"
    assert fit("발레리나", 6) == "발레리"
    assert fit("Ballet", 9) == "Ballet   "


def _row(title: str = "Night Shift", problems: tuple[Problem, ...] = ()) -> CatalogRow:
    summary = ShowSummary(
        id="night-shift",
        title=title,
        native_title="야간 근무",
        year=2021,
        network="Harbour TV",
        status="ended",
        genres=("Drama",),
        country="KR",
        sort_title=title.casefold(),
    )
    return CatalogRow(
        key="k",
        id="night-shift",
        title=title,
        sort_title=title.casefold(),
        origin="--data",
        file="/shows/night-shift.yaml",
        problems=problems,
        summary=summary,
    )


def _column_starts(text: str, labels: list[str]) -> list[int]:
    return [cell_len(text[: text.index(label)]) for label in labels]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("title", ["Night Shift", "A Title Far Too Long To Fit In Its Column"])
def test_a_row_kept_at_its_last_good_version_keeps_its_columns_under_the_headers(
    width: int, title: str
) -> None:
    problem = Problem("/shows/night-shift.yaml", 2, 8, "title", "expected text")
    good, stale = _row(title=title), _row(title=title, problems=(problem,))
    columns = Columns(NaturalWidths.of([good]), width)
    assert stale.stale and columns.shown

    header = columns.header("title").plain
    drawn = columns.row(stale).plain

    assert drawn.startswith("⚠ ")
    assert cell_len(drawn) == cell_len(columns.row(good).plain)
    labels = {"year": "Year", "network": "Network", "status": "Status"}
    shown = [labels[name] for name in columns.shown if name in labels]
    values = {"Year": "2021", "Network": "Harbour TV", "Status": "Ended"}
    assert _column_starts(drawn, [values[label] for label in shown]) == _column_starts(
        header, shown
    )
