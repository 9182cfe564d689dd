"""The few fields of a show that a list of shows needs, without the whole show.

A catalog of a thousand shows lists titles, years and genres long before the
user opens one. The parse cache stores this summary beside each show, so that
a warm load decodes a thousand summaries and only the shows that are opened.
"""

from __future__ import annotations

from typing import Any

import msgspec

from showguide.core.model import Show, Status
from showguide.core.textfold import fold


# gc=False: a warm start decodes a thousand of these, which hold only values;
# untracked, they do not set off the garbage collector.
class ShowSummary(msgspec.Struct, frozen=True, kw_only=True, array_like=True, gc=False):
    """What the catalog shows, sorts and filters on, and ``showguide list`` prints.

    The one list of a show's fields that lists of shows use: the catalog's
    rows hold a summary (``CatalogRow.summary``) rather than copies of its
    fields. A field named as a field of :class:`Show` is copied from it by
    :meth:`of` (a list as a tuple); the others are worked out there. The
    parse cache stores summaries (array_like: by position), so a change here
    changes the cache's layout: see ``cache_version`` in core/cache.py.

    Only those fields: a catalog of 10,000 shows keeps 10,000 summaries while
    it runs, and decodes them all at every start. (The format and the tags,
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
        # Once per file parsed, never on a warm start. A list in a Show is
        # a tuple here: a summary is a value, hashable and shared.
        values: dict[str, Any] = {}
        for name in FROM_SHOW:
            value = getattr(show, name)
            values[name] = tuple(value) if isinstance(value, list) else value
        return cls(
            **values,
            sort_title=fold(show.title),
            episodes=tuple(
                f"S{season.number}E{episode.number}"
                for season in show.seasons
                for episode in season.episodes
            ),
        )


#: The summary's fields that are the Show's, copied as they are.
FROM_SHOW: tuple[str, ...] = tuple(
    name for name in ShowSummary.__struct_fields__ if name in Show.__struct_fields__
)
