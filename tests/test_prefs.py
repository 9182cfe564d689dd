"""Preferences and state survive restarts, bad files and crashes, and are never half-written."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import msgspec
import pytest

from showguide.core.atomic import stray_temps
from showguide.core.prefs import (
    MAX_BYTES,
    Preferences,
    State,
    load_preferences,
    load_remembered,
    load_state,
    merge_changes,
    merge_state,
    preferences_path,
    save_preferences,
    save_state,
    state_path,
)
from showguide.core.userdirs import HOME_VARIABLE


def test_files_live_in_the_config_and_state_folders_under_showguide_home() -> None:
    home = Path(os.environ[HOME_VARIABLE])
    assert preferences_path() == home / "config" / "preferences.json"
    assert state_path() == home / "state" / "state.json"


def test_without_files_the_defaults_are_used_silently() -> None:
    assert load_preferences().value == Preferences(theme=None, spoiler_shield=True)
    assert load_preferences().notice is None
    assert load_state().value == State()
    assert load_state().notice is None


def test_saved_preferences_and_state_come_back_in_the_next_run() -> None:
    assert save_preferences(Preferences(theme="nord", spoiler_shield=False)) is None
    state = State().with_pane("ballerina", "cast").with_pane("other", "faq")
    assert save_state(state) is None

    assert load_preferences().value == Preferences(theme="nord", spoiler_shield=False)
    loaded = load_state().value
    assert (loaded.last_show, loaded.last_pane) == ("other", "faq")
    assert loaded.pane_for("ballerina") == "cast"
    # Readable and editable by a person; the empty keymap shows where keys go.
    assert json.loads(preferences_path().read_text()) == {
        "theme": "nord",
        "spoiler_shield": False,
        "keymap": {},
    }


@pytest.mark.parametrize(
    "content",
    [
        b'{"theme": "nord", "spoiler_shield": ',  # cut off mid-write
        b"\x00\x00\x00\x00",  # garbage
        b'{"spoiler_shield": "yes"}',  # valid JSON, wrong type
        b"[]",  # not an object
        b"",  # empty
    ],
)
def test_a_corrupt_preferences_file_is_set_aside_with_a_notice(content: bytes) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)

    loaded = load_preferences()

    assert loaded.value == Preferences()
    aside = list(path.parent.glob("preferences.json.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == content  # kept, never deleted
    assert not path.exists()
    assert loaded.notice is not None
    assert str(path) in loaded.notice
    assert aside[0].name in loaded.notice
    # The next save starts a fresh file, and the set-aside copy stays.
    assert save_preferences(Preferences(theme="dracula")) is None
    assert load_preferences().value.theme == "dracula"
    assert aside[0].exists()


def test_an_unreadable_state_file_is_set_aside_with_a_notice() -> None:
    path = state_path()
    path.mkdir(parents=True)  # a folder where the file should be

    loaded = load_state()

    assert loaded.value == State()
    assert loaded.notice is not None
    assert "it is a folder" in loaded.notice
    assert [p.name.startswith("state.json.corrupt-") for p in path.parent.iterdir()] == [True]


def test_the_app_starts_from_defaults_and_a_notice_when_preferences_are_corrupt() -> None:
    assert save_state(State().with_pane("ballerina", "faq")) is None
    preferences_path().parent.mkdir(parents=True)
    preferences_path().write_text('{"theme": ')

    remembered = load_remembered()

    assert remembered.preferences == Preferences()
    assert remembered.state.pane_for("ballerina") == "faq"  # the good file still counts
    (notice,) = remembered.notices
    assert notice.startswith(f"the preferences file {preferences_path()} was unusable")
    assert not preferences_path().exists()


def test_setting_aside_twice_in_one_second_keeps_both_copies() -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True)
    for content in (b"first", b"second"):
        path.write_bytes(content)
        assert load_preferences().notice is not None
    kept = sorted(p.read_bytes() for p in path.parent.glob("preferences.json.corrupt-*"))
    assert kept == [b"first", b"second"]


def test_keys_from_a_newer_version_do_not_make_the_file_corrupt() -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"theme": "nord", "font_size": 14}')
    loaded = load_preferences()
    assert loaded.notice is None
    assert loaded.value.theme == "nord"


def test_a_save_that_cannot_be_written_gives_a_notice_not_an_exception(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    notice = save_preferences(Preferences(), blocker / "preferences.json")
    assert notice is not None
    assert notice.startswith(f"could not save preferences to {blocker / 'preferences.json'}")


def killed_before_rename(code: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``code`` in a new process that dies (SIGKILL) as a save is about to rename.

    By then the temporary file is written and fsynced: this is the moment a
    crash or a power cut hurts most. The environment, SHOWGUIDE_HOME included,
    is the test's.
    """
    prelude = textwrap.dedent(
        """
        import os, signal

        def killed(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGKILL)

        os.replace = killed
        """
    )
    return subprocess.run([sys.executable, "-c", prelude + code], timeout=60, check=False)


