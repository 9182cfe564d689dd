"""``showguide new``: a commented starter show file that validates as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from showguide.core.loader import load_show, parse_show
from showguide.core.starter import show_id_for, starter_show
from tests.cli import plain_terminal, run_cli

MODELINE = "# yaml-language-server: $schema=show.schema.json\n"


def test_the_starter_validates_and_carries_the_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "harbour.yaml"
    result = run_cli(capsys, "new", "Harbour Lights", "-o", str(target))
    assert (result.code, result.out) == (0, "")
    assert result.err.startswith(f"Wrote a starter show file for Harbour Lights to {target} (")
    assert result.err.endswith(f"; check your edits with: showguide validate {target}\n")
    text = target.read_text(encoding="utf-8")
    assert text.startswith(MODELINE)
    show = load_show(target)
    assert (show.id, show.title) == ("harbour-lights", "Harbour Lights")
    checked = run_cli(capsys, "validate", str(target))
    assert checked.code == 0


def test_without_o_the_starter_goes_to_standard_output(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_cli(capsys, "new", "Harbour Lights")
    assert result.code == 0
    assert result.out.startswith(MODELINE)
    assert parse_show(result.out, "<stdout>").title == "Harbour Lights"


def test_every_part_of_the_starter_is_explained_by_a_comment() -> None:
    text = starter_show("Harbour Lights")
    blocks = [block.splitlines() for block in text.split("\n\n")]
    with_fields = [block for block in blocks if any(line[:1].isalpha() for line in block)]
    assert len(with_fields) >= 8  # the check below looks at the whole file
    for block in with_fields:
        assert any(line.lstrip().startswith("#") for line in block), block
    # The optional fields with no sensible placeholder are there, commented out.
    lines = text.splitlines()
    for field in ("native_title", "network", "premiere_date", "ratings", "dance_double", "url"):
        assert any(line.lstrip().startswith(f"# {field}:") for line in lines), field


# Titles whose id would read as a number, a boolean or null if left unquoted.
@example(title="0")
@example(title="Yes")
@example(title="null")
# A line break YAML reads as a space unless it is escaped.
@example(title="0\x850")
@given(title=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=60))
def test_any_title_gives_a_file_that_loads_with_that_title(title: str) -> None:
    if not title.strip():
        return  # refused; see the test below
    show = parse_show(starter_show(title), "starter.yaml")
    # The id is made from the title; the model has checked its pattern.
    assert show.title == title.strip()


def test_ids_drop_accents_and_stand_in_for_scripts_without_ascii() -> None:
    assert show_id_for("Café Society") == ("cafe-society", False)
    hangul, invented = show_id_for("발레리나")
    assert invented
    assert hangul.startswith("show-")
    assert show_id_for("발레리나") != show_id_for("무용수")  # different titles, different ids


def test_an_empty_title_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    target = tmp_path / "x.yaml"
    result = run_cli(capsys, "new", "   ", "-o", str(target))
    assert (result.code, result.out) == (2, "")
    assert result.err == "showguide: the title must not be empty\n"
    assert not target.exists()
