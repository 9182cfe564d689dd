"""Every addressable item of a show, with the pane it lives in and a stable key.

Search, the spoiler shield, the app and ``showguide print`` all need to agree
on what "an item" is and how to name it: a search result must jump to the same
thing the shield reveals. This module is that one agreement. An item's key is
``(pane, id)``: a character, highlight or FAQ entry is keyed by its own id; the
parts of a show that have no id of their own get fixed names, and story
threads are ``"threads:<id>"`` inside the plot pane.

Items and fields are named tuples rather than dataclasses because a big show
has tens of thousands of fields and building them is on the path to a search.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final, Literal, NamedTuple

from showguide.core.model import Character, FaqEntry, Highlight, Performer, Show, StoryThread

Pane = Literal["overview", "plot", "cast", "highlights", "faq", "episodes"]
#: The panes in the order the app shows them; search ties are broken in this order.
PANES: Final[tuple[Pane, ...]] = ("overview", "plot", "cast", "highlights", "faq", "episodes")


class ItemKey(NamedTuple):
    """Where an item lives: equal to the plain tuple ``(pane, id)``."""

    pane: Pane
    id: str


OVERVIEW_TITLE: Final = ItemKey("overview", "title")
OVERVIEW_TAGS: Final = ItemKey("overview", "tags")
OVERVIEW_AUDIENCE: Final = ItemKey("overview", "audience")
OVERVIEW_LOGLINE: Final = ItemKey("overview", "logline")
OVERVIEW_VERDICT: Final = ItemKey("overview", "verdict")
OVERVIEW_SOURCES: Final = ItemKey("overview", "sources")
PLOT_SYNOPSIS: Final = ItemKey("plot", "synopsis")
PLOT_SETTING: Final = ItemKey("plot", "setting")
PLOT_THEMES: Final = ItemKey("plot", "themes")


def thread_key(thread_id: str) -> ItemKey:
    return ItemKey("plot", f"threads:{thread_id}")


def character_key(character_id: str) -> ItemKey:
    return ItemKey("cast", character_id)


def highlight_key(highlight_id: str) -> ItemKey:
    return ItemKey("highlights", highlight_id)


def faq_key(entry_id: str) -> ItemKey:
    return ItemKey("faq", entry_id)


def episode_key(season: int, episode: int) -> ItemKey:
    """An episode's title (never hidden), keyed by its code: ``("episodes", "S1E4")``."""
    return ItemKey("episodes", f"S{season}E{episode}")


def summary_key(season: int, episode: int) -> ItemKey:
    """An episode's summary: hidden until the episode has been watched."""
    return ItemKey("episodes", f"S{season}E{episode}:summary")


def key_for(thing: StoryThread | Character | Highlight | FaqEntry) -> ItemKey:
    """The key of a model object that can be flagged as a spoiler."""
    if isinstance(thing, StoryThread):
        return thread_key(thing.id)
    if isinstance(thing, Character):
        return character_key(thing.id)
    if isinstance(thing, Highlight):
        return highlight_key(thing.id)
    return faq_key(thing.id)


class Field(NamedTuple):
    """One piece of an item's text, as written in the show file."""

    #: What the text is, in words a person reads ("answer", "native name").
    label: str
    text: str
    #: Names, titles and questions: matches here rank above matches in body text.
    is_title: bool


class Item(NamedTuple):
    """One thing the app can show and jump to.

    ``fields[0]`` is always the item's title as displayed: its name, title or
    question, or for the parts of a show with no title of their own a label
    such as "Synopsis".
    """

    key: ItemKey
    spoiler: bool
    fields: tuple[Field, ...]
    #: The episode the item gives away (``S1E4``), as the file says; see
    #: :mod:`showguide.core.episodes`. ``True`` counts as a spoiler.
    reveals: str | bool | None = None

    @property
    def title(self) -> str:
        return self.fields[0].text


def _title(text: str, label: str = "title") -> Field:
    return Field(label, text, is_title=True)


def _body(label: str, texts: Iterable[str | None]) -> Iterator[Field]:
    for text in texts:
        if text:
            yield Field(label, text, is_title=False)


