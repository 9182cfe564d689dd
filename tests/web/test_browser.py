"""The guide in a real headless Chromium, served by ``showguide serve``.

Each test starts the server on a free port as a user would, opens its page
and reads what the page shows (see :mod:`tests.web.browser`).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.web.browser import PageTerminal, launch, unavailable
from tests.web.serving import alive, serving

VIEWPORT = {"width": 1000, "height": 640}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def open_guide(browser: Any, url: str) -> tuple[Any, PageTerminal]:
    page = browser.new_page(viewport=VIEWPORT)
    terminal = PageTerminal(page)
    page.goto(url)
    terminal.wait_for("Ballerina", "1 Overview")
    page.locator("#terminal").click()
    return page, terminal


def test_the_guide_answers_keys_in_the_browser(browser: Any) -> None:
    with serving() as served:
        page, terminal = open_guide(browser, served.url)
        overview = terminal.text()
        assert "발레리나" in overview  # Hangul arrives whole, two cells a character
        assert "Logline" in overview

        page.keyboard.press("2")
        plot = terminal.wait_for("Synopsis")
        assert "Logline" not in plot

        page.keyboard.press("3")
        cast = terminal.wait_for("Character")
        assert "Synopsis" not in cast

        page.keyboard.press("/")
        page.wait_for_timeout(300)
        page.keyboard.type("ballet", delay=50)
        terminal.wait_for("ballet")
        page.wait_for_timeout(500)
        assert "No matches" not in terminal.text()
        page.keyboard.type("zzqx", delay=50)
        terminal.wait_for("balletzzqx", "No matches")

        page.keyboard.press("Escape")
        page.keyboard.press("?")
        terminal.wait_for("Quit")
        page.close()


def test_no_request_leaves_this_machine(browser: Any) -> None:
    requests: list[str] = []
    blocked: list[str] = []

    def route(route: Any) -> None:
        requests.append(route.request.url)
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with serving() as served:
        context = browser.new_context(viewport=VIEWPORT)
        context.route("**/*", route)
        sockets: list[str] = []
        page = context.new_page()
        page.on("websocket", lambda websocket: sockets.append(websocket.url))
        terminal = PageTerminal(page)
        page.goto(served.url)
        terminal.wait_for("Ballerina")
        page.locator("#terminal").click()
        page.keyboard.press("4")
        page.wait_for_timeout(500)
        context.close()
    assert blocked == []
    assert any(url.endswith("/static/js/textual.js") for url in requests)
    # The page's font is the one served here, not a web font from elsewhere.
    assert any("/static/fonts/RobotoMono" in url for url in requests)
    assert [urlsplit(url).hostname for url in sockets] == ["localhost"]


def test_the_session_cap_holds_and_closing_a_tab_ends_its_process(browser: Any) -> None:
    with serving("--max-sessions", "1") as served:
        first, _ = open_guide(browser, served.url)
        [app] = served.wait_for_apps(1)

        second = browser.new_page(viewport=VIEWPORT)
        response = second.goto(served.url)
        assert response is not None and response.status == 503
        assert "showguide is open in 1 tab, as many as this server allows." in second.inner_text(
            "body"
        )
        assert served.apps() == {app}

        first.close()
        assert served.wait_for_apps(0) == set()
        assert not alive(app)

        # The slot is free once the server has seen its app end, a moment
        # after the process is gone: the reload may be early by that moment.
        terminal = PageTerminal(second)
        for _ in range(50):
            response = second.reload()
            if response is not None and response.status == 200:
                break
            second.wait_for_timeout(100)
        terminal.wait_for("Ballerina", "1 Overview")
        assert len(served.wait_for_apps(1)) == 1
        second.close()
        served.wait_for_apps(0)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stopping_the_server_ends_every_app(browser: Any, signum: signal.Signals) -> None:
    with serving() as served:
        pages = [open_guide(browser, served.url)[0] for _ in range(2)]
        apps = served.wait_for_apps(2)
        served.process.send_signal(signum)
        assert served.process.wait(15) == 0
        assert not any(alive(app) for app in apps)
        for page in pages:
            page.close()


def test_the_pane_is_remembered_between_tabs_as_between_runs(browser: Any) -> None:
    """Preferences live in one home, as in the terminal: a tab that quits saves them."""
    with serving() as served:
        page, terminal = open_guide(browser, served.url)
        page.keyboard.press("3")
        terminal.wait_for("Character")
        page.close()
        served.wait_for_apps(0)
        again, terminal = open_guide(browser, served.url)
        reopened = terminal.wait_for("Character")
        assert "Logline" not in reopened
        again.close()


def test_quitting_the_app_ends_the_session_and_the_page_says_so(browser: Any) -> None:
    with serving() as served:
        page, _ = open_guide(browser, served.url)
        [app] = served.wait_for_apps(1)
        page.keyboard.press("q")
        page.wait_for_selector("text=This session has ended.", state="visible", timeout=20_000)
        assert served.wait_for_apps(0) == set()
        assert not alive(app)
        page.close()


def test_the_page_breaks_none_of_its_own_rules(browser: Any) -> None:
    """No script error and no content-security-policy violation on the page."""
    with serving() as served:
        page = browser.new_page(viewport=VIEWPORT)
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on(
            "console",
            lambda message: problems.append(message.text) if message.type == "error" else None,
        )
        terminal = PageTerminal(page)
        page.goto(served.url)
        terminal.wait_for("Ballerina")
        page.close()
    assert problems == []
