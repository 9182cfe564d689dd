"""Which spoiler-flagged items are masked. Until the search issue adds reveal
controls, every spoiler stays hidden."""

from __future__ import annotations

ItemKey = tuple[str, str]


class Shield:
    def is_hidden(self, key: ItemKey, spoiler: bool) -> bool:
        return spoiler
