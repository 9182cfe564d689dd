"""Small building blocks shared by the panes."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static, Tabs
from textual.widgets.option_list import Option

from showguide.display import literal


class GuideList(OptionList):
    """An option list that also moves with j and k."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class MasterList(GuideList):
    """The list half of a MasterDetail: Enter opens the highlighted item."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", tooltip="Open the highlighted item."),
    ]


class GuideScroll(VerticalScroll, can_focus=True):
    """A focusable scrolling column of text that also scrolls with j and k."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
    ]


def heading(text: str) -> Option:
    """A group heading inside a GuideList: shown, but never selected.

    Headings can hold data (a character group's name), so they are literal.
    """
    return Option(literal(text.upper(), "bold"), disabled=True)


def hidden_notice(what: str = "Spoiler") -> Text:
    return Text.assemble(("⚠ ", "bold"), (f"{what} hidden", "italic"))


def section(title: str, body: RenderableType, *, id: str | None = None) -> list[Widget]:
    """A titled block of a scrolling pane."""
    return [
        Static(Text(title), classes="section-title"),
        Static(body, classes="section-body", id=id),
    ]


class MasterDetail(Container):
    """A list beside (or, on narrow terminals, above) the detail of its highlighted item.

    Enter moves into the detail; Esc moves back to the list, and from the list
    back to the tab bar.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Back",
            tooltip="Go back: from the detail to its list, from a list to the tab bar.",
        ),
    ]

    def list_widget(self) -> MasterList:
        return self.query_one(MasterList)

    def detail_widget(self) -> GuideScroll:
        return self.query_one(GuideScroll)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.detail_widget().focus()

    def action_back(self) -> None:
        if self.detail_widget().has_focus:
            self.list_widget().focus()
        else:
            self.screen.query_one(Tabs).focus()
