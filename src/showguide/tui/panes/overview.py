"""Overview: the facts at a glance, who it suits, the logline, verdict and sources."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from showguide.core.model import Show
from showguide.core.provenance import attribution, stale_status, status_text
from showguide.core.textfold import fold
from showguide.display import literal
from showguide.tui.columns import ColumnScroll
from showguide.tui.prose import Hanging, hanging
from showguide.tui.sections import section


def _episode_count(show: Show) -> str:
    episodes = sum(len(season.episodes) for season in show.seasons)
    if not episodes:
        return ""
    seasons = len(show.seasons)
    return f"{episodes} in {seasons} season{'s' if seasons != 1 else ''} (7 lists them)"


def facts_table(show: Show) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    when = str(show.premiere_date) if show.premiere_date else (str(show.year) if show.year else "")
    # The romanized title is worth a row only when the title is not already it.
    romanized = show.romanized_title or ""
    if fold(romanized) == fold(show.title):
        romanized = ""
    rows = [
        ("Romanized", romanized),
        ("Format", show.format.capitalize()),
        ("Network", show.network or "not known"),
        ("Premiere", when or "not yet announced"),
        ("Ended", str(show.end_date) if show.end_date else ""),
        ("Released", str(show.released) if show.released else ""),
        ("Runtime", f"{show.runtime} min" if show.runtime else ""),
        ("Episodes", _episode_count(show)),
        ("Status", status_text(show)),
        ("Genres", ", ".join(show.genres)),
        ("Country", show.country),
        ("Language", show.original_language),
        ("Tags", ", ".join(show.tags)),
    ]
    for label, value in rows:
        if value:
            table.add_row(label, literal(value))
    return table


def audience(show: Show) -> Group:
    parts: list[RenderableType] = [literal(show.audience.summary)]
    for advisory in show.audience.advisories:
        parts.append(hanging("• ", literal(advisory)))
    for rating in show.audience.ratings:
        parts.append(
            Text.assemble(
                "Rated ",
                literal(rating.rating, "bold"),
                " by ",
                literal(rating.system),
                f" ({rating.country})",  # validated: two capital letters
            )
        )
    return Group(*parts)


def with_source(body: RenderableType, show: Show, ids: list[str]) -> Group:
    """A block with a dim "per <source>, <date>" line under it, when it has a source."""
    line = attribution(show, ids)
    return Group(body, literal(line, "dim")) if line else Group(body)


def warning(text: str) -> Hanging:
    """A "⚠ " line whose continuation lines stay under its text."""
    return hanging(Text("⚠ ", "bold yellow"), literal(text))


def notice(show: Show) -> Group | None:
    """What a reader must see first: a status gone stale, a source check."""
    lines: list[RenderableType] = []
    stale = stale_status(show)
    if stale:
        lines.append(warning(stale.sentence()))
    if show.source_check:
        lines.append(warning(show.source_check.summary))
        lines.append(Text("6 Sources lists the findings.", style="dim"))
    return Group(*lines) if lines else None


def sources_summary(show: Show) -> Text:
    count = len(show.sources)
    return Text(
        f"{count} source{'s' if count != 1 else ''}; 6 Sources lists each with its dates and links.",
        style="dim",
    )


class OverviewPane(ColumnScroll):
    def __init__(self, show: Show) -> None:
        super().__init__(id="overview-scroll")
        self.show = show

    def column_widgets(self) -> tuple[list[Widget], list[Widget]]:
        show = self.show
        cited = show.attribution
        # What the show is on the left; who it suits and what it is worth on the right.
        left: list[Widget] = []
        warning = notice(show)
        if warning is not None:
            left.append(section("Check before trusting this guide", warning, id="source-notice"))
        left.append(section("At a glance", facts_table(show), id="facts"))
        logline = literal(show.logline)
        left.append(
            section(
                "Logline",
                with_source(logline, show, list(cited.logline) if cited else []),
                id="logline",
            )
        )
        right: list[Widget] = [
            section(
                "Who it suits",
                with_source(audience(show), show, list(show.audience.sources)),
                id="audience",
            ),
            section(
                "Verdict",
                with_source(literal(show.verdict), show, list(cited.verdict) if cited else []),
                id="verdict",
            ),
        ]
        if show.sources:
            right.append(section("Sources", sources_summary(show), id="sources"))
        return left, right
