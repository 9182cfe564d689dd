"""Where a guide's claims come from: attribution, stale statuses and safe links.

Shared by ``print``, the Markdown export and the app, so that all three say
the same thing in the same words. Nothing here imports Rich or Textual.

The rules:

- A block names its sources by id. A block that names none comes from the
  guide's only source when it has exactly one and no block of the guide names
  a source: a short hand-written guide need not repeat its one source's id on
  every block. Once any block names a source (an imported guide names TVmaze
  on each block it fills), blocks that name none are the guide's own words,
  as they are in a guide with several sources, and carry no attribution: the
  placeholders an import leaves, and what the user writes there, are theirs.
- A show that is "announced" or "upcoming" whose premiere date (or, without
  one, whose year) has passed is *stale*: it was upcoming as of its source's
  date and may be out of date. A date still in the future is not stale.
- A source's link is shown and opened only when it is a plain ``http`` or
  ``https`` address; anything else (``javascript:``, ``file:``, a control
  character, a space) is refused.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import Final
from urllib.parse import urlsplit

import msgspec

from showguide.core.model import Show, Source
from showguide.core.text import visible

#: Statuses that promise something in the future, and so can go stale.
FUTURE_STATUSES: Final = frozenset({"announced", "upcoming"})

#: The longest link showguide shows or opens.
MAX_URL_LENGTH: Final = 2000


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a well-formed http(s) address safe to show and open, else None."""
    if not url or len(url) > MAX_URL_LENGTH or visible(url) != url:
        return None
    if any(char.isspace() or char in '<>"\\^`{|}' for char in url):
        return None
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError on a port that is not a number
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if parts.username is not None or parts.password is not None:
        return None  # "https://trusted.example@evil.example/" misleads the eye
    return url


def source_name(source: Source) -> str:
    """What a reader calls the source: its title, else its publisher, id or address."""
    return source.title or source.publisher or source.id or source.url or "an unnamed source"


def source_date(source: Source) -> str:
    """The source's date as a reader needs it: published, else when it was read."""
    if source.published:
        return source.published.isoformat()
    if source.retrieved:
        return f"retrieved {source.retrieved.isoformat()}"
    return "undated"


def source_licence(source: Source) -> str | None:
    """The licence, in either spelling; both when a file gives two different ones."""
    given = dict.fromkeys(text for text in (source.licence, source.license) if text)
    return "; ".join(given) or None


def sources_by_id(show: Show) -> dict[str, Source]:
    return {source.id: source for source in show.sources if source.id}


#: The last shows asked about and their default sources, by identity: a pane
#: asks once per block, and finding the default walks every block of the show.
_DEFAULTS: dict[int, tuple[Show, tuple[Source, ...]]] = {}
_DEFAULTS_KEPT: Final = 8


def default_sources(show: Show) -> tuple[Source, ...]:
    """The sources of a block that names none (see the module's rules)."""
    known = _DEFAULTS.get(id(show))
    if known is not None and known[0] is show:
        return known[1]
    default: tuple[Source, ...] = ()
    if len(show.sources) == 1 and not any(ids for _, _, ids in citing_blocks(show)):
        default = (show.sources[0],)
    if len(_DEFAULTS) >= _DEFAULTS_KEPT:
        _DEFAULTS.pop(next(iter(_DEFAULTS)))
    _DEFAULTS[id(show)] = (show, default)
    return default


def block_sources(show: Show, ids: Sequence[str]) -> list[Source]:
    """The sources of a block that names ``ids``; with none named, the default."""
    if not ids:
        return list(default_sources(show))
    known = sources_by_id(show)
    return [known[source_id] for source_id in ids if source_id in known]


def attribution_line(sources: Sequence[Source]) -> str:
    """ "per <source>, <date>" for each source, or "" for the guide's own words."""
    if not sources:
        return ""
    return "per " + "; ".join(f"{source_name(s)}, {source_date(s)}" for s in sources)


def attribution(show: Show, ids: Sequence[str]) -> str:
    return attribution_line(block_sources(show, ids))


class StaleStatus(msgspec.Struct, frozen=True):
    """A future status whose date has passed."""

    status: str
    #: The day the status was true, as far as the guide knows ("" when undated).
    as_of: str

    def sentence(self) -> str:
        when = f"as of {self.as_of}" if self.as_of else "as of an undated source"
        return f"Listed as {self.status} {when}; that date has passed, so this may be out of date."

    def short(self) -> str:
        when = f" as of {self.as_of}" if self.as_of else ""
        return f"{self.status.capitalize()}{when} (may be out of date)"


def _status_as_of(show: Show) -> str:
    if show.as_of:
        return show.as_of.isoformat()
    ids = show.attribution.status if show.attribution else []
    dated = [s.published or s.retrieved for s in block_sources(show, ids)]
    known = [day for day in dated if day is not None]
    return max(known).isoformat() if known else ""


def stale_status(show: Show, today: datetime.date | None = None) -> StaleStatus | None:
    """The stale status of ``show`` on ``today``, or None when its status still holds."""
    if show.status not in FUTURE_STATUSES:
        return None
    today = today or datetime.date.today()
    if show.premiere_date is not None:
        passed = show.premiere_date < today
    elif show.year is not None:
        passed = show.year < today.year
    else:
        passed = False
    return StaleStatus(show.status, _status_as_of(show)) if passed else None


def status_text(show: Show, today: datetime.date | None = None) -> str:
    """The status as a reader should see it: with a warning when it went stale."""
    stale = stale_status(show, today)
    return stale.short() if stale else show.status.capitalize()


#: How a list of blocks of one kind is counted: (singular, plural).
_KINDS: Final = {
    "story thread": "story threads",
    "character": "characters",
    "highlight": "highlights",
    "question": "questions",
}


def citing_blocks(show: Show) -> Iterator[tuple[str, str, list[str]]]:
    """(kind, what, source ids) for each block of content, ids as written."""
    cited = show.attribution
    yield "title", "title", list(cited.title if cited else [])
    yield "logline", "logline", list(cited.logline if cited else [])
    yield "status", "status", list(cited.status if cited else [])
    yield "audience", "audience", list(show.audience.sources)
    yield "plot", "synopsis and setting", list(show.plot.sources)
    for thread in show.plot.threads:
        yield "story thread", thread.title, list(thread.sources)
    for character in show.characters:
        yield "character", character.name, list(character.sources)
    for highlight in show.highlights:
        yield "highlight", highlight.title, list(highlight.sources)
    for entry in show.faq:
        yield "question", entry.question, list(entry.sources)
    yield "verdict", "verdict", list(cited.verdict if cited else [])


def supported_by(show: Show, source: Source) -> list[str]:
    """What in the guide comes from ``source``, in a few words each: the blocks
    (several of one kind counted), and the source check's findings."""
    by_kind: dict[str, list[str]] = {}
    for kind, what, ids in citing_blocks(show):
        if source in block_sources(show, ids):
            by_kind.setdefault(kind, []).append(what)
    found = []
    for kind, names in by_kind.items():
        if kind not in _KINDS:
            found.append(names[0])
        elif len(names) == 1:
            found.append(f"{kind}: {names[0]}")
        else:
            found.append(f"{len(names)} {_KINDS[kind]}")
    if show.source_check and source.id:
        findings = show.source_check.findings
        records = [f.topic for f in findings if source.id in f.sources]
        claims = [f.topic for f in findings if source.id in f.claimed_by]
        if records:
            found.append("the record on " + ", ".join(records))
        if claims:
            found.append("the claims checked on " + ", ".join(claims))
    return found
