"""Stamps spot a show file changed, added or removed, and the poll slows down when it costs."""

from __future__ import annotations

from pathlib import Path

from showguide.core.catalog import load_catalog
from showguide.core.watch import next_poll, stamps
from tests.loading import settled
from tests.showdata import show_dict, write_show


def test_stamps_change_when_a_file_is_edited_added_or_removed(tmp_path: Path) -> None:
    folder = tmp_path / "shows"
    folder.mkdir()
    first = settled(write_show(folder, show_dict(id="first"), "first.yaml"))
    catalog = load_catalog([folder])
    before = stamps(catalog)
    assert stamps(catalog) == before  # nothing changed: the same stamps

    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = stamps(catalog)
    assert edited != before

    settled(write_show(folder, show_dict(id="second"), "second.yaml"), seconds_ago=30)
    added = stamps(catalog)  # a file the catalog does not list yet: its folder says so
    assert added != edited

    first.unlink()
    assert stamps(catalog) != added


def test_the_wait_between_polls_grows_with_what_a_poll_costs() -> None:
    assert next_poll(1.5, 0.01) == 1.5
    assert next_poll(1.5, 0.115) == 0.115 * 20  # 10,000 shows: a poll every 2.3 s
