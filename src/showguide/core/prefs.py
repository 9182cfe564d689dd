"""What showguide remembers between runs: preferences (config) and state.

Preferences are choices the user makes (theme, spoiler shield) and live in the
config folder; state is where the user was (last show and pane) and lives in
the state folder. Both are small JSON files that a person can read and edit.

Loading never fails: a missing file means defaults; a file that cannot be read
or does not parse, or is not a regular file, or is huge, is renamed aside
(never deleted, the user may want it back) and the defaults come with a notice
for the UI to show. Files are read with the guards of :mod:`showguide.core.guarded`,
so a FIFO or a device in a file's place never blocks.

Saving is atomic (see :mod:`showguide.core.atomic`) and reports failure as a
notice too, because losing a remembered pane must never stop the app. Two
showguides may run at once: each saves only what it changed since it read the
file, merged key by key (through nested dicts: the pane of each show) into
what is on disk now, under a lock on a file beside it. So neither reverts the
other's choices, the spoiler shield least of all.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Generic, TypeVar

import msgspec

from showguide.core.atomic import locked, remove_stale_temps, write_atomic
from showguide.core.guarded import UnusableFile, read_guarded
from showguide.core.userdirs import config_dir, state_dir

PREFERENCES_FILE = "preferences.json"
STATE_FILE = "state.json"
#: Neither file is read past this size: a bigger one is set aside, not read.
MAX_BYTES = 8 * 1024 * 1024


class Preferences(msgspec.Struct, frozen=True, kw_only=True):
    """Choices the user made. Change one with ``msgspec.structs.replace``."""

    #: A Textual theme name; None means the app's default.
    theme: str | None = None
    #: Hide spoilers until asked.
    spoiler_shield: bool = True
    #: Keys given to commands by id, e.g. ``{"faq.next": "j"}`` (see
    #: core.keymap, which checks each entry: one bad entry must not cost the
    #: rest of the preferences, so nothing about it is checked here).
    keymap: Any = {}


class State(msgspec.Struct, frozen=True, kw_only=True):
    """Where the user was when the app last closed."""

    #: The id of the show that was open.
    last_show: str | None = None
    #: The pane that was open in that show.
    last_pane: str | None = None
    #: The last pane open in each show, by show id.
    panes: dict[str, str] = {}

    def with_pane(self, show_id: str, pane: str) -> State:
        """This state with ``show_id`` open at ``pane``."""
        return msgspec.structs.replace(
            self, last_show=show_id, last_pane=pane, panes={**self.panes, show_id: pane}
        )

    def pane_for(self, show_id: str) -> str | None:
        return self.panes.get(show_id)

    # --- watching progress --------------------------------------------------
    #: The last episode watched in each show, by show id: an episode code
    #: such as "S1E4", or None for "nothing watched yet". A dict keyed by show
    #: so that two showguides saving at once merge show by show. Values are
    #: not checked here: one bad entry must not cost the rest of the state;
    #: core.progress.resolve gives a notice for it when its show opens.
    progress: dict[str, Any] = {}

    def with_progress(self, show_id: str, code: str | None) -> State:
        """This state with ``code`` as the last episode watched in ``show_id``."""
        return msgspec.structs.replace(self, progress={**self.progress, show_id: code})

    def progress_for(self, show_id: str) -> str | None:
        """The code stored for ``show_id``; anything else stored there, as text."""
        value = self.progress.get(show_id)
        return value if value is None or isinstance(value, str) else repr(value)


T = TypeVar("T", Preferences, State)

#: What a setting should hold, for a notice about a file where it does not.
SETTING_HINTS = {
    "theme": 'a theme\'s name in quotes (such as "nord"), or null',
}


class Loaded(msgspec.Struct, Generic[T], frozen=True):
    """A loaded value, and what to tell the user if the file had to be set aside."""

    value: T
    notice: str | None = None


class Remembered(msgspec.Struct, frozen=True):
    """Everything remembered, as the app starts with it."""

    preferences: Preferences
    state: State
    #: What to tell the user, e.g. that a corrupt file was set aside.
    notices: tuple[str, ...] = ()


def load_remembered() -> Remembered:
    """Preferences and state from their usual files; defaults, with notices, if unusable."""
    preferences, state = load_preferences(), load_state()
    notices = tuple(loaded.notice for loaded in (preferences, state) if loaded.notice)
    return Remembered(preferences.value, state.value, notices)


def preferences_path() -> Path:
    return config_dir() / PREFERENCES_FILE


def state_path() -> Path:
    return state_dir() / STATE_FILE


def load_preferences(path: Path | None = None) -> Loaded[Preferences]:
    return _load(path or preferences_path(), Preferences, "preferences")


def load_state(path: Path | None = None) -> Loaded[State]:
    return _load(path or state_path(), State, "state")


def save_preferences(
    preferences: Preferences, path: Path | None = None, *, since: Preferences | None = None
) -> str | None:
    """Save what changed since ``since``; None when saved, otherwise a notice saying why not.

    See :func:`save_merged`; without ``since`` every field is this process's to write.
    """
    return save_merged(path or preferences_path(), preferences, since, "preferences").notice


def save_state(state: State, path: Path | None = None, *, since: State | None = None) -> str | None:
    """Save what changed since ``since``; None when saved, otherwise a notice saying why not."""
    return save_merged(path or state_path(), state, since, "state").notice


class Saved(msgspec.Struct, Generic[T], frozen=True):
    """What a save left on disk, and what to tell the user about it."""

    #: The saved value: this process's changes merged into what was on disk.
    #: It is what the next save's ``since`` should be.
    value: T
    #: Why it could not be saved, or that an unusable file was set aside.
    notice: str | None = None
    #: False when nothing could be written (``value`` is then what was to be saved).
    written: bool = True


def save_merged(path: Path, value: T, since: T | None, what: str) -> Saved[T]:
    """Save ``value``'s changes since ``since`` into the file at ``path``, atomically.

    Under a lock beside the file, what is on disk now is read and only what
    differs between ``since`` and ``value`` is written over it (see
    :func:`merge_changes`): what another showguide saved meanwhile survives.
    ``since`` None takes every field of ``value`` as changed (a map field's
    keys are still added to the disk's, not put in their place). Keys on disk
    that this version does not know are kept.
    """
    kind = type(value)
    with locked(path):
        disk, notice = _read_for_merge(path, kind, what)
        merged = merge_changes(_ABSENT if since is None else since, value, disk)
        if not isinstance(merged, dict):  # nothing on disk and nothing changed here
            merged = msgspec.to_builtins(value)
        try:
            result = msgspec.convert(merged, kind)
            write_atomic(path, encode(merged))
        except msgspec.ValidationError:  # cannot happen with a valid value and a valid disk
            notice = f"could not save {what} to {path}: the merge did not make sense"
            return Saved(value, notice, written=False)
        except OSError as error:
            notice = f"could not save {what} to {path}: {error.strerror or error}"
            return Saved(value, notice, written=False)
    return Saved(result, notice)


class _Absent:
    """No such key (or no file): unlike None, which is a value a key can hold."""

    def __repr__(self) -> str:
        return "<absent>"


_ABSENT: Any = _Absent()


def merge_changes(since: Any, mine: Any, disk: Any) -> Any:
    """``disk`` (plain data, as read) with the changes that turned ``since`` into ``mine``.

    ``since`` and ``mine`` are values as the program holds them. The file's
    record (a msgspec Struct: Preferences, State) is merged field by field. A
    dict is a map (the pane of each show, the progress of each show, by show
    id), merged key by key, nested maps too, so that another process's keys
    survive next to ours. Anything else is one value, a Struct inside a map
    included (one show's progress is taken whole, never half ours and half
    another's): ours if we changed it, otherwise the disk's. A key removed
    here is removed. :data:`_ABSENT` stands for a missing key or file.
    """
    return _merge(since, mine, disk, record=True)


def _merge(since: Any, mine: Any, disk: Any, *, record: bool) -> Any:
    if mine == since:
        return disk
    if mine is _ABSENT:
        return _ABSENT
    if record and isinstance(mine, msgspec.Struct) and isinstance(disk, dict):
        merged = dict(disk)
        for field in msgspec.structs.fields(mine):
            before = _ABSENT if since is _ABSENT else getattr(since, field.name)
            _put(
                merged,
                field.encode_name,
                _merge(
                    before,
                    getattr(mine, field.name),
                    disk.get(field.encode_name, _ABSENT),
                    record=False,
                ),
            )
        return merged
    if isinstance(mine, dict) and isinstance(disk, dict) and all(isinstance(k, str) for k in mine):
        base = since if isinstance(since, dict) else {}
        merged = dict(disk)
        for key in (*base, *(key for key in mine if key not in base)):
            value = _merge(
                base.get(key, _ABSENT), mine.get(key, _ABSENT), disk.get(key, _ABSENT), record=False
            )
            _put(merged, key, value)
        return merged
    return msgspec.to_builtins(mine)


def _put(merged: dict[str, Any], key: str, value: Any) -> None:
    if value is _ABSENT:
        merged.pop(key, None)
    else:
        merged[key] = value


def _read_for_merge(path: Path, kind: type[T], what: str) -> tuple[Any, str | None]:
    """What is on disk as plain data (ABSENT if nothing usable), and a notice if set aside."""
    found = _on_disk(path, kind)
    if found is None:
        return _ABSENT, None
    if isinstance(found, dict):
        return found, None
    return _ABSENT, _set_aside(path, what, found)


def _on_disk(path: Path, kind: type[T]) -> dict[str, Any] | str | None:
    """The file's plain data; None if there is none; a reason if it is unusable."""
    try:
        data = read_guarded(path, MAX_BYTES)
    except FileNotFoundError:
        return None
    except UnusableFile as error:
        return str(error)
    except OSError as error:
        return f"cannot read it: {error.strerror or error}"
    try:
        plain = msgspec.json.decode(data)
        msgspec.convert(plain, kind)  # the same checks as loading
    except msgspec.DecodeError as error:  # includes ValidationError: wrong types
        from showguide.core.jsonwords import explain  # only for a bad file

        return explain(error, data, SETTING_HINTS)
    if not isinstance(plain, dict):  # convert said it is a struct: it is one
        return "not a JSON object"
    return plain


def merge_state(mine: State, base: State, theirs: State) -> State:
    """``mine`` to save over ``theirs``, the state as another showguide left it
    since this one read ``base``: what this run changed, merged into theirs
    (see :func:`merge_changes`, which :func:`save_merged` uses under a lock)."""
    return msgspec.convert(merge_changes(base, mine, msgspec.to_builtins(theirs)), State)


def encode(value: object) -> bytes:
    """As saved: indented JSON, for a person to read and edit."""
    return msgspec.json.format(msgspec.json.encode(value), indent=2) + b"\n"


def _load(path: Path, kind: type[T], what: str) -> Loaded[T]:
    # A save killed before its rename left its temporary file: removed now,
    # not only at the next save (one listing of a small folder).
    remove_stale_temps(path)
    try:
        data = read_guarded(path, MAX_BYTES)
    except FileNotFoundError:
        return Loaded(kind())
    except UnusableFile as error:  # a FIFO, a device or a huge file: never read it
        reason = str(error)
    except OSError as error:  # a folder, no permission, an I/O error
        reason = f"cannot read it: {error.strerror or error}"
    else:
        try:
            return Loaded(msgspec.json.decode(data, type=kind))
        except msgspec.DecodeError as error:  # includes ValidationError: wrong types
            from showguide.core.jsonwords import explain  # only for a bad file

            reason = explain(error, data, SETTING_HINTS)
    return Loaded(kind(), _set_aside(path, what, reason))


def corrupt_name(path: Path, when: float | None = None) -> Path:
    """``preferences.json.corrupt-20250101-120000``, numbered if that name is taken."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(when))
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
        number += 1
    return candidate


def _set_aside(path: Path, what: str, reason: str) -> str:
    """Rename an unusable file aside; the notice says what was wrong and what was done,
    in words a person fixing the file can act on (the reason comes from jsonwords)."""
    aside = corrupt_name(path)
    defaults = f"the default {what} are used" if what.endswith("s") else f"a fresh {what} is used"
    try:
        path.rename(aside)
    except FileNotFoundError:
        # Another showguide running at the same time set it aside first.
        return f"the {what} file {path} was unusable: {reason}; {defaults}."
    except OSError as error:
        return (
            f"the {what} file {path} is unusable: {reason}. It could not be moved aside"
            f" ({error.strerror or error}); {defaults}."
        )
    return f"the {what} file {path} was unusable: {reason}. It was moved to {aside}; {defaults}."
