"""The command line's refusals: a mistyped command, bad arguments, bad paths, bad files.

Each says what is wrong in one line (and at most one line saying where help
is), before any other output, and exits with 2.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from showguide.core.prefs import Preferences, load_preferences, load_state, preferences_path
from showguide.core.prefs import state_path as state_file
from tests.cli import plain_terminal, run_cli
from tests.showdata import show_dict, write_show
from tests.test_launch import AppSpy
from tests.test_launch import app_spy as app_spy  # a fixture

# A mistyped command -------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("lsit", "list"),
        ("LSIT", "list"),
        ("prnit", "print"),
        ("exprot", "export"),
        ("hlep", "help"),
    ],
)
def test_a_mistyped_command_is_suggested_not_taken_for_a_show(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, typed: str, command: str
) -> None:
    plain_terminal(monkeypatch)
    result = run_cli(capsys, typed)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"showguide: no command or show called {typed!r}; did you mean {command!r}?\n"
    )


def test_a_mistyped_command_with_arguments_is_one_line_and_a_hint(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    with pytest.raises(SystemExit) as done:
        run_cli(capsys, "prnt", "ballerina", "--section", "plot")
    assert done.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        "showguide: error: no command called 'prnt'; did you mean 'print'?",
        "try 'showguide --help'",
    ]


def test_a_show_whose_name_looks_like_a_command_still_opens(
    tmp_path: Path, app_spy: AppSpy, capsys: pytest.CaptureFixture[str]
) -> None:
    write_show(tmp_path, show_dict(id="lists", title="Lists"), "lists.yaml")
    assert run_cli(capsys, "lists", "--data", str(tmp_path)).code == 0
    ((_, chosen, _),) = app_spy.calls
    assert chosen is not None and chosen.id == "lists"


def test_a_word_near_no_command_is_an_unknown_show_as_before(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    result = run_cli(capsys, "balerina")
    assert (result.code, result.err) == (
        2,
        "showguide: no show called 'balerina'; did you mean 'ballerina'?\n",
    )


def test_help_gives_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        run_cli(capsys, "help")
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: showguide [OPTIONS] [NAME]")
    assert "  list      list the shows that are available" in out
    with pytest.raises(SystemExit) as done:
        run_cli(capsys, "help", "export")
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("usage: showguide export ")


def test_help_for_a_mistyped_command_suggests_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        run_cli(capsys, "help", "exprot")
    assert done.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        "showguide: error: no command called 'exprot'; did you mean 'export'?",
        "try 'showguide --help'",
    ]


# Usage errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "problem", "prog"),
    [
        (["print", "--bogus"], "unrecognized arguments: --bogus", "showguide print"),
        (
            ["print", "--section", "nope"],
            "argument -s/--section: invalid choice: 'nope' (choose from 'overview', 'plot',"
            " 'cast', 'highlights', 'faq', 'sources', 'episodes')",
            "showguide print",
        ),
        (["export"], "the following arguments are required: NAME", "showguide export"),
        (["--bogus"], "unrecognized arguments: --bogus", "showguide"),
    ],
)
def test_a_usage_error_is_one_line_and_a_hint_not_a_usage_block(
    capsys: pytest.CaptureFixture[str], args: list[str], problem: str, prog: str
) -> None:
    with pytest.raises(SystemExit) as done:
        run_cli(capsys, *args)
    assert done.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [f"{prog}: error: {problem}", f"try '{prog} --help'"]


# --data first, then the output -----------------------------------------------


@pytest.mark.parametrize("extra", [[], ["--json"]], ids=["tsv", "json"])
def test_a_missing_data_path_fails_before_anything_is_listed(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    extra: list[str],
) -> None:
    plain_terminal(monkeypatch)
    missing = tmp_path / "nope.yaml"
    result = run_cli(capsys, "--data", str(missing), "list", *extra)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"{missing}:1:1: (file): no such file or folder\n"


# --format md ------------------------------------------------------------------


@pytest.mark.parametrize(("alias", "suffix"), [("md", ".md"), ("MD", ".md"), ("yml", ".yaml")])
def test_format_takes_the_suffixes_o_takes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, alias: str, suffix: str
) -> None:
    by_alias = run_cli(capsys, "export", "ballerina", "--format", alias)
    assert (by_alias.code, by_alias.err) == (0, "")
    target = tmp_path / f"out{suffix}"
    assert run_cli(capsys, "export", "ballerina", "-o", str(target)).code == 0
    assert by_alias.out == target.read_text(encoding="utf-8")


# Corrupt preferences, in words ------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            {"theme": 5},
            '"theme" is 5 (a number) where it should be a theme\'s name in quotes'
            ' (such as "nord"), or null',
        ),
        (
            {"spoiler_shield": "yes"},
            '"spoiler_shield" is "yes" (text) where it should be true or false',
        ),
        ([], "it holds a list where it should hold an object in braces { }"),
        ("", "it is empty"),
        ('{"theme": "nord",', "it ends too soon, as if cut off while it was written"),
        ('{"theme": "nord"}\n}', "it is not valid JSON: trailing characters, near line 2"),
    ],
)
def test_a_corrupt_preferences_notice_says_what_was_wrong_and_what_was_done(
    content: object, reason: str
) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True)
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    loaded = load_preferences()
    assert loaded.value == Preferences()
    (aside,) = path.parent.glob("preferences.json.corrupt-*")
    assert loaded.notice == (
        f"the preferences file {path} was unusable: {reason}. It was moved to {aside};"
        " the default preferences are used."
    )
    assert "Expected" not in loaded.notice and "$." not in loaded.notice


def test_a_corrupt_state_notice_names_the_entry() -> None:
    path = state_file()
    path.parent.mkdir(parents=True)
    path.write_text('{"panes": {"ballerina": 3}}')
    notice = load_state().notice
    assert notice is not None
    assert notice.startswith(
        f'the state file {path} was unusable: an entry of "panes" is a number where it'
        " should be text in quotes. It was moved to "
    )
    assert notice.endswith("; a fresh state is used.")


# export -o says what it wrote -------------------------------------------------


def test_export_to_a_file_says_what_it_wrote_and_what_it_left_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plain_terminal(monkeypatch)
    twist = {"id": "twist", "name": "The twin", "tier": "lead", "description": "A secret."}
    write_show(
        tmp_path,
        show_dict(id="night-train", title="Night Train", characters=[{**twist, "spoiler": True}]),
        "night-train.yaml",
    )
    target = tmp_path / "out.md"
    hidden = run_cli(capsys, "--data", str(tmp_path), "export", "night-train", "-o", str(target))
    assert (hidden.code, hidden.out) == (0, "")
    assert re.fullmatch(
        f"Wrote Night Train as Markdown to {re.escape(str(target))}"
        r" \((?:\d+ bytes|\d+\.\d kB)\); spoilers, and what lies past your progress,"
        r" left out \(--spoilers keeps them\)\n",
        hidden.err,
    )
    assert "The twin" not in target.read_text(encoding="utf-8")
    whole = run_cli(
        capsys,
        "--data",
        str(tmp_path),
        "export",
        "night-train",
        "-o",
        str(target),
        "--force",
        "--spoilers",
    )
    assert whole.code == 0
    assert whole.err.startswith(f"Wrote Night Train as Markdown to {target} (")
    assert "left out" not in whole.err
