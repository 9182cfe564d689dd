"""The JSON TVmaze sends, as typed structs that are lenient where TVmaze is.

Only the fields showguide uses are declared; others are ignored, so TVmaze can
add fields freely. A field that is present with the wrong type (an episode
number that is text, a cast list that is a number) is a decoding error, which
the client reports as "unexpected shape" rather than passing on. Nullable
fields are the ones TVmaze documents or is seen to send as null.
"""

from __future__ import annotations

import msgspec


class _Shape(msgspec.Struct, frozen=True, kw_only=True):
    """Unknown fields are ignored: TVmaze adds fields over time."""


class Country(_Shape, frozen=True, kw_only=True):
    name: str | None = None
    code: str | None = None


class Channel(_Shape, frozen=True, kw_only=True):
    """A network or a web channel (a streaming service)."""

    name: str
    country: Country | None = None


class Person(_Shape, frozen=True, kw_only=True):
    id: int
    name: str


class Role(_Shape, frozen=True, kw_only=True):
    id: int | None = None
    name: str


class CastCredit(_Shape, frozen=True, kw_only=True):
    person: Person
    character: Role
    #: The person plays themselves (a host, a reality show's cast).
    self_: bool = msgspec.field(default=False, name="self")
    voice: bool = False


class Episode(_Shape, frozen=True, kw_only=True):
    id: int
    name: str | None = None
    season: int
    #: None for specials, which have no place in the numbering.
    number: int | None = None
    type: str | None = None
    airdate: str | None = None
    runtime: int | None = None
    summary: str | None = None


class Season(_Shape, frozen=True, kw_only=True):
    id: int
    number: int
    name: str | None = None


class Aka(_Shape, frozen=True, kw_only=True):
    name: str
    country: Country | None = None


class Embedded(_Shape, frozen=True, kw_only=True):
    cast: list[CastCredit] | None = None
    episodes: list[Episode] | None = None
    seasons: list[Season] | None = None
    akas: list[Aka] | None = None


class Show(_Shape, frozen=True, kw_only=True):
    id: int
    name: str
    type: str | None = None
    language: str | None = None
    genres: list[str] = []
    status: str | None = None
    runtime: int | None = None
    averageRuntime: int | None = None  # TVmaze's own names, camelCase
    premiered: str | None = None
    ended: str | None = None
    officialSite: str | None = None
    network: Channel | None = None
    webChannel: Channel | None = None
    summary: str | None = None
    embedded: Embedded | None = msgspec.field(default=None, name="_embedded")


class SearchResult(_Shape, frozen=True, kw_only=True):
    score: float | None = None
    show: Show


class FullShow(msgspec.Struct, frozen=True, kw_only=True):
    """A show with everything the mapping needs, whichever requests it took."""

    show: Show
    cast: list[CastCredit]
    episodes: list[Episode]
    seasons: list[Season]
    akas: list[Aka]
