"""Hangul saved decomposed (NFD) is found by the syllables a keyboard types (NFC), and the reverse.

macOS names files in NFD, and some editors save text that way: "발레리나" is
then twelve jamo, not four syllables, and compares unequal to what a user
types. Every place a name is looked up compares folded text
(showguide.core.textfold.fold), and shows the text as it was written.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from showguide.core.catalog import UnknownShow, load_catalog
from showguide.core.catalog_view import filter_rows
from showguide.core.search import SearchIndex
from showguide.core.spoilers import SpoilerShield
from showguide.tui.palette import letters_in_order
from showguide.tui.panes.overview import facts_table
from tests.cli import run_cli
from tests.showdata import FULL, show_dict, write_show

FORMS = ["NFC", "NFD"]
TITLE = "발레리나 이야기"
CHARACTER = "김은혜"
QUESTION = "춤은 누가 추나요?"
TAG = "무용"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def as_form(text: str, form: str) -> str:
    return unicodedata.normalize(form, text)  # type: ignore[arg-type]


def hangul_show(form: str) -> dict[str, object]:
    """A show whose Hangul is all written in ``form``."""
    character = {**FULL["characters"][0], "name": as_form(CHARACTER, form), "id": "kim-eun-hye"}
    faq = {**FULL["faq"][0], "question": as_form(QUESTION, form), "tags": [as_form(TAG, form)]}
    return show_dict(
        id="ballerina-story",
        title=as_form(TITLE, form),
        native_title=as_form(TITLE, form),
        romanized_title=None,
        characters=[character],
        faq=[faq],
        sources=FULL["sources"],  # the character and question cite them
    )


def test_the_forms_really_differ() -> None:
    assert nfc(TITLE) != nfd(TITLE)
    assert len(nfd(TITLE)) > len(nfc(TITLE))


@pytest.fixture(
    params=[("NFD", "NFC"), ("NFC", "NFD")], ids=["NFD data, NFC query", "NFC data, NFD query"]
)
def forms(request: pytest.FixtureRequest) -> tuple[str, str]:
    return request.param


@pytest.fixture
def shelf(tmp_path: Path, forms: tuple[str, str]) -> Path:
    folder = tmp_path / "shelf"
    folder.mkdir()
    data_form, _ = forms
    data = {key: value for key, value in hangul_show(data_form).items() if value is not None}
    write_show(folder, data, "story.yaml")
    write_show(folder, show_dict(id="other", title="Another Show"), "other.yaml")
    return folder


def test_a_show_is_found_by_name_on_the_command_line(
    shelf: Path, forms: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, query_form = forms
    catalog = load_catalog([shelf])
    assert catalog.resolve(as_form(TITLE, query_form)).id == "ballerina-story"
    # The start (just "발레" is also the start of the bundled Ballerina's native title).
    assert catalog.resolve(as_form("발레리나 이", query_form)).id == "ballerina-story"
    assert catalog.resolve(as_form("이야기", query_form)).id == "ballerina-story"  # a word
    result = run_cli(capsys, "--data", str(shelf), "print", as_form(TITLE, query_form))
    assert result.code == 0, result.err
    # Shown as written in the file.
    data_form, _ = forms
    assert as_form(TITLE, data_form) in result.out


def test_a_near_miss_is_hinted_in_composed_form(shelf: Path, forms: tuple[str, str]) -> None:
    _, query_form = forms
    with pytest.raises(UnknownShow) as caught:
        load_catalog([shelf]).resolve(as_form("발레리나 이야가", query_form))
    assert repr(nfc(TITLE).casefold()) in str(caught.value)


def test_the_catalog_filter_finds_it(shelf: Path, forms: tuple[str, str]) -> None:
    _, query_form = forms
    rows = load_catalog([shelf]).rows()
    for query in (TITLE, "발레", "이야", "발"):
        found = [row.id for row in filter_rows(rows, as_form(query, query_form))]
        assert "ballerina-story" in found, query
        assert "other" not in found


def test_slash_search_finds_the_character_and_the_question(forms: tuple[str, str]) -> None:
    import msgspec

    from showguide.core.model import Show

    data_form, query_form = forms
    data = {key: value for key, value in hangul_show(data_form).items() if value is not None}
    index = SearchIndex.for_show(msgspec.convert(data, Show))
    shield = SpoilerShield(on=False)
    for query, pane in ((CHARACTER, "cast"), ("김은", "cast"), (QUESTION[:5], "faq"), (TAG, "faq")):
        results = index.search(as_form(query, query_form), shield=shield)
        assert any(result.key.pane == pane for result in results.results), query


@pytest.mark.parametrize("query", [CHARACTER, "김은", "은혜", "ㄱ"])
def test_the_palette_finds_the_letters_and_marks_them_in_the_text_as_written(
    query: str, forms: tuple[str, str]
) -> None:
    data_form, query_form = forms
    text = "Cast: " + as_form(CHARACTER, data_form)
    offsets = letters_in_order(as_form(query, query_form), text)
    assert offsets, query
    assert all(0 <= offset < len(text) for offset in offsets)
    marked = "".join(text[offset] for offset in offsets)
    assert nfc(marked).startswith(nfc(query)[:1]) or query == "ㄱ"


def test_the_palette_still_finds_ascii_letters_in_order() -> None:
    assert letters_in_order("mtr", "Cast: mentors") == [6, 9, 11]
    assert letters_in_order("ment", "Cast: mentors") == [6, 7, 8, 9]
    assert letters_in_order("xyz", "Cast: mentors") == []


def test_a_romanized_title_equal_to_the_title_in_another_form_is_not_repeated() -> None:
    import msgspec

    from showguide.core.model import Show

    data = show_dict(title=nfd("Café"), romanized_title=nfc("Café"))
    table = facts_table(msgspec.convert(data, Show))
    rows = {str(cell) for column in table.columns for cell in column._cells}
    assert nfc("Café") not in rows and nfd("Café") not in rows
