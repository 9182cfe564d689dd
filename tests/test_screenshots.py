"""The pictures in docs/images/ show what the app draws today.

Each picture is drawn again here, as ``python docs/screenshots.py`` draws it,
and its text compared row by row with the committed SVG: a view that changed
(and so changed its snapshot tests) fails here until the pictures are
regenerated. Text, not pixels: colours and fonts are the snapshot tests' job.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType

import pytest

from tests.conftest import REPO

SCRIPT = REPO / "docs" / "screenshots.py"
REGENERATE = "regenerate them with: python docs/screenshots.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("showguide_screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


screenshots = _script()
SHOTS = screenshots.shots()


def test_every_picture_is_committed_and_none_is_left_over() -> None:
    expected = {f"{shot.name}.{kind}" for shot in SHOTS for kind in ("svg", "png")}
    present = {path.name for path in screenshots.IMAGES.iterdir()}
    assert expected - present == set(), f"pictures missing; {REGENERATE}"
    assert present - expected == set(), f"pictures of nothing the script draws; {REGENERATE}"


def test_there_is_a_picture_of_every_pane() -> None:
    from showguide.core.keytable import PANES

    # The pictures are of the bundled show, a film: it has no Episodes pane.
    # (tests/tui/test_episodes_pane.py pins that pane's look in snapshots.)
    panes = {f"pane-{name}" for name, _ in PANES if name != "episodes"}
    assert panes <= {shot.name for shot in SHOTS}


@pytest.mark.parametrize("shot", SHOTS, ids=[shot.name for shot in SHOTS])
async def test_the_picture_shows_what_the_app_draws(shot: object) -> None:
    committed = (screenshots.IMAGES / f"{shot.name}.svg").read_text(encoding="utf-8")  # type: ignore[attr-defined]
    drawn = await screenshots.render(shot)
    assert screenshots.svg_text(committed) == screenshots.svg_text(drawn), (
        f"docs/images/{shot.name}.svg is out of date; {REGENERATE}"  # type: ignore[attr-defined]
    )


def test_the_text_comparison_sees_a_changed_word() -> None:
    svg = (screenshots.IMAGES / "pane-overview.svg").read_text(encoding="utf-8")
    text = screenshots.svg_text(svg)
    assert any("Overview" in row for row in text)
    changed = re.sub(r"Overview", "Overlook", svg, count=1)
    assert screenshots.svg_text(changed) != text


def test_the_pictures_load_nothing_from_another_host() -> None:
    for path in screenshots.IMAGES.glob("*.svg"):
        assert not re.search(r"url\(\s*[\"']?https?:", path.read_text(encoding="utf-8")), path


def test_the_readme_shows_pictures_below_its_two_commands_and_docs_link_the_rest() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_picture = readme.index("](docs/images/")
    blocks = [m.start() for m in re.finditer(r"^```sh$", readme, re.M)]
    assert len(blocks) >= 2 and blocks[1] < first_picture
    assert readme.count("```sh") == 2 or blocks[2] > first_picture
    gallery = screenshots.GALLERY.read_text(encoding="utf-8")
    assert screenshots.gallery(gallery) == gallery, (
        f"docs/screenshots.md is out of date; {REGENERATE}"
    )
    assert "python docs/screenshots.py" in gallery