def _performer_fields(role: str, performer: Performer | str | None) -> Iterator[Field]:
    # "not yet announced" is a stand-in, not a name: it would make every
    # unannounced role an "exact match" for those words.
    if isinstance(performer, Performer):
        yield Field(role, performer.name, is_title=True)
        if performer.native_name:
            yield Field(f"{role} (native name)", performer.native_name, is_title=True)


def _character(character: Character) -> Item:
    fields = [_title(character.name, "name")]
    if character.native_name:
        fields.append(_title(character.native_name, "native name"))
    fields.extend(_performer_fields("actor", character.actor))
    fields.extend(_performer_fields("dance double", character.dance_double))
    fields.extend(_body("group", [character.group]))
    fields.append(Field("description", character.description, is_title=False))
    return Item(character_key(character.id), character.spoiler, tuple(fields), character.reveals)


def _overview(show: Show) -> Iterator[Item]:
    titles = [_title(show.title)]
    for label, text in (
        ("native title", show.native_title),
        ("romanized title", show.romanized_title),
    ):
        if text:
            titles.append(_title(text, label))
    facts = (show.network, show.country, show.original_language)
    yield Item(OVERVIEW_TITLE, False, (*titles, *_body("facts", facts)))
    if show.genres or show.tags:
        yield Item(
            OVERVIEW_TAGS,
            False,
            (_title("Genres and tags"), *_body("genre", show.genres), *_body("tag", show.tags)),
        )
    audience = show.audience
    yield Item(
        OVERVIEW_AUDIENCE,
        False,
        (
            _title("Audience"),
            *_body("audience", [audience.summary]),
            *_body("advisory", audience.advisories),
            *_body("rating", [f"{r.country} {r.system} {r.rating}" for r in audience.ratings]),
        ),
    )
    yield Item(OVERVIEW_LOGLINE, False, (_title("Logline"), *_body("logline", [show.logline])))
    yield Item(OVERVIEW_VERDICT, False, (_title("Verdict"), *_body("verdict", [show.verdict])))
    if show.sources:
        source_fields: list[Field] = [_title("Sources")]
        for source in show.sources:
            source_fields.extend(_body("source", [source.title, source.publisher, source.note]))
        yield Item(OVERVIEW_SOURCES, False, tuple(source_fields))


def _plot(show: Show) -> Iterator[Item]:
    plot = show.plot
    yield Item(PLOT_SYNOPSIS, False, (_title("Synopsis"), *_body("synopsis", [plot.synopsis])))
    if plot.setting:
        yield Item(PLOT_SETTING, False, (_title("Setting"), *_body("setting", [plot.setting])))
    if plot.themes:
        yield Item(PLOT_THEMES, False, (_title("Themes"), *_body("theme", plot.themes)))
    for thread in plot.threads:
        yield Item(
            thread_key(thread.id),
            thread.spoiler,
            (_title(thread.title), *_body("description", [thread.description])),
            thread.reveals,
        )


def show_items(show: Show) -> list[Item]:
    """Every item of ``show``, in pane order and then in the order of the file."""
    items = [*_overview(show), *_plot(show)]
    items.extend(_character(character) for character in show.characters)
    items.extend(
        Item(
            highlight_key(h.id),
            h.spoiler,
            (
                _title(h.title),
                *_body("category", [h.category]),
                *_body("description", [h.description]),
            ),
            h.reveals,
        )
        for h in show.highlights
    )
    items.extend(
        Item(
            faq_key(entry.id),
            entry.spoiler,
            (
                _title(entry.question, "question"),
                *_body("answer", [entry.answer]),
                *_body("tag", entry.tags),
            ),
            entry.reveals,
        )
        for entry in show.faq
    )
    items.extend(_episodes(show))
    return items


def _episodes(show: Show) -> Iterator[Item]:
    # Two items an episode: its title, shown whatever the progress, and its
    # summary, which reveals the episode itself. A word found in the summary
    # of an episode not yet watched is counted as a hidden match, never shown.
    for season in show.seasons:
        for episode in season.episodes:
            code = f"S{season.number}E{episode.number}"
            yield Item(
                episode_key(season.number, episode.number),
                False,
                (_title(episode.title), Field("episode", code, is_title=False)),
            )
            if episode.summary:
                yield Item(
                    summary_key(season.number, episode.number),
                    False,
                    (
                        Field("summary of", code, is_title=False),
                        Field("summary", episode.summary, is_title=False),
                    ),
                    code,
                )
