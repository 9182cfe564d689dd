"""The catalog: every show found, to filter by typing, sort, and open.

A show file that did not load is listed too, marked, and its problems
(``FILE:LINE:COLUMN: ...``) are what its detail shows: one broken file never
hides the others.
"""

from __future__ import annotations

import threading
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from showguide.core.catalog import Catalog
from showguide.core.catalog_view import CatalogRow, SortKey
from showguide.core.row_view import CatalogRows, PickedRows, RowView
from showguide.tui.bindings import bindings
from showguide.tui.breakpoints import WIDE_WIDTH, breakpoint_classes
from showguide.tui.catalog_rows import Columns, NaturalWidths, row_detail
from showguide.tui.keybar import KeyBar
from showguide.tui.line_list import LineList
from showguide.tui.rows import RowsOf
from showguide.tui.sections import GuideScroll
from showguide.tui.text_input import TextInput
from showguide.tui.widgets import notice

#: The sort orders the sort key cycles through: (column, newest or last first).
#: Only columns the list shows: a sort by something unseen looks like no order.
SORT_ORDERS: tuple[tuple[SortKey, bool], ...] = (
    ("title", False),
    ("year", True),
    ("network", False),
    ("status", False),
)

#: When the filter's words are folded: this long after the first frame, so
#: that drawing the screen (at a start, or after a reload) never shares the
#: CPU with it. Folding takes about 0.1 s of CPU at 10,000 shows; a key typed
#: before it is done waits for it (see RowView.fold).
FOLD_AFTER_SECONDS = 0.5


class CatalogList(LineList):
    """The list of shows; its screen lays the columns out again when its width changes."""

    def on_resize(self) -> None:
        screen = self.screen
        if isinstance(screen, CatalogScreen):
            screen.call_after_refresh(screen.fit_columns)