KILLED_WRITER = (
    "from showguide.core.prefs import Preferences, save_preferences\n"
    "save_preferences(Preferences(theme='new'))\n"
)


def test_a_writer_killed_before_its_rename_loses_nothing() -> None:
    assert save_preferences(Preferences(theme="old")) is None
    before = preferences_path().read_bytes()

    result = killed_before_rename(KILLED_WRITER)

    assert result.returncode == -9  # SIGKILL: it really died mid-save
    assert preferences_path().read_bytes() == before
    # The killed save left its complete temporary file behind; readers ignore it.
    (stray,) = stray_temps(preferences_path())
    assert msgspec.json.decode(stray.read_bytes(), type=Preferences).theme == "new"

    # The next start reads the old file, and removes the stray: nobody holds its lock.
    assert load_preferences() == load_preferences().__class__(Preferences(theme="old"), None)
    assert stray_temps(preferences_path()) == []
    assert save_preferences(Preferences(theme="later")) is None
    assert load_preferences().value.theme == "later"
    assert stray_temps(preferences_path()) == []


def test_a_save_still_under_way_elsewhere_keeps_its_temporary_file() -> None:
    path = preferences_path()
    assert save_preferences(Preferences(theme="old")) is None
    # Another process's save, mid-write: its temporary file is locked.
    busy = path.with_name(f".{path.name}.busy.tmp")
    with busy.open("wb") as stream:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
        assert save_preferences(Preferences(theme="new")) is None
        assert stray_temps(path) == [busy]
    assert save_preferences(Preferences(theme="newer")) is None
    assert stray_temps(path) == []


def test_a_state_save_killed_before_its_rename_loses_nothing() -> None:
    assert save_state(State().with_pane("ballerina", "cast")) is None
    before = state_path().read_bytes()

    result = killed_before_rename(
        "from showguide.core.prefs import State, save_state\n"
        "save_state(State().with_pane('other', 'faq'))\n"
    )

    assert result.returncode == -9
    assert state_path().read_bytes() == before
    loaded = load_state()
    assert loaded.notice is None
    assert (loaded.value.last_show, loaded.value.last_pane) == ("ballerina", "cast")


CONCURRENT_WRITER = textwrap.dedent(
    """
    import sys
    from showguide.core.prefs import Preferences, save_preferences

    writer = sys.argv[1]
    for n in range(int(sys.argv[2])):
        notice = save_preferences(Preferences(theme=f"{writer}-{n}", spoiler_shield=n % 2 == 0))
        if notice:
            sys.exit(notice)
    """
)


@pytest.mark.slow
def test_concurrent_writers_never_leave_a_half_written_file() -> None:
    path = preferences_path()
    saves = 150
    writers = [
        subprocess.Popen([sys.executable, "-c", CONCURRENT_WRITER, f"w{i}", str(saves)])
        for i in range(3)
    ]
    reads, bad = 0, []
    while any(writer.poll() is None for writer in writers):
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # before the first save lands
            continue
        reads += 1
        try:
            msgspec.json.decode(data, type=Preferences)
        except msgspec.DecodeError:
            bad.append(data)
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0, 0]

    assert bad == []
    assert reads > 0
    final = load_preferences()
    assert final.notice is None
    assert final.value.theme in {f"w{i}-{saves - 1}" for i in range(3)}
    assert stray_temps(path) == []


