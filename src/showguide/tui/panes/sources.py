"""Sources: each source with its dates and what it supports, then the source check.

``o`` (or Enter) on a source opens its link in the browser, and only when the
link is a plain http(s) address (:func:`~showguide.core.provenance.safe_url`):
a ``file:``, ``javascript:`` or malformed link is shown as refused and never
handed to the browser. Nothing else in showguide opens anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

from showguide.core.arrange import label
from showguide.core.model import Finding, Show, Source
from showguide.core.progress import visible_show
from showguide.core.provenance import (
    attribution,
    safe_url,
    source_date,
    source_licence,
    source_name,
    supported_by,
)
from showguide.core.spoilers import SpoilerShield
from showguide.display import literal
from showguide.tui.bindings import bindings
from showguide.tui.line_list import LineList
from showguide.tui.rows import ListRow
from showguide.tui.sections import GuideScroll
from showguide.tui.widgets import MasterDetail, MasterList, heading, notice


def open_in_browser(app: App[Any], url: str) -> None:
    """Hand a validated link to the terminal's browser (Textual's driver does it)."""
    app.open_url(url, new_tab=True)


def source_row(source: Source) -> Text:
    row = literal(source_name(source), "bold")
    row.append_text(literal(f" · {source_date(source)}", "dim"))
    row.no_wrap = True
    row.overflow = "ellipsis"
    return row


def finding_row(finding: Finding) -> Text:
    row = Text.assemble(("⚠ ", "yellow"), literal(finding.topic))
    row.no_wrap = True
    row.overflow = "ellipsis"
    return row


def source_detail(show: Show, source: Source) -> Group:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")  # a long link wraps rather than losing its end
    facts.add_row("Kind", Text(label(source.kind).lower()))
    if source.publisher and source.publisher != source_name(source):
        facts.add_row("Publisher", literal(source.publisher))
    facts.add_row(
        "Published", Text(source.published.isoformat() if source.published else "undated")
    )
    if source.retrieved:
        facts.add_row("Retrieved", Text(source.retrieved.isoformat()))
    if source.url:
        link = safe_url(source.url)
        if link:
            facts.add_row("Link", Text.assemble(literal(link, "underline"), ("  o opens", "dim")))
        else:
            facts.add_row("Link", Text("refused: not a plain http(s) address", style="italic"))
    licence = source_licence(source)
    if licence:
        facts.add_row("Licence", literal(licence))
    supports = supported_by(show, source)
    if supports:
        facts.add_row("Supports", literal("; ".join(supports)))
    parts: list[Text | Table] = [literal(source_name(source), "bold"), Text(), facts]
    if source.note:
        parts += [Text(), literal(source.note, "italic")]
    return Group(*parts)


def finding_detail(show: Show, finding: Finding) -> Group:
    parts: list[Text] = [literal(finding.topic, "bold"), Text()]
    parts += [Text("Claimed", style="bold"), literal(finding.claimed)]
    claimed_per = attribution(show, list(finding.claimed_by))
    if claimed_per:
        parts.append(literal(claimed_per, "dim"))
    parts += [Text(), Text("Record", style="bold"), literal(finding.record)]
    record_per = attribution(show, list(finding.sources))
    if record_per:
        parts.append(literal(record_per, "dim"))
    return Group(*parts)


class SourcesPane(MasterDetail):
    """The guide's sources and its source check, each with a detail."""

    pane = "sources"
    BINDINGS: ClassVar[list[BindingType]] = bindings("sources")

    #: How a link is opened; tests replace it so that no browser ever starts.
    opener: ClassVar[Callable[[App[Any], str], None]] = staticmethod(open_in_browser)

    def __init__(self, show: Show, shield: SpoilerShield) -> None:
        # Options are keyed by position: a source's id is optional.
        sources = {f"source-{n}": source for n, source in enumerate(show.sources)}
        findings = {
            f"finding-{n}": finding
            for n, finding in enumerate(show.source_check.findings if show.source_check else [])
        }
        items: dict[str, Source | Finding] = {**sources, **findings}
        super().__init__(shield, items, id="sources-pane", classes="master-detail")
        self.show = show
        self.source_ids = list(sources)
        self.finding_ids = list(findings)

    def hidden(self, item_id: str) -> bool:
        return False  # sources are never spoilers

    def revealed(self, item_id: str) -> bool:
        return False

    def prompt(self, item_id: str, hidden: bool) -> Text:
        item = self.items[item_id]
        if isinstance(item, Source):
            return source_row(item)
        return finding_row(item)

    def compose(self) -> ComposeResult:
        rows: list[ListRow | None] = [heading("Sources")]
        rows += [self.row(i) for i in self.source_ids]
        if self.show.source_check:
            rows += [None, heading("Source check")]
            rows += [self.row(i) for i in self.finding_ids]
        if not self.show.sources:
            rows.append(notice("This guide names no sources."))
        yield MasterList(*rows, id="sources-list", classes="master")
        with GuideScroll(id="sources-detail", classes="detail") as detail:
            detail.border_title = "Source"
            body = self.show.source_check.summary if self.show.source_check else ""
            yield Static(literal(body), id="sources-body")

    def on_mount(self) -> None:
        sources = self.list_widget()
        sources.action_first()

    def show_detail(self, item_id: str | None) -> None:
        item = self.items.get(item_id or "")
        if item is None:
            return
        # "Supports" names the items a source supports: only those the shield
        # lets through (nothing past the viewer's progress, no spoiler).
        body = (
            source_detail(visible_show(self.show, self.shield), item)
            if isinstance(item, Source)
            else finding_detail(self.show, item)
        )
        self.query_one("#sources-body", Static).update(body)
        detail = self.detail_widget()
        detail.border_title = "Source" if isinstance(item, Source) else "Source check"

    def link(self) -> str | None:
        """The highlighted source's link, when it is safe to open."""
        item = self.items.get(self.highlighted_id() or "")
        return safe_url(item.url) if isinstance(item, Source) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_link":
            return self.link() is not None
        return super().check_action(action, parameters)

    def action_open_link(self) -> None:
        url = self.link()
        item = self.items.get(self.highlighted_id() or "")
        if url is None:
            if isinstance(item, Source) and item.url:
                self.notify("This link is not a plain http(s) address; it is not opened.")
            return
        type(self).opener(self.app, url)
        self.notify(f"Opening {url}", timeout=3, markup=False)

    def on_line_list_selected(self, event: LineList.Selected) -> None:
        # Enter on a source with a link opens it; otherwise it moves to the detail.
        if self.link() is not None:
            event.stop()
            self.action_open_link()
            return
        super().on_line_list_selected(event)