class CatalogScreen(Screen[None], inherit_bindings=False):
    """Every show: type to filter, up and down to choose, Enter to open."""

    AUTO_FOCUS = "#catalog-filter"
    # Read when the screen is first pushed (Textual reads a pushed screen's
    # CSS_PATH); a start on the catalog reads it with the app's (see
    # ShowGuideApp.__init__). A single guide never parses it. The lists'
    # styles come first, as the panes' (tui/styles.py): read once.
    CSS_PATH = ["panes.tcss", "catalog.tcss"]

    # Where the filter has the focus, it takes q, ? and r as text: the
    # footer shows the app's other keys for them (Ctrl+Q, F1, Ctrl+R).
    BINDINGS: ClassVar[list[BindingType]] = bindings("catalog")

    def __init__(self, catalog: Catalog, *, highlight: str | None = None) -> None:
        """``highlight``: the id of the show to start on (the one last opened)."""
        super().__init__()
        self.sort_index = 0
        self.fitted_width = 0
        self.catalog = catalog
        #: One row per file, each made when first drawn or asked for.
        self.rows = CatalogRows(catalog.entries, catalog.title_hint)
        #: The rows sorted and filtered, each order sorted once.
        self.view = RowView(self.rows)
        self.natural = NaturalWidths.of_summaries(self.rows.summaries())
        self.shown: PickedRows = PickedRows(self.rows, [])
        #: How many files have problems (counted once per catalog, not per keystroke).
        self.broken: int | None = None
        self.columns = Columns(self.natural, 0)
        self._start_on = highlight
        #: The row whose detail is shown; a reload makes new rows, shown anew.
        self._detail_of: CatalogRow | None = None
        self._resumed = False

    @property
    def order(self) -> SortKey:
        return SORT_ORDERS[self.sort_index][0]

    def sortable(self, index: int) -> bool:
        """Whether the list shows the column of ``SORT_ORDERS[index]`` at this width."""
        column = SORT_ORDERS[index][0]
        return column == "title" or column in self.columns.shown

    def keep_sort_visible(self) -> None:
        """Back to title order when the sorted column no longer fits (the
        terminal got narrower): the header must show what the order is."""
        if not self.sortable(self.sort_index):
            self.sort_index = 0

    def compose(self) -> ComposeResult:
        # Set now, the first layout already gives the list its wide-screen
        # width: no rows are rendered at a width the list never keeps.
        self.set_classes(breakpoint_classes(self.app, self.app.size))
        yield Static(id="catalog-title")
        yield TextInput(
            placeholder="Type to filter shows · ↑↓ choose · Enter opens", id="catalog-filter"
        )
        with Vertical(id="catalog-body", classes="master-detail"):
            with Vertical(classes="master"):
                yield Static(id="catalog-header")
                # Classed as overflowing from the start when the rows cannot all
                # show: set after mounting, the class restyled the list again.
                overflows = len(self.rows) > self.app.size.height
                yield CatalogList(id="catalog-list", classes="-overflowing" if overflows else "")
            with GuideScroll(id="catalog-detail", classes="detail") as detail:
                detail.border_title = "Show"
                yield Static(id="catalog-detail-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.fitted_width = self.expected_list_width()
        self.columns = Columns(self.natural, self.fitted_width, self.watched())
        start = self.rows.index_of_id(self._start_on) if self._start_on is not None else None
        self.refill(keep=self.rows[start].key if start is not None else None)
        self.call_after_refresh(self.fold_words_soon)

    def fold_words_soon(self) -> None:
        self.set_timer(FOLD_AFTER_SECONDS, self.fold_words)

    def fold_words(self) -> None:
        """Fold the words the filter matches, for every row at once, in a thread.

        A daemon thread, not a worker: leaving showguide does not wait for it.
        """
        view = self.view
        threading.Thread(target=view.fold, name="showguide-fold-words", daemon=True).start()

    def watched(self) -> dict[str, str | None]:
        """The last episode watched in each show, as the app remembers it."""
        state = getattr(self.app, "state", None)
        return state.progress if state is not None else {}

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed:
            # The first resume comes straight after mounting, when every
            # widget has just been styled: Textual would style them all
            # again (see Screen._on_screen_resume in tui/textual_internals.py).
            self._resumed = True
            event.refresh_styles = False
            return
        # Back from a guide, where progress may have changed: redraw the column.
        if self.natural.progress and self.is_mounted and self.fitted_width:
            self.columns = Columns(self.natural, self.fitted_width, self.watched())
            self.refill()

    def expected_list_width(self) -> int:
        """The width the list's rows will have, worked out before the first layout.

        It follows catalog.tcss (the list takes 60% of a wide screen, all of a
        narrow one) so that the first frame is drawn with the right columns;
        if it is wrong, fit_columns corrects it after the layout, at the cost
        of drawing the list twice.
        """
        width = self.app.size.width
        if "-wide" in self.classes or width >= WIDE_WIDTH:
            width = width * 60 // 100
        scrollbar = 2 if len(self.rows) > self.app.size.height else 0
        # The list's own padding, and the options' (see fit_columns).
        return width - scrollbar - 4

    # --- the list ----------------------------------------------------------

    def list_widget(self) -> CatalogList:
        return self.query_one("#catalog-list", CatalogList)

    def highlighted(self) -> CatalogRow | None:
        index = self.list_widget().highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    def fit_columns(self) -> None:
        """Lay the columns out again for the list's width, when it has changed."""
        width = self.list_widget().content_width - 2  # a margin right of the rows
        if width > 0 and width != self.fitted_width:
            self.fitted_width = width
            self.columns = Columns(self.natural, width, self.watched())
            self.refill()

    def refill(self, keep: str | None = None) -> None:
        """List the rows the filter lets through, staying on the file ``keep`` if listed."""
        current = self.highlighted()
        keep = keep if keep is not None else (current.key if current is not None else None)
        query = self.query_one("#catalog-filter", Input).value
        self.keep_sort_visible()
        by, newest_first = SORT_ORDERS[self.sort_index]
        self.shown = self.view.shown(by, newest_first, query)
        shows = self.list_widget()
        shows.set_rows(
            RowsOf(self.shown, self.columns.row)
            if self.shown
            else [notice("No show matches the filter.")]
        )
        self.keep_sort_visible()
        self.query_one("#catalog-header", Static).update(
            self.columns.header(self.order, descending=SORT_ORDERS[self.sort_index][1])
        )
        if self.shown:
            found = self.shown.index_of_key(keep) if keep is not None else None
            shows.highlighted = found if found is not None else 0
        self.update_title(query)
        self.show_detail()

    def update_title(self, query: str) -> None:
        total = len(self.rows)
        shows = f"{total} show" if total == 1 else f"{total} shows"
        count = f"{len(self.shown)} of {shows}" if query.strip() else shows
        if self.broken is None:
            self.broken = self.rows.broken()
        if self.broken:
            count += f" · {self.broken} with problems"
        title = Text.assemble(("showguide", "bold"), "  ·  ", count)
        self.query_one("#catalog-title", Static).update(title)

    def show_detail(self) -> None:
        row = self.highlighted()
        if row is not None and row is self._detail_of:
            # Already shown: refill shows it, then the list's Highlighted
            # message asks again. Updating the detail lays the screen out again.
            return
        self._detail_of = row
        body = self.query_one("#catalog-detail-body", Static)
        detail = self.query_one("#catalog-detail", GuideScroll)
        if row is None:
            body.update(Text("Nothing to show.", style="italic"))
            detail.border_title = "Show"
            return
        body.update(row_detail(row))
        detail.border_title = "Problems" if not row.loaded else "Show"
        detail.scroll_home(animate=False)

    @on(LineList.Highlighted, "#catalog-list")
    def highlighted_changed(self) -> None:
        self.show_detail()

    @on(LineList.Selected, "#catalog-list")
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
        row = self.highlighted()
        if row is None:
            return
        entry = self.catalog.find(row.key)
        if entry is None or entry.show is None:
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

    def action_page(self, step: int) -> None:
        shows = self.list_widget()
        if step > 0:
            shows.action_page_down()
        else:
            shows.action_page_up()

    def action_sort(self) -> None:
        """Sort by the next column the list shows; its header gets the mark."""
        index = self.sort_index
        for _ in SORT_ORDERS:
            index = (index + 1) % len(SORT_ORDERS)
            if self.sortable(index):
                break
        self.sort_index = index
        self.refill()

    def action_copy_id(self) -> None:
        """Copy the highlighted show's id (what `showguide NAME` takes)."""
        row = self.highlighted()
        if row is None:
            return
        self.app.copy_to_clipboard(row.id)
        self.notify(f"Copied the id of {row.title} to the clipboard.", timeout=3)

    def action_edit_file(self) -> None:
        """Open the highlighted show's file in the user's editor, then read it again."""
        from showguide.tui.focused import edit_file

        row = self.highlighted()
        if row is not None:
            edit_file(self.app, row.path, lambda: 1)

    def action_clear_filter(self) -> None:
        self.query_one("#catalog-filter", Input).value = ""
        self.set_focus(self.query_one("#catalog-filter"))

    def reload(self, catalog: Catalog) -> None:
        """Show ``catalog`` instead, keeping the filter and the highlighted file."""
        if catalog.entries is self.catalog.entries:  # nothing changed on disk
            self.catalog = catalog
            return
        current = self.highlighted()
        self.catalog = catalog
        self.rows = CatalogRows(catalog.entries, catalog.title_hint)
        self.view = RowView(self.rows)
        self.broken = None
        self.call_after_refresh(self.fold_words_soon)
        self.natural = NaturalWidths.of_summaries(self.rows.summaries())
        self.columns = Columns(
            self.natural, self.fitted_width or self.app.size.width // 2, self.watched()
        )
        self.refill(keep=current.key if current is not None else None)
