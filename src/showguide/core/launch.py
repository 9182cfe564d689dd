"""What ``showguide [NAME]`` opens: a show's guide, or the catalog of shows.

Decided here, without Textual, so that a name that matches nothing can exit
with a message before the app is imported, and so that the rule is tested
without a terminal. :func:`showguide.tui.app.run_app` takes the result.
"""

from __future__ import annotations

import msgspec

from showguide.core.catalog import Catalog, CatalogEntry


class Start(msgspec.Struct, frozen=True):
    """The catalog, and the show to open at once (None: open the catalog screen)."""

    catalog: Catalog
    entry: CatalogEntry | None

    @property
    def opens_catalog(self) -> bool:
        return self.entry is None


def choose_start(catalog: Catalog, name: str | None) -> Start:
    """The named show, else the only show, else the catalog.

    With ``name``, the entry it resolves to (id or title, any case, a unique
    prefix is enough); raises :class:`~showguide.core.catalog.UnknownShow` when
    it matches no show or several. Without, the one entry when there is only
    one, and the catalog when there are more (files with errors count: the
    catalog lists them, marked). The entry may be one that did not load: the
    caller reports its problems.
    """
    if name is not None:
        return Start(catalog, catalog.resolve(name))
    if len(catalog.entries) == 1:
        return Start(catalog, catalog.entries[0])
    return Start(catalog, None)
