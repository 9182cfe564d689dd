"""The highlighted row and the active pane tab are visible in every built-in theme,
in truecolor and in 256 colours: measured on the frame the app draws.

Contrast is WCAG's ratio of relative luminances (1 to 21), worked out here
from the colours of the drawn cells; in 256 colours each colour is first
rounded to the palette, as Rich does for such a terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.color import Color, ColorSystem
from rich.style import Style
from textual.widget import Widget

from showguide.core.catalog import load_catalog
from showguide.tui.app import ShowGuideApp
from showguide.tui.catalog import CatalogScreen
from tests.showdata import show_dict, write_show

SIZE = (100, 30)
SYSTEMS = ("truecolor", "256")
#: Themes of ANSI colours are drawn in the terminal's own palette: nothing to measure.
ANSI_THEMES = {"ansi-dark", "ansi-light"}


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first: Color | None, second: Color | None, system: str) -> float:
    assert first is not None and second is not None

    def rgb(color: Color) -> tuple[int, int, int]:
        if system == "256":
            color = color.downgrade(ColorSystem.EIGHT_BIT)
        shown = color.get_truecolor()
        return (shown.red, shown.green, shown.blue)

    light, dark = sorted((luminance(rgb(first)), luminance(rgb(second))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def style_of(app: ShowGuideApp, widget: Widget, text: str) -> Style:
    """The style of the first letter of ``text`` where ``widget`` shows it in the drawn frame."""
    region = widget.region
    for strip in app.screen._compositor.render_strips()[region.y : region.bottom]:
        line = strip.crop(region.x, region.right)
        at = line.text.find(text)
        if at < 0:
            continue
        position = 0
        for segment in line:
            if position + len(segment.text) > at:
                assert segment.style is not None
                return segment.style
            position += len(segment.text)
    raise AssertionError(f"{text!r} is not on screen")


@pytest.fixture
def shows(tmp_path: Path) -> Path:
    folder = tmp_path / "shows"
    folder.mkdir()
    characters = [
        {"id": f"c{n}", "name": f"Person {n}", "tier": "lead", "description": "Someone."}
        for n in range(3)
    ]
    write_show(folder, show_dict(id="one", title="One", characters=characters), "one.yaml")
    write_show(folder, show_dict(id="two", title="Two"), "two.yaml")
    return folder


async def measure(app: ShowGuideApp, pilot: Any, theme: str) -> dict[str, tuple[Style, Style]]:
    """(highlighted, plain) cell styles of each thing measured, drawn in ``theme``."""
    app.theme = theme
    await pilot.pause()
    catalog = app.screen_stack[0]
    guide = app.screen
    assert not isinstance(guide, CatalogScreen)
    cast = guide.query_one("#cast-list")
    tabs = guide.query_one("#tabs")
    found = {
        "focused list cursor": (style_of(app, cast, "Person 0"), style_of(app, cast, "Person 1")),
        "active pane tab": (style_of(app, tabs, "Cast"), style_of(app, tabs, "Plot")),
    }
    await pilot.press("escape", "escape", "escape")  # back to the catalog
    await pilot.pause()
    assert app.screen is catalog and isinstance(catalog, CatalogScreen)
    shows = catalog.query_one("#catalog-list")
    chosen = catalog.highlighted()
    assert chosen is not None
    other = next(row for row in catalog.shown if row is not chosen)
    found["catalog cursor (list not focused)"] = (
        style_of(app, shows, chosen.title),
        style_of(app, shows, other.title),
    )
    assert app.catalog is not None
    app.open_show(app.catalog.resolve("one"))
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()
    return found


@pytest.mark.parametrize("system", SYSTEMS)
async def test_the_cursor_and_the_active_tab_stand_out_in_every_theme(
    shows: Path, system: str
) -> None:
    catalog = load_catalog([shows])
    app = ShowGuideApp(catalog=catalog, chosen=catalog.resolve("one"))
    weak: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        for theme in sorted(app.available_themes):
            if theme in ANSI_THEMES:
                continue
            for what, (highlighted, plain) in (await measure(app, pilot, theme)).items():
                against = contrast(highlighted.bgcolor, plain.bgcolor, system)
                text = contrast(highlighted.color, highlighted.bgcolor, system)
                least = 3.0 if what == "focused list cursor" else 2.0
                if against < least or text < 4.5:
                    weak.append(f"{theme}: {what}: {against:.2f} against, text {text:.2f}")
    assert weak == [], "\n".join(weak)


async def test_in_an_ansi_theme_the_active_tab_still_stands_out(shows: Path) -> None:
    catalog = load_catalog([shows])
    app = ShowGuideApp(catalog=catalog, chosen=catalog.resolve("one"))
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "ansi-dark"
        await pilot.press("3")
        await pilot.pause()
        tabs = app.screen.query_one("#tabs")
        active, other = style_of(app, tabs, "Cast"), style_of(app, tabs, "Plot")
        assert active.bold and active.underline and not other.underline
