"""The command line, run in a subprocess exactly as a user runs it."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

import showguide
from tests.cli import run_showguide
from tests.conftest import REPO
from tests.showdata import show_dict, write_show

PROBLEM_LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<path>\S+): (?P<msg>.+)$"
)

#: A show file with five problems, each on a known line and column.
BROKEN = """\
format_version: 1
id: Broken Show
title: 1984
format: series
status: airng
country: Nowhere
original_language: Esperanto
audience:
  summary: For testing.
logline: A broken show.
plot:
  synopsis: Things happen.
  setting: A test runner.
verdcit: Fails.
"""

BROKEN_PROBLEMS = [
    "broken.yaml:1:1: verdict: required but missing",
    "broken.yaml:2:5: id: 'Broken Show' must be lower-case letters, digits and hyphens",
    "broken.yaml:3:8: title: expected text, got 1984 (put it in quotes to make it text)",
    "broken.yaml:5:9: status: 'airng' is not one of 'announced', 'upcoming', 'airing', 'ended';"
    " did you mean 'airing'?",
    "broken.yaml:14:1: verdcit: unknown key; did you mean 'verdict'?",
]


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr


def test_version_prints_name_and_version() -> None:
    result = run_showguide("--version")
    assert result.returncode == 0
    assert result.stdout == f"showguide {showguide.__version__}\n"


def test_help_lists_every_command() -> None:
    result = run_showguide("--help")
    assert result.returncode == 0
    for command in ("validate", "list", "schema", "print", "export", "new"):
        assert re.search(rf"^\s+{command}\s+\S", result.stdout, re.MULTILINE), command
    no_traceback(result)


def test_validate_without_paths_checks_the_bundled_shows(tmp_path: Path) -> None:
    result = run_showguide("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^ok .*ballerina\.yaml \(Ballerina\)$", result.stdout, re.MULTILINE)
    assert "all valid" in result.stderr


def test_validate_reports_every_problem_one_line_each(tmp_path: Path) -> None:
    write_show(tmp_path, BROKEN, "broken.yaml")
    result = run_showguide("validate", "broken.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines() == BROKEN_PROBLEMS
    assert "1 with problems (5 in all)" in result.stderr
    no_traceback(result)


def test_validate_reports_problems_of_every_file_named(tmp_path: Path) -> None:
    write_show(tmp_path, BROKEN, "broken.yaml")
    write_show(tmp_path, "title: [unclosed\n", "syntax.yaml")
    (tmp_path / "latin1.yaml").write_bytes("title: Caf\xe9\n".encode("latin-1"))
    result = run_showguide(
        "validate", "broken.yaml", "syntax.yaml", "latin1.yaml", "missing.yaml", cwd=tmp_path
    )
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert all(PROBLEM_LINE.match(line) for line in lines), lines
    assert {PROBLEM_LINE.match(line)["file"] for line in lines} == {
        "broken.yaml",
        "syntax.yaml",
        "latin1.yaml",
        "missing.yaml",
    }
    assert "latin1.yaml:1:11: (file): byte 0xe9 is not UTF-8; save the file as UTF-8" in lines
    assert "missing.yaml:1:1: (file): no such file" in lines
    assert "4 with problems" in result.stderr
    no_traceback(result)


def test_validate_a_folder_checks_each_show_file_in_it(tmp_path: Path) -> None:
    folder = tmp_path / "shows"
    folder.mkdir()
    write_show(folder, show_dict(), "good.yaml")
    write_show(folder, BROKEN, "broken.yaml")
    (folder / "notes.txt").write_text("not a show", encoding="utf-8")
    result = run_showguide("validate", "shows", cwd=tmp_path)
    assert result.returncode == 2
    assert "ok shows/good.yaml (Test Show)" in result.stdout.splitlines()
    problems = [line for line in result.stdout.splitlines() if PROBLEM_LINE.match(line)]
    assert problems == [f"shows/{line}" for line in BROKEN_PROBLEMS]
    assert "2 show files checked" in result.stderr

    (folder / "broken.yaml").unlink()
    result = run_showguide("validate", "shows", cwd=tmp_path)
    assert result.returncode == 0
    assert "1 show file checked: all valid" in result.stderr


def test_validate_a_folder_without_show_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run_showguide("validate", "empty", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "empty:1:1: (file): no show files (*.yaml, *.yml) in this folder"
    ]


def test_list_shows_the_bundled_show_with_its_native_title(tmp_path: Path) -> None:
    result = run_showguide("list", cwd=tmp_path)
    assert result.returncode == 0
    assert "Ballerina" in result.stdout
    assert "발레리나" in result.stdout
    assert "Netflix" in result.stdout
    no_traceback(result)


def test_schema_prints_the_committed_schema() -> None:
    result = run_showguide("schema")
    assert result.returncode == 0
    committed = (REPO / "data" / "show.schema.json").read_text(encoding="utf-8")
    assert json.loads(result.stdout) == json.loads(committed)
    assert result.stdout == committed


@pytest.mark.parametrize("args", [["--bogus"], ["validate", "--bogus"], ["list", "extra"]])
def test_bad_arguments_exit_2_with_one_line_and_where_help_is(args: list[str]) -> None:
    result = run_showguide(*args)
    assert result.returncode == 2
    problem, hint = result.stderr.splitlines()  # no usage block
    assert "unrecognized arguments" in problem
    command = " ".join(["showguide", *args[:1]]) if args[0] != "--bogus" else "showguide"
    assert problem.startswith(f"{command}: error: ")
    assert hint == f"try '{command} --help'"
    no_traceback(result)


def test_print_export_and_new_work_end_to_end(tmp_path: Path) -> None:
    printed = run_showguide("print", "ballerina", cwd=tmp_path)
    assert (printed.returncode, printed.stderr) == (0, "")
    assert printed.stdout.startswith("Ballerina  발레리나\n")
    assert "\x1b" not in printed.stdout  # piped: plain text

    exported = run_showguide("export", "ballerina", "-o", "ballerina.json", cwd=tmp_path)
    assert (exported.returncode, exported.stdout) == (0, "")
    # Said on standard error (standard output is for data), with the size.
    assert re.fullmatch(
        r"Wrote Ballerina as JSON to ballerina\.json \(\d+\.\d kB\)\n", exported.stderr
    )
    assert (
        json.loads((tmp_path / "ballerina.json").read_text(encoding="utf-8"))["id"] == "ballerina"
    )

    created = run_showguide("new", "Harbour Lights", "-o", "harbour.yaml", cwd=tmp_path)
    assert created.returncode == 0
    checked = run_showguide("validate", "harbour.yaml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize(
    "args", [["print", "balerina"], ["export", "balerina", "--format", "json"]], ids=" ".join
)
def test_an_unknown_show_is_one_line_with_a_suggestion_and_exit_2(args: list[str]) -> None:
    result = run_showguide(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "showguide: no show called 'balerina'; did you mean 'ballerina'?\n"


def test_data_before_print_adds_a_folder_of_shows(tmp_path: Path) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    write_show(shelf, show_dict(id="night-train", title="Night Train"), "night-train.yaml")
    result = run_showguide("--data", "shelf", "print", "night-train", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("Night Train\n")


def test_every_command_names_a_module_that_runs_it() -> None:
    import importlib

    from showguide.cli import COMMANDS, LAUNCH

    for module in (*(info[2] for info in COMMANDS.values()), LAUNCH):
        assert callable(importlib.import_module(f"showguide.commands.{module}").run), module
