"""Overview: the facts at a glance, who it suits, the logline, verdict and sources."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult

from showguide.core.model import Show, Source
from showguide.core.textfold import fold
from showguide.display import literal
from showguide.tui.widgets import GuideScroll, section


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
        ("Status", show.status.capitalize()),
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
    parts: list[Text] = [literal(show.audience.summary)]
    for advisory in show.audience.advisories:
        parts.append(Text.assemble("• ", literal(advisory)))
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


def source_line(source: Source) -> Text:
    line = Text.assemble("• ", literal(source.title, "bold"))
    details = [d for d in (source.publisher, str(source.published or "") or None, source.url) if d]
    if details:
        line.append(" — ")
        line.append(literal(", ".join(details)))
    if source.note:
        line.append("\n  ")
        line.append(literal(source.note, "italic"))
    return line


class OverviewPane(GuideScroll):
    def __init__(self, show: Show) -> None:
        super().__init__(id="overview-scroll")
        self.show = show

    def compose(self) -> ComposeResult:
        show = self.show
        yield section("At a glance", facts_table(show), id="facts")
        yield section("Logline", literal(show.logline), id="logline")
        yield section("Who it suits", audience(show), id="audience")
        yield section("Verdict", literal(show.verdict), id="verdict")
        if show.sources:
            yield section("Sources", Group(*map(source_line, show.sources)), id="sources")
