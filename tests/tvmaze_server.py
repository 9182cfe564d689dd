"""A TVmaze-shaped API on 127.0.0.1, serving invented shows, for tests and benchmarks.

The responses have the shapes of TVmaze's real ones (``/search/shows``,
``/shows/ID`` with ``embed[]``, ``/shows/ID/cast|episodes|seasons|akas``) but
every show, person and text in them is made up here. The server is a real
``http.server`` in a thread on a port the OS picks, so the real client is
tested over a real socket. ``script`` makes a path misbehave: an HTTP status
with headers, a delay, a raw body.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

EMBEDS = ("cast", "episodes", "seasons", "akas")
#: httpx honours these (a user behind a proxy needs that); a test must not
#: send its loopback requests to a proxy, so the fixtures clear them.
PROXY_VARIABLES = tuple(
    name for base in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY") for name in (base, base.lower())
)


def channel(name: str, country: str | None, code: str | None) -> dict[str, Any]:
    return {
        "id": abs(hash(name)) % 1000,
        "name": name,
        "country": None
        if code is None
        else {"name": country, "code": code, "timezone": "Europe/London"},
        "officialSite": None,
    }


def make_show(
    show_id: int,
    name: str,
    *,
    premiered: str | None = "2021-03-05",
    ended: str | None = None,
    status: str = "Running",
    language: str = "English",
    network: dict[str, Any] | None = None,
    web: dict[str, Any] | None = None,
    summary: str | None = "<p>An invented show for tests. It has <b>two</b> sentences.</p>",
    seasons: int = 2,
    episodes_per_season: int = 3,
    episode_summary: str | None = "<p>Something happens in episode {n}.</p>",
    cast: list[tuple[str, str]] | None = None,
    akas: list[tuple[str, str | None, str | None]] | None = None,
    official_site: str | None = None,
) -> dict[str, Any]:
    """Everything the server knows about one invented show."""
    if network is None and web is None:
        network = channel("Invented Broadcasting", "United Kingdom", "GB")
    show = {
        "id": show_id,
        "url": f"https://www.tvmaze.com/shows/{show_id}/invented",
        "name": name,
        "type": "Scripted",
        "language": language,
        "genres": ["Drama", "Mystery"],
        "status": status,
        "runtime": 50,
        "averageRuntime": 52,
        "premiered": premiered,
        "ended": ended,
        "officialSite": official_site,
        "schedule": {"time": "21:00", "days": ["Monday"]},
        "rating": {"average": 7.5},
        "weight": 80,
        "network": network,
        "webChannel": web,
        "dvdCountry": None,
        "externals": {"tvrage": None, "thetvdb": None, "imdb": None},
        "image": None,
        "summary": summary,
        "updated": 1700000000,
        "_links": {"self": {"href": f"https://api.tvmaze.com/shows/{show_id}"}},
    }
    episodes = []
    next_id = show_id * 10_000
    for season in range(1, seasons + 1):
        for number in range(1, episodes_per_season + 1):
            next_id += 1
            n = len(episodes) + 1
            episodes.append(
                {
                    "id": next_id,
                    "url": f"https://www.tvmaze.com/episodes/{next_id}/invented",
                    "name": f"Chapter {n}",
                    "season": season,
                    "number": number,
                    "type": "regular",
                    "airdate": f"2021-{min(12, season + 2):02d}-{min(28, number):02d}",
                    "airtime": "21:00",
                    "airstamp": "2021-03-05T21:00:00+00:00",
                    "runtime": 50,
                    "rating": {"average": None},
                    "image": None,
                    "summary": None
                    if episode_summary is None
                    else episode_summary.format(n=n, season=season, number=number),
                    "_links": {"self": {"href": f"https://api.tvmaze.com/episodes/{next_id}"}},
                }
            )
    credits = (
        cast
        if cast is not None
        else [("Ada Fenwick", "Maren Holt"), ("Tom Ashby", "Inspector Vale")]
    )
    cast_json = [
        {
            "person": {"id": show_id * 100 + i, "name": actor, "country": None, "birthday": None},
            "character": {"id": show_id * 1000 + i, "name": role, "image": None},
            "self": False,
            "voice": False,
        }
        for i, (actor, role) in enumerate(credits)
    ]
    season_json = [
        {"id": show_id * 10 + s, "number": s, "name": "", "episodeOrder": episodes_per_season}
        for s in range(1, seasons + 1)
    ]
    aka_json = [
        {
            "name": aka,
            "country": None
            if code is None
            else {"name": country, "code": code, "timezone": "Asia/Seoul"},
        }
        for aka, country, code in (akas or [])
    ]
    return {
        "show": show,
        "cast": cast_json,
        "episodes": episodes,
        "seasons": season_json,
        "akas": aka_json,
    }


@dataclass
class Scripted:
    """One misbehaving answer: a status and headers, a delay, or a raw body."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    delay: float = 0.0
    #: Leave Content-Length out and end the body by closing the connection.
    no_length: bool = False


class FakeTvmaze:
    def __init__(self) -> None:
        self.shows: dict[int, dict[str, Any]] = {}
        #: Which embeds /shows/ID honours; the others must be fetched on their own.
        self.embeds: tuple[str, ...] = EMBEDS
        self.scripts: dict[str, deque[Scripted]] = defaultdict(deque)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._server: ThreadingHTTPServer | None = None

    def add(self, data: dict[str, Any]) -> dict[str, Any]:
        self.shows[data["show"]["id"]] = data
        return data

    def script(self, path: str, *answers: Scripted) -> None:
        self.scripts[path].extend(answers)

    # -- what each path answers --
    def answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, Any]:
        parts = path.strip("/").split("/")
        if parts == ["search", "shows"]:
            words = query.get("q", [""])[0].casefold()
            found = [
                {"score": 0.9, "show": data["show"]}
                for data in self.shows.values()
                if words and words in data["show"]["name"].casefold()
            ]
            return 200, found
        if len(parts) >= 2 and parts[0] == "shows" and parts[1].isdigit():
            data = self.shows.get(int(parts[1]))
            if data is None:
                return 404, {"name": "Not Found", "message": "", "code": 0, "status": 404}
            if len(parts) == 2:
                show = dict(data["show"])
                wanted = [e for e in query.get("embed[]", []) if e in self.embeds]
                if wanted:
                    show["_embedded"] = {name: data[name] for name in wanted}
                return 200, show
            if len(parts) == 3 and parts[2] in EMBEDS:
                return 200, data[parts[2]]
        return 404, {"name": "Not Found", "status": 404}

    # -- the server --
    def start(self) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                split = urlsplit(self.path)
                fake.requests.append((split.path, dict(self.headers.items())))
                scripts = fake.scripts.get(split.path)
                scripted = scripts.popleft() if scripts else None
                if scripted is not None and scripted.delay:
                    time.sleep(scripted.delay)
                if scripted is not None and (scripted.status != 200 or scripted.body is not None):
                    body = scripted.body if scripted.body is not None else b'{"status": 0}'
                    self.send_response(scripted.status)
                    for name, value in scripted.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Type", "application/json")
                    if not scripted.no_length:
                        self.send_header("Content-Length", str(len(body)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    with contextlib.suppress(OSError):
                        self.wfile.write(body)
                    self.close_connection = True
                    return
                status, data = fake.answer(split.path, parse_qs(split.query))
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):
                    self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        thread.start()
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
