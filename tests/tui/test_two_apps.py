"""Two showguides against one home: neither reverts what the other saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.generate import many_shows

from showguide.core.catalog import load_catalog
from showguide.core.prefs import (
    Preferences,
    State,
    load_preferences,
    load_remembered,
    load_state,
    save_preferences,
    save_state,
)
from showguide.tui.app import ShowGuideApp

SIZE = (100, 30)


@pytest.fixture
def shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = Path("shows")
    many_shows(3, folder)
    return folder


async def test_two_apps_at_once_keep_each_others_choices(shows: Path) -> None:
    # The user had lowered the shield, and left two shows at the cast pane.
    assert save_preferences(Preferences(theme="nord", spoiler_shield=False)) is None
    before = State().with_pane("ballerina", "cast").with_pane("show-1", "cast")
    assert save_state(before) is None
    first = ShowGuideApp(catalog=load_catalog([shows]), remembered=load_remembered())
    second = ShowGuideApp(catalog=load_catalog([shows]), remembered=load_remembered())
    other = second.catalog.entries[-1] if second.catalog else None
    assert other is not None and other.id != "ballerina"

    # The first raises the shield and leaves Ballerina at the FAQ.
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press(*"balle", "enter")
        await pilot.pause()
        await pilot.press("5", "S")
        await pilot.pause()
        assert first.shield.on
        await pilot.press("q")
    # The second, started before the first saved, changes only the theme and
    # its own show's pane.
    async with second.run_test(size=SIZE) as pilot:
        second.theme = "textual-light"
        await pilot.pause()
        second.open_show(other)
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("q")

    preferences = load_preferences().value
    assert preferences.spoiler_shield is True  # never lowered behind the user's back
    assert preferences.theme == "textual-light"
    state = load_state().value
    assert state.pane_for("ballerina") == "faq"  # the first app's place survives
    assert state.pane_for(other.id) == second.state.pane_for(other.id) != "cast"
    if other.id != "show-1":
        assert state.pane_for("show-1") == "cast"
