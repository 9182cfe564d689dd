"""The benchmark generators write valid show files, the same ones for the same seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.generate import big_show, many_shows, write_catalog, write_show

from showguide.core.catalog import load_catalog
from showguide.core.loader import load_show
from tests.loading import ParseCounter


def test_a_big_show_round_trips_through_a_show_file(tmp_path: Path) -> None:
    show = big_show(faq=40, characters=30, highlights=5, threads=3)
    assert (len(show.faq), len(show.characters)) == (40, 30)
    assert any(c.native_name and "\uac00" <= c.native_name[0] <= "\ud7a3" for c in show.characters)
    assert any(entry.spoiler for entry in show.faq)
    assert load_show(write_show(show, tmp_path / "big.yaml")) == show


def test_the_same_seed_gives_the_same_show_and_another_seed_another() -> None:
    assert big_show(faq=5, characters=5, seed=3) == big_show(faq=5, characters=5, seed=3)
    assert big_show(faq=5, characters=5, seed=3) != big_show(faq=5, characters=5, seed=4)


def test_many_shows_are_distinct_loadable_files(tmp_path: Path) -> None:
    paths = many_shows(6, tmp_path / "shows")
    assert len(paths) == 6
    catalog = load_catalog([tmp_path / "shows"])
    synthetic = [entry for entry in catalog.entries if entry.origin != "bundled"]
    assert all(entry.ok for entry in synthetic), [e.problems for e in synthetic]
    assert len({entry.show.id for entry in synthetic if entry.show}) == 6
    assert len({entry.show.title for entry in synthetic if entry.show}) == 6


def test_a_generated_catalog_is_the_same_for_a_seed_and_varied_within(tmp_path: Path) -> None:
    paths = write_catalog(tmp_path / "a", 30, seed=7, invalid=4)
    again = write_catalog(tmp_path / "b", 30, seed=7, invalid=4)
    other = write_catalog(tmp_path / "c", 30, seed=8, invalid=4)

    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in paths] != [p.read_bytes() for p in other]
    rows = [row for row in load_catalog([tmp_path / "a"]).rows() if row.origin == "--data"]
    assert len(rows) == 30
    assert sum(not row.loaded for row in rows) == 4
    assert all(row.problems for row in rows if not row.loaded)
    shows = [row.summary for row in rows if row.summary is not None]
    assert len({show.id for show in shows}) == len({show.title for show in shows}) == 26
    assert len({show.network for show in shows}) > 5
    assert len({show.status for show in shows}) == 4
    assert len({genre for show in shows for genre in show.genres}) > 5


def test_a_generated_catalog_is_old_enough_for_the_parse_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_catalog(tmp_path, 5)
    load_catalog([tmp_path])
    parses = ParseCounter(monkeypatch)

    load_catalog([tmp_path])

    assert parses.take() == []
