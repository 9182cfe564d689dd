"""Spotting show files that changed on disk while the app runs, by their stamps.

The app polls (every :data:`POLL_SECONDS`, in a thread): a stamp is a file's
size, modification time and inode, and a folder's modification time, which
changes when a file is added, removed or renamed in it (folders of shows are
not recursed into). Taking the stamps costs one ``stat`` a file: about 8 ms
for 1,000 shows and 115 ms for 10,000 on the team's machine, so the wait
between polls grows with that cost (:func:`next_poll`) to keep the poll
under a twentieth of one core however big the catalog. Polling
rather than inotify: it needs no dependency, works the same on every system
and on network file systems, and an editor's save-by-rename is just a change.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from showguide.core.discovery import discover_sources

if TYPE_CHECKING:
    from showguide.core.catalog import Catalog

#: How often the app looks at the stamps: soon enough that a save in another
#: window shows before the eye is back, rare enough to cost nothing.
POLL_SECONDS = 1.5

Stamp = tuple[int, int, int] | None
Stamps = dict[str, Stamp]


def _stamp(path: str) -> Stamp:
    try:
        info = os.stat(path)  # noqa: PTH116  # one per file, every poll: no Path
    except OSError:  # gone, or not there yet (a user's shows folder)
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def stamps(catalog: Catalog) -> Stamps:
    """The stamps of every file ``catalog`` lists and of every folder it looks in."""
    found: Stamps = {}
    folders = {os.fspath(source.path) for source in discover_sources(catalog.data_paths)}
    for entry in (*catalog.entries, *catalog.overridden):
        found[entry.file] = _stamp(entry.file)
        folders.add(os.path.dirname(entry.file) or ".")  # noqa: PTH120
    for folder in folders:
        found["folder:" + folder] = _stamp(folder)
    return found


#: The wait between polls is at least this many times what the last one cost.
POLL_COST_FACTOR = 20


def next_poll(every: float, cost: float) -> float:
    """Seconds until the next poll, after one that took ``cost`` seconds."""
    return max(every, POLL_COST_FACTOR * cost)
