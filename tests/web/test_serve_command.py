"""``showguide serve`` without a browser: what it refuses, what it prints, what it serves."""

from __future__ import annotations

import asyncio
import http.client
import signal
import socket
import sys

import pytest

from tests.cli import run_cli, run_showguide
from tests.web.serving import serving


def _get(url: str, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    host_port = url.removeprefix("http://")
    host, _, port = host_port.rpartition(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path, headers=headers or {})
    return connection.getresponse()


def test_a_taken_port_is_one_line_and_exit_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_showguide("serve", "--host", "127.0.0.1", "--port", str(port))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"showguide: cannot serve on http://127.0.0.1:{port}: Address already in use"
    ]


def test_a_host_that_does_not_resolve_is_one_line_and_exit_2() -> None:
    result = run_showguide("serve", "--host", "no-such-host.invalid", "--port", "0")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("showguide: cannot serve on host 'no-such-host.invalid': ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-sessions", "0"], "showguide: --max-sessions must be at least 1"),
        (["--port", "70000"], "showguide: --port 70000 is not a port number (0 to 65535)"),
        (["no-such-show"], "showguide: no show called 'no-such-show'"),
    ],
)
def test_bad_arguments_are_refused_before_serving(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    result = run_cli(capsys, "serve", "--port", "0", *args)
    assert result.code == 2
    assert result.err.splitlines()[0].startswith(message)
    assert result.out == ""


def test_without_the_serve_extra_it_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in list(sys.modules):
        if name.startswith(("showguide.web", "textual_serve")):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # import fails, as if missing
    result = run_cli(capsys, "serve", "--port", "0")
    assert result.code == 2
    assert result.err.splitlines() == [
        "showguide: serve needs textual-serve (textual_serve is not installed); "
        'install it with: pip install "showguide[serve]"'
    ]


def test_it_prints_the_url_and_serves_its_own_page_from_this_machine_only() -> None:
    with serving() as served:
        assert served.url.startswith("http://localhost:")
        assert (
            served.output[0] == f"showguide: serving the catalog at {served.url} (Ctrl+C to stop)\n"
        )
        response = _get(served.url, "/")
        page = response.read().decode()
        assert response.status == 200
        assert "default-src 'self'" in response.getheader("Content-Security-Policy", "")
    # Nothing on the page comes from another host: every URL in it is a path here.
    assert "http" not in page.replace(f"ws://{served.url.removeprefix('http://')}/ws", "")
    assert "fonts.googleapis" not in page
    assert "/static/fonts/RobotoMono-VariableFont_wght.ttf" in page
    # No show data in the page itself: it reaches the browser as terminal output.
    assert "Ballerina" not in page
    assert "발레리나" not in page


def test_a_websocket_from_another_site_is_refused() -> None:
    """Any page the user visits could open ws://localhost:PORT and read the guides."""
    upgrade = {
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    }
    with serving() as served:
        evil = _get(served.url, "/ws", {**upgrade, "Origin": "http://evil.example"})
        own = _get(served.url, "/ws", {**upgrade, "Origin": served.url})
        assert evil.status == 403
        assert own.status == 101
        own.close()
        assert served.wait_for_apps(0) == set()


def test_a_non_loopback_host_is_served_with_a_warning() -> None:
    with serving("--host", "0.0.0.0") as served:
        served.process.send_signal(signal.SIGTERM)
        assert served.process.wait(15) == 0
    text = "".join(served.output)
    assert (
        "showguide: warning: serving on 0.0.0.0, which is not this machine's loopback "
        "address: anyone who can reach it can read the guides"
    ) in text.replace("\n", " ")
    assert served.url.startswith("http://0.0.0.0:")


async def test_a_connection_past_the_cap_is_told_so_and_starts_no_app() -> None:
    """Two tabs can load the page at once; the cap holds at the connection too."""
    import aiohttp

    with serving("--max-sessions", "1") as served:
        websocket_url = served.url.replace("http://", "ws://") + "/ws?width=80&height=24"
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(websocket_url, origin=served.url) as first:
                apps = await asyncio.to_thread(served.wait_for_apps, 1)
                async with session.ws_connect(websocket_url, origin=served.url) as second:
                    message = await second.receive(timeout=10)
                    assert message.type == aiohttp.WSMsgType.BINARY
                    assert (
                        b"showguide is open in 1 tab, as many as this server allows."
                        in message.data
                    )
                    closed = await second.receive(timeout=10)
                    assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
                assert served.apps() == apps
                await first.close()
            assert await asyncio.to_thread(served.wait_for_apps, 0) == set()


def test_on_localhost_a_request_for_another_host_name_is_refused() -> None:
    """A site whose name was re-pointed at 127.0.0.1 (DNS rebinding) is not this server."""
    with serving() as served:
        port = served.url.rpartition(":")[2]
        rebound = _get(served.url, "/", {"Host": f"evil.example:{port}"})
        assert rebound.status == 421
        assert "Ballerina" not in rebound.read().decode()
        for name in ("localhost", "127.0.0.1"):
            assert _get(served.url, "/", {"Host": f"{name}:{port}"}).status == 200
