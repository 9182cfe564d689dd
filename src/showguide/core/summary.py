"""The few fields of a show that a list of shows needs, without the whole show.

A catalog of a thousand shows lists titles, years and genres long before the
user opens one. The parse cache stores this summary beside each show, so that
a warm load decodes a thousand summaries and only the shows that are opened.
"""

from __future__ import annotations

import msgspec

from showguide.core.model import Show, Status
from showguide.core.textfold import fold


# gc=False: a warm start decodes a thousand of these, which hold only values;
# untracked, they do not set off the garbage collector.
class ShowSummary(msgspec.Struct, frozen=True, kw_only=True, array_like=True, gc=False):
    """What the catalog shows, sorts and filters on; the fields are copied from the Show.

    Only those: a catalog of 10,000 shows keeps 10,000 summaries while it
    runs, and decodes them all at every start. (The format and the tags,
    which nothing listing shows reads, were 3 MiB of them.)
    """

    id: str
    title: str
    native_title: str | None = None
    romanized_title: str | None = None
    network: str | None = None
    year: int | None = None
    #: A Literal, not any str: decoding then gives the one string of each
    #: status, not a copy for every show.
    status: Status
    genres: tuple[str, ...] = ()
    country: str
    #: The title folded (case and accents ignored): the catalog sorts by it.
    #: Kept here, so that it is worked out when a file is parsed, not at every start.
    sort_title: str
    #: The codes of the show's episodes in watching order ("S1E1", ...): the
    #: catalog shows progress ("4/16") without loading the whole show.
    episodes: tuple[str, ...] = ()

    @classmethod
    def of(cls, show: Show) -> ShowSummary:
        return cls(
            id=show.id,
            title=show.title,
            native_title=show.native_title,
            romanized_title=show.romanized_title,
            network=show.network,
            year=show.year,
            status=show.status,
            genres=tuple(show.genres),
            country=show.country,
            sort_title=fold(show.title),
            episodes=tuple(
                f"S{season.number}E{episode.number}"
                for season in show.seasons
                for episode in season.episodes
            ),
        )
