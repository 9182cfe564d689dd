"""A show as Rich renderables, one function per section of the guide.

Used by ``showguide print``. Every piece of data text goes through
:func:`~showguide.display.literal`, so markup in the data is shown as
written and control characters are made visible. Items the spoiler shield
hides (:mod:`showguide.core.spoilers`, the rule the app and search use too)
are replaced by a notice that says how to see them.

The layout reads well as plain text too (piped, or with NO_COLOR): headings are
rules with words in them, labels are words rather than colours, and nothing
depends on colour to be understood.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Final

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from showguide.core.arrange import cast_in_order, highlights_by_category, label
from showguide.core.episodes import EpisodeOrder, progress_label, relative_day
from showguide.core.items import key_for, summary_key
from showguide.core.model import Character, Episode, FaqEntry, Highlight, Show, StoryThread
from showguide.core.spoilers import SpoilerShield
from showguide.display import literal, performer_text

#: What stands in for a spoiler; the words say what is hidden and how to see it.
SPOILER_NOTICE: Final = "[spoiler hidden: {what}; run with --spoilers to show it]"

_HEADING = "bold"
_LABEL = "bold cyan"
_DIM = "dim"
_NOTICE = "italic yellow"


def _section_rule(title: str) -> Rule:
    return Rule(Text(title, style=_HEADING), align="left", characters="─")


def _notice(what: str) -> Text:
    return Text(SPOILER_NOTICE.format(what=what), style=_NOTICE)


def _joined(items: Iterable[str], separator: str = ", ", style: str = "") -> Text:
    return Text(separator, style=style).join(literal(item, style) for item in items)


class _Labelled:
    """Rows of a label and a value, indented, the values wrapping under themselves.

    What ``Padding`` around a ``Table.grid`` would draw, for a fraction of the
    cost: those measure and copy every line again, and print has to finish
    within 100 ms.
    """

    def __init__(self, rows: list[tuple[str, Text]], *, gap: int = 2, indent: int = 0) -> None:
        self.rows = rows
        self.gap = gap
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        label_width = max((cell_len(name) for name, _ in self.rows), default=0)
        column = label_width + self.gap if label_width else 0
        width = max(options.max_width - self.indent - column, 1)
        margin = Segment(" " * self.indent)
        label_style = console.get_style(_LABEL)
        # Segments, not Text: a line that already fits need not be wrapped again.
        for name, value in self.rows:
            for number, line in enumerate(value.wrap(console, width, overflow="fold")):
                prefix = name if number == 0 else ""
                yield margin
                yield Segment(prefix, label_style)
                yield Segment(" " * (column - cell_len(prefix)))
                yield from line.render(console)
                yield Segment.line()


def _indented(text: Text, level: int = 1) -> _Labelled:
    return _Labelled([("", text)], indent=2 * level)


def _facts(rows: list[tuple[str, Text]], *, indent: int = 0) -> _Labelled:
    """Label and value pairs, values wrapping under themselves."""
    return _Labelled(rows, indent=indent)


def _hidden(shield: SpoilerShield, thing: StoryThread | Character | Highlight | FaqEntry) -> bool:
    return shield.is_hidden(key_for(thing), thing.spoiler, thing.reveals)


def header(show: Show) -> Group:
    """The show's title and one line of facts, printed above any section."""
    title = literal(show.title, _HEADING)
    if show.native_title and show.native_title != show.title:
        title.append("  ")
        title.append(literal(show.native_title, _HEADING))
    facts = [label(show.format)]
    if show.network:
        facts.append(show.network)
    if show.year:
        facts.append(str(show.year))
    facts.append(label(show.status))
    return Group(title, _joined(facts, " · ", _DIM))


