"""How the catalog draws a show file: its row in the list, and its detail.

Rows are made for a screenful of shows before the catalog's first frame, so
they are built from plain text fitted to each column, not from Texts cut
down one by one. Everything from a show file is made visible first
(:func:`showguide.core.text.visible`): data is always shown literally.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.console import Group
from rich.table import Table
from rich.text import Text

from showguide.core.catalog_view import CatalogRow
from showguide.core.summary import ShowSummary
from showguide.core.text import visible
from showguide.display import literal

TITLE_WIDTH_LIMIT = 36
TITLE_WIDTH_MIN = 24
NETWORK_WIDTH_LIMIT = 14
GAP = "  "
#: What each column is called in the header.
COLUMN_LABELS = {
    "title": "Title",
    "year": "Year",
    "network": "Network",
    "status": "Status",
    "genres": "Genres",
    "progress": "Seen",
}
#: The sorted column's mark: (ascending, descending).
SORT_MARKS = ("▴", "▾")
#: Before the title of a show whose file broke after it loaded (two cells).
STALE_MARK = "⚠ "


def fit(text: str, width: int, *, ellipsis: bool = False) -> str:
    """``text`` cut or padded with spaces to ``width`` cells.

    The same as Rich's ``Text.truncate(width, pad=True)`` (with ``overflow=
    "ellipsis"`` or the default), without making a Text: the catalog fits a
    screenful of rows, four cells each, before its first frame.
    """
    # Printable ASCII is one cell a character; anything else is measured.
    length = len(text) if text.isascii() and text.isprintable() else cell_len(text)
    if length > width:
        text = set_cell_size(text, width - 1) + "…" if ellipsis else set_cell_size(text, width)
        length = cell_len(text)
    return text + " " * (width - length) if length < width else text


@dataclass(frozen=True)
class NaturalWidths:
    """The widths the columns would like, measured once per catalog.

    Measured on the plain strings, without building any Text: with a thousand
    shows this runs before the first frame.
    """

    title: int
    network: int
    status: int
    #: The width of the progress column ("12/16"); 0 when no show lists episodes.
    progress: int = 0

    @classmethod
    def of(cls, rows: Sequence[CatalogRow]) -> NaturalWidths:
        return cls.of_summaries([row.summary for row in rows if row.summary is not None])

    @classmethod
    def of_summaries(cls, shows: Sequence[ShowSummary]) -> NaturalWidths:
        """The widths the shows with these summaries would like (no row is made)."""
        title = 5
        for show in shows:  # the first long title is enough
            if title >= TITLE_WIDTH_LIMIT:
                break
            native = cell_len(show.native_title) + 1 if show.native_title else 0
            title = max(title, cell_len(show.title) + native)
        # Networks and statuses repeat: each different one is measured once.
        networks = {show.network for show in shows if show.network}
        network = max([7, *map(cell_len, networks)])
        status = max([len("Status"), *map(len, {show.status for show in shows})])
        episodes = max([0, *(len(show.episodes) for show in shows if show.episodes)])
        progress = max(len("Seen"), 2 * len(str(episodes)) + 1) if episodes else 0
        return cls(
            min(title, TITLE_WIDTH_LIMIT), min(network, NETWORK_WIDTH_LIMIT), status, progress
        )


class Columns:
    """Widths of the list's columns, so rows line up (Hangul is two cells wide).

    Columns that do not fit in ``width`` are left out, from the right:
    genres first, the title last.
    """

    def __init__(
        self, natural: NaturalWidths, width: int, progress: Mapping[str, str | None] = {}
    ) -> None:
        self.year = 4
        self.network = natural.network
        self.status = natural.status
        self.progress = natural.progress
        #: The last episode watched, by show id (State.progress).
        self.watched = progress
        gap = len(GAP)
        # The title may shrink to TITLE_WIDTH_MIN to make room for more columns.
        preferred = natural.title
        used = min(preferred, TITLE_WIDTH_MIN)
        #: The columns after the title that fit, in order.
        self.shown: list[str] = []
        for name, column_width in (
            *((("progress", self.progress),) if self.progress else ()),
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

    def header(self, order: str, *, descending: bool = False) -> Text:
        """The column names, the one sorted by marked with its direction.

        The mark (▴ A to Z, oldest first; ▾ newest first) goes right after the
        name, in the gap before the next column, so no column moves. Both
        marks are of narrow width in every terminal (East Asian Width N),
        unlike ▲▼ and the arrows, which CJK terminals draw two cells wide.
        """
        widths = {
            "title": self.title,
            "year": self.year,
            "network": self.network,
            "status": self.status,
            "progress": self.progress,
        }
        header = Text()
        columns = ["title", *self.shown]
        gap = ""
        for column in columns:
            header.append(gap)
            label = Text(COLUMN_LABELS[column], style="bold")
            width = widths.get(column)
            sorted_here = column == order
            if width is not None:
                label.truncate(width, overflow="ellipsis", pad=not sorted_here)
            header.append_text(label)
            if sorted_here:
                header.append(SORT_MARKS[descending], style="bold")
                if width is not None:
                    # Pad to the column's width and the mark's cell of the gap.
                    header.append(" " * (width - label.cell_len))
                gap = GAP[1:]
            else:
                gap = GAP
        return header

    def row(self, row: CatalogRow) -> Text:
        count = len(row.problems)
        problems = f"{count} problem{'s' if count != 1 else ''}"
        show = row.summary
        if show is None:
            return Text.assemble(
                ("⚠ ", "bold yellow"),
                literal(row.file_name, "bold"),
                (f"  {problems} · cannot be opened", "italic"),
            )
        # Made from (text, style) parts in one go; each cell is already fitted
        # to its column. Data is made visible first: it is shown literally.
        title = visible(show.title)
        if show.native_title:
            title = f"{title} {visible(show.native_title)}"
        parts: list[tuple[str, str]] = []
        if row.stale and self.title > len(STALE_MARK):
            # The file broke after it loaded: the last good version is listed,
            # marked inside the title's cells so the columns after it stay
            # under their headers.
            parts.append((STALE_MARK, "bold yellow"))
            parts.append((fit(title, self.title - len(STALE_MARK), ellipsis=True), "bold"))
        elif row.stale:
            parts.append((fit(STALE_MARK, self.title), "bold yellow"))
        else:
            parts.append((fit(title, self.title, ellipsis=True), "bold"))
        for column in self.shown:
            if column == "progress":
                seen = row.progress(self.watched.get(row.id))
                cell = (fit(seen or "—", self.progress), "")
            elif column == "year":
                cell = (fit(str(show.year) if show.year else "—", self.year), "")
            elif column == "network":
                cell = (fit(visible(show.network or "—"), self.network, ellipsis=True), "")
            elif column == "status":
                cell = (fit(show.status.capitalize(), self.status), "")
            else:
                cell = (visible(", ".join(show.genres)), "dim")
            parts += [(GAP, ""), cell]
        return Text.assemble(*parts)


def problem_lines(row: CatalogRow) -> list[Text]:
    return [literal(str(problem)) for problem in row.problems]


def row_detail(row: CatalogRow) -> Group:
    """The highlighted show at a glance, or the problems of a file that did not load."""
    show = row.summary
    if show is None:
        return Group(
            Text.assemble(("This file could not be loaded", "bold"), ":"),
            Text(),
            *problem_lines(row),
            Text(),
            Text("Fix the file and press Ctrl+R to load it again.", style="italic"),
        )
    title = literal(show.title, "bold")
    if show.native_title:
        title.append("  ")
        title.append_text(literal(show.native_title))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    fields = [
        ("Romanized", show.romanized_title or ""),
        ("Network", show.network or "not known"),
        ("Year", str(show.year) if show.year else "not yet announced"),
        ("Status", show.status.capitalize()),
        ("Genres", ", ".join(show.genres)),
        ("From", f"{row.file_name} ({row.origin})"),
    ]
    for label, value in fields:
        if value:
            facts.add_row(label, literal(value))
    parts: list[Text | Table] = [title, Text(), facts, Text()]
    if row.stale:
        parts += [
            Text(
                "The file has changed and no longer loads; this is the last good version:",
                style="bold yellow",
            ),
            *problem_lines(row),
            Text(),
        ]
    parts.append(Text("Enter opens the guide.", style="italic"))
    return Group(*parts)
