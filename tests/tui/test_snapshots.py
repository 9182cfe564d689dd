"""How each pane looks, pinned at 80x24 and 120x40.

Update after an intended change with `pytest tests/tui/test_snapshots.py
--snapshot-update`, then look at the pictures (../shared/tools/see-svg) before
committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from showguide.tui.app import ShowGuideApp
from tests.tui.shows import ballerina, hangul_cast_show, hostile_show, spoiler_show

SnapCompare = Callable[..., bool]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
PANE_KEYS = {
    "overview": "1",
    "plot": "2",
    "cast": "3",
    "highlights": "4",
    "faq": "5",
    "sources": "6",
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("pane", list(PANE_KEYS))
def test_pane(snap_compare: SnapCompare, pane: str, size: tuple[int, int]) -> None:
    assert snap_compare(ShowGuideApp(ballerina()), press=[PANE_KEYS[pane]], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(ShowGuideApp(ballerina()), press=["3", "question_mark"], terminal_size=size)


def test_light_theme(snap_compare: SnapCompare) -> None:
    async def light(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "textual-light"
        await pilot.press("5")

    assert snap_compare(ShowGuideApp(ballerina()), run_before=light, terminal_size=(120, 40))


def test_too_small_message(snap_compare: SnapCompare) -> None:
    assert snap_compare(ShowGuideApp(ballerina()), terminal_size=(50, 12))


@pytest.mark.parametrize("size", SIZES)
def test_cast_with_hangul_names(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(ShowGuideApp(hangul_cast_show()), press=["3"], terminal_size=size)


@pytest.mark.parametrize("pane", ["overview", "plot", "cast", "faq", "sources"])
def test_hostile_text_is_shown_literally(snap_compare: SnapCompare, pane: str) -> None:
    assert snap_compare(
        ShowGuideApp(hostile_show()), press=[PANE_KEYS[pane]], terminal_size=(120, 40)
    )


@pytest.mark.parametrize("size", SIZES)
def test_search_overlay(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(ShowGuideApp(ballerina()), press=["slash", *"dance"], terminal_size=size)


def test_faq_filtered_by_tag(snap_compare: SnapCompare) -> None:
    assert snap_compare(
        ShowGuideApp(ballerina()), press=["5", "f", *"#cast"], terminal_size=(80, 24)
    )


def test_spoilers_masked(snap_compare: SnapCompare) -> None:
    assert snap_compare(ShowGuideApp(spoiler_show()), press=["3", "end"], terminal_size=(80, 24))
