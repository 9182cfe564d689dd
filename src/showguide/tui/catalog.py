"""The catalog: every show found, to filter by typing, sort, and open.

A show file that did not load is listed too, marked, and its problems
(``FILE:LINE:COLUMN: ...``) are what its detail shows: one broken file never
hides the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from showguide.core.catalog import Catalog, CatalogEntry
from showguide.core.shelf import SORT_ORDERS, ShelfFilter, next_order, sort_entries
from showguide.display import literal
from showguide.tui.keybar import KeyBar
from showguide.tui.rows import ListRow
from showguide.tui.widgets import GuideList, GuideScroll

if TYPE_CHECKING:
    from showguide.core.summary import ShowSummary

TITLE_WIDTH_LIMIT = 36
TITLE_WIDTH_MIN = 24
GAP = "  "


def title_cell(summary: ShowSummary) -> Text:
    title = literal(summary.title, "bold")
    if summary.native_title:
        title.append(" ")
        title.append_text(literal(summary.native_title))
    return title


class Columns:
    """Widths of the list's columns, so rows line up (Hangul is two cells wide).

    Columns that do not fit in ``width`` are left out, from the right:
    genres first, the title last.
    """

    def __init__(self, entries: Sequence[CatalogEntry], width: int) -> None:
        summaries = [e.summary for e in entries if e.summary is not None]
        self.title = min(
            max((title_cell(s).cell_len for s in summaries), default=5), TITLE_WIDTH_LIMIT
        )
        self.year = 4
        self.network = min(max((cell_len(s.network or "") for s in summaries), default=7), 14)
        self.status = max(len("Status"), *(len(s.status) for s in summaries))
        gap = len(GAP)
        # The title may shrink to TITLE_WIDTH_MIN to make room for more columns.
        preferred = self.title
        used = min(preferred, TITLE_WIDTH_MIN)
        #: The columns after the title that fit, in order.
        self.shown: list[str] = []
        for name, column_width in (
            ("year", self.year),
            ("network", self.network),
            ("status", self.status),
            ("genres", 12),
        ):
            if used + gap + column_width > width:
                break
            self.shown.append(name)
            used += gap + column_width
        others = used - min(preferred, TITLE_WIDTH_MIN)
        self.title = max(1, min(preferred, width - others))

    def header(self, order: str) -> Text:
        def name(label: str, key: str, width: int | None) -> Text:
            # The sorted column is underlined: a mark such as "▾" is of
            # ambiguous width and would push the columns apart in some terminals.
            text = Text(label, style="bold underline" if key == order else "bold")
            if width is not None:
                text.truncate(width, overflow="ellipsis", pad=True)
            return text

        cells = [name("Title", "title", self.title)]
        widths = {"year": self.year, "network": self.network, "status": self.status}
        labels = {"year": "Year", "network": "Network", "status": "Status", "genres": "Genres"}
        for column in self.shown:
            cells.append(name(labels[column], column, widths.get(column)))
        return Text(GAP).join(cells)

    def row(self, entry: CatalogEntry) -> Text:
        summary = entry.summary
        if summary is None:
            count = len(entry.problems)
            return Text.assemble(
                ("⚠ ", "bold yellow"),
                literal(entry.path.name, "bold"),
                (f"  {count} problem{'s' if count != 1 else ''} · cannot be opened", "italic"),
            )
        title = title_cell(summary)
        title.truncate(self.title, overflow="ellipsis", pad=True)
        cells = [title]
        for column in self.shown:
            if column == "year":
                cell = Text(str(summary.year) if summary.year else "—")
                cell.truncate(self.year, pad=True)
            elif column == "network":
                cell = literal(summary.network or "—")
                cell.truncate(self.network, overflow="ellipsis", pad=True)
            elif column == "status":
                cell = Text(summary.status.capitalize())
                cell.truncate(self.status, pad=True)
            else:
                cell = literal(", ".join(summary.genres), "dim")
            cells.append(cell)
        return Text(GAP).join(cells)


def entry_detail(entry: CatalogEntry) -> Group:
    """The highlighted show at a glance, or the problems of a file that did not load."""
    summary = entry.summary
    if summary is None:
        lines: list[Text] = [
            Text.assemble(("This file could not be loaded", "bold"), ":"),
            Text(),
        ]
        lines.extend(literal(str(problem)) for problem in entry.problems)
        lines += [Text(), Text("Fix the file and press r to load it again.", style="italic")]
        return Group(*lines)
    title = literal(summary.title, "bold")
    if summary.native_title:
        title.append("  ")
        title.append_text(literal(summary.native_title))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    rows = [
        ("Romanized", summary.romanized_title or ""),
        ("Format", summary.format.capitalize()),
        ("Network", summary.network or "not known"),
        ("Year", str(summary.year) if summary.year else "not yet announced"),
        ("Status", summary.status.capitalize()),
        ("Genres", ", ".join(summary.genres)),
        ("Country", summary.country),
        ("From", f"{entry.path.name} ({entry.origin})"),
    ]
    for label, value in rows:
        if value:
            facts.add_row(label, literal(value))
    return Group(title, Text(), facts, Text(), Text("Enter opens the guide.", style="italic"))


class CatalogList(GuideList):
    """The list of shows; its screen lays the columns out again when its width changes."""

    def on_resize(self) -> None:
        screen = self.screen
        if isinstance(screen, CatalogScreen):
            screen.call_after_refresh(screen.fit_columns)


class CatalogScreen(Screen[None]):
    """Every show: type to filter, up and down to choose, Enter to open."""

    AUTO_FOCUS = "#catalog-filter"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", tooltip="Open the highlighted show."),
        Binding("ctrl+s", "sort", "Sort", tooltip="Sort by title, year, network or status."),
        Binding("ctrl+r", "app.reload", "Reload", tooltip="Load the show files again."),
        Binding("down", "move(1)", "Next show", show=False, tooltip="Highlight the next show."),
        Binding("up", "move(-1)", "Previous show", show=False, tooltip="Highlight the show above."),
        Binding("pagedown", "page(1)", "Page down", show=False, tooltip="Move a page down."),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="Move a page up."),
        Binding("escape", "clear_filter", "Clear filter", show=False, tooltip="Clear the filter."),
    ]

    def __init__(self, catalog: Catalog, *, highlight: str | None = None) -> None:
        super().__init__()
        self.order = SORT_ORDERS[0]
        self.fitted_width = 0
        self.catalog = catalog
        self._highlight = highlight

    def set_catalog(self, catalog: Catalog, *, highlight: str | None = None) -> None:
        self.catalog = catalog
        self.columns = Columns(catalog.entries, self.app.size.width // 2)
        self.shelf = ShelfFilter(sort_entries(catalog.entries, self.order))
        self.shown: list[CatalogEntry] = []
        self._highlight = highlight

    def compose(self) -> ComposeResult:
        self.shown = []
        yield Static(id="catalog-title")
        yield Input(
            placeholder="Type to filter shows · ↑↓ choose · Enter opens", id="catalog-filter"
        )
        with Vertical(id="catalog-body", classes="master-detail"):
            with Vertical(classes="master"):
                yield Static(id="catalog-header")
                yield CatalogList(id="catalog-list")
            with GuideScroll(id="catalog-detail", classes="detail") as detail:
                detail.border_title = "Show"
                yield Static(id="catalog-detail-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_catalog(self.catalog, highlight=self._highlight)
        self.refill(keep=self._highlight)
        self.call_after_refresh(self.fit_columns)

    # --- the list ----------------------------------------------------------

    def list_widget(self) -> OptionList:
        return self.query_one("#catalog-list", OptionList)

    def highlighted(self) -> CatalogEntry | None:
        index = self.list_widget().highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    def fit_columns(self) -> None:
        """Lay the columns out again for the list's width, when it has changed."""
        shows = self.list_widget()
        width = shows.scrollable_content_region.width - 2  # the options' padding
        if width > 0 and width != self.fitted_width:
            self.fitted_width = width
            self.columns = Columns(self.catalog.entries, width)
            self.refill()

    def refill(self, keep: str | None = None) -> None:
        """List the entries the filter lets through, staying on ``keep`` if listed."""
        current = self.highlighted()
        keep = keep if keep is not None else (current.id if current is not None else None)
        query = self.query_one("#catalog-filter", Input).value
        self.shown = self.shelf.matching(query)
        shows = self.list_widget()
        shows.set_options(
            [Option(ListRow(partial(self.columns.row, entry))) for entry in self.shown]
            or [Option(Text("No show matches the filter.", style="italic"), disabled=True)]
        )
        self.query_one("#catalog-header", Static).update(self.columns.header(self.order))
        self.update_title(query)
        if self.shown:
            ids = [entry.id for entry in self.shown]
            shows.highlighted = ids.index(keep) if keep in ids else 0
        self.show_detail()

    def update_title(self, query: str) -> None:
        total = len(self.catalog.entries)
        count = f"{len(self.shown)} of {total} shows" if query.strip() else f"{total} shows"
        broken = sum(1 for entry in self.catalog.entries if not entry.ok)
        if broken:
            count += f" · {broken} with problems"
        title = Text.assemble(("showguide", "bold"), "  ·  ", count)
        self.query_one("#catalog-title", Static).update(title)

    def show_detail(self) -> None:
        entry = self.highlighted()
        body = self.query_one("#catalog-detail-body", Static)
        detail = self.query_one("#catalog-detail", GuideScroll)
        if entry is None:
            body.update(Text("Nothing to show.", style="italic"))
            detail.border_title = "Show"
            return
        body.update(entry_detail(entry))
        detail.border_title = "Show" if entry.ok else "Problems"
        detail.scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#catalog-list")
    def highlighted_changed(self) -> None:
        self.show_detail()

    @on(OptionList.OptionSelected, "#catalog-list")
    def selected(self) -> None:
        self.action_open()

    @on(Input.Changed, "#catalog-filter")
    def filter_changed(self) -> None:
        self.refill()

    @on(Input.Submitted, "#catalog-filter")
    def filter_submitted(self) -> None:
        self.action_open()

    # --- actions -----------------------------------------------------------

    def action_open(self) -> None:
        entry = self.highlighted()
        if entry is None:
            return
        if entry.show is None:
            # Nothing to open: the problems are in the detail; put the focus there.
            self.query_one("#catalog-detail", GuideScroll).focus()
            self.app.bell()
            return
        self.app.open_show(entry)  # type: ignore[attr-defined]

    def action_move(self, step: int) -> None:
        shows = self.list_widget()
        if step > 0:
            shows.action_cursor_down()
        else:
            shows.action_cursor_up()

    async def action_page(self, step: int) -> None:
        # OptionList's page actions are not annotated; run them by name.
        await self.list_widget().run_action("page_down" if step > 0 else "page_up")

    def action_sort(self) -> None:
        self.order = next_order(self.order)
        self.shelf = ShelfFilter(sort_entries(self.catalog.entries, self.order))
        self.refill()
        self.notify(f"Sorted by {self.order}.", timeout=2)

    def action_clear_filter(self) -> None:
        self.query_one("#catalog-filter", Input).value = ""
        self.set_focus(self.query_one("#catalog-filter"))

    def reload(self, catalog: Catalog) -> None:
        """Show ``catalog`` instead, keeping the filter and the highlighted show."""
        current = self.highlighted()
        self.set_catalog(catalog, highlight=current.id if current is not None else None)
        self.fitted_width = 0
        self.fit_columns()
        self.refill(keep=self._highlight)