MERGING_WRITER = textwrap.dedent(
    """
    import sys
    from showguide.core.prefs import State, load_state, save_merged, state_path

    writer, saves = sys.argv[1], int(sys.argv[2])
    state = since = load_state().value
    for n in range(saves):
        state = state.with_pane(f"{writer}-{n}", "cast")
        saved = save_merged(state_path(), state, since, "state")
        if saved.notice:
            sys.exit(saved.notice)
        state = since = saved.value
    """
)


@pytest.mark.slow
def test_two_processes_saving_state_at_once_lose_nothing() -> None:
    saves = 60
    writers = [
        subprocess.Popen([sys.executable, "-c", MERGING_WRITER, name, str(saves)])
        for name in ("a", "b")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    panes = load_state().value.panes
    assert sorted(panes) == sorted(f"{name}-{n}" for name in "ab" for n in range(saves))


def test_a_save_writes_only_what_changed_since_it_read_the_file() -> None:
    start = Preferences(theme="nord", spoiler_shield=False)
    assert save_preferences(start) is None
    # Another showguide raises the shield meanwhile.
    assert save_preferences(Preferences(theme="nord", spoiler_shield=True), since=start) is None
    # This one changes the theme, from what it read at the start.
    assert save_preferences(Preferences(theme="dracula", spoiler_shield=False), since=start) is None
    assert load_preferences().value == Preferences(theme="dracula", spoiler_shield=True)


def test_keys_this_version_does_not_know_survive_a_save() -> None:
    path = state_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"last_show": "a", "progress": {"a": {"episode": 3}}}')
    since = load_state().value
    assert save_state(since.with_pane("b", "faq"), since=since) is None
    saved = json.loads(path.read_text())
    assert saved["progress"] == {"a": {"episode": 3}}
    assert saved["panes"] == {"b": "faq"}


@pytest.mark.parametrize(
    ("since", "mine", "disk", "merged"),
    [
        # Unchanged here: what is on disk wins, whatever it is.
        ({"a": 1}, {"a": 1}, {"a": 2}, {"a": 2}),
        # Changed here: ours wins.
        ({"a": 1}, {"a": 3}, {"a": 2}, {"a": 3}),
        # Nested dicts merge key by key, at any depth (progress per show, per season).
        (
            {"progress": {"x": {"season": 1, "episode": 1}}},
            {"progress": {"x": {"season": 1, "episode": 2}, "y": {"season": 1}}},
            {"progress": {"x": {"season": 2, "episode": 1}, "z": {"season": 4}}},
            {
                "progress": {
                    "x": {"season": 2, "episode": 2},
                    "z": {"season": 4},
                    "y": {"season": 1},
                }
            },
        ),
        # Removed here: removed; removed there and unchanged here: stays removed.
        ({"a": 1, "b": 2}, {"b": 2}, {"a": 1, "b": 2}, {"b": 2}),
        ({"a": 1, "b": 2}, {"a": 1, "b": 2}, {"b": 2}, {"b": 2}),
        # None is a value, not an absence.
        ({"theme": "nord"}, {"theme": None}, {"theme": "nord"}, {"theme": None}),
        # Lists are values: whole.
        ({"l": [1]}, {"l": [1, 2]}, {"l": [3]}, {"l": [1, 2]}),
    ],
)
def test_changes_merge_key_by_key(
    since: dict[str, object], mine: dict[str, object], disk: dict[str, object], merged: object
) -> None:
    assert merge_changes(since, mine, disk) == merged


