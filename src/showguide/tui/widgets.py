"""Small building blocks shared by the panes."""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.containers import Container

from showguide.core.spoilers import SpoilerShield
from showguide.display import literal
from showguide.tui.bindings import bindings
from showguide.tui.line_list import LineList, RowNotListed
from showguide.tui.messages import SpoilersChanged
from showguide.tui.rows import ListRow
from showguide.tui.sections import GuideScroll, SpoilerAware


class MasterList(LineList):
    """The list half of a MasterDetail: Enter opens the highlighted item."""


def heading(text: str) -> ListRow:
    """A group heading inside a LineList: shown, but never highlighted or selected.

    Headings can hold data (a character group's name), so they are literal.
    """
    return ListRow(literal(text.upper(), "bold"), enabled=False)


def notice(text: str) -> ListRow:
    """A line in a list that says why it is empty ("No questions match ...")."""
    return ListRow(Text(text, style="italic"), enabled=False)


def hidden_notice(what: str = "Spoiler") -> Text:
    """What stands in for spoiler text while the shield is up."""
    return Text.assemble(("⚠ ", "bold"), (f"{what} hidden", "italic"), (" · s reveals", "dim"))


#: Before an item shown only because it was revealed: it is still a spoiler.
REVEALED_MARK = "⚠ "
REVEALED_STYLE = "dim yellow"


def revealed_mark() -> Text:
    return Text(REVEALED_MARK, style=REVEALED_STYLE)


def item_lines(title: str, description: str, per: str, revealed: bool) -> list[Text]:
    """An item's lines as a list shows them: its title (marked when it is a
    revealed spoiler, with how to hide it), description and source line."""
    heading = literal(title, "bold")
    if revealed:
        heading = Text.assemble(revealed_mark(), heading, (" · revealed spoiler, s hides", "dim"))
    lines = [heading, literal(description)]
    if per:
        lines.append(literal(per, "dim"))
    return lines


def revealed_note(what: str = "Spoiler") -> Text:
    """The line a revealed spoiler's detail ends with: what it is, and how to hide it."""
    return Text.assemble(
        revealed_mark(), (f"{what}, revealed", "italic"), (" · s hides it again", "dim")
    )


class ItemList(Container, SpoilerAware):
    """A pane built around one list of items, each of which may be a spoiler.

    Subclasses say how to draw an item's row (``prompt``) and, for a
    master-detail pane, its detail (``show_detail``); this class keeps them
    in step with the spoiler shield and handles ``s`` (reveal).
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("item-list")

    pane: ClassVar[str]

    def __init__(self, shield: SpoilerShield, items: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shield = shield
        self.items = items

    def item_list(self) -> LineList:
        return self.query_one(LineList)

    def hidden(self, item_id: str) -> bool:
        item = self.items[item_id]
        return self.shield.is_hidden((self.pane, item_id), item.spoiler, item.reveals)

    def revealed(self, item_id: str) -> bool:
        """Whether the item is a spoiler shown because it was revealed one by one."""
        item = self.items[item_id]
        spoiler = getattr(item, "spoiler", None)  # None: not a kind of item that can spoil
        if spoiler is None:
            return False
        return self.shield.is_revealed(self.reveal_key(item_id), spoiler, item.reveals)

    def prompt(self, item_id: str, hidden: bool) -> Text:
        """The text of ``item_id``'s row: masked when ``hidden``, marked when
        :meth:`revealed`."""
        raise NotImplementedError

    def row(self, item_id: str) -> ListRow:
        """The row of ``item_id``: its text is made when it is drawn, from the
        shield as it is then, so a change of progress redraws only what is shown."""
        return ListRow(partial(self.row_text, item_id), item_id)

    def row_text(self, item_id: str) -> Text:
        return self.prompt(item_id, self.hidden(item_id))

    def show_detail(self, item_id: str | None) -> None:
        """Draw the detail of the highlighted item (nothing to do without a detail)."""

    def highlighted_id(self) -> str | None:
        return self.item_list().highlighted_id

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        event.stop()
        self.show_detail(event.row_id)
        self.refresh_bindings()

    def refresh_spoilers(self) -> None:
        self.item_list().refresh_rows()
        self.show_detail(self.highlighted_id())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reveal":
            item_id = self.highlighted_id()
            return item_id is not None and self.hidden(item_id)
        if action == "conceal":
            item_id = self.highlighted_id()
            return item_id is not None and self.revealed(item_id)
        return True

    def reveal_key(self, item_id: str) -> tuple[str, str]:
        """The shield's key for what ``s`` reveals on the row ``item_id``."""
        return (self.pane, item_id)

    def action_reveal(self) -> None:
        item_id = self.highlighted_id()
        if item_id is not None and self.hidden(item_id):
            self.shield.reveal(self.reveal_key(item_id))
            self.post_message(SpoilersChanged())

    def action_conceal(self) -> None:
        item_id = self.highlighted_id()
        if item_id is not None and self.revealed(item_id):
            self.shield.conceal(self.reveal_key(item_id))
            self.post_message(SpoilersChanged())

    def jump_to(self, item_id: str) -> bool:
        """Highlight ``item_id`` and focus the list; False when it is not listed."""
        item_list = self.item_list()
        try:
            item_list.highlighted = item_list.get_index(item_id)
        except RowNotListed:
            return False
        self.screen.set_focus(item_list)
        item_list.scroll_to_highlight()
        return True


class MasterDetail(ItemList):
    """A list beside (or, on narrow terminals, above) the detail of its highlighted item.

    Enter moves into the detail; Esc moves back to the list, and from the list
    back to the tab bar.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("master-detail")

    def list_widget(self) -> MasterList:
        return self.query_one(MasterList)

    def detail_widget(self) -> GuideScroll:
        return self.query_one(GuideScroll)

    # Focus moves with screen.set_focus, at once: Widget.focus() waits for
    # the message queue, so with Esc and a pane key typed in one go it
    # landed after the pane had changed, on a widget of the hidden pane.

    def on_line_list_selected(self, event: LineList.Selected) -> None:
        event.stop()
        self.screen.set_focus(self.detail_widget())

    def action_back(self) -> None:
        if self.detail_widget().has_focus:
            self.screen.set_focus(self.list_widget())
        else:
            self.screen.set_focus(self.screen.query_one("#tabs"))
