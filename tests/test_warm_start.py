"""The app's warm start draws the latest steady load's catalog, then checks it.

A steady load leaves a snapshot in the parse cache (core/warm_start.py): the
places it looked in, their states and the files it found. The next start of
the app uses it only while every place is as it was, which a file added,
removed or renamed changes; a file edited in place is drawn as it was read,
and the stamp check that follows finds it.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from showguide.commands.launch import find_start
from showguide.core import catalog as catalog_module
from showguide.core import warm_start as warm_start_module
from showguide.core.cache import ParseCache
from showguide.core.catalog import Catalog, CatalogEntry, load_catalog
from showguide.core.errors import Problem
from showguide.core.warm_start import warm_catalog
from tests.loading import ParseCounter, settled, settled_shelf
from tests.showdata import show_dict, write_show

#: Longer than the coarsest timestamp tick of a Linux file system (a jiffy,
#: 4 ms): a change made after this sleep always gets a new ctime.
TICK_SECONDS = 0.02


@pytest.fixture(autouse=True)
def trusting(monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder written just now counts as steady (its ctime cannot be dated
    back); the tests sleep a timestamp tick before each change instead."""
    monkeypatch.setattr(catalog_module, "RACY_SECONDS", 0)


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    return settled_shelf(tmp_path)


def seen(catalog: Catalog) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    """What the app shows of each entry: file, origin, key, label, problems."""
    return [
        (entry.file, entry.origin, entry.key, entry.label, tuple(map(str, entry.problems)))
        for entry in catalog.entries
    ]


def retitle_in_place(path: Path, old: str, new: str) -> None:
    """Edit ``path`` where it is, as ``>>`` or nano do: its folder does not change."""
    before = path.parent.stat()
    with path.open("r+", encoding="utf-8") as handle:
        text = handle.read().replace(old, new)
        handle.seek(0)
        handle.write(text)
        handle.truncate()
    settled(path, 30)
    after = path.parent.stat()
    assert (after.st_mtime_ns, after.st_ctime_ns) == (before.st_mtime_ns, before.st_ctime_ns)


