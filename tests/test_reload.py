"""Reloading a catalog reads only what changed, and a file that breaks keeps its last good show."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from showguide.core.cache import CACHE_FILE
from showguide.core.catalog import Catalog, load_catalog
from showguide.core.userdirs import cache_dir, user_shows_dir
from tests.loading import ParseCounter, settled, settled_shelf
from tests.showdata import show_dict, write_show


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> ParseCounter:
    return ParseCounter(monkeypatch)


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    return settled_shelf(tmp_path)


def edit(folder: Path, name: str, data: dict[str, object] | str) -> Path:
    """Save a file as an editor would, some seconds ago (old enough to trust its stamp)."""
    return settled(write_show(folder, data, name), seconds_ago=30)


def labels(catalog: Catalog) -> list[str]:
    return [entry.label for entry in catalog.entries]


def test_a_reload_with_nothing_changed_reads_no_file_not_even_the_cache(
    shelf: Path, parses: ParseCounter
) -> None:
    catalog = load_catalog([shelf])
    parses.take()
    (cache_dir() / CACHE_FILE).unlink()  # had the reload used the cache, it would parse

    again = catalog.reload()

    assert parses.take() == []
    assert again.entries == catalog.entries
    assert again.changed == frozenset()
    assert not (cache_dir() / CACHE_FILE).exists()  # nothing new to save


def test_a_reload_reads_the_changed_and_new_files_and_drops_the_gone(
    shelf: Path, parses: ParseCounter
) -> None:
    catalog = load_catalog([shelf])
    parses.take()
    edit(shelf, "beta.yaml", show_dict(id="beta", title="Beta, revised"))
    edit(shelf, "delta.yaml", show_dict(id="delta", title="Delta"))
    (shelf / "gamma.yaml").unlink()

    again = catalog.reload()

    assert parses.take() == ["beta.yaml", "delta.yaml"]
    assert labels(again) == ["Ballerina", "Alpha", "Beta, revised", "Delta"]
    assert again.changed == {again.resolve("beta").key, again.resolve("delta").key}
    assert labels(catalog) == ["Ballerina", "Alpha", "Beta", "Gamma"]  # the old one is untouched


def test_a_reload_finds_shows_new_to_the_user_folder_and_showguide_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("SHOWGUIDE_PATH", str(elsewhere))
    catalog = load_catalog()
    user_shows_dir().mkdir(parents=True)
    edit(user_shows_dir(), "mine.yaml", show_dict(id="mine", title="Mine"))
    edit(elsewhere, "theirs.yaml", show_dict(id="theirs", title="Theirs"))

    again = catalog.reload()

    assert [(entry.id, entry.origin) for entry in again.entries] == [
        ("ballerina", "bundled"),
        ("mine", "user"),
        ("theirs", "SHOWGUIDE_PATH"),
    ]


def test_a_file_that_becomes_invalid_keeps_its_last_good_show_and_reports_its_problems(
    shelf: Path,
) -> None:
    catalog = load_catalog([shelf])
    broken = edit(shelf, "beta.yaml", show_dict(id="beta", title="Beta 2", status="maybe"))

    again = catalog.reload()

    entry = again.resolve("beta")
    assert entry.stale
    assert not entry.ok
    assert entry.show is not None
    assert entry.show.title == "Beta"  # the last version that loaded
    assert [str(problem) for problem in entry.problems] == [
        f"{broken}:5:9: status: 'maybe' is not one of 'announced', 'upcoming', 'airing', 'ended'"
    ]
    assert [e.ok for e in again.entries] == [True, True, False, True]


def test_a_show_from_a_warm_cache_that_becomes_invalid_keeps_its_last_good_show(
    shelf: Path,
) -> None:
    load_catalog([shelf])
    warm = load_catalog([shelf])  # every show still encoded, decoded only when opened
    edit(shelf, "beta.yaml", "id: beta\ntitle: [unclosed\n")

    entry = warm.reload().resolve("beta")

    assert entry.stale
    assert entry.show is not None
    assert entry.show.title == "Beta"
    assert "unclosed" not in entry.label


def test_a_broken_file_keeps_the_last_good_show_through_further_broken_saves(
    shelf: Path, parses: ParseCounter
) -> None:
    catalog = load_catalog([shelf])
    edit(shelf, "beta.yaml", show_dict(id="beta", status="x"))
    once = catalog.reload()
    edit(shelf, "beta.yaml", show_dict(id="beta", title=12))
    parses.take()

    twice = once.reload()

    assert parses.take() == ["beta.yaml"]
    entry = twice.resolve("beta")
    assert entry.show is not None
    assert entry.show.title == "Beta"
    assert [problem.path for problem in entry.problems] == ["title"]


def test_a_broken_file_that_is_fixed_shows_the_new_version(shelf: Path) -> None:
    catalog = load_catalog([shelf])
    edit(shelf, "beta.yaml", show_dict(id="beta", status="x"))
    broken = catalog.reload()
    edit(shelf, "beta.yaml", show_dict(id="beta", title="Beta, fixed"))

    entry = broken.reload().resolve("beta")

    assert entry.ok
    assert entry.problems == ()
    assert entry.label == "Beta, fixed"


def test_a_file_that_never_loaded_stays_listed_with_its_problems(shelf: Path) -> None:
    edit(shelf, "broken.yaml", "title: [unclosed\n")
    catalog = load_catalog([shelf])
    edit(shelf, "broken.yaml", "title: [still unclosed\n")

    entry = next(e for e in catalog.reload().entries if e.path.name == "broken.yaml")

    assert entry.show is None
    assert not entry.stale
    assert entry.problems


def test_the_last_good_show_is_kept_in_memory_only_never_in_the_cache(
    shelf: Path,
) -> None:
    catalog = load_catalog([shelf])
    edit(shelf, "beta.yaml", show_dict(id="beta", status="x"))
    assert catalog.reload().resolve("beta").stale

    fresh = load_catalog([shelf])  # as the next run of showguide would

    entry = next(e for e in fresh.entries if e.path.name == "beta.yaml")
    assert entry.show is None
    assert entry.problems[0].path == "status"


def test_a_broken_copy_keeps_overriding_with_its_last_good_version(tmp_path: Path) -> None:
    user_shows_dir().mkdir(parents=True)
    mine = edit(user_shows_dir(), "ballerina.yaml", show_dict(id="ballerina", title="Mine"))
    catalog = load_catalog()
    edit(user_shows_dir(), "ballerina.yaml", show_dict(id="ballerina", title=[]))

    again = catalog.reload()

    assert [(entry.label, entry.origin, entry.stale) for entry in again.entries] == [
        ("Mine", "user", True)
    ]
    assert again.notices == (f"{mine} (user) overrides the bundled show 'ballerina'",)


def test_a_file_saved_moments_ago_is_read_again_even_if_its_stamp_looks_the_same(
    shelf: Path, parses: ParseCounter
) -> None:
    # Saved within the timestamp's granularity: same size, same time, new text.
    path = write_show(shelf, show_dict(id="fresh", title="Before"), "fresh.yaml")
    info = path.stat()
    catalog = load_catalog([shelf])
    write_show(shelf, show_dict(id="fresh", title="After!"), "fresh.yaml")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    parses.take()

    again = catalog.reload()

    assert parses.take() == ["fresh.yaml"]
    assert again.resolve("fresh").label == "After!"


def test_a_reload_keeps_the_data_paths_and_the_cache_choice(
    shelf: Path, parses: ParseCounter
) -> None:
    catalog = load_catalog([shelf], use_cache=False)
    edit(shelf, "alpha.yaml", show_dict(id="alpha", title="Alpha, revised"))
    parses.take()

    again = catalog.reload()

    assert again.data_paths == (shelf,)
    assert not again.use_cache
    assert "Alpha, revised" in labels(again)
    assert parses.take() == ["alpha.yaml"]
    assert not (cache_dir() / CACHE_FILE).exists()
