"""FAQ: the questions, and the answer to the highlighted one."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from showguide.core.model import FaqEntry, Show
from showguide.display import literal
from showguide.tui.panes.plot import theme_chips
from showguide.tui.shield import Shield
from showguide.tui.widgets import GuideScroll, MasterDetail, MasterList, hidden_notice


def question_prompt(entry: FaqEntry, hidden: bool) -> Text:
    return hidden_notice("Spoiler question") if hidden else literal(entry.question)


def answer_view(entry: FaqEntry, hidden: bool) -> Group:
    if hidden:
        return Group(hidden_notice("Spoiler question and answer"))
    parts: list[Text] = [literal(entry.question, "bold"), Text(), literal(entry.answer)]
    if entry.tags:
        parts += [Text(), theme_chips(entry.tags)]
    return Group(*parts)


class FaqPane(MasterDetail):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_question", "Next", tooltip="Show the next question's answer."),
        Binding(
            "p", "previous_question", "Previous", tooltip="Show the previous question's answer."
        ),
    ]

    def __init__(self, show: Show, shield: Shield) -> None:
        super().__init__(id="faq-pane", classes="master-detail")
        self.show = show
        self.shield = shield
        self.entries = {entry.id: entry for entry in show.faq}

    def hidden(self, entry: FaqEntry) -> bool:
        return self.shield.is_hidden(("faq", entry.id), entry.spoiler)

    def compose(self) -> ComposeResult:
        yield MasterList(
            *(Option(question_prompt(e, self.hidden(e)), id=e.id) for e in self.show.faq),
            id="faq-list",
            classes="master",
        )
        with GuideScroll(id="faq-answer", classes="detail") as answer:
            answer.border_title = "Answer"
            yield Static(Text("No questions yet.", style="italic"), id="faq-body")

    def on_mount(self) -> None:
        questions = self.list_widget()
        if questions.option_count:
            questions.action_first()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        entry = self.entries.get(event.option.id or "")
        if entry is not None:
            self.query_one("#faq-body", Static).update(answer_view(entry, self.hidden(entry)))
            self.query_one("#faq-answer", GuideScroll).scroll_home(animate=False)

    def action_next_question(self) -> None:
        self.list_widget().action_cursor_down()

    def action_previous_question(self) -> None:
        self.list_widget().action_cursor_up()
