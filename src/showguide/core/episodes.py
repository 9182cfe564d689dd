"""Episodes in watching order, episode codes, and how far the viewer has watched.

A show's episodes are numbered here by their place in the order they are
watched (season by season, as the file lists them): 1 for the first, up to
``len(order)``. Progress is such a number, 0 when nothing has been watched;
an item that ``reveals`` episode *n* stays hidden while progress is below *n*.
Comparing two numbers is all the spoiler shield does per item, which keeps a
show of 1,600 episodes and thousands of items fast.
"""

from __future__ import annotations

import datetime
import re
from typing import Final, NamedTuple

from showguide.core.model import Episode, Season, Show

_CODE: Final = re.compile(r"^[Ss]([0-9]{1,3})[Ee]([0-9]{1,4})$")


class EpisodeRef(NamedTuple):
    """A season number and an episode number: S1E4 is ``EpisodeRef(1, 4)``."""

    season: int
    episode: int

    @property
    def code(self) -> str:
        """The short way to write it, as showguide writes it: ``S1E4``."""
        return f"S{self.season}E{self.episode}"


def parse_code(text: str) -> EpisodeRef | None:
    """``S1E4`` or ``s01e04`` as an EpisodeRef; None when it is not an episode code."""
    match = _CODE.match(text.strip())
    if match is None:
        return None
    return EpisodeRef(int(match.group(1)), int(match.group(2)))


class EpisodeOrder:
    """The episodes of one show in watching order."""

    def __init__(self, show: Show) -> None:
        self.episodes: list[tuple[Season, Episode]] = [
            (season, episode) for season in show.seasons for episode in season.episodes
        ]
        self._position: dict[EpisodeRef, int] = {
            EpisodeRef(season.number, episode.number): number
            for number, (season, episode) in enumerate(self.episodes, start=1)
        }
        self._reveals_at: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.episodes)

    def position(self, ref: EpisodeRef | str) -> int | None:
        """Where the episode comes in watching order (1 for the first); None if not listed."""
        if isinstance(ref, str):
            parsed = parse_code(ref)
            if parsed is None:
                return None
            ref = parsed
        return self._position.get(ref)

    def ref(self, position: int) -> EpisodeRef:
        """The episode at ``position`` (1 to ``len(self)``)."""
        season, episode = self.episodes[position - 1]
        return EpisodeRef(season.number, episode.number)

    def code(self, position: int) -> str:
        return self.ref(position).code

    def reveals_at(self, reveals: str | bool | None) -> int | None:
        """The position an item's ``reveals`` names; None when it names no episode.

        ``reveals: true`` (a film's way to say "spoiler") names no episode: it
        is handled as ``spoiler: true``. A code the show does not list cannot
        be in a loaded show (the loader refuses it); it counts as the last
        episode, hidden until everything has been watched, to be safe.
        """
        if reveals is None or isinstance(reveals, bool):
            return None
        known = self._reveals_at.get(reveals)
        if known is None:
            position = self.position(reveals)
            known = position if position is not None else len(self.episodes) + 1
            # Each spelling once: panes ask again for every item at every redraw.
            self._reveals_at[reveals] = known
        return known


def is_spoiler(spoiler: bool, reveals: str | bool | None) -> bool:
    """True when an item is hidden whatever the progress: ``spoiler: true`` or ``reveals: true``."""
    return spoiler or reveals is True


def progress_label(order: EpisodeOrder, watched: int) -> str:
    """``Watched up to S1E4 of 16``, or what to say when nothing is watched."""
    total = len(order)
    if total == 0:
        return "No episodes listed"
    if watched <= 0:
        return f"Nothing watched yet of {total}"
    if watched >= total:
        return f"Watched all {total} (up to {order.code(total)})"
    return f"Watched up to {order.code(watched)} of {total}"


def progress_fraction(order: EpisodeOrder, watched: int) -> str:
    """``4/16``: the catalog's short form."""
    return f"{max(0, min(watched, len(order)))}/{len(order)}"


def relative_day(day: datetime.date, today: datetime.date) -> str:
    """When an episode airs relative to ``today``: "airs in 3 days", "aired 2 weeks ago"."""
    days = (day - today).days
    if days == 0:
        return "airs today"
    if days == 1:
        return "airs tomorrow"
    if days == -1:
        return "aired yesterday"
    span = _span(abs(days))
    return f"airs in {span}" if days > 0 else f"aired {span} ago"


def _span(days: int) -> str:
    if days < 14:
        return _plural(days, "day")
    if days < 60:
        return _plural(days // 7, "week")
    if days < 730:
        return _plural(days // 30, "month")
    return _plural(days // 365, "year")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