def overview(show: Show, shield: SpoilerShield) -> Group:
    rows: list[tuple[str, Text]] = []
    if show.romanized_title:
        rows.append(("Romanized", literal(show.romanized_title)))
    if show.genres:
        rows.append(("Genres", _joined(show.genres)))
    if show.tags:
        rows.append(("Tags", _joined(show.tags)))
    rows.append(("Country", literal(show.country)))
    rows.append(("Language", literal(show.original_language)))
    if show.premiere_date:
        rows.append(("Premieres", Text(show.premiere_date.isoformat())))
    if show.released:
        rows.append(("Released", Text(show.released.isoformat())))
    if show.runtime:
        rows.append(("Runtime", Text(f"{show.runtime} min")))
    parts: list[RenderableType] = [
        _section_rule("Overview"),
        literal(show.logline, "italic"),
        Text(),
        _facts(rows),
        Text(),
        Text("Who it is for", style=_HEADING),
        _indented(literal(show.audience.summary)),
    ]
    if show.audience.advisories:
        parts.append(_facts([("Advisories", _joined(show.audience.advisories, "; "))], indent=2))
    if show.audience.ratings:
        ratings = [literal(f"{r.rating} ({r.system}, {r.country})") for r in show.audience.ratings]
        parts.append(_facts([("Ratings", Text("; ").join(ratings))], indent=2))
    parts += [Text(), Text("Verdict", style=_HEADING), _indented(literal(show.verdict))]
    if show.sources:
        parts += [Text(), Text("Sources", style=_HEADING)]
        for source in show.sources:
            line = Text("- ")
            line.append(literal(source.title, "italic"))
            details = [label(source.kind).lower()]
            details += [source.publisher] if source.publisher else []
            details += [source.published.isoformat()] if source.published else []
            line.append(literal(f" ({', '.join(details)})", _DIM))
            parts.append(_indented(line))
            if source.url:
                parts.append(_indented(literal(source.url, "underline"), 2))
            if source.note:
                parts.append(_indented(literal(source.note), 2))
    return Group(*parts)


def plot(show: Show, shield: SpoilerShield) -> Group:
    story = show.plot
    parts: list[RenderableType] = [
        _section_rule("Plot"),
        literal(story.synopsis),
        Text(),
    ]
    facts = [("Setting", literal(story.setting))]
    if story.themes:
        facts.append(("Themes", _joined(story.themes)))
    parts.append(_facts(facts))
    if story.threads:
        parts += [Text(), Text("Story threads", style=_HEADING)]
        for thread in story.threads:
            if _hidden(shield, thread):
                parts.append(_indented(_notice("a story thread")))
                continue
            parts += [
                _indented(literal(thread.title, "bold")),
                _indented(literal(thread.description), 2),
            ]
    return Group(*parts)


def cast(show: Show, shield: SpoilerShield) -> Group:
    parts: list[RenderableType] = [_section_rule("Cast")]
    if not show.characters:
        return Group(*parts, Text("No characters are listed yet.", style=_DIM))
    characters = cast_in_order(show.characters)
    doubles = any(c.dance_double is not None for c in characters)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("Role", style=_LABEL, no_wrap=True)
    table.add_column("Character", overflow="fold")
    table.add_column("Group", overflow="fold")
    table.add_column("Played by", overflow="fold")
    if doubles:
        table.add_column("Dance double", overflow="fold")
    for index, character in enumerate(characters):
        first_of_tier = index == 0 or characters[index - 1].tier != character.tier
        last_of_tier = index == len(characters) - 1 or characters[index + 1].tier != character.tier
        role = label(character.tier) if first_of_tier else ""
        if _hidden(shield, character):
            cells = [Text("[spoiler hidden]", style=_NOTICE), Text(), Text()]
        else:
            name = literal(character.name, "bold")
            if character.native_name:
                name.append(" ")
                name.append(literal(character.native_name))
            if character.ensemble:
                name.append(" (ensemble)", style=_DIM)
            cells = [
                name,
                literal(character.group or ""),
                performer_text(character.actor),
            ]
        if doubles:
            hidden = _hidden(shield, character)
            double = character.dance_double
            cells.append(Text() if hidden or double is None else performer_text(double))
        table.add_row(role, *cells, end_section=last_of_tier)
    parts += [table, Text(), Text("About the characters", style=_HEADING)]
    for character in characters:
        if _hidden(shield, character):
            parts.append(_indented(_notice("a character")))
            continue
        title = literal(character.name, "bold")
        title.append(
            literal(
                f" · {character.tier}" + (f" · {character.group}" if character.group else ""), _DIM
            )
        )
        parts += [_indented(title), _indented(literal(character.description), 2)]
    return Group(*parts)


