"""``showguide export``: Markdown to publish, JSON and YAML that load back identically."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt

from showguide.core.export import export_show, to_json, to_yaml
from showguide.core.loader import load_show, parse_show
from showguide.core.markdown import md_text, to_markdown
from showguide.core.model import Show
from showguide.core.text import has_unsafe, visible
from tests.cli import plain_terminal, run_cli
from tests.conftest import BALLERINA, REPO
from tests.golden import assert_golden
from tests.hostile import RAW_CONTROL, hostile_text_show
from tests.showdata import show_dict, write_show
from tests.strategies import TRICKY_TEXT, shows

SUFFIX = {"markdown": "md", "json": "json", "yaml": "yaml"}
ROUND_TRIP = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def schema_validator() -> Draft202012Validator:
    schema = json.loads((REPO / "data" / "show.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(text: str) -> list[str]:
    return [error.message for error in schema_validator().iter_errors(json.loads(text))]


def test_the_formats_offered_are_the_formats_exported() -> None:
    # cli.py lists them itself so that --help imports nothing but argparse.
    from showguide.cli import EXPORT_FORMATS
    from showguide.core.export import FORMATS

    assert EXPORT_FORMATS == FORMATS == tuple(SUFFIX)


@pytest.mark.parametrize("format_name", ["markdown", "json", "yaml"])
def test_the_bundled_show_matches_its_golden_export(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, format_name: str
) -> None:
    plain_terminal(monkeypatch)
    result = run_cli(capsys, "export", "ballerina", "--format", format_name)
    assert (result.code, result.err) == (0, "")
    assert_golden(f"ballerina.{SUFFIX[format_name]}", result.out)


def test_the_bundled_show_exports_to_json_that_the_schema_accepts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run_cli(capsys, "export", "ballerina", "--format", "json").out
    assert schema_errors(out) == []
    assert msgspec.json.decode(out, type=Show) == load_show(BALLERINA)


def test_the_schema_check_catches_a_bad_export() -> None:
    """The check above can fail: an export with a wrong field is rejected."""
    good = json.loads(to_json(load_show(BALLERINA)))
    good["status"] = "finished"
    good["extra"] = 1
    assert len(schema_errors(json.dumps(good))) == 2


@pytest.mark.slow
@ROUND_TRIP
@given(show=shows())
def test_json_export_validates_and_loads_back_identically(show: Show) -> None:
    text = to_json(show)
    assert schema_errors(text) == []
    assert msgspec.json.decode(text, type=Show) == show
    # JSON is YAML too: the show loader reads an export as it is.
    assert parse_show(text, "export.json") == show


@pytest.mark.slow
@ROUND_TRIP
@given(show=shows())
def test_yaml_export_loads_back_identically(show: Show) -> None:
    text = to_yaml(show)
    assert text.startswith("# yaml-language-server: $schema=show.schema.json\n")
    assert parse_show(text, "export.yaml") == show


def test_exports_escape_what_a_terminal_or_reader_could_act_on() -> None:
    show = load_show(BALLERINA)
    hostile = msgspec.structs.replace(show, verdict="\x1b[31m\x9b\u202eevil\u2028")
    text = to_json(hostile)
    assert "\\u001b[31m\\u009b\\u202eevil\\u2028" in text
    assert msgspec.json.decode(text, type=Show) == hostile
    assert "\x1b" not in to_yaml(hostile)
    assert "\x1b" not in to_markdown(hostile)


# Markdown: data can never become markup on the published page ---------------


def parse_markdown(text: str) -> list[Any]:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)


def structure(text: str) -> list[str]:
    """Every block and inline token type, with runs of text tokens merged."""
    types: list[str] = []
    for token in parse_markdown(text):
        for kind in [token.type, *(child.type for child in token.children or [])]:
            if kind in ("text", "softbreak") and types and types[-1] == "text":
                continue
            types.append("text" if kind == "softbreak" else kind)
    return types


def plain_twin(show: Show) -> Show:
    """The same show with every piece of text replaced by a harmless word.

    Equal texts get the same word and different texts different words: the
    cast is grouped by equal group names, and the page depends on that.
    """
    words: dict[str, str] = {}

    def plain(value: Any) -> Any:
        if isinstance(value, msgspec.Struct):
            changes = {
                field: plain(getattr(value, field))
                for field in value.__struct_fields__
                if field not in ("id", "format", "status", "tier", "category", "kind", "url")
            }
            return msgspec.structs.replace(value, **changes)
        if isinstance(value, list):
            return [plain(item) for item in value]
        if isinstance(value, str) and value != "not yet announced":
            # Keep the paragraphs: prose may have several, and each is a block.
            # Split what Markdown sees: control characters such as \x1f are
            # whitespace to str.split but are shown (made visible) on the page.
            paragraphs = [p for p in re.split(r"\n[ \t]*\n", visible(value)) if p.strip()]
            word = words.setdefault(value, f"word{len(words)}")
            return "\n\n".join(word for _ in paragraphs) or " "
        return value

    result: Show = plain(show)
    return result


@pytest.mark.slow
@ROUND_TRIP
@given(show=shows())
def test_markdown_from_any_data_has_the_structure_of_plain_data(show: Show) -> None:
    assert structure(to_markdown(show)) == structure(to_markdown(plain_twin(show)))


@pytest.mark.parametrize("text", TRICKY_TEXT)
def test_markdown_shows_each_tricky_text_as_itself(text: str) -> None:
    tokens = parse_markdown(md_text(text))
    if not text.strip():
        assert tokens == []
        return
    inline = tokens[1]
    assert [child.type for child in inline.children] in (["text"], ["text", "text"])
    shown = "".join(child.content for child in inline.children)
    assert shown == " ".join(visible(text).split())


def test_a_pipe_in_a_cast_cell_does_not_split_the_table(tmp_path: Path) -> None:
    data = show_dict(
        characters=[
            {
                "id": "a",
                "name": "A | B",
                "tier": "lead",
                "group": "x|y",
                "description": "d",
                "actor": {"name": "C | D"},
            }
        ]
    )
    markdown = to_markdown(load_show(write_show(tmp_path, data)))
    tokens = parse_markdown(markdown)
    cells = [
        tokens[i + 1].content
        for i, token in enumerate(tokens)
        if token.type == "td_open" and tokens[i + 1].type == "inline"
    ]
    assert cells == ["A | B", "lead", "x|y", "C | D"]


def test_a_javascript_url_is_shown_as_text_not_linked(tmp_path: Path) -> None:
    data = show_dict(
        sources=[
            {"title": "Bad", "url": "javascript:alert(1)"},
            {"title": "Good", "url": "https://example.invalid/page"},
        ]
    )
    markdown = to_markdown(load_show(write_show(tmp_path, data)))
    links = [
        child.attrs["href"]
        for token in parse_markdown(markdown)
        for child in token.children or []
        if child.type == "link_open"
    ]
    assert links == ["https://example.invalid/page"]
    assert "javascript:alert(1)" in markdown


def test_markdown_marks_spoilers_it_includes(tmp_path: Path) -> None:
    data = show_dict(
        faq=[{"id": "f", "question": "Who dies?", "answer": "Everyone.", "spoiler": True}]
    )
    markdown = to_markdown(load_show(write_show(tmp_path, data)))
    assert "### Who dies?\n\n**Spoiler.** Everyone.\n" in markdown


# The command: output files ----------------------------------------------------


def test_export_writes_the_file_named_by_o(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ballerina.yaml"
    result = run_cli(capsys, "export", "ballerina", "-o", str(target))
    assert (result.code, result.out) == (0, "")
    size = len(target.read_bytes()) / 1000
    assert result.err == f"Wrote Ballerina as YAML to {target} ({size:.1f} kB)\n"
    assert load_show(target) == load_show(BALLERINA)


def test_export_needs_a_format_it_cannot_guess(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    for args in ([], ["-o", str(tmp_path / "out.txt")]):
        result = run_cli(capsys, "export", "ballerina", *args)
        assert (result.code, result.err) == (
            2,
            "showguide: choose a format with --format markdown|json|yaml\n",
        )
    assert not (tmp_path / "out.txt").exists()


def test_export_of_an_unknown_or_broken_show_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    unknown = run_cli(capsys, "export", "nope", "-f", "json")
    assert (unknown.code, unknown.out) == (2, "")
    assert unknown.err.startswith("showguide: no show called 'nope'")
    path = write_show(tmp_path, "just text", "broken.yaml")
    broken = run_cli(capsys, "export", "broken", "-f", "json", "--data", str(path))
    assert (broken.code, broken.out) == (2, "")
    assert "broken.yaml:1:1: (file): expected a mapping" in broken.err


def test_export_finds_shows_added_with_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_show(tmp_path, show_dict(id="night-train", title="Night Train"))
    result = run_cli(capsys, "--data", str(path), "export", "night-train", "-f", "yaml")
    assert (result.code, result.err) == (0, "")
    assert parse_show(result.out, "export.yaml") == load_show(path)


@pytest.mark.parametrize("format_name", ["yaml", "json"])
def test_exports_escape_bidi_zero_width_and_control_in_every_field(format_name: str) -> None:
    # The hostile show has markup and one kind of control or invisible
    # character in every text field (tests/hostile.py's PIECES).
    show = hostile_text_show().show()
    text = export_show(show, format_name)
    raw = sorted({f"U+{ord(c):04X}" for c in text if c in RAW_CONTROL and c not in "\n"})
    if format_name == "json":  # JSON escapes past U+FFFF are surrogates, which YAML refuses
        raw = [code for code in raw if len(code) <= 6]
    else:
        assert not has_unsafe(text.replace("\n", ""))
    assert raw == []
    assert parse_show(text, f"export.{format_name}") == show


def test_yaml_export_escapes_bidi_overrides_where_it_would_fold_or_quote() -> None:
    show = load_show(BALLERINA)
    for verdict in ("a\u202eb", "x" * 80 + "\u200b", "'\u2066q\u2069'", "\u202e\nline two"):
        text = to_yaml(msgspec.structs.replace(show, verdict=verdict))
        assert not has_unsafe(text.replace("\n", "")), verdict
        assert parse_show(text, "export.yaml").verdict == verdict
