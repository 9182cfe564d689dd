"""The web server behind ``showguide serve``: one app process per browser tab.

Built on textual-serve, which owns the browser side (its ``textual.js``, an
xterm.js terminal) and the protocol to an app run with Textual's web driver.
What showguide changes, and why:

- its own page (``templates/index.html``): the stock one links a web font on a
  third-party host; ours loads only from this server, with the Roboto Mono
  files textual-serve ships. No show data is put into the page: guides reach
  the browser only as terminal output, written by the app.
- a cap on simultaneous sessions: each tab is a whole Python process, so the
  next tab past the cap gets a page saying so instead of another process.
- the app is started without a shell (argv, not a command line), in its own
  session, so Ctrl+C in the server's terminal reaches the server alone, and
  the server ends every app it started: closing a tab ends its process, and
  stopping the server ends them all, killing any that do not quit in time.
- a websocket from a page on another origin is refused: any web page the
  user visits could otherwise open one to localhost and read the guides.
  Served on loopback only, a request must also name a loopback host, or a
  site whose name was re-pointed at 127.0.0.1 (DNS rebinding) could pass as
  this one.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import socket
import sys
from collections.abc import Awaitable, Callable, Sequence
from html import escape
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: textual-serve's scripts, styles and fonts, served as they are.
STATIC = Path(textual_serve.__file__).resolve().parent / "static"
#: How long an app has to quit when asked before it is killed (seconds).
QUIT_GRACE = 3.0


class AppProcess(AppService):
    """textual-serve's app service, started from an argv list in its own session."""

    def __init__(
        self,
        argv: Sequence[str],
        websocket: web.WebSocketResponse,
        download_manager: DownloadManager,
    ) -> None:
        async def close() -> None:  # the app quit: the tab shows "session ended"
            await websocket.close()

        super().__init__(
            " ".join(argv),  # only shown in textual-serve's logs; argv is what runs
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=download_manager,
        )
        self.argv = list(argv)

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def end(self) -> None:
        """Ask the app to quit; kill it if it has not within :data:`QUIT_GRACE`."""
        process = self._process
        loop = asyncio.get_running_loop()
        deadline = loop.time() + QUIT_GRACE
        with contextlib.suppress(asyncio.TimeoutError, ConnectionError, RuntimeError):
            await asyncio.wait_for(self.stop(), QUIT_GRACE)
        if process is None:
            return
        # textual-serve's reader stops at the first frame a closing tab refuses,
        # which can come before the app has quit; stop() then returns at once.
        # The app saves where the viewer was as it quits, so wait for the
        # process itself, reading what it still writes so that a full pipe
        # never holds it up, and kill it only when the grace is spent.
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(_drained(process), max(deadline - loop.time(), 0.1))
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()


async def _drained(process: asyncio.subprocess.Process) -> int:
    """``process``'s exit status once it ends, its output read and dropped meanwhile."""

    async def drain(stream: asyncio.StreamReader | None) -> None:
        # RuntimeError: textual-serve's reader still holds the stream.
        with contextlib.suppress(ConnectionError, ValueError, RuntimeError):
            while stream is not None and await stream.read(65536):
                pass

    await asyncio.gather(drain(process.stdout), drain(process.stderr))
    return await process.wait()


