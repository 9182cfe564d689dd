"""Catalog rows are fitted to their columns as Rich would fit them, only faster."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from showguide.core.text import visible
from showguide.tui.catalog_rows import fit

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
