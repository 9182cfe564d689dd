"""The search overlay: results as you type, grouped by pane; Enter jumps to one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

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


def result_prompt(result: SearchResult) -> Text:
    prompt = marked(result.title_segments(), "bold")
    snippet = result.snippet
    if snippet is not None and snippet.text != result.title:
        prompt.append("\n  ")
        prompt.append(f"{snippet.field}: ", style="dim")
        prompt.append_text(marked(snippet.segments(), "dim"))
    return prompt


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


def heading(text: str) -> Option:
    """A pane's heading among the results: shown, never chosen (a pane title, literal)."""
    title = literal(text.upper(), "bold")
    title.no_wrap = True
    return Option(title, disabled=True)


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
        options: list[Option | None] = []
        # Grouped by pane, the group holding the best match first, so that
        # the result Enter takes is at the top.
        rank = {result.key: number for number, result in enumerate(found.results)}
        groups = sorted(found.by_pane().items(), key=lambda group: rank[group[1][0].key])
        for pane, results in groups:
            if options:
                options.append(None)
            options.append(heading(PANE_TITLES[pane]))
            options.extend(Option(result_prompt(r), id=option_id(r.key)) for r in results)
        results_list = self.query_one("#search-results", OptionList)
        results_list.set_options(options)
        first = next((i for i, o in enumerate(options) if o is not None and not o.disabled), None)
        results_list.highlighted = first
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
