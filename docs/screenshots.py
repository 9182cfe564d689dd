"""Regenerate the pictures in docs/images/: ``python docs/screenshots.py``.

Each picture is the app drawing the bundled shows at a fixed size and theme,
saved as SVG by Textual's own screenshot export and as PNG, rasterized from
that SVG by headless Chromium (Playwright's own or the system's, as the
browser tests find it). The panes are read from the app, so a new pane gets
its picture when this is run again. ``tests/test_screenshots.py`` fails when
the SVGs' text no longer matches what the app draws.

Only the bundled shows are drawn: the user's own shows and settings are kept
out (SHOWGUIDE_HOME points at an empty folder, SHOWGUIDE_PATH is unset).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
GALLERY = REPO / "docs" / "screenshots.md"
GALLERY_START = "<!-- pictures: written by docs/screenshots.py -->"
GALLERY_END = "<!-- end of pictures -->"
SIZE = (120, 36)
THEME = "textual-dark"
SEARCH_QUERY = "ballet"
#: Textual's export links a web font on a third-party host; the pictures
#: name the font (used where installed) but load nothing from elsewhere.
REMOTE_FONT = re.compile(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)')

Step = Callable[[Any], Awaitable[None]]


@dataclass(frozen=True)
class Shot:
    name: str
    caption: str
    steps: Step


def shots() -> list[Shot]:
    """Every picture: the catalog, each pane the app has, search, and help."""
    from showguide.core.keytable import PANES

    def pane(name: str) -> Step:
        async def show(pilot: Any) -> None:
            await pilot.app.screen.action_show_pane(name)

        return show

    async def catalog(pilot: Any) -> None:
        from showguide.tui.catalog import CatalogScreen

        if type(pilot.app.screen).__name__ != "CatalogScreen":
            await pilot.app.push_screen(CatalogScreen(pilot.app.catalog))

    async def search(pilot: Any) -> None:
        await pilot.press("slash", *SEARCH_QUERY)

    async def help_screen(pilot: Any) -> None:
        await pilot.app.screen.action_show_pane("cast")
        await pilot.press("question_mark")

    return [
        Shot("catalog", "The catalog of shows: type to filter, Enter opens", catalog),
        *(
            Shot(f"pane-{name}", f"The {title} pane ({number})", pane(name))
            for number, (name, title) in enumerate(PANES, start=1)
            # The bundled show is a film: it has no Episodes pane to picture.
            if name != "episodes"
        ),
        Shot("search", f"Searching everything for “{SEARCH_QUERY}” (/)", search),
        Shot("help", "The keys that work where the focus is (?)", help_screen),
    ]


def bundled_only() -> None:
    """Keep the user's shows, preferences and state out of the pictures."""
    os.environ["SHOWGUIDE_HOME"] = tempfile.mkdtemp(prefix="showguide-screenshots-")
    os.environ.pop("SHOWGUIDE_PATH", None)


async def render(shot: Shot) -> str:
    """The SVG of ``shot``: the bundled catalog's first show, then the shot's steps."""
    from showguide.core.catalog import load_catalog
    from showguide.tui.app import ShowGuideApp

    catalog = load_catalog(use_cache=False)
    app = ShowGuideApp(catalog=catalog, chosen=catalog.entries[0])
    async with app.run_test(size=SIZE) as pilot:
        app.theme = THEME
        await pilot.pause()
        await shot.steps(pilot)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        svg = app.export_screenshot(title="showguide")
    return REMOTE_FONT.sub("", svg)


def svg_text(svg: str) -> list[str]:
    """The text a picture shows, row by row: what the tests compare, not pixels."""
    import html

    rows: dict[str, list[str]] = {}
    for match in re.finditer(r'<text[^>]*\by="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        rows.setdefault(match.group(1), []).append(html.unescape(match.group(2)))
    return ["".join(parts).rstrip() for _, parts in sorted(rows.items(), key=lambda r: float(r[0]))]


def rasterize(svgs: dict[str, Path]) -> None:
    """A PNG beside each SVG, drawn by headless Chromium with the network blocked."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO))
    from tests.web.browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(playwright), headless=True, args=CHROMIUM_FLAGS
        )
        page = browser.new_page(device_scale_factor=1)
        page.route(
            "**/*",
            lambda route: (
                route.abort() if route.request.url.startswith("http") else route.continue_()
            ),
        )
        for name, svg in svgs.items():
            width, height = _svg_size(svg.read_text(encoding="utf-8"))
            page.set_viewport_size({"width": width, "height": height})
            page.goto(svg.as_uri())
            page.screenshot(path=str(IMAGES / f"{name}.png"), omit_background=False)
        browser.close()


def gallery(text: str) -> str:
    """docs/screenshots.md's table of pictures, rewritten for every shot there is."""
    rows = ["| picture | SVG |", "| --- | --- |"]
    for shot in shots():
        rows.append(
            f"| {shot.caption}<br>![{shot.caption}](images/{shot.name}.png) "
            f"| [{shot.name}.svg](images/{shot.name}.svg) |"
        )
    before, _, rest = text.partition(GALLERY_START)
    _, _, after = rest.partition(GALLERY_END)
    return f"{before}{GALLERY_START}\n{chr(10).join(rows)}\n{GALLERY_END}{after}"


def _svg_size(svg: str) -> tuple[int, int]:
    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert match is not None, "a Textual screenshot has a viewBox"
    return round(float(match.group(1))), round(float(match.group(2)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-png", action="store_true", help="write the SVGs only")
    args = parser.parse_args(argv)
    bundled_only()
    IMAGES.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for shot in shots():
        path = IMAGES / f"{shot.name}.svg"
        path.write_text(asyncio.run(render(shot)), encoding="utf-8")
        written[shot.name] = path
        print(path.relative_to(REPO))
    GALLERY.write_text(gallery(GALLERY.read_text(encoding="utf-8")), encoding="utf-8")
    print(GALLERY.relative_to(REPO))
    if not args.no_png:
        rasterize(written)
        print(f"{len(written)} PNGs beside them")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main())
