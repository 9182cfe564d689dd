"""The typed model of one show file.

Every struct is frozen (a loaded show is a value, safe to share between the CLI,
the app and caches) and forbids unknown fields, so a typo in a key is an error
with a "did you mean" hint rather than data silently ignored.

The JSON Schema that editors use (``data/show.schema.json``) is generated from
these classes; docs/data-format.md describes the same fields for people.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Final, Literal

import msgspec

FORMAT_VERSION: Final = 1

#: The one word for a role whose actor has not been made public yet. It is a
#: value of its own, not an empty string, so that every consumer handles it.
NOT_ANNOUNCED: Final = "not yet announced"
NotAnnounced = Literal["not yet announced"]

#: Bump when the rules of what loads change without the format changing (a
#: pattern made stricter, a new limit), so that no cache keeps a show that the
#: loader would now refuse.
RULES_REVISION: Final = 2


def whole_value(pattern: str) -> str:
    """A regular expression that matches only the whole value, in Python and in JSON Schema.

    msgspec looks for a pattern anywhere in the value (``re.search``), and in
    Python ``$`` also matches before a final newline, so ``^[a-z]+$`` accepts
    ``"abc\\n"``: an id that then breaks every widget named after it.
    ``\\Z`` would fix Python but is not valid in JSON Schema's (ECMAScript)
    regular expressions, which editors use; ``$(?!\\n)`` means "the very end"
    in both.
    """
    return rf"^(?:{pattern})$(?!\n)"


ID_PATTERN: Final = whole_value("[a-z0-9][a-z0-9-]*")
COUNTRY_CODE_PATTERN: Final = whole_value("[A-Z]{2}")

Id = Annotated[
    str,
    msgspec.Meta(
        pattern=ID_PATTERN,
        max_length=80,
        description="Lower-case letters, digits and hyphens; unique within its list.",
    ),
]
Line = Annotated[str, msgspec.Meta(min_length=1, description="A short piece of text.")]
Prose = Annotated[str, msgspec.Meta(min_length=1, description="Text of one or more sentences.")]

Format = Literal["series", "film"]
Status = Literal["announced", "upcoming", "airing", "ended"]
Tier = Literal["lead", "supporting", "recurring", "guest"]
HighlightCategory = Literal[
    "dance", "visuals", "costume", "sets", "music", "culture", "cast", "story", "production"
]
SourceKind = Literal["article", "review", "press-release", "official-site", "interview", "other"]


class _Record(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Shared settings: immutable, keyword-only, strict about unknown keys."""


class Rating(_Record, frozen=True, kw_only=True):
    """An official age rating from one country's rating system."""

    country: Annotated[str, msgspec.Meta(min_length=2, max_length=2, pattern=COUNTRY_CODE_PATTERN)]
    system: Line
    rating: Line


class Audience(_Record, frozen=True, kw_only=True):
    """Who the show suits, and what to know before watching."""

    summary: Prose
    advisories: list[Line] = []
    ratings: list[Rating] = []


class Performer(_Record, frozen=True, kw_only=True):
    """A credited person: an actor or a dance double."""

    name: Line
    native_name: Line | None = None


class StoryThread(_Record, frozen=True, kw_only=True):
    id: Id
    title: Line
    description: Prose
    spoiler: bool = False


class Plot(_Record, frozen=True, kw_only=True):
    """The story. The synopsis is spoiler-free by convention; threads may spoil."""

    synopsis: Prose
    setting: Prose
    themes: list[Line] = []
    threads: list[StoryThread] = []


class Character(_Record, frozen=True, kw_only=True):
    id: Id
    name: Line
    native_name: Line | None = None
    tier: Tier
    group: Line | None = None
    #: True when the entry stands for several unnamed people (say, "the rivals").
    ensemble: bool = False
    description: Prose
    actor: Performer | NotAnnounced = NOT_ANNOUNCED
    dance_double: Performer | NotAnnounced | None = None
    spoiler: bool = False


class Highlight(_Record, frozen=True, kw_only=True):
    id: Id
    title: Line
    category: HighlightCategory
    description: Prose
    spoiler: bool = False


class FaqEntry(_Record, frozen=True, kw_only=True):
    id: Id
    question: Line
    answer: Prose
    tags: list[Line] = []
    spoiler: bool = False


class Source(_Record, frozen=True, kw_only=True):
    title: Line
    kind: SourceKind = "article"
    publisher: Line | None = None
    url: Line | None = None
    published: datetime.date | None = None
    note: Prose | None = None


class Show(_Record, frozen=True, kw_only=True):
    """One show: everything the guide displays about it."""

    format_version: Literal[1]
    id: Id
    title: Line
    native_title: Line | None = None
    romanized_title: Line | None = None
    format: Format
    network: Line | None = None
    year: Annotated[int, msgspec.Meta(ge=1900, le=2200)] | None = None
    premiere_date: datetime.date | None = None
    status: Status
    genres: list[Line] = []
    tags: list[Line] = []
    country: Line
    original_language: Line
    audience: Audience
    logline: Prose
    plot: Plot
    characters: list[Character] = []
    highlights: list[Highlight] = []
    faq: list[FaqEntry] = []
    verdict: Prose
    sources: list[Source] = []


def json_schema() -> dict[str, object]:
    """The JSON Schema of a show file, as committed at data/show.schema.json."""
    schema = msgspec.json.schema(Show)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "showguide show file"
    return schema
