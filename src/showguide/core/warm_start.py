"""A warm start drawn at once: the catalog that the latest steady load found.

Loading a catalog looks in every folder, stats every file and compares each
stamp with the parse cache's before anything is drawn: at 10,000 shows that is
most of what a warm start costs before its first frame. Yet when every place
looked in is in the state it was (a folder's times change whenever a file is
added to it, removed or renamed), the files in it are the ones the latest
steady load found, in the same order; only their contents can have changed,
in place.

So the parse cache keeps a snapshot of that load (:class:`StartSnapshot`: the
places, their states, and the files found), and the app's start uses it: one
``stat`` of each place, and the catalog is made from the cache's entries. It
is not yet :attr:`~Catalog.verified`: a checker process
(core/stamp_checker.py), started with the catalog, compares every file's
stamp with its entry's while the app imports Textual, and the app takes its
answer once its first frame is drawn (:class:`StampCheck`; where no checker
can run, the app compares the stamps itself, in a thread). When a file
changed while showguide was closed, the app reads the files again, as if the
file had changed just after the start.

Only the app starts so. The commands that print (``list``, ``validate``,
``show``...) compare every file's stamp before they print anything, and so
does the app's start when the snapshot has no show that loaded (a file may
have been mended since), since it would otherwise stop with an error.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

import msgspec

from showguide.core.cache import (
    ORIGINS,
    Cached,
    CacheEntry,
    ParseCache,
    ShowsFile,
    renamed_problems,
    share_repeated_values,
)
from showguide.core.catalog import Catalog, CatalogEntry, apply_overrides
from showguide.core.discovery import (
    Origin,
    Source,
    SourceState,
    discover_sources,
    places_as_then,
)
from showguide.core.stamp_checker import ANSWER_TIMEOUT_SECONDS, Checker


def warm_catalog(data_paths: Sequence[str | Path]) -> tuple[Catalog | None, ParseCache]:
    """The catalog of the latest steady load, unverified, if every place it
    looked in is as it was and the parse cache has every file's entry.

    Else None, with the parse cache opened, for the full load to use.
    """
    # The summaries' repeated values are shared after the first frame, by
    # the check's thread (StampCheck), or below if there is no snapshot.
    cache = ParseCache.open(share=False)
    catalog = _from_snapshot(cache, data_paths)
    if catalog is None:
        cache.share_values()
    return catalog, cache


def _from_snapshot(cache: ParseCache, data_paths: Sequence[str | Path]) -> Catalog | None:
    start = cache.start_files()
    shows = cache.shows_file
    if start is None or shows is None or cache.notices:
        return None
    snapshot, cached = start
    if snapshot.data_paths != tuple(os.fspath(path) for path in data_paths):
        return None
    states = _same_places(discover_sources(data_paths), snapshot.sources)
    if states is None:
        return None
    entries = _entries(snapshot.files, cached, shows, cache.path)
    if entries is None:
        return None
    kept, overridden, notices = apply_overrides(entries)
    catalog = Catalog(
        tuple(kept),
        notices=(*snapshot.notices, *notices),
        overridden=tuple(overridden),
        data_paths=tuple(data_paths),
        sources=states,
        # The snapshot's order is of its files: of these entries unless a
        # show overrode another (then the catalog sorts without it).
        title_hint=snapshot.title_order if not overridden else None,
    )
    checker = None
    if cache.index_checksum is not None and len(snapshot.files) >= CHECKER_MIN_FILES:
        places = [(path, state) for path, _origin, state in snapshot.sources]
        checker = Checker.spawn(cache.path, cache.index_checksum, len(snapshot.files), places)
    return msgspec.structs.replace(catalog, check=StampCheck(catalog, checker))


def _entries(
    files: tuple[tuple[int, str], ...],
    cached: list[CacheEntry],
    shows: ShowsFile,
    cache_path: Path,
) -> list[CatalogEntry] | None:
    """The catalog's entries for the snapshot's ``files``, from the cache's
    entries of them (``cached``, in the same order); None if one is amiss."""
    origins = ORIGINS
    entries: list[CatalogEntry] = []
    add = entries.append
    made = CatalogEntry.__new__
    # One loop, each entry written out field by field (as the parse cache's
    # start loop in core/catalog.py): it runs for every file before the
    # first frame.
    for (number, text), found in zip(files, cached, strict=False):
        if not 0 <= number < len(origins):
            return None
        name = found.name
        text = text or name
        problems = found.problems
        if problems and name != text:
            problems = renamed_problems(problems, name, text)
        summary = found.summary
        entry = made(CatalogEntry)
        entry.file = text
        entry._path = None
        entry.origin = origins[number]
        entry.key = found.key
        entry.stamp = (found.size, found.mtime_ns, found.inode)
        entry.problems = problems
        entry.summary = summary
        entry._show = None
        entry._pending = Cached(found, shows, problems, cache_path) if summary is not None else None
        add(entry)
    return entries


#: The fewest files the stamp check is given a process of its own for. The
#: checker costs about 60 ms of CPU to start and read the index, on the other
#: core; the app's thread checks 1,000 files in about 4 ms after its first
#: frame (a guide's one file in microseconds).
CHECKER_MIN_FILES = 2000

#: Seconds after the check that the summaries' repeated values are shared.
SHARE_AFTER_SECONDS = 1.0


class StampCheck:
    """Whether every file of a catalog still has the stamp it was read with
    (:meth:`Catalog.unchanged_on_disk`): asked of a checker process
    (core/stamp_checker.py) from the moment the catalog is made, else worked
    out in a thread once started."""

    def __init__(self, catalog: Catalog, checker: Checker | None = None) -> None:
        self._catalog = catalog
        self._checker = checker
        self._started = False

    def start(self, done: Callable[[bool], None]) -> None:
        """Call ``done`` from a thread with True if no file changed, once that
        is known. Only the first call does anything."""
        if self._started:
            return
        self._started = True
        # A daemon: a check still running when the app has ended is not waited for.
        threading.Thread(
            target=self._run, args=(done,), name="showguide-stamp-check", daemon=True
        ).start()

    def _run(self, done: Callable[[bool], None]) -> None:
        unchanged = None
        checker = self._checker
        if checker is not None:
            unchanged = checker.answer(ANSWER_TIMEOUT_SECONDS)
            if unchanged is None:  # no answer in time: checked here instead
                checker.stop()
        if unchanged is None:
            try:
                unchanged = self._catalog.unchanged_on_disk()
            except Exception:  # noqa: BLE001  # whatever went wrong, the files are read again
                unchanged = False
        done(unchanged)
        # One object for each value the summaries repeat: 3 MiB of copies at
        # 10,000 shows, kept as long as the app runs. Memory, not what the
        # first frame or the check needs: done a moment later, as the
        # catalog folds the filter's words (tui/catalog.py). The values are
        # equal either way, and a summary's field is replaced at once.
        time.sleep(SHARE_AFTER_SECONDS)
        share_repeated_values([entry.summary for entry in self._catalog.entries])


def _same_places(
    sources: list[Source], then: tuple[tuple[str, str, SourceState], ...]
) -> tuple[tuple[Source, SourceState], ...] | None:
    """Each place with its state, if every one is where and as the snapshot
    saw it (``then``: each place's path, origin and state)."""
    states = tuple(
        (Source(Path(path), cast(Origin, origin)), state) for path, origin, state in then
    )
    return states if places_as_then(sources, states) else None
