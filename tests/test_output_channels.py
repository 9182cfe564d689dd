"""When the output cannot take what showguide writes, it says so in one line.

Each case runs showguide in its own process, set up by a real shell: standard
output on a full disk or closed, a pipe whose reader leaves, an encoding that
cannot hold Hangul, COLUMNS that is no width. Each ends with the right exit
status and one line on standard error, or works; never a traceback. Also
here: argparse's messages and the app without a terminal.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import cli_env
from tests.hostile import HOSTILE_NAMES, ODD_COLUMNS, OUTPUT_CHANNELS, OUTPUT_COMMANDS, RAW_CONTROL

TIMEOUT_S = 60


def shell(command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """``command`` run by bash, with ``showguide`` meaning this interpreter's."""
    showguide = f"{shlex.quote(sys.executable)} -m showguide"
    environment = cli_env()
    environment.update(env or {})
    return subprocess.run(
        ["bash", "-c", command.replace("showguide", showguide, 1)],
        capture_output=True,
        env=environment,
        timeout=TIMEOUT_S,
    )


def error_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode("utf-8", "replace").splitlines()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("channel", OUTPUT_CHANNELS, ids=lambda c: c.name)
@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=" ".join)
def test_output_that_cannot_be_written_is_one_line_and_an_exit_status(
    channel: object, command: tuple[str, ...]
) -> None:
    from tests.hostile import OutputChannel

    assert isinstance(channel, OutputChannel)
    result = shell(f"showguide {shlex.join(command)} {channel.redirect}")
    assert result.returncode == channel.code, error_lines(result)
    lines = [line for line in error_lines(result) if line.startswith("showguide:")]
    assert lines == [f"showguide: {channel.message}"], error_lines(result)
    assert b"Traceback" not in result.stderr
    assert b"Exception ignored" not in result.stderr


def test_a_closed_output_does_not_stop_a_command_that_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    result = shell(f"showguide export ballerina -o {shlex.quote(str(target))} >&-")
    assert result.returncode == 0, error_lines(result)
    assert target.read_text(encoding="utf-8").count("id: ballerina") == 1


@pytest.mark.parametrize("command", ["validate", "list", "print ballerina", "schema"])
def test_a_reader_that_leaves_early_is_not_an_error(command: str) -> None:
    result = shell(f"showguide {command} | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}")
    assert result.returncode == 0
    assert [line for line in error_lines(result) if "checked" not in line] == []


@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "cp949"])
@pytest.mark.parametrize("command", ["list", "print ballerina", "validate"])
def test_an_output_encoding_other_than_utf8_still_gets_everything(
    encoding: str, command: str
) -> None:
    result = shell(f"showguide {command}", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0, error_lines(result)
    output = result.stdout.decode("utf-8") + result.stderr.decode("utf-8")
    if command != "validate":
        assert "발레리나" in output


@pytest.mark.parametrize("columns", ODD_COLUMNS, ids=lambda c: c[:12])
def test_odd_columns_leave_every_line_readable(columns: str) -> None:
    listing = shell("showguide list", env={"COLUMNS": columns})
    assert listing.returncode == 0, error_lines(listing)
    assert "ballerina" in listing.stdout.decode("utf-8")
    assert max(map(len, listing.stdout.decode("utf-8").splitlines())) <= 1000
    broken = shell("showguide validate /nonexistent.yaml", env={"COLUMNS": columns})
    assert broken.returncode == 2
    assert "/nonexistent.yaml:1:1: (file): no such file" in broken.stdout.decode("utf-8")


def test_a_file_name_too_long_is_a_problem_not_an_internal_error(tmp_path: Path) -> None:
    name = str(tmp_path / ("n" * 300))
    result = shell(f"showguide validate {shlex.quote(name)}")
    assert result.returncode == 2
    assert f"{name}:1:1: (file): cannot read: File name too long" in result.stdout.decode()
    target = shell(f"showguide export ballerina -o {shlex.quote(name + '.yaml')}")
    assert target.returncode == 2
    (line,) = error_lines(target)
    assert line.startswith("showguide:") and line.endswith("File name too long")
    assert "internal error" not in line


@pytest.mark.parametrize("command", ["export ballerina --format yaml", "new Title"])
def test_an_empty_output_name_is_refused_by_name(command: str) -> None:
    result = shell(f"showguide {command} -o ''")
    assert result.returncode == 2
    problem, hint = error_lines(result)
    assert problem.endswith("argument -o/--output: needs a file name (or - for standard output)")
    assert hint == f"try 'showguide {command.split()[0]} --help'"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("where", ["", "validate ", "export ballerina "])
def test_argparse_messages_show_arguments_visibly(name: str, where: str) -> None:
    # As a shell glob would hand them over: an option made of a file's name.
    result = shell(f"showguide {where}{shlex.quote('--' + name)}")
    assert result.returncode == 2
    text = result.stderr.decode("utf-8")
    assert "error:" in text
    raw = sorted({f"U+{ord(c):04X}" for c in text if c in RAW_CONTROL and c != "\n"})
    assert raw == []
    assert "\u202e" not in text
    visible = name.replace("\x1b", "␛").replace("\x07", "␇").replace("\n", "␤")
    assert visible.replace("\u202e", "<U+202E>") in text


@pytest.mark.parametrize(
    "redirect", ["</dev/null", "| cat; exit ${PIPESTATUS[0]}", "</dev/null >/dev/null"]
)
def test_the_app_without_a_terminal_exits_at_once_saying_what_works(redirect: str) -> None:
    result = shell(f"showguide {redirect}")
    assert result.returncode == 2
    assert error_lines(result) == [
        "showguide: the guide needs a terminal (standard input and output are not one); "
        "'showguide print' works without one"
    ]
    assert b"\x1b" not in result.stdout
