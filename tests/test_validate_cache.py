"""``validate`` keeps the verdicts of unchanged files, and never hides a changed one."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli import run_cli
from tests.loading import ParseCounter, settled
from tests.showdata import show_dict, write_show


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> ParseCounter:
    return ParseCounter(monkeypatch)


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    folder = tmp_path / "shelf"
    folder.mkdir()
    for number in range(3):
        settled(write_show(folder, show_dict(id=f"s{number}"), f"{number}.yaml"))
    settled(write_show(folder, show_dict(id="bad", status="maybe"), "bad.yaml"))
    return folder


def test_a_second_validate_parses_nothing_and_says_the_same(
    shelf: Path, parses: ParseCounter, capsys: pytest.CaptureFixture[str]
) -> None:
    first = run_cli(capsys, "validate", str(shelf))
    assert parses.take() == ["0.yaml", "1.yaml", "2.yaml", "bad.yaml"]

    second = run_cli(capsys, "validate", str(shelf))

    assert parses.take() == []
    assert second == first
    assert first.code == 2
    assert f"{shelf / 'bad.yaml'}:" in first.out


def test_validate_without_paths_uses_the_cache_too(
    shelf: Path, parses: ParseCounter, capsys: pytest.CaptureFixture[str]
) -> None:
    first = run_cli(capsys, "--data", str(shelf), "validate")
    parses.take()
    second = run_cli(capsys, "--data", str(shelf), "validate")
    assert parses.take() == []
    assert second == first


def test_no_cache_parses_every_file_again(
    shelf: Path, parses: ParseCounter, capsys: pytest.CaptureFixture[str]
) -> None:
    cached = run_cli(capsys, "validate", str(shelf))
    parses.take()

    fresh = run_cli(capsys, "validate", "--no-cache", str(shelf))

    assert parses.take() == ["0.yaml", "1.yaml", "2.yaml", "bad.yaml"]
    assert fresh == cached


def test_a_changed_file_is_parsed_again_and_its_new_verdict_shown(
    shelf: Path, parses: ParseCounter, capsys: pytest.CaptureFixture[str]
) -> None:
    run_cli(capsys, "validate", str(shelf))
    parses.take()
    settled(write_show(shelf, show_dict(id="s1", year="soon"), "1.yaml"), seconds_ago=30)

    result = run_cli(capsys, "validate", str(shelf))

    assert parses.take() == ["1.yaml"]
    assert f"{shelf / '1.yaml'}:" in result.out
    assert "year" in result.out


def test_a_file_named_differently_keeps_its_verdict_under_the_new_name(
    shelf: Path,
    parses: ParseCounter,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run_cli(capsys, "validate", str(shelf / "bad.yaml"))
    parses.take()
    monkeypatch.chdir(shelf)

    result = run_cli(capsys, "validate", "bad.yaml")

    assert parses.take() == []
    assert result.out.startswith("bad.yaml:5:9: status:")


# --- the property: random edits and modification times ---------------------------------

#: Versions of one file. The first four have the same size ("Alpha" and
#: "Omega", "ended" and "maybe"), so only the time can tell them apart.
VERSIONS = [
    show_dict(title="Alpha", status="ended"),
    show_dict(title="Omega", status="ended"),
    show_dict(title="Alpha", status="maybe"),
    show_dict(title="Omega", status="maybe"),
    show_dict(title="Alpha", year="soon"),
    "title: [unclosed\n",
]
NOW = time.time_ns()
HOUR_AGO = NOW - 3600 * 10**9
#: Modification times: a few fixed ones in the past (so versions share them),
#: a nanosecond, a millisecond and a second apart; now (too fresh to trust);
#: anything from a minute ago to tomorrow.
MTIMES = st.one_of(
    st.sampled_from([HOUR_AGO, HOUR_AGO + 1, HOUR_AGO + 10**6, HOUR_AGO + 10**9, 0]),
    st.just(None),  # left as the write set it: now
    st.integers(min_value=NOW - 60 * 10**9, max_value=NOW + 86400 * 10**9),
)
EDITS = st.lists(
    st.tuples(st.sampled_from(range(len(VERSIONS))), MTIMES, st.booleans()),
    min_size=1,
    max_size=6,
)


def _write(path: Path, version: int, mtime_ns: int | None, replace: bool) -> None:
    data = VERSIONS[version]
    if replace:  # as editors that write a new file and rename it do: a new inode
        fresh = write_show(path.parent, data, "new.tmp")
        fresh.replace(path)
    else:
        write_show(path.parent, data, path.name)
    if mtime_ns is not None:
        os.utime(path, ns=(mtime_ns, mtime_ns))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS)
def test_the_cache_never_hides_a_changed_file(
    edits: list[tuple[int, int | None, bool]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After every edit, validate with the cache says what validate without it says.

    The one change a stamp (size, modification time and inode) cannot see is
    a file rewritten to the same size, on the same inode, and given back the
    modification time of another version to the nanosecond: not something an
    editor, git or a copy does. When the random edits make that happen, the
    time is moved by a nanosecond, and the test goes on.
    """
    with tempfile.TemporaryDirectory(prefix="scale-validate-") as temp:
        folder = Path(temp)
        monkeypatch.setenv("SHOWGUIDE_HOME", str(folder / "home"))
        path = folder / "show.yaml"
        contents: dict[tuple[int, int, int], bytes] = {}
        for version, mtime_ns, replace in edits:
            _write(path, version, mtime_ns, replace)
            info = path.stat()
            stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
            while contents.get(stamp, path.read_bytes()) != path.read_bytes():
                os.utime(path, ns=(info.st_mtime_ns + 1, info.st_mtime_ns + 1))
                info = path.stat()
                stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
            contents[stamp] = path.read_bytes()

            cached = run_cli(capsys, "validate", str(path))
            fresh = run_cli(capsys, "validate", "--no-cache", str(path))

            assert cached == fresh, f"after writing version {version} with mtime {mtime_ns}"
