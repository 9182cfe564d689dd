"""The few fields of a show that a list of shows needs, without the whole show.

A catalog of a thousand shows lists titles, years and genres long before the
user opens one. The parse cache stores this summary beside each show, so that
a warm load decodes a thousand summaries and only the shows that are opened.
"""

from __future__ import annotations

import msgspec

from showguide.core.model import Show


class ShowSummary(msgspec.Struct, frozen=True, kw_only=True, array_like=True):
    """What the catalog shows and filters on; every field is copied from the Show."""

    id: str
    title: str
    native_title: str | None = None
    romanized_title: str | None = None
    format: str
    network: str | None = None
    year: int | None = None
    status: str
    genres: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    country: str

    @classmethod
    def of(cls, show: Show) -> ShowSummary:
        return cls(
            id=show.id,
            title=show.title,
            native_title=show.native_title,
            romanized_title=show.romanized_title,
            format=show.format,
            network=show.network,
            year=show.year,
            status=show.status,
            genres=tuple(show.genres),
            tags=tuple(show.tags),
            country=show.country,
        )
