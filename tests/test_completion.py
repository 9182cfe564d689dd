"""Shell completion: the scripts, run by real shells, and what ``_complete`` offers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from showguide.cli import COMMANDS, PRINT_SECTIONS
from showguide.core.userdirs import user_shows_dir
from tests.cli import cli_env, run_cli
from tests.showdata import series_dict, show_dict, write_show

# What _complete offers ---------------------------------------------------------


def offered(capsys: pytest.CaptureFixture[str], *words: str) -> list[str]:
    """The candidates for the last of ``words`` (``showguide`` first), as the scripts ask."""
    result = run_cli(capsys, "_complete", str(len(words) - 1), *words)
    assert (result.code, result.err) == (0, "")
    return result.out.splitlines()


def test_the_first_word_is_a_command_or_a_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert offered(capsys, "showguide", "") == [*COMMANDS, "help", "ballerina"]
    assert offered(capsys, "showguide", "li") == ["list"]
    assert offered(capsys, "showguide", "bal") == ["ballerina"]


def test_options_come_from_the_commands_own_parser(capsys: pytest.CaptureFixture[str]) -> None:
    assert offered(capsys, "showguide", "print", "ballerina", "--s") == ["--section", "--spoilers"]
    assert offered(capsys, "showguide", "--") == ["--data", "--help", "--version"]


def test_section_names_and_formats_are_completed(capsys: pytest.CaptureFixture[str]) -> None:
    assert offered(capsys, "showguide", "print", "ballerina", "--section", "") == list(
        PRINT_SECTIONS
    )
    assert offered(capsys, "showguide", "print", "-s", "f") == ["faq"]
    # bash splits "--section=pl" at the "="; zsh and fish keep it one word.
    assert offered(capsys, "showguide", "print", "--section", "=", "pl") == ["plot"]
    assert offered(capsys, "showguide", "print", "--section=pl") == ["--section=plot"]
    assert offered(capsys, "showguide", "export", "ballerina", "--format", "") == [
        "markdown",
        "json",
        "yaml",
    ]
    assert offered(capsys, "showguide", "completion", "") == ["bash", "zsh", "fish"]


def test_paths_are_left_to_the_shell(capsys: pytest.CaptureFixture[str]) -> None:
    assert offered(capsys, "showguide", "--data", "") == [":files"]
    assert offered(capsys, "showguide", "export", "ballerina", "-o", "x") == [":files"]
    assert offered(capsys, "showguide", "validate", "a.yaml", "") == [":files"]


def test_show_names_come_from_the_catalog_at_completion_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert offered(capsys, "showguide", "print", "") == ["ballerina"]
    user_shows_dir().mkdir(parents=True)
    write_show(user_shows_dir(), show_dict(id="night-train", title="Night Train"), "n.yaml")
    assert offered(capsys, "showguide", "print", "") == ["ballerina", "night-train"]
    # --data typed before the name adds its shows.
    write_show(tmp_path, show_dict(id="nightingale", title="The Nightingale"), "x.yaml")
    assert offered(capsys, "showguide", "--data", str(tmp_path), "export", "nigh") == [
        "night-train",
        "nightingale",
    ]


def test_watched_completes_the_shows_episode_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_show(tmp_path, series_dict(2, 2, []), "series.yaml")
    data = ["showguide", "--data", str(tmp_path)]
    assert offered(capsys, *data, "watched", "series", "") == ["S1E1", "S1E2", "S2E1", "S2E2"]
    assert offered(capsys, *data, "print", "series", "--watched", "S2") == ["S2E1", "S2E2"]


def test_nothing_is_offered_where_nothing_fits(capsys: pytest.CaptureFixture[str]) -> None:
    assert offered(capsys, "showguide", "print", "ballerina", "") == []
    assert offered(capsys, "showguide", "ballerina", "") == []
    assert offered(capsys, "showguide", "new", "") == []


def test_a_malformed_request_offers_nothing_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    for args in ([], ["x"], ["9", "showguide"]):
        result = run_cli(capsys, "_complete", *args)
        assert (result.code, result.out, result.err) == (2, "", "")


# The scripts, in real shells ----------------------------------------------------


@pytest.fixture
def shell_env(tmp_path: Path) -> dict[str, str]:
    """An environment where ``showguide`` runs this checkout, as an installed one would."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "showguide"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m showguide "$@"\n')
    launcher.chmod(0o755)
    env = cli_env()
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return env


def script(capsys: pytest.CaptureFixture[str], shell: str, folder: Path) -> Path:
    result = run_cli(capsys, "completion", shell)
    assert result.code == 0
    path = folder / f"showguide.{shell}"
    path.write_text(result.out)
    return path


BASH_COMPLETE = """
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_showguide
printf '%s\\n' "${COMPREPLY[@]}"
"""


def bash_complete(env: dict[str, str], path: Path, *words: str) -> list[str]:
    done = subprocess.run(
        ["bash", "-c", BASH_COMPLETE, "bash", str(path), *words],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert done.stderr == ""
    return [line for line in done.stdout.splitlines() if line]


def test_bash_completes_commands_shows_sections_and_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shell_env: dict[str, str]
) -> None:
    path = script(capsys, "bash", tmp_path)
    assert "complete -F _showguide showguide" in path.read_text()
    assert bash_complete(shell_env, path, "showguide", "pr") == ["print"]
    assert bash_complete(shell_env, path, "showguide", "print", "bal") == ["ballerina"]
    assert bash_complete(shell_env, path, "showguide", "print", "ballerina", "--section", "h") == [
        "highlights"
    ]
    assert bash_complete(shell_env, path, "showguide", "print", "--section", "=", "c") == ["cast"]
    (tmp_path / "mine.yaml").touch()
    assert bash_complete(shell_env, path, "showguide", "--data", f"{tmp_path}/mi") == [
        f"{tmp_path}/mine.yaml"
    ]


@pytest.mark.skipif(
    shutil.which("fish") is None, reason="fish is not installed (.ci/run installs it)"
)
def test_fish_completes_with_the_same_answers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shell_env: dict[str, str]
) -> None:
    path = script(capsys, "fish", tmp_path)

    def fish_complete(line: str) -> list[str]:
        done = subprocess.run(
            ["fish", "--no-config", "-c", f"source {path}; complete -C '{line}'"],
            capture_output=True,
            text=True,
            env=shell_env,
            timeout=60,
            check=True,
        )
        return done.stdout.splitlines()

    assert fish_complete("showguide print bal") == ["ballerina"]
    assert fish_complete("showguide print --section=pl") == ["--section=plot"]
    assert fish_complete("showguide print ballerina --section h") == ["highlights"]


@pytest.mark.skipif(
    shutil.which("zsh") is None, reason="zsh is not installed (.ci/run installs it)"
)
def test_the_zsh_script_is_valid_zsh_and_asks_complete(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = script(capsys, "zsh", tmp_path)
    text = path.read_text()
    assert text.startswith("#compdef showguide\n")
    assert "showguide _complete" in text
    subprocess.run(["zsh", "-n", str(path)], check=True, timeout=60)
