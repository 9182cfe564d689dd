"""FAQ: the questions, and the answer to the highlighted one."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from showguide.core.model import FaqEntry, Show
from showguide.core.provenance import attribution
from showguide.core.search import SearchIndex
from showguide.core.spoilers import SpoilerShield
from showguide.core.textfold import fold
from showguide.display import literal
from showguide.tui.bindings import bindings
from showguide.tui.chips import theme_chips
from showguide.tui.rows import ListRow
from showguide.tui.sections import GuideScroll
from showguide.tui.text_input import TextInput
from showguide.tui.widgets import (
    MasterDetail,
    MasterList,
    hidden_notice,
    notice,
    revealed_mark,
    revealed_note,
)


def question_prompt(entry: FaqEntry, hidden: bool, revealed: bool = False) -> Text:
    if hidden:
        return hidden_notice("Spoiler question")
    return (
        Text.assemble(revealed_mark(), literal(entry.question))
        if revealed
        else literal(entry.question)
    )


def question_header(entry: FaqEntry, hidden: bool) -> Text:
    """The question, whole, at the top of the answer box (the list may cut it)."""
    return hidden_notice("Spoiler question") if hidden else literal(entry.question, "bold")


def answer_view(entry: FaqEntry, hidden: bool, per: str = "", revealed: bool = False) -> Group:
    if hidden:
        return Group(hidden_notice("Spoiler answer"))
    parts: list[RenderableType] = [literal(entry.answer)]
    if per:
        parts.append(literal(per, "dim"))
    if entry.tags:
        parts += [Text(), theme_chips(entry.tags)]
    if revealed:
        parts += [Text(), revealed_note("Spoiler question")]
    return Group(*parts)


def parse_filter(text: str) -> tuple[str, list[str]]:
    """Filter text as (words to search for, tags): ``#tag`` words are tags."""
    words = text.split()
    tags = [fold(word[1:]) for word in words if word.startswith("#") and len(word) > 1]
    query = " ".join(word for word in words if not word.startswith("#"))
    return query, tags


class FaqPane(MasterDetail):
    pane = "faq"
    BINDINGS: ClassVar[list[BindingType]] = bindings("faq")

    def __init__(
        self,
        show: Show,
        shield: SpoilerShield,
        search_index: Callable[[], SearchIndex],
        prepare_search_index: Callable[[], None],
    ) -> None:
        super().__init__(
            shield, {e.id: e for e in show.faq}, id="faq-pane", classes="master-detail"
        )
        self.show = show
        self.search_index = search_index
        self.prepare_search_index = prepare_search_index
        self.shown_ids = list(self.items)

    def prompt(self, item_id: str, hidden: bool) -> Text:
        revealed = not hidden and self.revealed(item_id)
        return question_prompt(self.items[item_id], hidden, revealed)

    def compose(self) -> ComposeResult:
        with Vertical(classes="master"):
            yield TextInput(placeholder="f: filter by words or #tag", id="faq-filter")
            yield MasterList(*self.rows(self.shown_ids), id="faq-list")
        with GuideScroll(id="faq-answer", classes="detail") as answer:
            answer.border_title = "Answer"
            # Docked: the question stays in view while a long answer scrolls.
            yield Static(id="faq-question")
            yield Static(Text("No questions yet.", style="italic"), id="faq-body")

    def rows(self, ids: list[str]) -> list[ListRow]:
        if not ids:
            return [notice("No questions match the filter.")]
        return [self.row(item_id) for item_id in ids]

    def on_mount(self) -> None:
        questions = self.list_widget()
        questions.action_first()

    def matching_ids(self, text: str) -> list[str]:
        query, tags = parse_filter(text)
        if not query and not tags:
            return list(self.items)
        found = (
            self.search_index().matching_keys(query, shield=self.shield, panes={"faq"})
            if query
            else None
        )
        ids = []
        for item_id, entry in self.items.items():
            # A hidden spoiler never matches: not even its tags may show through.
            if self.hidden(item_id):
                continue
            if tags and not set(tags) <= {fold(tag) for tag in entry.tags}:
                continue
            if found is not None and ("faq", item_id) not in found:
                continue
            ids.append(item_id)
        return ids

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id == "faq-filter":
            self.prepare_search_index()

    @on(Input.Changed, "#faq-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value)

    def apply_filter(self, text: str) -> None:
        current = self.highlighted_id()
        self.shown_ids = self.matching_ids(text)
        questions = self.list_widget()
        questions.set_rows(self.rows(self.shown_ids))
        if self.shown_ids:
            # Stay on the same question when it still matches.
            keep = current is not None and current in self.shown_ids
            questions.highlighted = self.shown_ids.index(current) if current and keep else 0
        else:
            # Nothing stale: the answer of a question no longer listed goes too.
            self.query_one("#faq-question", Static).update(Text())
            self.query_one("#faq-body", Static).update(
                Text("No question matches the filter.", style="italic")
            )
        count = f"{len(self.shown_ids)} of {len(self.items)}"
        questions.border_title = count if text.strip() else None

    @on(Input.Submitted, "#faq-filter")
    def filter_done(self) -> None:
        self.screen.set_focus(self.list_widget())

    def set_filter(self, text: str) -> None:
        self.query_one("#faq-filter", Input).value = text

    def action_filter(self) -> None:
        self.screen.set_focus(self.query_one("#faq-filter", Input))

    def action_back(self) -> None:
        filter_input = self.query_one("#faq-filter", Input)
        if filter_input.has_focus:
            if filter_input.value:
                filter_input.value = ""
            else:
                self.screen.set_focus(self.list_widget())
        else:
            super().action_back()

    def refresh_spoilers(self) -> None:
        # A reveal can change what the filter matches, not only how rows look.
        text = self.query_one("#faq-filter", Input).value
        if text.strip():
            self.apply_filter(text)
        super().refresh_spoilers()

    def show_detail(self, item_id: str | None) -> None:
        if item_id in self.items:
            entry = self.items[item_id]
            per = attribution(self.show, list(entry.sources))
            hidden = self.hidden(item_id)
            self.query_one("#faq-question", Static).update(question_header(entry, hidden))
            revealed = not hidden and self.revealed(item_id)
            self.query_one("#faq-body", Static).update(answer_view(entry, hidden, per, revealed))
            self.query_one("#faq-answer", GuideScroll).scroll_home(animate=False)

    def action_next_question(self) -> None:
        self.list_widget().action_cursor_down()

    def action_previous_question(self) -> None:
        self.list_widget().action_cursor_up()
