"""Commands that write a file (export, new) never replace one without --force,
and write it atomically: a failed write leaves the old file as it was."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from showguide.core.loader import load_show
from tests.cli import cli_env, plain_terminal, run_cli

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
    assert (forced.code, forced.out) == (0, "")
    assert forced.err.startswith("Wrote ") and f" to {target} (" in forced.err
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


def run_with_file_size_limit(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    """``showguide ARGS`` in a process that may write no file past ``limit`` bytes.

    SIGXFSZ is ignored, as a shell's ``ulimit -f`` leaves it for most
    programs, so a write past the limit fails with EFBIG, as on a full disk.
    """
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "from showguide.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli_env(),
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("command", WRITERS.values(), ids=WRITERS.keys())
def test_a_failed_write_leaves_the_old_file_byte_identical(
    command: list[str], tmp_path: Path
) -> None:
    target = tmp_path / "mine.yaml"
    old = b"my own work, " * 20 + b"\n"  # 261 bytes, under the limit below
    target.write_bytes(old)

    result = run_with_file_size_limit(400, *command, "-o", str(target), "--force")

    assert result.returncode == 2
    assert result.stderr == f"showguide: cannot write {target}: File too large\n"
    assert target.read_bytes() == old
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine.yaml"]  # no temporary left


@pytest.mark.parametrize("command", WRITERS.values(), ids=WRITERS.keys())
def test_a_failed_write_of_a_new_file_leaves_nothing(command: list[str], tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    result = run_with_file_size_limit(400, *command, "-o", str(target))
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_a_replaced_file_keeps_its_permissions_and_a_new_one_gets_the_usual_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    kept = tmp_path / "kept.yaml"
    kept.write_text("old\n")
    kept.chmod(0o640)
    assert run_cli(capsys, "new", "Ballerina", "-o", str(kept), "--force").code == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640

    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.yaml"
        assert run_cli(capsys, "new", "Ballerina", "-o", str(fresh)).code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


def test_force_through_a_symbolic_link_replaces_the_file_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    real = tmp_path / "real.yaml"
    real.write_text("old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert run_cli(capsys, "new", "Ballerina", "-o", str(link), "--force").code == 0
    assert link.is_symlink()
    assert load_show(real).title == "Ballerina"


def test_force_into_a_device_writes_into_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    result = run_cli(capsys, "new", "Ballerina", "-o", os.devnull, "--force")
    assert (result.code, result.err) == (0, "")
    assert Path(os.devnull).is_char_device()


def test_a_file_that_appears_during_the_write_is_not_replaced_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    target = tmp_path / "race.yaml"
    real_fsync = os.fsync

    def appear_then_fsync(handle: int) -> None:
        if not target.exists():
            target.write_text("written meanwhile\n")
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", appear_then_fsync)
    result = run_cli(capsys, "new", "Ballerina", "-o", str(target))
    assert result.code == 2
    assert target.read_text() == "written meanwhile\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["race.yaml"]


def test_a_link_to_nothing_is_written_through_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "named.yaml")
    refused = run_cli(capsys, "new", "Ballerina", "-o", str(link))
    assert refused.err == f"showguide: {link} already exists; use --force to replace it\n"
    assert run_cli(capsys, "new", "Ballerina", "-o", str(link), "--force").code == 0
    assert link.is_symlink()
    assert load_show(tmp_path / "named.yaml").title == "Ballerina"
