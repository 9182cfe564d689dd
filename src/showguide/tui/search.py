"""The search overlay: results as you type, grouped by pane; Enter jumps to one."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import ClassVar

from rich.console import Console
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
#: Wraps result text; only its measure of characters is used, never its output.
_MEASURE = Console(width=1000, file=io.StringIO(), color_system=None, legacy_windows=False)
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


def result_lines(result: SearchResult, width: int) -> list[Text]:
    """One result in ``width`` cells: its pane in a column of its own, then its
    title and the text that matched, wrapped inside their column (the text
    indented under the title), never back to the pane's."""
    indent = PANE_COLUMN + 2
    body_width = max(1, width - indent)
    blank = " " * indent
    title = marked(result.title_segments(), "bold")
    lines = []
    for number, line in enumerate(_wrapped(title, body_width)):
        lead = Text(PANE_TITLES[result.pane].ljust(indent), style="dim") if number == 0 else blank
        lines.append(Text.assemble(lead, line))
    snippet = snippet_text(result)
    if snippet is not None:
        for line in _wrapped(snippet, max(1, body_width - 2)):
            lines.append(Text.assemble(blank + "  ", line))
    return lines


def _wrapped(text: Text, width: int) -> list[Text]:
    # Most titles and snippets fit on one line: wrapping is the costly part.
    return [text] if text.cell_len <= width else list(text.wrap(_MEASURE, width))


def result_prompt(result: SearchResult, width: int) -> Text:
    """The result as one Text, wrapped for a list ``width`` cells wide.

    Wrapped here, once, rather than left to a renderable that wraps it at
    draw time: the list measures and draws every result on each key typed,
    and a plain Text is what it measures fastest. A resize wraps them again.
    """
    prompt = Text("\n").join(result_lines(result, width))
    prompt.no_wrap = True
    prompt.overflow = "crop"
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

    #: The width the results shown were wrapped at.
    _wrapped_at = 0

    def results_width(self) -> int:
        """The width results are wrapped at: the list's, once it is laid out."""
        width = self.query_one("#search-results", OptionList).scrollable_content_region.width
        if width <= 0:
            # Not laid out yet: the dialog's width (search.tcss), less its frame.
            width = min(int(self.app.size.width * 0.9), 100) - 6
        return max(20, width)

    def on_resize(self) -> None:
        # After the refresh: the list has its new width then.
        self.call_after_refresh(self.rewrap)

    def rewrap(self) -> None:
        """Wrap the results again when the list is not the width they were wrapped at."""
        if self.results_width() != self._wrapped_at:
            self.show_results(self.query_one("#search-input", Input).value)

    def on_mount(self) -> None:
        self.show_results(self.initial_query)
        # Wrapped at an estimate of the list's width: again if the layout differs.
        self.call_after_refresh(self.rewrap)

    @on(Input.Changed, "#search-input")
    def query_changed(self, event: Input.Changed) -> None:
        self.show_results(event.value)

    def show_results(self, query: str) -> None:
        found = self.index.search(query, shield=self.shield)
        has_episodes = bool(self.shield.order and len(self.shield.order))
        # Best first, each result naming its pane: grouped by pane, a match in
        # the prose of one pane was listed above a name matched in the next.
        width = self.results_width()
        self._wrapped_at = width
        options = [Option(result_prompt(r, width), id=option_id(r.key)) for r in found.results]
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
