"""``list`` and ``validate`` for scripts and for people: TSV, JSON and the terminal table.

The shapes checked here are the ones README.md documents ("Output for scripts").
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from showguide.commands import listing, records
from showguide.core.catalog import CatalogLoad
from tests.cli import cli_env, plain_terminal, run_cli, terminal
from tests.conftest import REPO
from tests.showdata import show_dict, write_show

TSV_HEADER = "id\ttitle\tnative_title\tyear\tnetwork\tstatus\torigin\tfile\tproblems"
#: README.md's shape of one ``list --json`` element: key -> allowed JSON types.
LIST_SHAPE: dict[str, tuple[type, ...]] = {
    "id": (str, type(None)),
    "title": (str, type(None)),
    "native_title": (str, type(None)),
    "year": (int, type(None)),
    "network": (str, type(None)),
    "status": (str, type(None)),
    "origin": (str,),
    "file": (str,),
    "problems": (list,),
}
PROBLEM_SHAPE: dict[str, tuple[type, ...]] = {
    "file": (str,),
    "line": (int,),
    "column": (int,),
    "path": (str,),
    "message": (str,),
}
BOX_CHARACTERS = set("│┃┆─━┏┓┗┛┌┐└┘├┤┬┴┼╭╮╯╰═║")
LONG_TITLE = "The attorney wore a very long title that no terminal is wide enough for"


@pytest.fixture
def shows(tmp_path: Path, only_one: None) -> Path:
    """Two good shows (one with a Hangul title and a long one) and a broken file."""
    folder = tmp_path / "shows"
    folder.mkdir()
    write_show(
        folder,
        show_dict(id="harbour", title=LONG_TITLE, native_title="항구의 불빛", year=2024),
        "a-harbour.yaml",
    )
    write_show(folder, show_dict(id="plain", title="Plain", network="KBC"), "b-plain.yaml")
    write_show(folder, show_dict(id="broken", status="maybe", year="soon"), "c-broken.yaml")
    return folder


def check_shape(item: dict[str, Any], shape: dict[str, tuple[type, ...]]) -> None:
    assert list(item) == list(shape)
    for key, types in shape.items():
        assert isinstance(item[key], types), (key, item[key])


# --- TSV ------------------------------------------------------------------------------


def test_piped_list_is_tsv_with_a_header_and_one_line_per_show(
    shows: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    result = run_cli(capsys, "list", "--data", str(shows))

    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == TSV_HEADER
    rows = [line.split("\t") for line in lines[1:]]
    assert rows == [
        [
            "harbour",
            LONG_TITLE,
            "항구의 불빛",
            "2024",
            "",
            "airing",
            "--data",
            str(shows / "a-harbour.yaml"),
            "0",
        ],
        ["plain", "Plain", "", "", "KBC", "airing", "--data", str(shows / "b-plain.yaml"), "0"],
        ["", "", "", "", "", "", "--data", str(shows / "c-broken.yaml"), "2"],
    ]
    assert "1 show file could not be loaded" in result.err


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(columns=st.one_of(st.integers(min_value=0, max_value=400), st.sampled_from(["", "x"])))
def test_piped_list_never_wraps_or_cuts_whatever_columns_says(
    shows: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    columns: int | str,
) -> None:
    plain_terminal(monkeypatch, COLUMNS=str(columns))
    monkeypatch.delenv("NO_COLOR")
    result = run_cli(capsys, "list", "--data", str(shows))

    lines = result.out.splitlines()
    assert len(lines) == 4
    assert all(len(line.split("\t")) == 9 for line in lines)
    assert lines[1].split("\t")[1] == LONG_TITLE
    assert not BOX_CHARACTERS & set(result.out)
    assert "\x1b" not in result.out


def test_tsv_escapes_tabs_line_breaks_backslashes_and_shows_control_characters(
    tmp_path: Path, only_one: None, capsys: pytest.CaptureFixture[str]
) -> None:
    write_show(tmp_path, show_dict(title="Tab\there\nnext \\ line \x1b[31m"))

    result = run_cli(capsys, "list", "--data", str(tmp_path / "show.yaml"))

    (row,) = result.out.splitlines()[1:]
    assert row.split("\t")[1] == "Tab\\there\\nnext \\\\ line ␛[31m"


# --- JSON -----------------------------------------------------------------------------


def test_list_json_is_one_array_in_the_documented_shape(
    shows: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal(monkeypatch, COLUMNS="40")  # JSON whatever standard output is
    result = run_cli(capsys, "list", "--json", "--data", str(shows))

    assert result.code == 0
    items = json.loads(result.out)
    for item in items:
        check_shape(item, LIST_SHAPE)
        for problem in item["problems"]:
            check_shape(problem, PROBLEM_SHAPE)
    harbour, plain, broken = items
    assert harbour == {
        "id": "harbour",
        "title": LONG_TITLE,
        "native_title": "항구의 불빛",
        "year": 2024,
        "network": None,
        "status": "airing",
        "origin": "--data",
        "file": str(shows / "a-harbour.yaml"),
        "problems": [],
    }
    assert plain["network"] == "KBC"
    assert broken["id"] is None and broken["title"] is None
    assert [p["path"] for p in broken["problems"]] == ["status", "year"]
    assert broken["problems"][0]["file"] == str(shows / "c-broken.yaml")
    assert broken["problems"][0]["line"] >= 1


def test_json_keeps_text_exact_but_escapes_what_a_terminal_would_obey(
    tmp_path: Path, only_one: None, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "Esc \x1b[2J, C1 \x9b, bidi \u202e, Hangul 발레"
    write_show(tmp_path, show_dict(title=title))

    result = run_cli(capsys, "list", "--json", "--data", str(tmp_path / "show.yaml"))

    assert "\\u001b[2J" in result.out and "\\u009b" in result.out and "\\u202e" in result.out
    assert "발레" in result.out  # readable, not \\uXXXX
    assert not {"\x1b", "\x9b", "\u202e"} & set(result.out)
    assert json.loads(result.out)[0]["title"] == title


def test_validate_json_is_one_object_per_problem(
    shows: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.yaml")
    result = run_cli(capsys, "validate", "--json", str(shows), missing)

    assert result.code == 2
    problems = json.loads(result.out)
    for problem in problems:
        check_shape(problem, PROBLEM_SHAPE)
    broken = str(shows / "c-broken.yaml")
    assert [(p["file"], p["path"]) for p in problems] == [
        (broken, "status"),
        (broken, "year"),
        (missing, "(file)"),
    ]
    assert "4 show files checked: 2 with problems (3 in all)" in result.err


def test_validate_json_of_valid_files_is_an_empty_array(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_cli(capsys, "validate", "--json", str(REPO / "data" / "shows"))
    assert result.code == 0
    assert json.loads(result.out) == []


# --- the terminal table ------------------------------------------------------------------


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_on_a_terminal_list_is_an_aligned_table_that_fits_the_width(
    shows: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    plain_terminal(monkeypatch, COLUMNS=str(width), TTY_COMPATIBLE="1")
    result = run_cli(capsys, "list", "--data", str(shows))

    lines = result.out.splitlines()
    header = lines[0].split()
    assert header[:2] == ["id", "title"] and header[-3:] == ["network", "status", "from"]
    assert len(lines) == 4
    assert all(cell_len(line) <= width for line in lines)
    assert not BOX_CHARACTERS & set(result.out)
    # Aligned: the origin column starts at the same cell on every line.
    starts = {cell_len(line[: line.rindex("  ") + 2]) for line in lines}
    assert len(starts) == 1
    assert lines[3].startswith("-        c-broken")
    if width >= 200:
        assert LONG_TITLE in lines[1]  # wide enough: nothing is cut
        assert "항구의 불빛" in lines[1]
    else:
        assert "…" in lines[1]


def test_the_terminal_table_colours_only_on_a_colour_terminal(
    shows: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal(monkeypatch, COLUMNS="200")
    coloured = run_cli(capsys, "list", "--data", str(shows)).out
    plain_terminal(monkeypatch, COLUMNS="200", TTY_COMPATIBLE="1")
    plain = run_cli(capsys, "list", "--data", str(shows)).out

    assert f"{records.RED}c-broken.yaml: 2 problems{records.RESET}" in coloured
    assert "\x1b" not in plain
    assert plain.splitlines()[0].split("  ")[0] == "id"


# --- streaming -----------------------------------------------------------------------------


class RecordingStream:
    """A text stream that keeps each write to its byte buffer apart."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.buffer = self

    def write(self, data: bytes) -> int:
        self.writes.append(data)
        return len(data)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def test_the_tsv_header_is_written_before_the_shows_are_loaded_and_rows_in_chunks(
    tmp_path: Path, only_one: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(600):
        write_show(
            tmp_path, show_dict(id=f"show-{number:03}", title=f"Show {number}"), f"{number:03}.yaml"
        )
    stream = RecordingStream()
    monkeypatch.setattr(sys, "stdout", stream)
    loaded = CatalogLoad.finish
    written_before_loading: list[bytes] = []

    def load(*args: Any, **kwargs: Any) -> Any:
        written_before_loading.extend(stream.writes)
        return loaded(*args, **kwargs)

    monkeypatch.setattr(CatalogLoad, "finish", load)
    from showguide.cli import main

    assert main(["list", "--data", str(tmp_path)]) == 0
    assert written_before_loading == [(TSV_HEADER + "\n").encode()]
    # 600 rows in several writes, not one at the end.
    assert len(stream.writes) >= 3
    assert len(b"".join(stream.writes).splitlines()) == 601


def test_the_first_line_of_a_pipe_arrives_while_the_process_is_still_working(
    tmp_path: Path,
) -> None:
    for number in range(300):
        write_show(tmp_path, show_dict(id=f"show-{number:03}"), f"{number:03}.yaml")
    env = {**cli_env(), "SHOWGUIDE_HOME": str(tmp_path / "home")}  # an empty parse cache
    process = subprocess.Popen(
        [sys.executable, "-m", "showguide", "list", "--data", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        still_running = process.poll() is None
        rest = process.stdout.read()
    finally:
        process.wait(timeout=60)
    assert first.decode() == TSV_HEADER + "\n"
    assert still_running, "the header should come before 300 files are parsed"
    assert len(rest.splitlines()) == 301  # 300 and the bundled show


# --- the documented shapes ----------------------------------------------------------------

README_EXAMPLE = re.compile(
    r"<!-- example: (?P<name>[\w-]+) -->\n```\w+\n(?P<body>.*?)^```$", re.S | re.M
)


def readme_example(name: str) -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = {m["name"]: m["body"] for m in README_EXAMPLE.finditer(text)}
    assert name in found, f"README.md has no '<!-- example: {name} -->' block"
    return found[name]


def test_readme_documents_the_tsv_header_that_list_prints() -> None:
    assert readme_example("list-tsv-header") == TSV_HEADER + "\n"
    assert tuple(TSV_HEADER.split("\t")) == listing.FIELDS


def test_readme_documents_the_json_shapes_that_the_tests_check() -> None:
    listed = json.loads(readme_example("list-json"))
    for item in listed:
        check_shape(item, LIST_SHAPE)
        for problem in item["problems"]:
            check_shape(problem, PROBLEM_SHAPE)
    assert any(item["problems"] for item in listed)
    for problem in json.loads(readme_example("validate-json")):
        check_shape(problem, PROBLEM_SHAPE)


def test_the_readme_examples_are_what_the_commands_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.yaml").write_text("format_version: 1\nstatus: maybe\n", encoding="utf-8")
    documented = json.loads(readme_example("validate-json"))[0]
    result = run_cli(capsys, "validate", "--json", str(tmp_path / "broken.yaml"))
    printed = [p for p in json.loads(result.out) if p["path"] == "status"]
    assert printed == [{**documented, "file": str(tmp_path / "broken.yaml")}]
    listed = json.loads(run_cli(capsys, "list", "--json").out)
    bundled = json.loads(readme_example("list-json"))[0]
    assert listed[0] == {**bundled, "file": str(REPO / "data" / "shows" / "ballerina.yaml")}
