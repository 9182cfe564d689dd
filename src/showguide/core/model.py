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
#: The role is cast, but the guide's source does not say by whom. Not the same
#: as "not yet announced": the name may well be public elsewhere.
NOT_NAMED: Final = "not named by the source"
#: Who plays a role when no name can be given: one Literal, so that msgspec
#: accepts it beside a Performer mapping.
Unnamed = Literal["not yet announced", "not named by the source"]

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
#: The ids of the sources a block of content comes from (see ``Source.id``).
SourceIds = Annotated[
    list[Id],
    msgspec.Meta(description="Ids of the sources this comes from, from the show's `sources`."),
]

Format = Literal["series", "film"]
Status = Literal["announced", "upcoming", "airing", "ended"]
Tier = Literal["lead", "supporting", "recurring", "guest"]
HighlightCategory = Literal[
    "dance", "visuals", "costume", "sets", "music", "culture", "cast", "story", "production"
]
SourceKind = Literal[
    "article",
    "review",
    "press-release",
    "official-site",
    "interview",
    "encyclopedia",
    "database",
    "other",
]


class _Record(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Shared settings: immutable, keyword-only, strict about unknown keys."""


# --- episodes and progress ---------------------------------------------------
# Seasons, episodes and ``reveals`` (which episode an item spoils). Kept in one
# block: the spoiler shield reads them through showguide.core.episodes.

EPISODE_CODE_PATTERN: Final = whole_value("[Ss][0-9]{1,3}[Ee][0-9]{1,4}")

EpisodeCode = Annotated[
    str,
    msgspec.Meta(
        pattern=EPISODE_CODE_PATTERN,
        description="An episode as S<season>E<episode>, e.g. S1E4 or S01E04.",
    ),
]
#: Which episode an item spoils: its code; or, with no episode to name (a
#: film), ``true``, which means the same as ``spoiler: true``.
Reveals = Annotated[
    EpisodeCode | bool,
    msgspec.Meta(
        description="The episode this item gives away (S1E4), or true for a film."
        " Hidden until you have watched that episode."
    ),
]
Minutes = Annotated[int, msgspec.Meta(ge=1, le=10000, description="A length in minutes.")]


class Episode(_Record, frozen=True, kw_only=True):
    """One episode. Its summary is hidden until it has been watched."""

    number: Annotated[int, msgspec.Meta(ge=0, le=9999)]
    title: Line
    aired: datetime.date | None = None
    runtime: Minutes | None = None
    summary: Prose | None = None


class Season(_Record, frozen=True, kw_only=True):
    """A season of a series: its number (0 for specials) and its episodes, in order."""

    number: Annotated[int, msgspec.Meta(ge=0, le=999)]
    title: Line | None = None
    episodes: list[Episode] = []


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
    sources: SourceIds = []


class Performer(_Record, frozen=True, kw_only=True):
    """A credited person: an actor or a dance double."""

    name: Line
    native_name: Line | None = None


class StoryThread(_Record, frozen=True, kw_only=True):
    id: Id
    title: Line
    description: Prose
    spoiler: bool = False
    reveals: Reveals | None = None
    sources: SourceIds = []


class Plot(_Record, frozen=True, kw_only=True):
    """The story. The synopsis is spoiler-free by convention; threads may spoil."""

    synopsis: Prose
    #: Optional: an imported guide leaves it for the user to write (its source
    #: says nothing of it), rather than fill it with a placeholder.
    setting: Prose | None = None
    themes: list[Line] = []
    threads: list[StoryThread] = []
    #: The sources of the synopsis, setting and themes.
    sources: SourceIds = []


class Character(_Record, frozen=True, kw_only=True):
    id: Id
    name: Line
    native_name: Line | None = None
    tier: Tier
    group: Line | None = None
    #: True when the entry stands for several unnamed people (say, "the rivals").
    ensemble: bool = False
    description: Prose
    actor: Performer | Unnamed = NOT_ANNOUNCED
    dance_double: Performer | Unnamed | None = None
    spoiler: bool = False
    reveals: Reveals | None = None
    sources: SourceIds = []


class Highlight(_Record, frozen=True, kw_only=True):
    id: Id
    title: Line
    category: HighlightCategory
    description: Prose
    spoiler: bool = False
    reveals: Reveals | None = None
    sources: SourceIds = []


class FaqEntry(_Record, frozen=True, kw_only=True):
    id: Id
    question: Line
    answer: Prose
    tags: list[Line] = []
    spoiler: bool = False
    reveals: Reveals | None = None
    sources: SourceIds = []


# --- Provenance: where each claim comes from, and what later records say ---


class Source(_Record, frozen=True, kw_only=True):
    """A source the guide's facts come from. Blocks name it by its ``id``."""

    id: Id | None = None
    title: Line | None = None
    kind: SourceKind = "article"
    publisher: Line | None = None
    url: Line | None = None
    published: datetime.date | None = None
    #: When the guide's author read it (what a web page said on that day).
    retrieved: datetime.date | None = None
    #: The terms the source's text or data may be reused under.
    licence: Line | None = None
    #: The same as ``licence``, in American spelling; either may be used.
    license: Line | None = None
    note: Prose | None = None


class Attribution(_Record, frozen=True, kw_only=True):
    """The sources of the show's own lines: its titles, logline, verdict and status."""

    #: The title, native title and romanized title.
    title: SourceIds = []
    logline: SourceIds = []
    verdict: SourceIds = []
    status: SourceIds = []


class Finding(_Record, frozen=True, kw_only=True):
    """One place where a source's claim disagrees with a record, or was overtaken."""

    id: Id
    topic: Line
    #: What the guide's source claimed (or left out).
    claimed: Prose
    #: Which sources made the claim.
    claimed_by: SourceIds = []
    #: What the record says.
    record: Prose
    #: Which sources the record comes from.
    sources: SourceIds = []


class SourceCheck(_Record, frozen=True, kw_only=True):
    """How the guide's sources stand against later records."""

    #: One or two sentences, shown first on the Overview.
    summary: Prose
    findings: list[Finding] = []


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
    #: The day a series' last episode aired (TVmaze's "ended"), only when it is known.
    end_date: datetime.date | None = None
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
    # Episodes (a series) or running time and release (a film).
    seasons: list[Season] = []
    runtime: Minutes | None = None
    released: datetime.date | None = None
    #: The day the guide's facts were true as far as its author knew.
    as_of: datetime.date | None = None
    attribution: Attribution | None = None
    source_check: SourceCheck | None = None


def json_schema() -> dict[str, object]:
    """The JSON Schema of a show file, as committed at data/show.schema.json."""
    schema = msgspec.json.schema(Show)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "showguide show file"
    return schema
