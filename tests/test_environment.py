"""Environment values are input: each bad one is a one-line warning and a sane default, or exit 2.

Every variable showguide reads is here: SHOWGUIDE_MAX_FILE_BYTES (a huge
value used to allocate its size up front, digits past the int range
overflowed), SHOWGUIDE_HOME and SHOWGUIDE_PATH (``~nosuchuser`` raised),
SHOWGUIDE_DEBUG, and the XDG folders platformdirs reads for us (a relative
one scattered files under the current folder).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from showguide.core import environment
from showguide.core.environment import (
    DEFAULT_MAX_FILE_BYTES,
    LARGEST_MAX_FILE_BYTES,
    environment_problems,
    max_file_bytes,
)
from showguide.core.loader import read_show_bytes
from tests.cli import cli_env, run_cli
from tests.conftest import BALLERINA
from tests.showdata import show_dict, write_show

MAX = "SHOWGUIDE_MAX_FILE_BYTES"


def showguide(
    *args: str, env: dict[str, str], cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "showguide", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**cli_env(), **env},
        cwd=cwd,
        timeout=60,
    )


# --- SHOWGUIDE_MAX_FILE_BYTES -------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "limit", "warned"),
    [
        ("", DEFAULT_MAX_FILE_BYTES, False),
        ("1000", 1000, False),
        (" 1000\n", 1000, False),
        (str(LARGEST_MAX_FILE_BYTES), LARGEST_MAX_FILE_BYTES, False),
        (str(LARGEST_MAX_FILE_BYTES + 1), LARGEST_MAX_FILE_BYTES, True),
        ("99999999999999", LARGEST_MAX_FILE_BYTES, True),
        ("9" * 30, LARGEST_MAX_FILE_BYTES, True),
        ("9" * 5_000, LARGEST_MAX_FILE_BYTES, True),  # past int()'s 4,300 digits
        ("0", DEFAULT_MAX_FILE_BYTES, True),
        ("-5", DEFAULT_MAX_FILE_BYTES, True),
        ("+5", DEFAULT_MAX_FILE_BYTES, True),
        ("abc", DEFAULT_MAX_FILE_BYTES, True),
        ("1e6", DEFAULT_MAX_FILE_BYTES, True),
        ("1_000", DEFAULT_MAX_FILE_BYTES, True),
        ("１２３", DEFAULT_MAX_FILE_BYTES, True),  # full-width digits: int() reads them
        ("\x1b[31m", DEFAULT_MAX_FILE_BYTES, True),
    ],
)
def test_the_size_limit_is_sane_whatever_the_variable_says(
    raw: str, limit: int, warned: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(MAX, raw)
    assert max_file_bytes() == limit
    problems = environment_problems()
    assert bool(problems) == warned
    for problem in problems:
        assert MAX in problem.message and not problem.fatal
        assert len(problem.message) < 160
        assert "\x1b" not in problem.message


def test_a_raised_limit_is_not_allocated_up_front(tmp_path: Path) -> None:
    # read(limit + 1) allocated the whole limit before reading a byte.
    path = write_show(tmp_path, show_dict())
    tracemalloc.start()
    try:
        data = read_show_bytes(path, max_bytes=LARGEST_MAX_FILE_BYTES)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data == path.read_bytes()
    assert peak < 1024 * 1024


def test_a_file_that_grows_past_its_stat_size_is_still_read_to_the_limit(tmp_path: Path) -> None:
    import io

    stream = io.BytesIO(b"x" * 5_000_000)
    from showguide.core.loader import _read_at_most

    assert len(_read_at_most(stream, 10, 3_000_001)) == 3_000_001
    stream.seek(0)
    assert len(_read_at_most(stream, 10, 9_000_000)) == 5_000_000


@pytest.mark.parametrize("raw", ["99999999999999", "9" * 40])
def test_a_huge_limit_is_a_warning_and_the_command_works(raw: str) -> None:
    result = showguide("validate", str(BALLERINA), env={MAX: raw})
    assert result.returncode == 0, result.stderr
    # validate's summary goes to standard error too
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("showguide:")]
    assert line.startswith(f"showguide: {MAX}=")
    assert "using that" in line
    assert "ok " in result.stdout


# --- SHOWGUIDE_HOME, SHOWGUIDE_PATH -------------------------------------------------------


def test_a_home_that_cannot_be_expanded_exits_2_with_one_line(tmp_path: Path) -> None:
    result = showguide("list", env={"SHOWGUIDE_HOME": "~nosuchuser-of-showguide/sg"}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("showguide: SHOWGUIDE_HOME='~nosuchuser-of-showguide/sg': ")
    assert list(tmp_path.iterdir()) == []  # nothing was written anywhere near


def test_a_search_path_entry_that_cannot_be_expanded_is_skipped_with_a_warning(
    tmp_path: Path,
) -> None:
    shows = tmp_path / "shows"
    shows.mkdir()
    write_show(shows, show_dict(id="found", title="Found Show"))
    value = os.pathsep.join(["~nosuchuser-of-showguide/shows", str(shows)])
    result = showguide("list", env={"SHOWGUIDE_PATH": value})
    assert result.returncode == 0, result.stderr
    assert "Found Show" in result.stdout
    (line,) = result.stderr.splitlines()
    assert line == (
        "showguide: SHOWGUIDE_PATH entry '~nosuchuser-of-showguide/shows':"
        " cannot find that home folder (no such user?); skipped"
    )


def test_a_tilde_that_can_be_expanded_still_is(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SHOWGUIDE_HOME", "~/sg")
    monkeypatch.setenv("SHOWGUIDE_PATH", "~/more")
    assert environment.showguide_home() == tmp_path / "sg"
    assert environment.search_path() == [tmp_path / "more"]
    assert environment_problems() == []


# --- XDG folders (read by platformdirs) --------------------------------------------------


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG folders are for Linux and BSD")
def test_a_relative_xdg_folder_is_ignored_with_a_warning(tmp_path: Path) -> None:
    home = tmp_path / "home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {"HOME": str(home), "XDG_STATE_HOME": "relative/state", "XDG_CACHE_HOME": "c"}
    env_without_home = {k: v for k, v in {**cli_env(), **env}.items() if k != "SHOWGUIDE_HOME"}
    result = subprocess.run(
        [sys.executable, "-m", "showguide", "list"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env_without_home,
        cwd=work,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "showguide: XDG_STATE_HOME='relative/state' is not an absolute path;"
        " ignored, as the XDG spec says",
        "showguide: XDG_CACHE_HOME='c' is not an absolute path; ignored, as the XDG spec says",
    ]
    assert list(work.iterdir()) == []  # nothing under the current folder


# --- SHOWGUIDE_DEBUG -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "on"),
    [
        ("", False),
        ("0", False),
        ("no", False),
        ("False", False),
        (" off ", False),
        ("1", True),
        ("yes", True),
    ],
)
def test_debug_is_off_when_it_says_so(raw: str, on: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOWGUIDE_DEBUG", raw)
    assert environment.debugging() is on


# --- any value at all ------------------------------------------------------------------------

#: Environment values cannot hold NUL; anything else can be set.
env_values = st.text(
    alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=["Cs"]), max_size=60
) | st.sampled_from(
    ["~nosuchuser", "~nosuchuser/x", "~", "~/", "9" * 5_000, "99999999999999", "-1", "0x10"]
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    variable=st.sampled_from(
        [MAX, "SHOWGUIDE_HOME", "SHOWGUIDE_PATH", "SHOWGUIDE_DEBUG", "XDG_CACHE_HOME"]
    ),
    value=env_values,
)
@example(variable=MAX, value="99999999999999")
@example(variable=MAX, value="9" * 30)
@example(variable="SHOWGUIDE_HOME", value="~nosuchuser/x")
@example(variable="SHOWGUIDE_PATH", value="~nosuchuser/x")
def test_any_value_of_any_variable_gives_a_sane_run(
    variable: str,
    value: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if variable == "SHOWGUIDE_HOME" and value and not value.startswith("~"):
        value = str(tmp_path / "home" / value.replace("/", "_").replace("..", "_")[:40])
    with monkeypatch.context() as env:  # each example starts from the test's environment
        env.setenv(variable, value)
        result = run_cli(capsys, "validate", str(BALLERINA))
    assert result.code in (0, 2), result.err
    assert "internal error" not in result.err
    warnings = [line for line in result.err.splitlines() if line.startswith("showguide: ")]
    assert len(warnings) <= 1
    for line in warnings:
        assert variable.split("_")[-1] in line
        assert len(line) < 200
        assert not any(c < " " for c in line)
    if result.code == 2:  # a home it cannot use, or a small limit that refuses the file
        assert (variable == "SHOWGUIDE_HOME" and warnings) or "over the limit" in result.out
