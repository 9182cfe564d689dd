"""The app started from the latest steady load shows every file as it is now.

The catalog is drawn from the parse cache's snapshot (core/warm_start.py);
a thread then compares every file's stamp. These drive the app as a user
starts it: a show edited while showguide was closed must appear edited.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from showguide.core import catalog as catalog_module
from showguide.core.catalog import Catalog, load_catalog
from showguide.core.warm_start import warm_catalog
from showguide.tui.app import ShowGuideApp
from tests.loading import ParseCounter, settled_shelf
from tests.test_warm_start import retitle_in_place
from tests.tui.shows import on_screen
from tests.tui.test_copy_and_edit import notices, wait_for

SIZE = (100, 30)


@pytest.fixture
def shelf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # A folder written just now counts as steady (see tests/test_warm_start.py).
    monkeypatch.setattr(catalog_module, "RACY_SECONDS", 0)
    folder = settled_shelf(tmp_path)
    load_catalog([folder])  # the steady load that leaves the snapshot
    return folder


def warm(shelf: Path) -> Catalog:
    catalog, _cache = warm_catalog([shelf])
    assert catalog is not None
    assert not catalog.verified
    return catalog


async def test_a_show_edited_while_showguide_was_closed_is_shown_as_it_is_now(
    shelf: Path,
) -> None:
    retitle_in_place(shelf / "beta.yaml", "Beta", "Bravo")
    app = ShowGuideApp(catalog=warm(shelf))

    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.catalog is not None and app.catalog.verified)
        shown = on_screen(app)
        assert app.catalog is not None
        assert [entry.label for entry in app.catalog.entries][-3:] == ["Alpha", "Bravo", "Gamma"]

    assert "Bravo" in shown
    assert "Beta" not in shown


async def test_an_unchanged_catalog_is_checked_without_reading_a_file_or_a_word(
    shelf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = warm(shelf)
    parses = ParseCounter(monkeypatch)
    app = ShowGuideApp(catalog=catalog)

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: app.catalog is not None and app.catalog.verified)
        assert app.catalog is not None
        assert app.catalog.verified
        assert app.catalog.entries == catalog.entries
        said = notices(app)

    assert parses.take() == []
    assert not any("Reloaded" in notice for notice in said)
