"""The spoiler shield: which spoiler-flagged items may be shown right now.

One rule, used by search, the app and ``showguide print`` alike, so that no
part of the program can disagree about whether a piece of text is hidden:
an item is hidden when the shield is on, the viewer has not revealed that
item, and either it is flagged as a spoiler or it ``reveals`` an episode
beyond the viewer's progress (see :mod:`showguide.core.episodes`).
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from showguide.core.episodes import EpisodeOrder
from showguide.core.items import Item, ItemKey


def is_hidden(
    key: ItemKey | tuple[str, str],
    is_spoiler: bool,
    *,
    shield_on: bool,
    revealed: Container[object],
) -> bool:
    """Whether the item at ``key`` must not be shown."""
    return is_spoiler and shield_on and key not in revealed


class _Shared:
    """What every show's view of one shield shares: whether it is on, and the
    items revealed one by one."""

    def __init__(self, on: bool, revealed: set[tuple[str, str]]) -> None:
        self.on = on
        self.revealed = revealed
        self.version = 0


class SpoilerShield:
    """On by default; spoilers can be revealed one by one or all at once.

    ``version`` changes whenever the answer to :meth:`is_hidden` may change, so
    a view can tell cheaply whether what it shows is out of date.

    A shield may know one show's episodes and how far the viewer has watched
    (``order`` and ``watched``); :meth:`for_show` makes such a view of the
    app's one shield, sharing whether it is on and what was revealed.
    """

    def __init__(
        self,
        *,
        on: bool = True,
        revealed: Iterable[ItemKey] = (),
        order: EpisodeOrder | None = None,
        watched: int = 0,
    ) -> None:
        self._shared = _Shared(on, {(key[0], key[1]) for key in revealed})
        self.order = order
        self._watched = watched
        self._own_version = 0

    def for_show(self, order: EpisodeOrder, watched: int) -> SpoilerShield:
        """A view of this shield for one show, ``watched`` episodes into ``order``."""
        view = SpoilerShield(order=order, watched=watched)
        view._shared = self._shared
        return view

    @property
    def watched(self) -> int:
        """How many episodes, in watching order, the viewer has watched."""
        return self._watched

    def set_watched(self, watched: int) -> None:
        if watched != self._watched:
            self._watched = watched
            self._own_version += 1

    @property
    def version(self) -> int:
        # Both parts only grow, so their sum changes whenever either does.
        return self._shared.version + self._own_version

    @property
    def _on(self) -> bool:
        return self._shared.on

    @_on.setter
    def _on(self, value: bool) -> None:
        self._shared.on = value

    @property
    def _revealed(self) -> set[tuple[str, str]]:
        return self._shared.revealed

    @property
    def _version(self) -> int:
        return self._shared.version

    @_version.setter
    def _version(self, value: int) -> None:
        self._shared.version = value

    @property
    def on(self) -> bool:
        return self._on

    @property
    def revealed(self) -> frozenset[tuple[str, str]]:
        """The items revealed one by one (they stay revealed only while the shield is on)."""
        return frozenset(self._revealed)

    def reveal(self, key: ItemKey | tuple[str, str]) -> None:
        """Show this one item even while the shield is on."""
        if key not in self._revealed:
            self._revealed.add((key[0], key[1]))
            self._version += 1

    def conceal(self, key: ItemKey | tuple[str, str]) -> None:
        """Hide again an item revealed with :meth:`reveal`."""
        if key in self._revealed:
            self._revealed.discard((key[0], key[1]))
            self._version += 1

    def reveal_all(self) -> None:
        """Lower the shield: every spoiler is shown."""
        if self._on:
            self._on = False
            self._version += 1

    def raise_shield(self) -> None:
        """Hide every spoiler again, including those revealed one by one.

        Someone who turns the shield back on wants to be protected, not to have
        it remember what they peeked at earlier.
        """
        if not self._on or self._revealed:
            self._on = True
            self._revealed.clear()
            self._version += 1

    def toggle(self) -> bool:
        """Lower a raised shield or raise a lowered one; returns whether it is now on."""
        if self._on:
            self.reveal_all()
        else:
            self.raise_shield()
        return self._on

    def beyond_progress(self, reveals: str | bool | None) -> bool:
        """Whether ``reveals`` names an episode the viewer has not watched
        (``reveals: true``, a film's spoiler, always does)."""
        if reveals is None or reveals is False:
            return False
        if reveals is True or self.order is None:
            return True
        position = self.order.reveals_at(reveals)
        return position is not None and position > self._watched

    def is_hidden(
        self,
        key: ItemKey | tuple[str, str],
        is_spoiler: bool,
        reveals: str | bool | None = None,
    ) -> bool:
        if not self._on:
            return False
        return is_hidden(
            key,
            is_spoiler or self.beyond_progress(reveals),
            shield_on=True,
            revealed=self._revealed,
        )

    def is_revealed(
        self,
        key: ItemKey | tuple[str, str],
        is_spoiler: bool,
        reveals: str | bool | None = None,
    ) -> bool:
        """Whether the item at ``key`` is shown only because it was revealed
        one by one: the shield would hide it, and :meth:`conceal` hides it again."""
        return (
            self._on
            and (key[0], key[1]) in self._revealed
            and (is_spoiler or self.beyond_progress(reveals))
        )

    def hides(self, item: Item) -> bool:
        """Whether ``item`` (from :func:`showguide.core.items.show_items`) must not be shown."""
        return self.is_hidden(item.key, item.spoiler, item.reveals)