class GuideServer:
    """Serves ``argv`` (a showguide command line) to each browser tab.

    In place of textual-serve's ``Server``, whose module imports Jinja and
    Rich's logging (a fifth of serve's start-up) for a page showguide replaces
    anyway. No download route: showguide never delivers files to the browser.
    """

    def __init__(self, argv: Sequence[str], *, max_sessions: int, loopback: bool) -> None:
        """``loopback``: serving on loopback addresses only, so only a request
        naming a loopback host is answered."""
        self.argv = list(argv)
        self.loopback = loopback
        self.download_manager = DownloadManager()
        self.max_sessions = max_sessions
        self.sessions: dict[web.WebSocketResponse, AppProcess] = {}
        self.index_page = Template((TEMPLATES / "index.html").read_text(encoding="utf-8"))
        self.busy_page = Template((TEMPLATES / "busy.html").read_text(encoding="utf-8"))

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.check_host])
        app.add_routes(
            [
                web.get("/", self.handle_index),
                web.get("/ws", self.handle_websocket),
                web.static("/static", STATIC),
            ]
        )
        app.on_shutdown.append(self.end_all)
        return app

    @web.middleware
    async def check_host(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.loopback and urlsplit(f"//{request.host}").hostname not in LOOPBACK_NAMES:
            raise web.HTTPMisdirectedRequest(
                text="showguide: this server answers to localhost only\n"
            )
        return await handler(request)

    def busy(self) -> bool:
        return len(self.sessions) >= self.max_sessions

    def busy_message(self) -> str:
        count = self.max_sessions
        return f"showguide is open in {count} tab{'s' if count != 1 else ''}, as many as this server allows."

    async def handle_index(self, request: web.Request) -> web.Response:
        if self.busy():
            page = self.busy_page.substitute(message=escape(self.busy_message()))
            return web.Response(text=page, content_type="text/html", status=503)
        try:
            font_size = max(6, min(int(request.query.get("fontsize", "16")), 64))
        except ValueError:
            font_size = 16
        page = self.index_page.substitute(
            static="/static/",
            websocket_url=escape(f"ws://{request.host}/ws"),
            font_size=font_size,
        )
        return web.Response(
            text=page,
            content_type="text/html",
            headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
        )

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != request.host:
            raise web.HTTPForbidden(text="showguide: a page from another site may not connect\n")
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if self.busy():
            message = f"showguide: {self.busy_message()} Close one, then reload this page.\r\n"
            await websocket.send_bytes(message.encode())
            await websocket.close()
            return websocket
        service = AppProcess(self.argv, websocket, self.download_manager)
        self.sessions[websocket] = service
        try:
            width = _size(request.query.get("width"), 80)
            height = _size(request.query.get("height"), 24)
            await service.start(width, height)
            await self.relay(websocket, service)
        except asyncio.CancelledError:
            pass
        finally:
            await service.end()
            self.sessions.pop(websocket, None)
            if not websocket.closed:
                await websocket.close()
        return websocket

    async def relay(self, websocket: web.WebSocketResponse, service: AppProcess) -> None:
        """Pass the browser's keys, size and focus to the app until the tab goes."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, data = json.loads(message.data)
            except (ValueError, TypeError):
                continue
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width = _size(data.get("width"), 80)
                height = _size(data.get("height"), 24)
                await service.set_terminal_size(width, height)
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def end_all(self, app: web.Application) -> None:
        """On shutdown: end every app, then close every tab's connection."""
        sessions = list(self.sessions.items())
        await asyncio.gather(*(service.end() for _, service in sessions))
        for websocket, _ in sessions:
            await websocket.close()

    async def serve_on(
        self, sockets: Sequence[socket.socket], ready: Callable[[int], None]
    ) -> None:
        """Serve on ``sockets`` until SIGINT or SIGTERM; ``ready(port)`` once listening."""
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        runner = web.AppRunner(self.make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        try:
            for sock in sockets:
                await web.SockSite(runner, sock, shutdown_timeout=QUIT_GRACE + 1).start()
            ready(sockets[0].getsockname()[1])
            await stop.wait()
        finally:
            await runner.cleanup()


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: The page runs textual.js and connects back to this server, nothing else.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; connect-src 'self'; script-src 'self'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'"
)


def _size(value: object, default: int) -> int:
    """A terminal dimension from the browser, kept to something sane."""
    if not isinstance(value, (int, str)):
        return default
    try:
        number = int(value)
    except ValueError:
        return default
    return max(10, min(number, 1000))


def app_argv(data: Sequence[str], name: str | None) -> list[str]:
    """The command line each tab runs: this Python, this showguide, the same shows."""
    argv = [sys.executable, "-m", "showguide"]
    for path in data:
        argv += ["--data", str(Path(path).absolute())]
    if name is not None:
        argv += ["--", name]
    return argv