def test_a_corrupt_file_met_while_saving_is_set_aside_not_overwritten() -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{not json")
    notice = save_preferences(Preferences(theme="nord"), since=Preferences())
    (aside,) = path.parent.glob("preferences.json.corrupt-*")
    assert notice is not None and f"It was moved to {aside};" in notice
    assert aside.read_bytes() == b"{not json"
    assert load_preferences().value.theme == "nord"


def fifo_in_place_of(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


@pytest.mark.parametrize("which", ["preferences", "state"])
@pytest.mark.parametrize("bad", ["fifo", "huge", "device"])
def test_a_fifo_a_device_or_a_huge_file_is_set_aside_never_read(which: str, bad: str) -> None:
    path = preferences_path() if which == "preferences" else state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if bad == "fifo":
        os.mkfifo(path)  # reading it would block until a writer came
    elif bad == "device":
        path.symlink_to(os.devnull)  # reads as empty without end of trouble: a device
    else:
        with path.open("wb") as stream:  # sparse: takes no room on disk
            stream.truncate(MAX_BYTES + 1)
    # Loading in a process of its own: a hang would fail the test, not hang it.
    code = (
        "from showguide.core.prefs import load_remembered\n"
        "remembered = load_remembered()\n"
        "print(len(remembered.notices), remembered.preferences.spoiler_shield)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.stdout == "1 True\n", result.stderr
    (aside,) = path.parent.glob(f"{path.name}.corrupt-*")  # set aside, never deleted
    assert aside.is_symlink() if bad == "device" else aside.exists()
    assert not path.exists() and not path.is_symlink()
    # A fresh file is saved in its place.
    assert save_preferences(Preferences()) is None and save_state(State()) is None
    assert path.is_file()


def test_a_save_past_a_file_size_limit_leaves_the_old_file_byte_identical() -> None:
    path = state_path()
    assert save_state(State().with_pane("ballerina", "cast")) is None
    before = path.read_bytes()
    code = textwrap.dedent(
        f"""
        import resource, signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({len(before) + 10}, {len(before) + 10}))
        from showguide.core.prefs import State, save_state
        state = State()
        for n in range(50):
            state = state.with_pane(f"show-{{n}}", "faq")
        print(save_state(state))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"could not save state to {path}: File too large\n"
    assert path.read_bytes() == before
    assert stray_temps(path) == []


class Progress(msgspec.Struct, frozen=True):
    season: int
    episode: int


class Watching(msgspec.Struct, frozen=True):
    """A state with progress per show, as State is to gain."""

    progress: dict[str, Progress] = {}
    last_show: str | None = None


def test_a_record_in_a_map_is_taken_whole_never_half_from_each_process() -> None:
    since = Watching({"x": Progress(1, 5), "y": Progress(3, 1)})
    # Another process: x on to season 2, and a new show z.
    disk = msgspec.to_builtins(
        Watching({"x": Progress(2, 1), "y": Progress(3, 1), "z": Progress(1, 1)}, "z")
    )
    # This one: one more episode of x, and y watched on.
    mine = Watching({"x": Progress(1, 6), "y": Progress(3, 2)})

    merged = msgspec.convert(merge_changes(since, mine, disk), Watching)

    assert merged.progress == {"x": Progress(1, 6), "y": Progress(3, 2), "z": Progress(1, 1)}
    assert merged.last_show == "z"  # not changed here: theirs


def test_a_merge_keeps_the_panes_another_showguide_changed_meanwhile() -> None:
    base = State().with_pane("a", "plot").with_pane("b", "cast")
    mine = base.with_pane("a", "faq")  # this run moved show a
    theirs = base.with_pane("b", "faq").with_pane("c", "plot")  # another moved b, opened c

    merged = merge_state(mine, base, theirs)

    assert merged.panes == {"a": "faq", "b": "faq", "c": "plot"}
    assert (merged.last_show, merged.last_pane) == ("a", "faq")  # the one saving last


def test_two_apps_at_once_each_keep_the_pane_they_moved() -> None:
    """As two browser tabs of showguide serve, or two terminals, saving in turn."""
    from showguide.tui.app import ShowGuideApp
    from tests.tui.shows import ballerina

    start = State().with_pane("a", "plot").with_pane("b", "plot")
    assert save_state(start) is None
    first, second = (ShowGuideApp(ballerina(), remembered=load_remembered()) for _ in range(2))
    first.state = first.state.with_pane("a", "faq")
    second.state = second.state.with_pane("b", "cast")

    first.save_state()
    second.save_state()

    assert load_state().value.panes == {"a": "faq", "b": "cast"}
