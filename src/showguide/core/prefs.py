"""What showguide remembers between runs: preferences (config) and state.

Preferences are choices the user makes (theme, spoiler shield) and live in the
config folder; state is where the user was (last show and pane) and lives in
the state folder. Both are small JSON files that a person can read and edit.

Loading never fails: a missing file means defaults; a file that cannot be read
or does not parse is renamed aside (never deleted, the user may want it back)
and the defaults come with a notice for the UI to show. Saving is atomic (see
:mod:`showguide.core.atomic`) and reports failure as a notice too, because
losing a remembered pane must never stop the app.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import msgspec

from showguide.core.atomic import write_atomic
from showguide.core.userdirs import config_dir, state_dir

PREFERENCES_FILE = "preferences.json"
STATE_FILE = "state.json"


class Preferences(msgspec.Struct, frozen=True, kw_only=True):
    """Choices the user made. Change one with ``msgspec.structs.replace``."""

    #: A Textual theme name; None means the app's default.
    theme: str | None = None
    #: Hide spoilers until asked.
    spoiler_shield: bool = True


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


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """A loaded value, and what to tell the user if the file had to be set aside."""

    value: T
    notice: str | None = None


@dataclass(frozen=True)
class Remembered:
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


def save_preferences(preferences: Preferences, path: Path | None = None) -> str | None:
    """Save atomically; None when saved, otherwise a notice saying why not."""
    return _save(path or preferences_path(), preferences, "preferences")


def save_state(state: State, path: Path | None = None) -> str | None:
    """Save atomically; None when saved, otherwise a notice saying why not."""
    return _save(path or state_path(), state, "state")


def merge_state(mine: State, base: State, theirs: State) -> State:
    """``mine`` to save over ``theirs``, the file as another showguide left it
    since this one read ``base``, keeping what that other one changed.

    Two showguides at once (two terminals, or two tabs of ``showguide
    serve``) each remember the pane of the shows they open: a show's pane is
    taken from ``mine`` only where this run changed it since ``base``, and
    from ``theirs`` otherwise. The last show and pane are this run's: it is
    the one saving last.
    """
    panes = dict(theirs.panes)
    for show_id, pane in mine.panes.items():
        if base.panes.get(show_id) != pane:
            panes[show_id] = pane
    # Progress the same way, show by show: marking episodes in one show here
    # never undoes what the other showguide marked in another.
    progress = dict(theirs.progress)
    for show_id, code in mine.progress.items():
        if show_id not in base.progress or base.progress[show_id] != code:
            progress[show_id] = code
    return msgspec.structs.replace(mine, panes=panes, progress=progress)


def encode(value: Preferences | State) -> bytes:
    return msgspec.json.format(msgspec.json.encode(value), indent=2) + b"\n"


def _load(path: Path, kind: type[T], what: str) -> Loaded[T]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Loaded(kind())
    except OSError as error:  # a folder, no permission, an I/O error
        reason = f"cannot read it: {error.strerror or error}"
    else:
        try:
            return Loaded(msgspec.json.decode(data, type=kind))
        except msgspec.DecodeError as error:  # includes ValidationError: wrong types
            reason = str(error) or "not valid JSON"
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
    aside = corrupt_name(path)
    try:
        path.rename(aside)
    except FileNotFoundError:
        # Another showguide running at the same time set it aside first.
        return f"the {what} file {path} was unusable ({reason}); using defaults"
    except OSError as error:
        return (
            f"the {what} file {path} is unusable ({reason}) and could not be moved aside"
            f" ({error.strerror or error}); using defaults"
        )
    return f"the {what} file {path} was unusable ({reason}); kept it as {aside.name} and using defaults"


def _save(path: Path, value: Preferences | State, what: str) -> str | None:
    try:
        write_atomic(path, encode(value))
    except OSError as error:
        return f"could not save {what} to {path}: {error.strerror or error}"
    return None
