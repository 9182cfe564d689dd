"""How far the viewer has watched a show, as remembered, and what that lets through.

Progress is stored per show as the code of the last episode watched (see
``State.progress``): a code, not a position, so that adding an episode to the
file does not move what the viewer has seen. A stored code the file no longer
lists, or one that is not a code at all, is not trusted: the show counts as
not watched (everything past the start stays hidden) and the caller gets a
notice to show.
"""

from __future__ import annotations

import msgspec

from showguide.core.episodes import EpisodeOrder, parse_code
from showguide.core.items import key_for
from showguide.core.model import Episode, Season, Show
from showguide.core.spoilers import SpoilerShield


class Progress(msgspec.Struct, frozen=True):
    """How many episodes of ``order`` have been watched, and any notice about it."""

    order: EpisodeOrder
    watched: int
    notice: str | None = None


def resolve(show: Show, code: str | None, order: EpisodeOrder | None = None) -> Progress:
    """The progress a stored ``code`` stands for in ``show``."""
    order = order if order is not None else EpisodeOrder(show)
    if code is None:
        return Progress(order, 0)
    ref = parse_code(code) if isinstance(code, str) else None
    position = order.position(ref) if ref is not None else None
    if position is None:
        return Progress(
            order,
            0,
            f"{show.title}: the remembered progress {code!r} is not an episode the file"
            " lists; showing it as not watched",
        )
    return Progress(order, position)


def parse_watched(show: Show, text: str, order: EpisodeOrder | None = None) -> int | str:
    """The position of episode ``text`` in ``show``, or a sentence saying why not."""
    order = order if order is not None else EpisodeOrder(show)
    ref = parse_code(text)
    if ref is None:
        return f"{text!r} is not an episode; write it as S1E4"
    position = order.position(ref)
    if position is None:
        if not len(order):
            return f"{show.title} lists no episodes"
        first, last = order.code(1), order.code(len(order))
        return f"{show.title} has no episode {ref.code} (it lists {first} to {last})"
    return position


def shield_for(show: Show, watched: int, *, spoilers: bool = False) -> SpoilerShield:
    """The shield ``print`` and ``export`` use: everything shown with ``spoilers``."""
    return SpoilerShield(on=not spoilers, order=EpisodeOrder(show), watched=watched)


def visible_show(show: Show, shield: SpoilerShield) -> Show:
    """``show`` without what ``shield`` hides: items and episode summaries left out.

    What remains still loads (a ``reveals`` only names episodes, which all
    stay), so an export made with progress is a show file too.
    """
    if not shield.on:
        return show
    replace = msgspec.structs.replace

    def keep(things: list[object]) -> list[object]:
        return [
            thing
            for thing in things
            if not shield.is_hidden(key_for(thing), thing.spoiler, thing.reveals)  # type: ignore[arg-type, attr-defined]
        ]

    seasons: list[Season] = []
    for season in show.seasons:
        episodes: list[Episode] = []
        for episode in season.episodes:
            code = f"S{season.number}E{episode.number}"
            summary_hidden = shield.is_hidden(("episodes", f"{code}:summary"), False, code)
            episodes.append(replace(episode, summary=None) if summary_hidden else episode)
        seasons.append(replace(season, episodes=episodes))
    return replace(
        show,
        plot=replace(show.plot, threads=keep(show.plot.threads)),  # type: ignore[arg-type]
        characters=keep(show.characters),  # type: ignore[arg-type]
        highlights=keep(show.highlights),  # type: ignore[arg-type]
        faq=keep(show.faq),  # type: ignore[arg-type]
        seasons=seasons,
    )
