"""The warm start's checker process answers as the app's own check would.

core/stamp_checker.py runs a fresh Python that reads the parse cache's index
itself; these hold its answers to Catalog.unchanged_on_disk, its reading of
the index to the cache's layout, and the app's fallbacks when it cannot be
spawned or does not answer.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from showguide.core import cache as cache_module
from showguide.core import catalog as catalog_module
from showguide.core import stamp_checker
from showguide.core import warm_start as warm_start_module
from showguide.core.cache import ParseCache
from showguide.core.catalog import Catalog, load_catalog
from showguide.core.stamp_checker import Checker
from showguide.core.warm_start import warm_catalog
from tests.loading import settled, settled_shelf
from tests.showdata import show_dict, write_show
from tests.test_warm_start import retitle_in_place

TICK_SECONDS = 0.02


@pytest.fixture(autouse=True)
def trusting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_module, "RACY_SECONDS", 0)
    # A shelf of three shows gets a checker too (a start gets one from 2,000 files).
    monkeypatch.setattr(warm_start_module, "CHECKER_MIN_FILES", 1)


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    folder = settled_shelf(tmp_path)
    load_catalog([folder])
    return folder


def warm(shelf: Path) -> Catalog:
    catalog, _cache = warm_catalog([shelf])
    assert catalog is not None
    return catalog


def checker_of(catalog: Catalog) -> Checker:
    check = catalog.check
    assert isinstance(check, warm_start_module.StampCheck)
    assert check._checker is not None, "no checker process was started"
    return check._checker


def answer_of(catalog: Catalog) -> bool:
    """What the app is told (StampCheck.start's answer), waited for."""
    answers: list[bool] = []
    told = threading.Event()
    assert catalog.check is not None
    catalog.check.start(lambda unchanged: (answers.append(unchanged), told.set()))
    assert told.wait(20)
    return answers[0]


def test_the_checker_reads_the_fields_the_index_keeps_first() -> None:
    fields = cache_module._Entry.__struct_fields__
    assert fields[:4] == ("key", "size", "mtime_ns", "inode")
    assert "class Entry(msgspec.Struct, array_like=True)" in stamp_checker.SOURCE


def test_the_checker_says_nothing_changed_and_is_reaped(shelf: Path) -> None:
    catalog = warm(shelf)
    checker = checker_of(catalog)

    assert checker.answer(20) is True
    assert catalog.unchanged_on_disk()
    with pytest.raises(ChildProcessError):
        os.waitpid(checker.pid, os.WNOHANG)


def test_the_checker_sees_a_file_edited_in_place(shelf: Path) -> None:
    retitle_in_place(shelf / "beta.yaml", "Beta", "Bravo")
    catalog = warm(shelf)

    assert checker_of(catalog).answer(20) is False
    assert not catalog.unchanged_on_disk()


def test_the_checker_sees_a_place_that_changed_since_the_start(shelf: Path) -> None:
    time.sleep(TICK_SECONDS)
    catalog = warm(shelf)  # the places are checked, and the checker started...
    settled(write_show(shelf, show_dict(id="delta", title="Delta"), "delta.yaml"))

    # ...and by the time it looks, the folder has changed.
    assert checker_of(catalog).answer(20) is False


def test_the_checker_answers_no_for_an_index_it_was_not_told_of(shelf: Path) -> None:
    cache = ParseCache.open()
    assert cache.index_checksum is not None
    files = len(warm(shelf).entries)
    wrong = Checker.spawn(cache.path, cache.index_checksum ^ 1, files, [])
    right = Checker.spawn(cache.path, cache.index_checksum, files, [])
    assert wrong is not None and right is not None

    assert wrong.answer(20) is False
    assert right.answer(20) is True


@pytest.mark.parametrize("why", ["a small catalog", "no posix_spawn"])
def test_without_a_checker_the_app_checks_in_a_thread(
    shelf: Path, monkeypatch: pytest.MonkeyPatch, why: str
) -> None:
    if why == "a small catalog":
        monkeypatch.setattr(warm_start_module, "CHECKER_MIN_FILES", 2000)
    else:
        monkeypatch.delattr(os, "posix_spawn")
    retitle_in_place(shelf / "beta.yaml", "Beta", "Bravo")
    catalog = warm(shelf)
    check = catalog.check
    assert isinstance(check, warm_start_module.StampCheck)
    assert check._checker is None

    assert answer_of(catalog) is False


def test_a_checker_that_does_not_answer_is_ended_and_the_app_checks_itself(
    shelf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stamp_checker, "SOURCE", "import time; time.sleep(60)")
    monkeypatch.setattr(warm_start_module, "ANSWER_TIMEOUT_SECONDS", 0.5)
    retitle_in_place(shelf / "beta.yaml", "Beta", "Bravo")
    catalog = warm(shelf)
    checker = checker_of(catalog)

    assert answer_of(catalog) is False  # the app's own check found the edit
    with pytest.raises(ChildProcessError):
        os.waitpid(checker.pid, os.WNOHANG)  # ended, and reaped
