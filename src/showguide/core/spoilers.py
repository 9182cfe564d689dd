"""The spoiler shield: which spoiler-flagged items may be shown right now.

One rule, used by search, the app and ``showguide print`` alike, so that no
part of the program can disagree about whether a piece of text is hidden:
an item is hidden when it is flagged as a spoiler, the shield is on, and the
viewer has not revealed that item.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

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


class SpoilerShield:
    """On by default; spoilers can be revealed one by one or all at once.

    ``version`` changes whenever the answer to :meth:`is_hidden` may change, so
    a view can tell cheaply whether what it shows is out of date.
    """

    def __init__(self, *, on: bool = True, revealed: Iterable[ItemKey] = ()) -> None:
        self._on = on
        self._revealed: set[tuple[str, str]] = {(key[0], key[1]) for key in revealed}
        self._version = 0

    @property
    def version(self) -> int:
        return self._version

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

    def is_hidden(self, key: ItemKey | tuple[str, str], is_spoiler: bool) -> bool:
        return is_hidden(key, is_spoiler, shield_on=self._on, revealed=self._revealed)

    def hides(self, item: Item) -> bool:
        """Whether ``item`` (from :func:`showguide.core.items.show_items`) must not be shown."""
        return self.is_hidden(item.key, item.spoiler)
