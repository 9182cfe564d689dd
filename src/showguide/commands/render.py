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
from showguide.core.progress import visible_show
from showguide.core.provenance import (
    attribution,
    safe_url,
    source_licence,
    source_name,
    stale_status,
    status_text,
    supported_by,
)
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


def _per(show: Show, ids: list[str], level: int = 1) -> list[RenderableType]:
    """A dim "per <source>, <date>" line under a block, or nothing for the
    guide's own words."""
    line = attribution(show, ids)
    return [_indented(literal(line, _DIM), level)] if line else []


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
    facts.append(status_text(show))
    parts: list[RenderableType] = [title, _joined(facts, " · ", _DIM)]
    stale = stale_status(show)
    if stale:
        parts.append(Text(stale.sentence(), style=_NOTICE))
    if show.source_check:
        # First, where a reader looks: the guide's source was overtaken.
        notice = Text("Source check: ", style="bold yellow")
        notice.append(literal(show.source_check.summary))
        parts.append(notice)
    return Group(*parts)


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
    if show.end_date:
        rows.append(("Ended", Text(show.end_date.isoformat())))
    if show.released:
        rows.append(("Released", Text(show.released.isoformat())))
    if show.runtime:
        rows.append(("Runtime", Text(f"{show.runtime} min")))
    cited = show.attribution
    parts: list[RenderableType] = [
        _section_rule("Overview"),
        literal(show.logline, "italic"),
        *_per(show, list(cited.logline) if cited else [], 0),
        Text(),
        _facts(rows),
        Text(),
        Text("Who it is for", style=_HEADING),
        _indented(literal(show.audience.summary)),
        *_per(show, list(show.audience.sources)),
    ]
    if show.audience.advisories:
        parts.append(_facts([("Advisories", _joined(show.audience.advisories, "; "))], indent=2))
    if show.audience.ratings:
        ratings = [literal(f"{r.rating} ({r.system}, {r.country})") for r in show.audience.ratings]
        parts.append(_facts([("Ratings", Text("; ").join(ratings))], indent=2))
    parts += [Text(), Text("Verdict", style=_HEADING), _indented(literal(show.verdict))]
    parts += _per(show, list(cited.verdict) if cited else [])
    return Group(*parts)


def sources(show: Show, shield: SpoilerShield) -> Group:
    """Each source with its dates and what it supports, then the source check."""
    parts: list[RenderableType] = [_section_rule("Sources")]
    if not show.sources:
        parts.append(Text("This guide names no sources.", style=_DIM))
    for number, source in enumerate(show.sources):
        if number:
            parts.append(Text())
        parts.append(literal(source_name(source), "bold"))
        rows = [("Kind", Text(label(source.kind).lower()))]
        if source.publisher and source.publisher != source_name(source):
            rows.append(("Publisher", literal(source.publisher)))
        rows.append(
            ("Published", Text(source.published.isoformat() if source.published else "undated"))
        )
        if source.retrieved:
            rows.append(("Retrieved", Text(source.retrieved.isoformat())))
        if source.url:
            link = safe_url(source.url)
            rows.append(
                (
                    "Link",
                    literal(link, "underline")
                    if link
                    else Text("(not a web address; not shown)", style=_DIM),
                )
            )
        licence = source_licence(source)
        if licence:
            rows.append(("Licence", literal(licence)))
        # Only what the shield lets through is named (see core.progress).
        supports = supported_by(visible_show(show, shield), source)
        if supports:
            rows.append(("Supports", _joined(supports, "; ")))
        parts.append(_facts(rows, indent=2))
        if source.note:
            parts.append(_indented(literal(source.note, "italic")))
    check = show.source_check
    if check:
        parts += [Text(), Text("Source check", style=_HEADING), _indented(literal(check.summary))]
        for finding in check.findings:
            parts += [Text(), _indented(literal(finding.topic, "bold"))]
            rows = [
                ("Claimed", literal(finding.claimed)),
                ("", literal(attribution(show, list(finding.claimed_by)) or "", _DIM)),
                ("Record", literal(finding.record)),
                ("", literal(attribution(show, list(finding.sources)) or "", _DIM)),
            ]
            parts.append(_facts([row for row in rows if row[1].plain], indent=4))
    return Group(*parts)


def plot(show: Show, shield: SpoilerShield) -> Group:
    story = show.plot
    parts: list[RenderableType] = [
        _section_rule("Plot"),
        literal(story.synopsis),
        Text(),
    ]
    facts = [("Setting", literal(story.setting))] if story.setting else []
    if story.themes:
        facts.append(("Themes", _joined(story.themes)))
    if facts:
        parts.append(_facts(facts))
    parts += _per(show, list(story.sources), 0)
    if story.threads:
        parts += [Text(), Text("Story threads", style=_HEADING)]
        for thread in story.threads:
            if _hidden(shield, thread):
                parts.append(_indented(_notice("a story thread")))
                continue
            parts += [
                _indented(literal(thread.title, "bold")),
                _indented(literal(thread.description), 2),
                *_per(show, list(thread.sources), 2),
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
        parts += _per(show, list(character.sources), 2)
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
                *_per(show, list(highlight.sources), 2),
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
        line = attribution(show, list(entry.sources))
        if line:
            rows.append(("", literal(line, _DIM)))
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
    "sources": sources,
    "episodes": episodes,
}
