"""What TVmaze said at the last import of a show: the base of the next update's merge.

One small JSON file per TVmaze show in the state folder, written atomically.
A missing or unreadable snapshot is not an error: the update then takes the
file's TVmaze values as unedited (see :mod:`.update`).
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


def read_snapshot(tvmaze_id: int) -> dict[str, Any] | None:
    try:
        data = json.loads(snapshot_path(tvmaze_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_snapshot(tvmaze_id: int, owned: dict[str, Any]) -> None:
    """Record ``owned``; raises OSError if the state folder cannot be written."""
    text = json.dumps(norm(owned), ensure_ascii=False, indent=1)
    write_atomic(snapshot_path(tvmaze_id), text.encode("utf-8"))
