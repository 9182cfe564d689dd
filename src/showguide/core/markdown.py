"""A show as a Markdown page a person would publish.

The page has headings, a cast table and the FAQ as questions and answers. All
data text goes through :func:`md_text`, which escapes everything that could
turn it into markup: emphasis, links, raw HTML, entities, a ``|`` that would
split a table cell, a leading ``#``, ``-`` or ``1.`` that would start a
heading or a list. So a show file cannot inject anything into the published
page; it can only ever appear as its own words. Control and invisible
characters are made visible, as on the terminal.

Spoilers are included (an export is the whole show) but each is marked, so
that whoever publishes the page can see them and readers are warned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from showguide.core.arrange import cast_in_order, highlights_by_category, label
from showguide.core.model import Performer, Show
from showguide.core.provenance import (
    attribution,
    safe_url,
    source_date,
    source_licence,
    source_name,
    stale_status,
    status_text,
    supported_by,
)
from showguide.core.text import visible

#: Characters that can start markup anywhere in a line: code, emphasis, links
#: and images, raw HTML and autolinks, entities, table cells, strikethrough,
#: closing ``#`` of a heading, math on sites that render it. CommonMark lets
#: any ASCII punctuation be backslash-escaped, so escaping too much is harmless.
_INLINE = re.compile(r"([\\`*_\[\]<>|~#&$])")
#: What makes the start of a line a block of its own: a bullet, a setext
#: underline or thematic break (``-``, ``=``, ``+``), an ordered item (``1.``).
_BULLET_START = re.compile(r"^([-+=])")
_ORDERED_START = re.compile(r"^(\d+)([.)])")
#: Links are made only to web addresses that need no escaping inside ``<...>``;
#: anything else (``javascript:``, spaces, brackets) is shown as text.
_LINKABLE_URL = re.compile(r"^https?://[^\s<>\\]+$", re.IGNORECASE)

SPOILER_MARK: Final = "**Spoiler.**"


def md_text(text: str) -> str:
    """Data text as one line of Markdown that displays exactly that text.

    Runs of whitespace, newlines included, become one space: a line break in
    the data must not end a table row or start a new block.
    """
    flat = " ".join(visible(text).split())
    escaped = _INLINE.sub(r"\\\1", flat)
    escaped = _BULLET_START.sub(r"\\\1", escaped)
    return _ORDERED_START.sub(r"\1\\\2", escaped)


def md_prose(text: str) -> str:
    """Data prose as Markdown paragraphs: blank lines kept, other breaks joined."""
    paragraphs = re.split(r"\n[ \t]*\n", visible(text))
    return "\n\n".join(md_text(p) for p in paragraphs if p.strip())


def md_list(items: Iterable[str]) -> str:
    return ", ".join(md_text(item) for item in items)


def _performer(performer: Performer | str | None) -> str:
    if performer is None:
        return ""
    if isinstance(performer, str):  # "not yet announced" or "not named by the source"
        return f"*{performer}*"
    if performer.native_name:
        return f"{md_text(performer.name)} ({md_text(performer.native_name)})"
    return md_text(performer.name)


def _heading_title(show: Show) -> str:
    title = md_text(show.title)
    if show.native_title and show.native_title != show.title:
        title += f" ({md_text(show.native_title)})"
    return title


def _per(show: Show, ids: list[str]) -> list[str]:
    """An italic "per <source>, <date>" paragraph, or nothing for the guide's own words."""
    line = attribution(show, ids)
    return [f"*{md_text(line)}*", ""] if line else []


def _notices(show: Show) -> list[str]:
    """What a reader must know before trusting the page: a stale status, a source check."""
    lines: list[str] = []
    stale = stale_status(show)
    if stale:
        lines += [f"> **Status:** {md_text(stale.sentence())}", ">"]
    if show.source_check:
        lines += [f"> **Source check:** {md_text(show.source_check.summary)}", ">"]
    return [*lines[:-1], ""] if lines else []


