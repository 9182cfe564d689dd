"""The Sources pane and the Overview's notice: what a reader sees, and what is opened.

No test ever starts a browser: SourcesPane.opener is replaced by a recorder.
"""

from __future__ import annotations

from typing import Any

import msgspec
import pytest
from textual.app import App

from showguide.core.model import Show
from showguide.tui.app import ShowGuideApp
from showguide.tui.panes.sources import SourcesPane
from tests.showdata import show_dict
from tests.tui.shows import ballerina, on_screen

SIZE = (100, 30)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The links the app asked to open, in order; nothing reaches a browser."""
    links: list[str] = []

    def record(app: App[Any], url: str) -> None:
        links.append(url)

    monkeypatch.setattr(SourcesPane, "opener", staticmethod(record))
    # Belt and braces: the driver's own opener must never run in a test either.
    monkeypatch.setattr(App, "open_url", lambda *args, **kwargs: pytest.fail("opened a URL"))
    return links


def linked_show(*urls: str | None) -> Show:
    sources = [
        {"id": f"s{n}", "title": f"Source {n}", **({"url": url} if url else {})}
        for n, url in enumerate(urls)
    ]
    return msgspec.convert(show_dict(sources=sources), Show)


async def test_the_overview_says_first_that_the_guide_restates_a_preview() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(80, 24)):
        first_screen = " ".join(on_screen(app).split())
        assert "restates a pre-release preview" in first_screen
        assert "action thriller film" in first_screen
        assert "may be out of date" in first_screen
        header = on_screen(app, app.screen.query_one("#show-header"))
        assert "Upcoming" in header and "out of date" in header


async def test_a_show_without_a_source_check_or_stale_status_has_no_notice() -> None:
    app = ShowGuideApp(linked_show("https://example.com/a"))
    async with app.run_test(size=SIZE):
        assert not app.screen.query("#source-notice")


async def test_o_opens_the_highlighted_sources_link(opened: list[str]) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        await pilot.press("o")  # the preview: no link, nothing opened
        assert opened == []
        await pilot.press("down", "o")
        assert opened == ["https://en.wikipedia.org/wiki/Ballerina_(2023_film)"]
        await pilot.press("down", "enter")
        assert opened[-1] == "https://us.acrofan.com/detail.php?number=869229"
        assert "Busan International Film Festival" in on_screen(
            app, app.screen.query_one("#sources-detail")
        )


async def test_a_link_that_is_not_http_is_shown_refused_and_never_opened(
    opened: list[str],
) -> None:
    app = ShowGuideApp(linked_show("javascript:alert(1)", "file:///etc/passwd"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "o", "enter")
        detail = on_screen(app, app.screen.query_one("#sources-detail"))
        assert "refused" in detail and "javascript" not in detail
        await pilot.press("escape", "down", "o", "enter")
        assert opened == []


async def test_enter_on_a_finding_shows_claim_and_record_with_their_sources() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6", "end")
        detail = " ".join(on_screen(app, app.screen.query_one("#sources-detail")).split())
        assert "Korean title" in detail and "발레리나" in detail
        assert "per Ballerina preview article, undated" in detail
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "sources-detail"


async def test_every_pane_attributes_its_blocks() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(120, 40)) as pilot:
        for key, selector in [
            ("1", "#overview-scroll"),
            ("2", "#plot-scroll"),
            ("3", "#cast-detail"),
            ("4", "#highlights-list"),
            ("5", "#faq-answer"),
        ]:
            await pilot.press(key)
            shown = on_screen(app, app.screen.query_one(selector))
            assert "Ballerina preview article" in shown, key


async def test_all_six_pane_labels_fit_a_narrow_terminal() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(60, 20)):
        bar = on_screen(app, app.screen.query_one("#tabs"))
        assert bar.split() == [
            *("1", "Overview", "2", "Plot", "3", "Cast"),
            *("4", "Highlights", "5", "FAQ", "6", "Sources"),
        ]
