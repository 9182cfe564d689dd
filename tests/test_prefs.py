"""Preferences and state survive restarts, bad files and crashes, and are never half-written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import msgspec
import pytest

from showguide.core.atomic import stray_temps
from showguide.core.prefs import (
    Preferences,
    State,
    load_preferences,
    load_remembered,
    load_state,
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
    # Readable and editable by a person.
    assert json.loads(preferences_path().read_text()) == {"theme": "nord", "spoiler_shield": False}


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
    assert "cannot read it" in loaded.notice
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
    assert load_preferences() == load_preferences().__class__(Preferences(theme="old"), None)
    # The killed save left its complete temporary file behind; readers ignore it.
    (stray,) = stray_temps(preferences_path())
    assert msgspec.json.decode(stray.read_bytes(), type=Preferences).theme == "new"

    # A later save works, and removes the stray once it is too old to be a save in progress.
    assert save_preferences(Preferences(theme="later")) is None
    assert load_preferences().value.theme == "later"
    assert stray_temps(preferences_path()) == [stray]
    old = time.time() - 2 * 3600
    os.utime(stray, (old, old))
    assert save_preferences(Preferences(theme="latest")) is None
    assert stray_temps(preferences_path()) == []


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
