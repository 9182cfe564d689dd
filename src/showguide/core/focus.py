"""The item a pane has under its cursor, as ``y`` copies it and ``e`` finds it in its file.

An item is named by its pane and the id the pane lists it by (a character's,
a question's, a highlight's id; ``S1E4`` for an episode; ``source-N`` or
``finding-N`` for the Sources pane, whose sources need no id; a story
thread's id in the Plot). Where no item is under a cursor (the Overview, the
Plot before a thread is chosen) ``y`` copies the show's id, and ``e`` opens
the file at its top.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from showguide.core.errors import ShowDataError
from showguide.core.model import Show
from showguide.core.provenance import safe_url, source_name
from showguide.core.yamlnodes import Located, compose_located

#: Where a pane's items are in a show file, for the panes whose items have ids.
LISTS: dict[str, tuple[str, ...]] = {
    "cast": ("characters",),
    "faq": ("faq",),
    "highlights": ("highlights",),
}


class Copied(NamedTuple):
    """What ``y`` puts on the clipboard, and how the notice names it."""

    what: str
    text: str


def _short(text: str, width: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def copy_text(show: Show, pane: str, item_id: str | None) -> Copied:
    """What to copy for ``item_id`` in ``pane``: a question's answer, a
    character's name, an episode's code and title, a source's link; the
    show's id where nothing is under a cursor."""
    if pane == "cast" and item_id is not None:
        for character in show.characters:
            if character.id == item_id:
                native = f" {character.native_name}" if character.native_name else ""
                return Copied(f"the character {_short(character.name)}", character.name + native)
    if pane == "faq" and item_id is not None:
        for entry in show.faq:
            if entry.id == item_id:
                return Copied(f"the answer to “{_short(entry.question)}”", entry.answer)
    if pane == "plot" and item_id is not None:
        for thread in show.plot.threads:
            if thread.id == item_id:
                return Copied(
                    f"the story thread {_short(thread.title)}",
                    f"{thread.title}\n\n{thread.description}",
                )
    if pane == "highlights" and item_id is not None:
        for highlight in show.highlights:
            if highlight.id == item_id:
                return Copied(
                    f"the highlight {_short(highlight.title)}",
                    f"{highlight.title}\n\n{highlight.description}",
                )
    if pane == "episodes" and item_id is not None:
        for season in show.seasons:
            for episode in season.episodes:
                if f"S{season.number}E{episode.number}" == item_id:
                    return Copied(f"episode {item_id}", f"{item_id} {episode.title}")
    if pane == "sources" and item_id is not None:
        kind, _, number = item_id.partition("-")
        if kind == "source" and number.isdigit() and int(number) < len(show.sources):
            source = show.sources[int(number)]
            link = safe_url(source.url) if source.url else None
            if link:
                return Copied(f"the link to {_short(source_name(source))}", link)
            return Copied(f"the source {_short(source_name(source))}", source_name(source))
        findings = show.source_check.findings if show.source_check else []
        if kind == "finding" and number.isdigit() and int(number) < len(findings):
            finding = findings[int(number)]
            return Copied(f"the finding {_short(finding.topic)}", finding.topic)
    return Copied(f"the id of {_short(show.title)}", show.id)


def _index_by_id(items: Any, item_id: str) -> int | None:
    if not isinstance(items, list):
        return None
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == item_id:
            return index
    return None


def _index_by_number(items: Any, number: int) -> int | None:
    if not isinstance(items, list):
        return None
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("number") == number:
            return index
    return None


def item_path(tree: Located, pane: str, item_id: str | None) -> tuple[str | int, ...]:
    """Where ``item_id`` of ``pane`` is in the file's data (empty: the whole file).

    Looked up in the file as it is now, by id rather than by position: the
    file may have changed since the version on screen was read.
    """
    data = tree.value if isinstance(tree.value, dict) else {}
    if item_id is None:
        return ()
    if pane in LISTS:
        (field,) = LISTS[pane]
        index = _index_by_id(data.get(field), item_id)
        return (field, index) if index is not None else (field,)
    if pane == "plot":
        plot = data.get("plot")
        index = _index_by_id(plot.get("threads") if isinstance(plot, dict) else None, item_id)
        return ("plot", "threads", index) if index is not None else ("plot",)
    if pane == "episodes":
        season_text, _, episode_text = item_id.removeprefix("S").partition("E")
        if not (season_text.isdigit() and episode_text.isdigit()):
            return ()
        seasons = data.get("seasons")
        season = _index_by_number(seasons, int(season_text))
        if season is None:
            return ("seasons",)
        assert isinstance(seasons, list)
        episodes = seasons[season].get("episodes")
        episode = _index_by_number(episodes, int(episode_text))
        if episode is None:
            return ("seasons", season)
        return ("seasons", season, "episodes", episode)
    if pane == "sources":
        kind, _, number = item_id.partition("-")
        if kind == "source" and number.isdigit():
            return ("sources", int(number))
        if kind == "finding" and number.isdigit():
            return ("source_check", "findings", int(number))
    return ()


def line_of(text: str, name: str, pane: str, item_id: str | None) -> int:
    """The line of ``text`` (a show file) where the item starts; 1 when it
    cannot be found (the file no longer parses, or no longer has it)."""
    try:
        tree = compose_located(text, name)
    except ShowDataError:  # a file that does not parse now: open it at its top
        return 1
    path: Sequence[str | int] = item_path(tree, pane, item_id)
    while path and tuple(path) not in tree.values:
        path = path[:-1]
    if not path:
        return 1
    return tree.values[tuple(path)][0]