def highlights(show: Show, shield: SpoilerShield) -> Group:
    parts: list[RenderableType] = [_section_rule("Highlights")]
    if not show.highlights:
        return Group(*parts, Text("No highlights are listed yet.", style=_DIM))
    for number, (category, items) in enumerate(highlights_by_category(show.highlights)):
        if number:
            parts.append(Text())
        parts.append(Text(label(category), style=_HEADING))
        for highlight in items:
            if _hidden(shield, highlight):
                parts.append(_indented(_notice("a highlight")))
                continue
            parts += [
                _indented(literal(highlight.title, "bold")),
                _indented(literal(highlight.description), 2),
            ]
    return Group(*parts)


def faq(show: Show, shield: SpoilerShield) -> Group:
    parts: list[RenderableType] = [_section_rule("FAQ")]
    if not show.faq:
        return Group(*parts, Text("No questions are listed yet.", style=_DIM))
    for number, entry in enumerate(show.faq):
        if number:
            parts.append(Text())
        if _hidden(shield, entry):
            parts.append(_notice("a question and its answer"))
            continue
        rows = [("Q", literal(entry.question, "bold")), ("A", literal(entry.answer))]
        if entry.tags:
            tags = Text("Tags: ", style=_DIM)
            tags.append(_joined(entry.tags, ", ", _DIM))
            rows.append(("", tags))
        grid = _Labelled(rows, gap=1)
        parts.append(grid)
    return Group(*parts)


def episodes(show: Show, shield: SpoilerShield, today: datetime.date | None = None) -> Group:
    """Every season and episode; summaries past the viewer's progress are hidden."""
    parts: list[RenderableType] = [_section_rule("Episodes")]
    order = shield.order or EpisodeOrder(show)
    if not len(order):
        return Group(*parts, Text("No episodes are listed.", style=_DIM))
    parts.append(Text(progress_label(order, shield.watched), style=_DIM))
    today = today or datetime.date.today()
    for season in show.seasons:
        parts.append(Text())
        heading = f"Season {season.number}" + (f": {season.title}" if season.title else "")
        parts.append(literal(heading, _HEADING))
        for episode in season.episodes:
            code = f"S{season.number}E{episode.number}"
            line = Text(f"{code}  ", style=_LABEL)
            line.append(literal(episode.title, "bold"))
            details = episode_details(episode, today)
            if details:
                line.append(f"  · {details}", style=_DIM)
            parts.append(_indented(line))
            if episode.summary:
                if shield.is_hidden(summary_key(season.number, episode.number), False, code):
                    parts.append(_indented(_notice("the summary of an episode not watched"), 2))
                else:
                    parts.append(_indented(literal(episode.summary), 2))
    return Group(*parts)


def episode_details(episode: Episode, today: datetime.date) -> str:
    """``2031-04-01 (aired 2 weeks ago) · 60 min``: what is known of an episode."""
    details = []
    if episode.aired:
        details.append(f"{episode.aired.isoformat()} ({relative_day(episode.aired, today)})")
    if episode.runtime:
        details.append(f"{episode.runtime} min")
    return " · ".join(details)


Section = Callable[[Show, SpoilerShield], Group]

#: Every section, in the order the whole guide prints them.
SECTIONS: Final[dict[str, Section]] = {
    "overview": overview,
    "plot": plot,
    "cast": cast,
    "highlights": highlights,
    "faq": faq,
    "episodes": episodes,
}