def _overview(show: Show) -> list[str]:
    facts = [show.format.capitalize()]
    if show.network:
        facts.append(md_text(show.network))
    if show.year:
        facts.append(str(show.year))
    facts.append(md_text(status_text(show)))
    lines = [f"# {_heading_title(show)}", "", "*" + " · ".join(facts) + "*", ""]
    lines += _notices(show)
    cited = show.attribution
    lines += [f"> {md_prose(show.logline)}".replace("\n\n", "\n>\n> "), ""]
    lines += _per(show, list(cited.logline) if cited else [])
    details = [
        ("Romanized title", md_text(show.romanized_title) if show.romanized_title else ""),
        ("Genres", md_list(show.genres)),
        ("Tags", md_list(show.tags)),
        ("Country", md_text(show.country)),
        ("Original language", md_text(show.original_language)),
        ("Premieres", show.premiere_date.isoformat() if show.premiere_date else ""),
        ("Ended", show.end_date.isoformat() if show.end_date else ""),
        ("Released", show.released.isoformat() if show.released else ""),
        ("Runtime", f"{show.runtime} min" if show.runtime else ""),
    ]
    lines += [f"- **{label}:** {value}" for label, value in details if value]
    lines += ["", "## Who it is for", "", md_prose(show.audience.summary), ""]
    lines += _per(show, list(show.audience.sources))
    if show.audience.advisories:
        lines += ["Advisories:", ""]
        lines += [f"- {md_text(advisory)}" for advisory in show.audience.advisories]
        lines.append("")
    if show.audience.ratings:
        lines += ["| Country | Rating system | Rating |", "| --- | --- | --- |"]
        lines += [
            f"| {md_text(r.country)} | {md_text(r.system)} | {md_text(r.rating)} |"
            for r in show.audience.ratings
        ]
        lines.append("")
    return lines


def _spoiler(prose: str, spoiler: bool) -> str:
    return f"{SPOILER_MARK} {prose}" if spoiler else prose


def _plot(show: Show) -> list[str]:
    plot = show.plot
    lines = ["## Plot", "", md_prose(plot.synopsis)]
    if plot.setting:
        lines += ["", f"**Setting:** {md_prose(plot.setting)}"]
    if plot.themes:
        lines += ["", f"**Themes:** {md_list(plot.themes)}"]
    if attribution(show, list(plot.sources)):
        lines += ["", *_per(show, list(plot.sources))[:-1]]
    if plot.threads:
        lines += ["", "### Story threads"]
        for thread in plot.threads:
            lines += [
                "",
                f"#### {md_text(thread.title)}",
                "",
                _spoiler(md_prose(thread.description), thread.spoiler),
            ]
            if attribution(show, list(thread.sources)):
                lines += ["", *_per(show, list(thread.sources))[:-1]]
    return [*lines, ""]


def _cast(show: Show) -> list[str]:
    if not show.characters:
        return []
    cast = cast_in_order(show.characters)
    doubles = any(c.dance_double is not None for c in cast)
    header = ["Character", "Role", "Group", "Played by"] + (["Dance double"] if doubles else [])
    lines = [
        "## Cast and characters",
        "",
        "| " + " | ".join(header) + " |",
        "|" + " --- |" * len(header),
    ]
    for character in cast:
        name = md_text(character.name)
        if character.native_name:
            name += f" ({md_text(character.native_name)})"
        if character.ensemble:
            name += " (ensemble)"
        if character.spoiler:
            name += " (spoiler)"
        cells = [
            name,
            character.tier,
            md_text(character.group) if character.group else "",
            _performer(character.actor),
        ]
        if doubles:
            cells.append(_performer(character.dance_double))
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for character in cast:
        description = _spoiler(md_prose(character.description), character.spoiler)
        lines += [f"**{md_text(character.name)}.** {description}", ""]
        lines += _per(show, list(character.sources))
    return lines


