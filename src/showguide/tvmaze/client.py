"""A small, careful TVmaze API client on httpx.

Everything that can go wrong on the way (no network, DNS, a timeout, an HTTP
error, a body over the size cap, JSON that is malformed or not the expected
shape) becomes a :class:`TvmazeError` whose message is one line saying what
failed and what to try. TVmaze rate-limits clients (HTTP 429); a 429 or a 5xx
is retried a bounded number of times, waiting as long as Retry-After asks
(within a limit) or backing off exponentially when it says nothing.

httpx is imported when the client is made, never when showguide starts.
"""

from __future__ import annotations

import email.utils
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import msgspec

from showguide import __version__

#: The public API; SHOWGUIDE_TVMAZE_URL points showguide at a mirror or a test server.
DEFAULT_BASE_URL = "https://api.tvmaze.com"
BASE_URL_VARIABLE = "SHOWGUIDE_TVMAZE_URL"
USER_AGENT = f"showguide/{__version__} (+https://www.tvmaze.com/api)"

T = TypeVar("T")
#: Query parameters: a mapping, or pairs where a name repeats (``embed[]``).
Params = Any


class TvmazeError(Exception):
    """Fetching from TVmaze failed; the message is one line for the user."""


@dataclass(frozen=True)
class Settings:
    """How patient the client is. Tests shorten every wait."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    #: The largest response body accepted. A show with thousands of episodes
    #: and their summaries is a few megabytes.
    max_bytes: int = 32 * 1024 * 1024
    #: Retries after the first attempt, for 429 and 5xx answers only.
    retries: int = 3
    #: The first back-off when the server gives no Retry-After; doubled each time.
    backoff: float = 1.0
    #: The longest single wait; a Retry-After beyond it is not waited for.
    max_wait: float = 60.0
    sleep: Callable[[float], None] = field(default=time.sleep)


#: The settings the command uses; tests replace it.
SETTINGS = Settings()

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def base_url() -> str:
    """The API's address: SHOWGUIDE_TVMAZE_URL if set, checked, else TVmaze's own."""
    url = os.environ.get(BASE_URL_VARIABLE, "").strip() or DEFAULT_BASE_URL
    if re.match(r"^https?://[^\s/?#]+(/[^\s?#]*)?$", url) is None:
        raise TvmazeError(
            f"{BASE_URL_VARIABLE} must be an http:// or https:// address, not {url!r}"
        )
    return url.rstrip("/")


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Client:
    """GET JSON from the TVmaze API; use as a context manager."""

    def __init__(self, url: str | None = None, settings: Settings | None = None) -> None:
        import httpx  # only `showguide import` pays for it

        self.settings = settings or SETTINGS
        self.base_url = url or base_url()
        self._httpx = httpx
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=httpx.Timeout(
                self.settings.read_timeout, connect=self.settings.connect_timeout
            ),
            follow_redirects=True,
            max_redirects=5,
        )
        #: Called with the number of bytes read so far, for progress.
        self.on_bytes: Callable[[int], None] | None = None

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()

    def get(self, path: str, shape: type[T], params: Params = None) -> T:
        """The JSON at ``path``, decoded into ``shape``; raises TvmazeError."""
        body = self._get_bytes(path, params)
        try:
            return msgspec.json.decode(body, type=shape)
        except msgspec.ValidationError as error:
            raise TvmazeError(
                f"TVmaze sent data of an unexpected shape for {path} ({error});"
                " try again later, or report it if it persists"
            ) from None
        except msgspec.DecodeError:
            raise TvmazeError(f"TVmaze sent malformed JSON for {path}; try again later") from None

    def _get_bytes(self, path: str, params: Params) -> bytes:
        httpx = self._httpx
        url = f"{self.base_url}{path}"
        attempt = 0
        while True:
            try:
                with self._client.stream("GET", url, params=params) as response:
                    status = response.status_code
                    if status == 200:
                        return self._read_capped(response, path)
                    wait_header = response.headers.get("Retry-After")
            except httpx.TimeoutException as error:
                kind = "connecting to" if isinstance(error, httpx.ConnectTimeout) else "waiting for"
                raise TvmazeError(
                    f"timed out {kind} {self.base_url}; check your connection and try again"
                ) from None
            except httpx.ConnectError as error:
                raise TvmazeError(
                    f"cannot reach {self.base_url} ({_reason(error)});"
                    " check your network connection, or SHOWGUIDE_TVMAZE_URL"
                ) from None
            except httpx.InvalidURL as error:
                raise TvmazeError(f"cannot ask {self.base_url}: {error}") from None
            except httpx.TooManyRedirects:
                raise TvmazeError(f"{self.base_url} redirects too many times") from None
            except httpx.HTTPError as error:
                raise TvmazeError(
                    f"the connection to {self.base_url} failed ({_reason(error)}); try again"
                ) from None
            if status == 404:
                raise TvmazeError(f"TVmaze has nothing at {path} (404)")
            if status not in _RETRY_STATUSES:
                raise TvmazeError(f"TVmaze answered {status} for {path}; try again later")
            if attempt >= self.settings.retries:
                what = "is rate-limiting us (429)" if status == 429 else f"answered {status}"
                raise TvmazeError(
                    f"TVmaze {what} for {path} after {attempt + 1} tries; try again in a minute"
                )
            wait = retry_after(wait_header)
            if wait is None:
                wait = self.settings.backoff * (2**attempt)
            if wait > self.settings.max_wait:
                raise TvmazeError(
                    f"TVmaze asks us to wait {wait:.0f} s before trying again; try later"
                )
            self.settings.sleep(wait)
            attempt += 1

    def _read_capped(self, response: Any, path: str) -> bytes:
        limit = self.settings.max_bytes
        too_big = TvmazeError(
            f"TVmaze's answer for {path} is over the limit of {limit:,} bytes; not read"
        )
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_big
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise too_big
            chunks.append(chunk)
            if self.on_bytes is not None:
                self.on_bytes(size)
        return b"".join(chunks)


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()
    reason = text[-1] if text else type(error).__name__
    # "[Errno -2] Name or service not known" -> the words only
    if reason.startswith("[Errno") and "]" in reason:
        reason = reason.split("]", 1)[1].strip()
    return reason or type(error).__name__
