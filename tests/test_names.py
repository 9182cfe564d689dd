"""Naming a show on the command line: ids, titles in any script, words of a title."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from showguide.core.catalog import UnknownShow, load_catalog
from showguide.core.catalog_view import filter_rows
from tests.cli import plain_terminal, run_cli
from tests.showdata import show_dict, write_show


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    folder = tmp_path / "shelf"
    folder.mkdir()
    write_show(
        folder,
        show_dict(
            id="counsel",
            title="Remarkable Counsel Woo",
            native_title="놀라운 변호사 우해진",
            romanized_title="Nollaun Byeonhosa U Haejin",
        ),
        "counsel.yaml",
    )
    write_show(folder, show_dict(id="night-train", title="Night Train"), "night-train.yaml")
    write_show(folder, show_dict(id="night-bus", title="Night Bus"), "night-bus.yaml")
    write_show(folder, show_dict(id="nightingale", title="The Nightingale"), "nightingale.yaml")
    return folder


def _printed_title(
    capsys: pytest.CaptureFixture[str], shelf: Path, name: str
) -> tuple[int, str, str]:
    result = run_cli(capsys, "--data", str(shelf), "print", name, "--section", "overview")
    first = result.out.splitlines()[0] if result.out else ""
    return result.code, first, result.err


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("발레리나", "Ballerina"),  # the bundled show's native title
        (unicodedata.normalize("NFD", "발레리나"), "Ballerina"),  # typed as jamo (macOS)
        ("woo", "Remarkable Counsel Woo"),  # a whole word of the title
        ("WOO", "Remarkable Counsel Woo"),
        ("counsel woo", "Remarkable Counsel Woo"),  # words, not a prefix of the title
        ("우해진", "Remarkable Counsel Woo"),  # a word of the native title
        ("놀라운 변호사 우해진", "Remarkable Counsel Woo"),  # the native title
        ("nollaun byeonhosa", "Remarkable Counsel Woo"),  # the romanized title's start
        ("haejin", "Remarkable Counsel Woo"),  # a word of the romanized title
        ("rem coun", "Remarkable Counsel Woo"),  # starts of words, as the filter
        ("nightingale", "The Nightingale"),  # an exact id beats words that start it
        ("night train", "Night Train"),
    ],
)
def test_print_finds_a_show_by_any_of_its_titles_or_their_words(
    shelf: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    title: str,
) -> None:
    plain_terminal(monkeypatch)
    code, first, err = _printed_title(capsys, shelf, name)
    assert (code, err) == (0, "")
    assert first.startswith(title)


def test_a_name_the_catalog_filter_finds_alone_is_one_print_finds(shelf: Path) -> None:
    catalog = load_catalog([shelf])
    for query in ("woo", "우해진", "counsel", "haej", "train", "bus"):
        found = [row.id for row in filter_rows(catalog.rows(), query)]
        assert len(found) == 1, query
        assert catalog.resolve(query).id == found[0]


def test_a_name_that_fits_several_shows_lists_them_on_one_line_and_exits_2(
    shelf: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    # "night" is the start of three ids; none is "night" itself.
    result = run_cli(capsys, "--data", str(shelf), "print", "night")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "showguide: 'night' matches more than one show;"
        " did you mean 'night-bus' or 'night-train' or 'nightingale'?\n"
    )


def test_many_matches_are_counted_not_all_listed(tmp_path: Path) -> None:
    for number in range(12):
        write_show(
            tmp_path, show_dict(id=f"tale-{number:02}", title=f"Tale {number}"), f"{number}.yaml"
        )
    with pytest.raises(UnknownShow) as caught:
        load_catalog([tmp_path]).resolve("tale")
    message = str(caught.value)
    assert message.startswith("'tale' matches 12 shows; did you mean 'tale-00', 'tale-01',")
    assert message.endswith(" or 4 more? ('showguide list' shows them all)")
    assert "\n" not in message


def test_a_word_matching_nothing_still_says_no_show(
    shelf: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    result = run_cli(capsys, "--data", str(shelf), "print", "woo zebra")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("showguide: no show called 'woo zebra'")