def test_a_steady_load_lets_the_next_start_draw_without_looking_at_each_file(
    shelf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = load_catalog([shelf])
    parses = ParseCounter(monkeypatch)
    stats: list[str] = []
    real_stat = os.stat

    def counting_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        stats.append(os.fspath(path))  # type: ignore[arg-type]
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", counting_stat)
    warm, _cache = warm_catalog([shelf])
    monkeypatch.setattr(os, "stat", real_stat)

    assert warm is not None
    assert not warm.verified
    assert seen(warm) == seen(loaded)
    assert [entry.stamp for entry in warm.entries] == [entry.stamp for entry in loaded.entries]
    assert not any(path.endswith(".yaml") for path in stats), "no show file looked at"
    assert parses.take() == []
    assert warm.unchanged_on_disk()
    verified = warm.reload()
    assert verified.verified
    assert seen(verified) == seen(loaded)
    assert [entry.show for entry in warm.entries] == [entry.show for entry in loaded.entries]


def test_the_snapshot_gives_the_catalog_its_title_order_to_sort_again(shelf: Path) -> None:
    settled(write_show(shelf, show_dict(id="aardvark", title="Zebra"), "aardvark.yaml"))
    loaded = load_catalog([shelf])
    warm, _cache = warm_catalog([shelf])
    assert warm is not None and warm.title_hint is not None

    by_title = [entry.label for entry in (warm.entries[n] for n in warm.title_hint)]

    assert by_title == sorted(entry.label for entry in loaded.entries)
    assert by_title[-1] == "Zebra"
    assert [entry.label for entry in warm.entries][:2] == ["Ballerina", "Zebra"]


def test_there_is_nothing_to_draw_before_a_steady_load(shelf: Path) -> None:
    assert warm_catalog([shelf])[0] is None


@pytest.mark.parametrize("change", ["added", "removed", "renamed"])
def test_a_file_added_removed_or_renamed_makes_the_start_look_at_every_file(
    shelf: Path, change: str
) -> None:
    load_catalog([shelf])
    time.sleep(TICK_SECONDS)
    if change == "added":
        settled(write_show(shelf, show_dict(id="delta", title="Delta"), "delta.yaml"))
    elif change == "removed":
        (shelf / "beta.yaml").unlink()
    else:
        (shelf / "beta.yaml").rename(shelf / "zeta.yaml")

    assert warm_catalog([shelf])[0] is None
    # The full load that follows leaves the new snapshot.
    loaded = load_catalog([shelf])
    warm, _cache = warm_catalog([shelf])
    assert warm is not None
    assert seen(warm) == seen(loaded)


def test_a_file_edited_in_place_is_drawn_as_read_and_the_check_finds_it(shelf: Path) -> None:
    load_catalog([shelf])
    retitle_in_place(shelf / "beta.yaml", "Beta", "Bravo")

    warm, _cache = warm_catalog([shelf])

    assert warm is not None
    assert "Beta" in [entry.label for entry in warm.entries]
    assert not warm.unchanged_on_disk()
    now = warm.reload()
    assert now.verified
    assert [entry.label for entry in now.entries][-3:] == ["Alpha", "Bravo", "Gamma"]
    assert now.changed == {str((shelf / "beta.yaml").resolve())}


def test_another_place_to_look_does_not_use_the_snapshot(
    shelf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog([shelf])
    assert warm_catalog([shelf])[0] is not None

    assert warm_catalog([])[0] is None
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.setenv("SHOWGUIDE_PATH", str(other))
    assert warm_catalog([shelf])[0] is None


def test_a_snapshot_whose_file_lost_its_cached_show_is_not_kept(
    shelf: Path, tmp_path: Path
) -> None:
    """A save drops an entry whose show is damaged; the snapshot, whose files
    are the index's first entries in order, is then not saved with it (the
    entries after it, of another folder's show, must not take its place)."""
    other = tmp_path / "other"
    other.mkdir()
    settled(write_show(other, show_dict(id="omega", title="Omega"), "omega.yaml"))
    load_catalog([other])
    load_catalog([shelf])
    cache = ParseCache.open()
    assert cache.shows_file is not None
    damaged = cache._old[str((shelf / "alpha.yaml").resolve())]
    data = bytearray(cache.shows_file.path.read_bytes())
    data[damaged.start] ^= 0xFF
    cache.shows_file.path.write_bytes(bytes(data))
    time.sleep(TICK_SECONDS)
    settled(write_show(shelf, show_dict(id="delta", title="Delta"), "delta.yaml"))
    load_catalog([shelf])  # parses delta, so the cache is saved, without alpha's show

    assert warm_catalog([shelf])[0] is None
    loaded = load_catalog([shelf])  # alpha parsed again: the snapshot is whole again
    warm, _cache = warm_catalog([shelf])
    assert warm is not None
    assert seen(warm) == seen(loaded)
    assert [entry.show for entry in warm.entries] == [entry.show for entry in loaded.entries]


def test_a_new_snapshot_alone_is_saved_without_copying_the_shows(shelf: Path) -> None:
    load_catalog([shelf])
    shows_file = ParseCache.open().shows_file
    assert shows_file is not None
    time.sleep(TICK_SECONDS)
    (shelf / "beta.yaml").unlink()  # nothing to parse: only the snapshot is new

    loaded = load_catalog([shelf])

    cache = ParseCache.open()
    assert cache.shows_file is not None
    assert cache.shows_file.path == shows_file.path
    warm, _cache = warm_catalog([shelf])
    assert warm is not None
    assert seen(warm) == seen(loaded)
    assert [entry.show for entry in warm.entries] == [entry.show for entry in loaded.entries]


def test_the_app_does_not_start_from_a_snapshot_in_which_no_show_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mended since, a file would otherwise stop the app before any check."""
    broken = CatalogEntry(
        tmp_path / "x.yaml", "--data", None, (Problem("x.yaml", 1, 1, "", "bad"),)
    )
    cache = ParseCache.open()
    monkeypatch.setattr(warm_start_module, "warm_catalog", lambda data: (Catalog((broken,)), cache))

    warm, load = find_start([])

    assert warm is None
    assert load is not None
    assert load.reader._cache is cache  # the full load reads the cache already opened


def test_after_the_check_the_summaries_share_each_repeated_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Decoding makes a string for every show's network, country and genres;
    the check's thread, a moment after the check, makes the copies one object each."""
    monkeypatch.setattr(warm_start_module, "SHARE_AFTER_SECONDS", 0)
    folder = tmp_path / "same"
    folder.mkdir()
    for name in ("one", "two", "three"):
        data = show_dict(id=name, title=name.title(), network="Streamer", genres=["Drama"])
        settled(write_show(folder, data, f"{name}.yaml"))
    load_catalog([folder])
    warm, _cache = warm_catalog([folder])
    assert warm is not None and warm.check is not None
    summaries = [entry.summary for entry in warm.entries if entry.summary is not None]
    ours = [summary for summary in summaries if summary.network == "Streamer"]
    assert len(ours) == 3
    answers: list[bool] = []
    finished = threading.Event()

    warm.check.start(lambda unchanged: (answers.append(unchanged), finished.set()))

    assert finished.wait(10)
    assert answers == [True]
    for _ in range(100):  # shared just after the answer
        if len({id(summary.network) for summary in ours}) == 1:
            break
        time.sleep(0.05)
    assert len({id(summary.network) for summary in ours}) == 1
    assert len({id(summary.country) for summary in ours}) == 1
    assert len({id(summary.genres) for summary in ours}) == 1
