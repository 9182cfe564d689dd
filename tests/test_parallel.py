"""Parsing many files at once: the same catalog as one by one, with progress, and stoppable."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from showguide.commands import progress as cli_progress
from showguide.core import parallel
from showguide.core.catalog import load_catalog
from showguide.core.parallel import LoadCancelled, parse_files
from tests.cli import run_cli
from tests.loading import ParseCounter, settled
from tests.showdata import show_dict, write_show


@pytest.fixture
def many(tmp_path: Path) -> list[str]:
    """Good files, files with problems and a missing one, mixed."""
    paths = []
    for number in range(40):
        if number % 7 == 3:
            data = show_dict(id=f"s{number}", status="maybe")
        elif number % 11 == 5:
            data = "title: [unclosed\n"  # type: ignore[assignment]
        else:
            data = show_dict(id=f"s{number}", title=f"Show {number}")
        paths.append(str(settled(write_show(tmp_path, data, f"{number:02}.yaml"))))
    paths.insert(17, str(tmp_path / "missing.yaml"))
    return paths


def test_workers_give_what_parsing_here_gives_in_the_same_order(
    many: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    here = parse_files(many, workers=1)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(parallel, "CHUNK_FILES", 3)

    shared = parse_files(many, workers=2)

    assert shared == here
    assert [summary.id if summary else None for _, summary, _ in shared][:3] == ["s0", "s1", "s2"]
    unloaded = sum(1 for encoded, _, _ in shared if encoded is None)
    assert unloaded == 6 + 3 + 1  # a bad status, a syntax error, a missing file


def test_progress_counts_up_to_the_total_from_the_files_already_done(
    many: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(parallel, "CHUNK_FILES", 5)
    seen: list[tuple[int, int]] = []

    parse_files(
        many,
        workers=2,
        done_before=100,
        total=100 + len(many),
        progress=lambda d, t: seen.append((d, t)),
    )

    assert seen[0] == (100, 141)
    assert seen[-1] == (141, 141)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_progress_callback_that_raises_stops_the_workers(
    many: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(parallel, "CHUNK_FILES", 2)
    calls: list[int] = []

    def leave(done: int, total: int) -> None:
        # Leave at the first call after the opening one, whatever it counts: a
        # loaded machine may first report 0 again (a wait that timed out), and
        # a callback waiting for a count above 0 then sees only the last one.
        calls.append(done)
        if len(calls) > 1:
            raise LoadCancelled

    with pytest.raises(LoadCancelled):
        parse_files(many, workers=2, progress=leave)
    assert calls[-1] < len(many)


def test_a_catalog_parsed_by_workers_equals_one_parsed_here_and_fills_the_cache(
    tmp_path: Path, many: list[str], monkeypatch: pytest.MonkeyPatch, only_one: None
) -> None:
    here = load_catalog([tmp_path], use_cache=False)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(parallel, "CHUNK_FILES", 4)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)

    shared = load_catalog([tmp_path])
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 10_000)
    parses = ParseCounter(monkeypatch)
    warm = load_catalog([tmp_path])

    assert shared.entries == here.entries
    assert [e.problems for e in shared.entries] == [e.problems for e in here.entries]
    assert warm.entries == here.entries
    assert parses.take() == []  # every verdict came from the cache


# --- progress on standard error --------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_cli_shows_progress_on_a_terminal_and_erases_it(
    tmp_path: Path, many: list[str], monkeypatch: pytest.MonkeyPatch, only_one: None
) -> None:
    monkeypatch.setattr(cli_progress, "QUIET_SECONDS", 0.0)
    monkeypatch.setattr(parallel, "PROGRESS_SECONDS", 0.0)
    err = FakeTerminal()
    monkeypatch.setattr("sys.stderr", err)

    from showguide.cli import main

    main(["list", "--data", str(tmp_path)])

    written = err.getvalue()
    assert "\rReading show files 0 / 40\x1b[K" in written
    assert "\rReading show files 40 / 40\x1b[K" in written
    assert "\r\x1b[K" in written  # erased before anything else is said


def test_no_progress_when_standard_error_is_not_a_terminal(
    tmp_path: Path,
    many: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    only_one: None,
) -> None:
    monkeypatch.setattr(cli_progress, "QUIET_SECONDS", 0.0)
    result = run_cli(capsys, "validate", str(tmp_path))
    assert "Reading show files" not in result.err


def test_the_progress_text_groups_thousands() -> None:
    assert cli_progress.progress_text(3412, 10000) == "Reading show files 3,412 / 10,000"


#: A fresh interpreter (no resource tracker started yet) that does what a
#: reload in the app does: parse in workers from a thread, while sys.stderr is
#: a stand-in without a file descriptor, as under Textual.
FROM_A_THREAD = """
import io, sys, threading
from showguide.core import parallel
class NoFileno(io.StringIO):
    def fileno(self):  # as Textual's stand-in answers
        return -1
parallel.PARALLEL_MIN_FILES = 1
used = []
real = parallel._parse_in_workers
def watched(*args):
    result = real(*args)
    used.append(True)
    return result
parallel._parse_in_workers = watched
paths = sys.argv[1:]
results = []
sys.stderr = NoFileno()
thread = threading.Thread(target=lambda: results.append(parallel.parse_files(paths, workers=2)))
thread.start()
thread.join(120)
sys.stderr = sys.__stderr__
assert used == [True], "the workers failed, and the files were parsed in the thread"
assert results[0] == parallel.parse_files(paths, workers=1)
print("ok")
"""


def test_workers_start_from_a_thread_while_standard_error_is_replaced(
    many: list[str],
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FROM_A_THREAD, *many],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.stdout == "ok\n", result.stderr


def test_when_workers_fail_the_files_are_parsed_here(
    many: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)

    def broken(*args: Any) -> Any:
        raise parallel.WorkersFailed

    monkeypatch.setattr(parallel, "_parse_in_workers", broken)
    seen: list[int] = []
    assert parse_files(many, workers=2, progress=lambda d, t: seen.append(d)) == parse_files(
        many, workers=1
    )
    assert seen[-1] == len(many)
