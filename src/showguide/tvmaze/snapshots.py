"""What TVmaze said at the last import of a show: the base of the next update's merge.

One small JSON file per TVmaze show in the state folder, written atomically.
A missing snapshot is not an error: the update then takes the file's TVmaze
values as unedited (see :mod:`.update`). A corrupt one is set aside, as
corrupt preferences are, with a notice, and never lost.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from showguide.core.atomic import write_atomic
from showguide.core.userdirs import state_dir
from showguide.tvmaze.update import norm

FOLDER = "tvmaze"


def snapshot_path(tvmaze_id: int) -> Path:
    return state_dir() / FOLDER / f"{tvmaze_id}.json"


def read_snapshot(tvmaze_id: int) -> tuple[dict[str, Any] | None, str | None]:
    """The last import's data, or None; and a notice when a corrupt record was set aside."""
    path = snapshot_path(tvmaze_id)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None, None  # none yet, or unreadable: the update goes on without it
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        return data, None
    from showguide.core.prefs import corrupt_name

    aside = corrupt_name(path)
    try:
        path.rename(aside)
    except OSError as error:
        return (
            None,
            f"the import record {path} is unusable and could not be moved aside ({error.strerror or error})",
        )
    return None, (
        f"the import record {path} was unusable; kept it as {aside.name}."
        " TVmaze's values in the file are taken as unedited"
    )


def write_snapshot(tvmaze_id: int, owned: dict[str, Any]) -> None:
    """Record ``owned``; raises OSError if the state folder cannot be written."""
    text = json.dumps(norm(owned), ensure_ascii=False, indent=1)
    write_atomic(snapshot_path(tvmaze_id), text.encode("utf-8"))
