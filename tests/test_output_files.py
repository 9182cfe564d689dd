"""Commands that write a file (export, new) never replace one without --force."""

from __future__ import annotations

from pathlib import Path

import pytest

from showguide.core.loader import load_show
from tests.cli import plain_terminal, run_cli

#: Each command that takes -o FILE, and what it writes there.
WRITERS = {
    "export": ["export", "ballerina", "--format", "yaml"],
    "new": ["new", "Ballerina"],
}


@pytest.mark.parametrize("command", WRITERS.values(), ids=WRITERS.keys())
def test_an_existing_file_is_kept_unless_force_is_given(
    command: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain_terminal(monkeypatch)
    target = tmp_path / "mine.yaml"
    target.write_text("my own work\n", encoding="utf-8")
    refused = run_cli(capsys, *command, "-o", str(target))
    assert (refused.code, refused.out) == (2, "")
    assert refused.err == f"showguide: {target} already exists; use --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "my own work\n"

    forced = run_cli(capsys, *command, "-o", str(target), "--force")
    assert (forced.code, forced.out, forced.err) == (0, "", "")
    assert load_show(target).title == "Ballerina"


@pytest.mark.parametrize("command", WRITERS.values(), ids=WRITERS.keys())
def test_a_folder_or_a_missing_parent_is_one_clear_error(
    command: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain_terminal(monkeypatch)
    folder = run_cli(capsys, *command, "-o", str(tmp_path))
    assert (folder.code, folder.out) == (2, "")
    assert folder.err == f"showguide: {tmp_path} is a folder; give the name of a file to write\n"
    missing = tmp_path / "no" / "such.yaml"
    result = run_cli(capsys, *command, "-o", str(missing))
    assert (result.code, result.out) == (2, "")
    assert result.err == f"showguide: cannot write {missing}: No such file or directory\n"
