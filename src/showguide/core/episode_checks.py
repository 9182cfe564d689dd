"""The checks on seasons, episodes and ``reveals`` that a schema cannot express.

Season numbers are unique within a show and episode numbers within their
season; a ``reveals`` must name an episode the file lists; a film has no
seasons. Each problem is reported where it stands, as the id checks are.
"""

from __future__ import annotations

import contextlib
from typing import Any, TypeGuard

from showguide.core.episodes import EpisodeRef, parse_code
from showguide.core.errors import Problem
from showguide.core.validate import _EnoughProblems, _Walker
from showguide.core.yamlnodes import Located, format_path

#: Lists whose items may say ``reveals``.
_REVEALING_LISTS = (("characters",), ("highlights",), ("faq",), ("plot", "threads"))


def check_episodes(tree: Located, name: str) -> list[Problem]:
    """Repeated seasons or episodes, and ``reveals`` naming an episode not listed."""
    data = tree.value
    if not isinstance(data, dict):
        return []
    walker = _Walker(tree, name)
    with contextlib.suppress(_EnoughProblems):
        listed = _check_seasons(walker, data)
        _check_reveals(walker, data, listed)
    return walker.problems


def _check_seasons(walker: _Walker, data: dict[str, Any]) -> list[EpisodeRef]:
    seasons = data.get("seasons")
    if not isinstance(seasons, list):
        return []
    if seasons and data.get("format") == "film":
        walker.add(
            ("seasons",),
            "a film has no seasons; give its runtime and released date instead",
            key=True,
        )
    listed: list[EpisodeRef] = []
    season_seen: dict[int, int] = {}
    for season_index, season in enumerate(seasons):
        if not isinstance(season, dict):
            continue
        number = season.get("number")
        if _is_number(number):
            if number in season_seen:
                where = format_path(("seasons", season_seen[number]))
                walker.add(
                    ("seasons", season_index, "number"),
                    f"season {number} is listed twice (also {where})",
                )
            else:
                season_seen[number] = season_index
        episodes = season.get("episodes")
        if not isinstance(episodes, list):
            continue
        episode_seen: dict[int, int] = {}
        for episode_index, episode in enumerate(episodes):
            episode_number = episode.get("number") if isinstance(episode, dict) else None
            if not _is_number(episode_number):
                continue
            if episode_number in episode_seen:
                where = format_path(
                    ("seasons", season_index, "episodes", episode_seen[episode_number])
                )
                walker.add(
                    ("seasons", season_index, "episodes", episode_index, "number"),
                    f"episode {episode_number} is listed twice in this season (also {where})",
                )
            else:
                episode_seen[episode_number] = episode_index
                if _is_number(number):
                    listed.append(EpisodeRef(number, episode_number))
    return listed


def _check_reveals(walker: _Walker, data: dict[str, Any], listed: list[EpisodeRef]) -> None:
    known = set(listed)
    is_film = data.get("format") == "film"
    for list_path in _REVEALING_LISTS:
        items: Any = data
        for part in list_path:
            items = items.get(part) if isinstance(items, dict) else None
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            reveals = item.get("reveals") if isinstance(item, dict) else None
            if not isinstance(reveals, str):
                continue
            ref = parse_code(reveals)
            if ref is None or ref in known:
                continue  # a malformed code is the schema walker's to report
            path = (*list_path, index, "reveals")
            walker.add(
                path, f"{reveals!r} is not an episode of this show; {_hint(ref, listed, is_film)}"
            )


def _hint(ref: EpisodeRef, listed: list[EpisodeRef], is_film: bool) -> str:
    if is_film:
        return "a film has no episodes: write reveals: true"
    if not listed:
        return "list the show's seasons and episodes first, or write spoiler: true"
    in_season = [episode for episode in listed if episode.season == ref.season]
    if in_season:
        first, last = in_season[0].code, in_season[-1].code
        return f"season {ref.season} lists {first} to {last}"
    seasons = sorted({episode.season for episode in listed})
    named = ", ".join(str(season) for season in seasons[:8])
    more = ", ..." if len(seasons) > 8 else ""
    return f"there is no season {ref.season} (seasons: {named}{more})"


def _is_number(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
