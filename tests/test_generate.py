"""The benchmark generators write valid show files, the same ones for the same seed."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import big_show, many_shows, write_show

from showguide.core.catalog import load_catalog
from showguide.core.loader import load_show


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
