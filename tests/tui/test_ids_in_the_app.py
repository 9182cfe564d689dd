"""Ids with a control character never reach the app: every pane opens for what loads.

An id ending in a newline used to pass the id pattern (Python's ``$`` matches
before a final newline), load, and crash the app on the Plot pane, whose
widgets are named after thread ids. The shows here go through the real
catalog and loader, as ``showguide --data FOLDER`` reads them, and each one
that loads is opened and every pane shown.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from showguide.core.catalog import load_catalog
from showguide.tui.app import ShowGuideApp
from tests.showdata import FULL, show_dict
from tests.tui.shows import on_screen

#: Line ends and the controls a hand-edited or generated file is likeliest to hold.
ENDINGS = ["\n", "\r", "\r\n", "\t", "\x1b", "\x00", "\x85", "\u2028", " "]


def _with_ids_ending(ending: str, number: int) -> dict[str, object]:
    data = show_dict(
        id=f"show-{number}{ending}",
        title=f"Trap {number}",
        plot={
            "synopsis": "Things happen.",
            "setting": "A test runner.",
            "threads": [{"id": f"twist{ending}", "title": "Twist", "description": "It turns."}],
        },
        # reveals: None: no episode is listed here for an item to reveal.
        characters=[{**FULL["characters"][0], "id": f"hero{ending}", "reveals": None}],
        highlights=[{**FULL["highlights"][0], "id": f"moment{ending}", "reveals": None}],
        faq=[{**FULL["faq"][0], "id": f"question{ending}", "reveals": None}],
        sources=FULL["sources"],  # the records above cite them
    )
    return data


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    import yaml

    shows = tmp_path / "shows"
    shows.mkdir()
    for number, ending in enumerate(ENDINGS):
        text = yaml.safe_dump(_with_ids_ending(ending, number), allow_unicode=True)
        (shows / f"trap-{number}.yaml").write_text(text, encoding="utf-8")
    good = _with_ids_ending("", 99)
    (shows / "good.yaml").write_text(yaml.safe_dump(good), encoding="utf-8")
    return shows


def test_no_id_with_a_control_character_loads(folder: Path) -> None:
    catalog = load_catalog([folder], use_cache=False)
    traps = [entry for entry in catalog.entries if entry.path.name.startswith("trap-")]
    assert len(traps) == len(ENDINGS)
    for entry in traps:
        assert not entry.ok, f"{entry.path.name} loaded"
        paths = {problem.path for problem in entry.problems}
        for place in ("id", "plot.threads[0].id", "characters[0].id", "faq[0].id"):
            assert place in paths, (entry.path.name, sorted(paths))


async def test_every_show_that_loads_opens_on_every_pane(folder: Path) -> None:
    catalog = load_catalog([folder], use_cache=False)
    opened = []
    for entry in catalog.entries:
        if not entry.ok or entry.origin == "bundled":
            continue
        app = ShowGuideApp(catalog=catalog, chosen=entry)
        async with app.run_test(size=(100, 30)) as pilot:
            for key in "12345":
                await pilot.press(key)
                await pilot.pause()
            await pilot.press("2")
            await pilot.pause()
            assert app.screen.current_pane == "plot"
            assert "Twist" in on_screen(app)
        opened.append(entry.path.name)
    assert opened == ["good.yaml"]