def _highlights(show: Show) -> list[str]:
    if not show.highlights:
        return []
    lines = ["## Highlights", ""]
    for category, items in highlights_by_category(show.highlights):
        lines += [f"### {label(category)}", ""]
        for highlight in items:
            description = _spoiler(md_prose(highlight.description), highlight.spoiler)
            lines += [f"**{md_text(highlight.title)}.** {description}", ""]
            lines += _per(show, list(highlight.sources))
    return lines


def _faq(show: Show) -> list[str]:
    if not show.faq:
        return []
    lines = ["## Questions and answers", ""]
    for entry in show.faq:
        lines += [
            f"### {md_text(entry.question)}",
            "",
            _spoiler(md_prose(entry.answer), entry.spoiler),
            "",
            *_per(show, list(entry.sources)),
        ]
        if entry.tags:
            lines += [f"*Tags: {md_list(entry.tags)}*", ""]
    return lines


def _episodes(show: Show) -> list[str]:
    """Every season and episode; a summary left out of the show (past the
    reader's progress, see core.progress.visible_show) is simply not there."""
    if not show.seasons:
        return []
    lines = ["## Episodes", ""]
    for season in show.seasons:
        title = f": {md_text(season.title)}" if season.title else ""
        lines += [f"### Season {season.number}{title}", ""]
        for episode in season.episodes:
            facts = [episode.aired.isoformat()] if episode.aired else []
            facts += [f"{episode.runtime} min"] if episode.runtime else []
            detail = f" ({', '.join(facts)})" if facts else ""
            item = f"- **S{season.number}E{episode.number}** {md_text(episode.title)}{detail}"
            if episode.summary:
                item += f": {md_text(episode.summary)}"
            lines.append(item)
        lines.append("")
    return lines


def _linkable(url: str) -> bool:
    return _LINKABLE_URL.match(url) is not None and safe_url(url) == url


def _sources(show: Show) -> list[str]:
    if not show.sources:
        return []
    lines = ["## Sources", ""]
    for source in show.sources:
        title = md_text(source_name(source))
        linkable = source.url is not None and _linkable(source.url)
        if linkable:
            title = f"[{title}](<{source.url}>)"
        details: list[str] = [label(source.kind).lower()]
        if source.publisher and source.publisher != source_name(source):
            details.append(md_text(source.publisher))
        details.append(md_text(source_date(source)))
        if source.published and source.retrieved:
            details.append(f"retrieved {source.retrieved.isoformat()}")
        licence = source_licence(source)
        if licence:
            details.append(f"licence: {md_text(licence)}")
        item = f"- {title} ({', '.join(details)})"
        if source.url and not linkable:
            item += f", {md_text(source.url)}"
        if source.note:
            item += f": {md_text(source.note)}"
        supports = supported_by(show, source)
        if supports:
            item += f" *Supports: {md_list(supports)}.*"
        lines.append(item)
    return [*lines, "", *_source_check(show)]


def _source_check(show: Show) -> list[str]:
    check = show.source_check
    if check is None:
        return []
    lines = ["## Source check", "", md_prose(check.summary), ""]
    lines += ["| Topic | Claimed | Record |", "| --- | --- | --- |"]
    for finding in check.findings:
        claimed = md_text(finding.claimed)
        claimed_per = attribution(show, list(finding.claimed_by))
        if claimed_per:
            claimed += f" *({md_text(claimed_per)})*"
        record = md_text(finding.record)
        record_per = attribution(show, list(finding.sources))
        if record_per:
            record += f" *({md_text(record_per)})*"
        lines.append(f"| {md_text(finding.topic)} | {claimed} | {record} |")
    return [*lines, ""]


def to_markdown(show: Show) -> str:
    """The whole show, spoilers marked, as a Markdown page."""
    lines = [
        *_overview(show),
        *_plot(show),
        *_cast(show),
        *_highlights(show),
        *_faq(show),
        *_episodes(show),
        "## Verdict",
        "",
        md_prose(show.verdict),
        "",
        *_per(show, list(show.attribution.verdict) if show.attribution else []),
        *_sources(show),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
