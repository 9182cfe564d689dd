"""The search overlay: results as you type, grouped by pane; Enter jumps to one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from showguide.core.items import ItemKey
from showguide.core.search import SearchIndex
from showguide.core.search_results import SearchResult
from showguide.core.spoilers import SpoilerShield
from showguide.display import literal
from showguide.tui.commands import PANES

PANE_TITLES: dict[str, str] = dict(PANES)
MATCH_STYLE = "bold reverse"


def marked(segments: Iterator[tuple[str, bool]], style: str = "") -> Text:
    """Text with the matched pieces emphasised; each piece shown literally."""
    text = Text(style=style)
    for piece, is_match in segments:
        text.append_text(literal(piece, MATCH_STYLE if is_match else ""))
    return text


#: What a snippet of each field starts with, in a reader's words; prose
#: the result's title already names ("Logline", a question's answer) none.
SNIPPET_LEADS: dict[str, str] = {
    "native name": "also ",
    "native title": "also ",
    "romanized title": "also ",
    "actor": "played by ",
    "actor (native name)": "played by ",
    "dance double": "danced by ",
    "dance double (native name)": "danced by ",
    "group": "group: ",
    "category": "category: ",
    "genre": "genre: ",
    "tag": "tag: ",
    "theme": "theme: ",
    "advisory": "advisory: ",
    "rating": "rated ",
    "source": "source: ",
}
#: The width of the column naming each result's pane.
PANE_COLUMN = max(len(title) for title in PANE_TITLES.values())


def snippet_text(result: SearchResult) -> Text | None:
    """The matching text under a result's title, led by what it is where that helps."""
    snippet = result.snippet
    if snippet is None or snippet.text == result.title:
        return None
    line = Text(style="dim")
    lead = SNIPPET_LEADS.get(snippet.field, "")
    if lead:
        line.append(lead, style="italic")
    line.append_text(marked(snippet.segments()))
    return line


def result_prompt(result: SearchResult) -> Table:
    """One result: its pane, then its title and the text that matched, which
    wrap under the title (never back to the pane's column)."""
    body: Text | Group = marked(result.title_segments(), "bold")
    snippet = snippet_text(result)
    if snippet is not None:
        body = Group(body, Padding(snippet, (0, 0, 0, 2)))
    row = Table.grid(padding=(0, 2), expand=True)
    row.add_column(width=PANE_COLUMN, no_wrap=True, style="dim")
    row.add_column(ratio=1)
    row.add_row(Text(PANE_TITLES[result.pane]), body)
    return row


def hidden_matches(count: int, *, has_episodes: bool) -> Text:
    """`` · 2 matches hidden past your progress``: counted, never shown."""
    if not count:
        return Text()
    noun = "match" if count == 1 else "matches"
    where = "past your progress" if has_episodes else "as spoilers"
    return Text(f" · {count} {noun} hidden {where}", style="italic")


def option_id(key: ItemKey) -> str:
    return f"{key.pane}/{key.id}"


def key_of(option_id: str) -> ItemKey:
    pane, _, item_id = option_id.partition("/")
    return ItemKey(pane, item_id)  # type: ignore[arg-type]  # panes come from option_id()


class SearchScreen(ModalScreen[ItemKey | None]):
    """Type to search; up/down choose; Enter jumps; Esc goes back where you were."""

    # Loaded when the screen is first opened, not with the app: the first
    # frame has fewer rules to parse and to match against every widget.
    CSS_PATH = "search.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", tooltip="Close search and go back."),
        Binding("down", "move(1)", "Next result", show=False, tooltip="Highlight the next result."),
        Binding(
            "up",
            "move(-1)",
            "Previous result",
            show=False,
            tooltip="Highlight the previous result.",
        ),
    ]

    def __init__(self, index: SearchIndex, shield: SpoilerShield, query: str = "") -> None:
        super().__init__()
        self.index = index
        self.shield = shield
        self.initial_query = query

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield Input(
                self.initial_query, placeholder="Search names, questions, plot…", id="search-input"
            )
            yield OptionList(id="search-results")
            yield Static(id="search-status")

    def on_mount(self) -> None:
        self.show_results(self.initial_query)

    @on(Input.Changed, "#search-input")
    def query_changed(self, event: Input.Changed) -> None:
        self.show_results(event.value)

    def show_results(self, query: str) -> None:
        found = self.index.search(query, shield=self.shield)
        has_episodes = bool(self.shield.order and len(self.shield.order))
        # Best first, each result naming its pane: grouped by pane, a match in
        # the prose of one pane was listed above a name matched in the next.
        options = [Option(result_prompt(r), id=option_id(r.key)) for r in found.results]
        results_list = self.query_one("#search-results", OptionList)
        results_list.set_options(options)
        results_list.highlighted = 0 if options else None
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update(
                Text("Type to search · ↑↓ choose · Enter jumps · Esc closes", style="dim")
            )
        elif found.total == 0:
            status.update(
                Text.assemble(
                    ("No matches", "italic"),
                    hidden_matches(found.hidden, has_episodes=has_episodes),
                )
            )
        else:
            shown = len(found.results)
            more = f" (best {shown} shown)" if shown < found.total else ""
            noun = "match" if found.total == 1 else "matches"
            status.update(
                Text.assemble(
                    (f"{found.total} {noun}{more}", "dim"),
                    hidden_matches(found.hidden, has_episodes=has_episodes),
                    (" · Enter jumps · Esc closes", "dim"),
                )
            )

    def action_move(self, step: int) -> None:
        results_list = self.query_one("#search-results", OptionList)
        if step > 0:
            results_list.action_cursor_down()
        else:
            results_list.action_cursor_up()

    @on(Input.Submitted, "#search-input")
    def submit(self) -> None:
        self.choose(self.query_one("#search-results", OptionList).highlighted_option)

    @on(OptionList.OptionSelected, "#search-results")
    def selected(self, event: OptionList.OptionSelected) -> None:
        self.choose(event.option)

    def choose(self, option: Option | None) -> None:
        if option is not None and option.id is not None:
            self.dismiss(key_of(option.id))
