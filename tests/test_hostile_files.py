"""Every hostile file gets a clear FILE:LINE:COLUMN problem and exit 2, in little memory.

Each case runs ``showguide validate`` in its own process, as a user would,
and measures that process's peak memory. Time is bounded only by a generous
timeout (a hang fails; slowness does not): the actual times are recorded by
``benchmarks/hostile_files.py``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from benchmarks.timing import Finished, run_measured
from rich.cells import cell_len

from tests.cli import cli_env
from tests.hostile import (
    BAD_FILES,
    BAD_USER_FILES,
    RAW_CONTROL,
    USER_FILES_PROBE,
    hostile_text_show,
    long_marker,
    long_text_show,
    shown_form,
)

MEMORY_LIMIT_MB = 300
#: Far above the 2 s the cases take at worst, so that only a hang fails.
TIMEOUT_S = 30
PROBLEM_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<path>\S.*?): \S")

pytestmark = pytest.mark.skipif(not hasattr(os, "wait4"), reason="measures memory with wait4")


def showguide(*arguments: str, env: dict[str, str] | None = None) -> Finished:
    environment = cli_env()
    environment.update(env or {})
    return run_measured(
        [sys.executable, "-m", "showguide", *arguments], timeout=TIMEOUT_S, env=environment
    )


def validate(*paths: Path, env: dict[str, str] | None = None) -> Finished:
    return showguide("validate", *map(str, paths), env=env)


def assert_no_raw_control(output: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in output if c in RAW_CONTROL and c != "\t"})
    assert found == [], f"control characters reached the output: {found}"


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_hostile_file_is_refused_clearly(case: str, tmp_path: Path) -> None:
    bad = BAD_FILES[case]
    if reason := bad.skip():
        pytest.skip(reason)
    path = bad.build(tmp_path)

    result = validate(path, env=dict(bad.env))

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stdout.splitlines() if not line.startswith("ok ")]
    assert problems, result.stdout
    for line in problems:
        match = PROBLEM_LINE.match(line)
        assert match, f"not FILE:LINE:COLUMN: path: message: {line[:200]!r}"
        assert match["file"].startswith(str(tmp_path))
        assert len(line) < 400, "a problem is one readable line"
    assert any(expected in line for line in problems for expected in bad.expected), problems[:5]
    assert_no_raw_control(result.stdout + result.stderr)
    assert result.peak_rss_mb < MEMORY_LIMIT_MB


def test_a_symlink_loop_does_not_hide_the_good_show_beside_it(tmp_path: Path) -> None:
    shows = BAD_FILES["symlink-loops-in-a-data-folder"].build(tmp_path)
    result = validate(shows)
    assert f"ok {shows / 'good.yaml'} (Test Show)" in result.stdout
    refused = {Path(line.split(":")[0]).name for line in result.stdout.splitlines()[1:]}
    assert refused == {"self.yaml", "ping.yaml", "pong.yaml"}


@pytest.mark.parametrize("make", [hostile_text_show, long_text_show])
def test_hostile_text_is_valid_and_validate_prints_it_safely(make: object, tmp_path: Path) -> None:
    assert callable(make)
    path = make().write(tmp_path)
    result = validate(path)
    assert result.returncode == 0, result.stdout[:2000]
    assert result.stdout.startswith(f"ok {path} (")
    assert_no_raw_control(result.stdout + result.stderr)
    assert result.peak_rss_mb < MEMORY_LIMIT_MB


def test_print_shows_every_hostile_text_literally(tmp_path: Path) -> None:
    hostile = hostile_text_show()
    path = hostile.write(tmp_path)
    # Wide enough that no text is wrapped, so each can be found whole.
    result = showguide(
        "--data", str(path), "print", "hostile", "--spoilers", env={"COLUMNS": "400"}
    )
    assert result.returncode == 0, result.stderr
    assert_no_raw_control(result.stdout + result.stderr)
    printed = result.stdout
    # A link that is not a plain http(s) address is refused, never printed.
    links = [field for field in hostile.fields if field.endswith(".url")]
    assert links and "(not a web address; not shown)" in printed
    missing = [
        f"{field}: {shown_form(text)}"
        for field, text in hostile.fields.items()
        if shown_form(text) not in printed and field not in links
    ]
    assert missing == [], "\n".join(missing)
    assert not [field for field in links if shown_form(hostile.fields[field]) in printed]
    assert result.peak_rss_mb < MEMORY_LIMIT_MB


def test_print_gets_through_100000_character_texts(tmp_path: Path) -> None:
    long = long_text_show()
    path = long.write(tmp_path)
    result = showguide("--data", str(path), "print", "long", "--spoilers", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    missing = [field for field in long.fields if long_marker(field) not in result.stdout]
    assert missing == [], missing
    assert max(map(cell_len, result.stdout.splitlines())) <= 80
    assert result.peak_rss_mb < MEMORY_LIMIT_MB


def probe_user_files() -> Finished:
    return run_measured([sys.executable, "-c", USER_FILES_PROBE], timeout=TIMEOUT_S, env=cli_env())


@pytest.mark.parametrize("case", list(BAD_USER_FILES))
def test_a_hostile_file_among_showguides_own_is_set_aside_and_nothing_changes(case: str) -> None:
    bad = BAD_USER_FILES[case]
    if reason := bad.skip():
        pytest.skip(reason)
    home = Path(os.environ["SHOWGUIDE_HOME"])
    clean = showguide("print", "ballerina")  # fills the parse cache
    assert clean.returncode == 0, clean.stderr
    assert probe_user_files().returncode == 0  # and the preferences and state

    planted = bad.plant(home)
    started = probe_user_files()

    assert started.returncode == 0, started.stderr
    assert "Traceback" not in started.stderr
    title, *notices = started.stdout.splitlines()
    assert title == "Ballerina"
    assert started.peak_rss_mb < MEMORY_LIMIT_MB
    if bad.set_aside:
        (aside,) = planted.parent.glob(f"{planted.name}.corrupt-*")  # never deleted
        assert any(aside.name in notice for notice in notices), notices
    if bad.removed:
        assert not planted.exists()
    # Every later run shows what the files say, as before.
    again = showguide("print", "ballerina")
    assert (again.returncode, again.stdout) == (0, clean.stdout)
    assert probe_user_files().stdout == "Ballerina\n"
