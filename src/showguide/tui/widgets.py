"""Small building blocks shared by the panes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from itertools import islice, repeat
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from showguide.core.spoilers import SpoilerShield
from showguide.display import literal
from showguide.tui.messages import SpoilersChanged
from showguide.tui.rows import ListRow

if TYPE_CHECKING:
    from textual.visual import VisualType
    from typing_extensions import Self


class GuideList(OptionList):
    """An option list that also moves with j and k."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    # Textual's OptionList keeps rendered options and the map of its lines in
    # caches that do not know the width they were made at, and empties both on
    # every Resize event. But a Resize arrives after the frame drawn at the new
    # size: the first one after the first frame, so every visible option was
    # rendered twice (a fifth of a thousand-show catalog's first frame), and
    # later ones after a frame drawn from the old width's cache. So each cache
    # here is emptied when it is used at a width it was not made at, and a
    # Resize leaves them be.

    #: The content width of the rendered options in the cache.
    _rendered_width: int | None = None
    #: The content width of the map of lines.
    _lines_width: int | None = None
    #: Page moves asked for before the list was laid out; run on its first Resize.
    _waiting_moves: tuple[Callable[[], None], ...] = ()

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._rendered_width:
            self._option_render_cache.clear()
            self._rendered_width = width
        return super()._get_option_render(option, style)

    def _update_lines(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._lines_width:
            self._line_cache.clear()
            self._lines_width = width
        if width:
            self._map_one_line_rows()
        super()._update_lines()

    def _map_one_line_rows(self) -> None:
        """Add the options from the first unmapped one that are ListRows to the
        map of lines, in bulk; OptionList maps the rest, one at a time.

        OptionList asks each option's visual for its height, a few microseconds
        an option; a ListRow is one line tall at any width, so a thousand of
        them need not be asked. This fills the same map, the same way.
        """
        cache = self._line_cache
        lines = cache.lines
        first = lines[-1][0] + 1 if lines else 0
        end = first
        for option in islice(self.options, first, None):
            if option._divider or not isinstance(option.prompt, ListRow):
                break
            end += 1
        if end == first:
            return
        indexes = range(first, end)
        line_numbers = range(len(lines), len(lines) + len(indexes))
        cache.index_to_line.update(zip(indexes, line_numbers, strict=True))
        cache.heights.update(dict.fromkeys(indexes, 1))
        lines.extend(zip(indexes, repeat(0), strict=False))

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]
        # Keeps OptionList's own handler, next in the MRO, from running.
        event.prevent_default()
        self._expect_overflow()
        # A Resize comes when the list has been laid out: moves can be made.
        moves, self._waiting_moves = self._waiting_moves, ()
        for move in moves:
            move()

    # OptionList learns how many lines it has only once it has been laid out,
    # so a long list was laid out without a scrollbar, then given one, and the
    # whole screen laid out and drawn again: a fifth of a large catalog's first
    # frame. A list with more options than the screen has lines cannot fit
    # whatever its layout, so it has its scrollbar from the first layout on:
    # shown at once, and kept by its style ("-overflowing" in widgets.tcss)
    # until the list is laid out and knows its height.

    def _on_mount(self, event: events.Mount) -> None:
        self._expect_overflow()

    def set_options(self, options: Iterable[Option | VisualType | None]) -> Self:
        super().set_options(options)
        self._expect_overflow()
        return self

    def _expect_overflow(self) -> None:
        overflowing = len(self.options) > self.app.size.height
        self.set_class(overflowing, "-overflowing")
        if overflowing:
            self.show_vertical_scrollbar = True

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # ScrollView repaints its scrollbars when the virtual size the layout
        # gives differs from its own. An OptionList keeps its own (the map of
        # its lines), which never matches the layout's for a list taller than
        # its view: every layout of the screen repainted the scrollbar, one
        # more frame each time. Compared with its own, it repaints when its
        # size changes (and on its own when its lines do, in _update_lines).
        return super()._size_updated(size, self.virtual_size, container_size, layout)

    def action_page_up(self) -> None:
        self._when_laid_out(super().action_page_up)

    def action_page_down(self) -> None:
        self._when_laid_out(super().action_page_down)

    def _when_laid_out(self, move: Callable[[], None]) -> None:
        # Textual's OptionList pages through a map of its lines that it builds
        # only once it has been laid out: PageUp or PageDown arriving between a
        # list's mount and its first frame ("3" then PageDown, typed fast)
        # raised KeyError. Such a key waits for the list's first Resize, not
        # for the next refresh: on a busy machine the list could still be
        # unlaid then, and the key was lost (a flaky test showed it).
        if self.scrollable_content_region:
            move()
        else:
            self._waiting_moves = (*self._waiting_moves, move)


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
    return Option(ListRow(partial(literal, text.upper(), "bold")), disabled=True)


def hidden_notice(what: str = "Spoiler") -> Text:
    """What stands in for spoiler text while the shield is up."""
    return Text.assemble(("⚠ ", "bold"), (f"{what} hidden", "italic"), (" · s reveals", "dim"))


#: Before an item shown only because it was revealed: it is still a spoiler.
REVEALED_MARK = "⚠ "
REVEALED_STYLE = "dim yellow"


def revealed_mark() -> Text:
    return Text(REVEALED_MARK, style=REVEALED_STYLE)


def revealed_note(what: str = "Spoiler") -> Text:
    """The line a revealed spoiler's detail ends with: what it is, and how to hide it."""
    return Text.assemble(
        revealed_mark(), (f"{what}, revealed", "italic"), (" · s hides it again", "dim")
    )


class SpoilerAware:
    """A pane that masks spoilers and can redraw itself when the shield changes."""

    def refresh_spoilers(self) -> None:
        raise NotImplementedError


def section(title: str, body: RenderableType, *, id: str | None = None) -> Static:
    """A titled block of a scrolling pane, as one widget (every widget counts
    in the first frame): the title is drawn in its top border."""
    block = Static(body, classes="section", id=id)
    block.border_title = literal(title)
    return block


class ItemList(Container, SpoilerAware):
    """A pane built around one list of items, each of which may be a spoiler.

    Subclasses say how to draw an item's row (``prompt``) and, for a
    master-detail pane, its detail (``show_detail``); this class keeps them
    in step with the spoiler shield and handles ``s`` (reveal).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "reveal", "Reveal", tooltip="Reveal the spoiler under the cursor."),
        # The same key: whichever of the two the item under the cursor allows.
        Binding("s", "conceal", "Hide", tooltip="Hide again the spoiler under the cursor."),
    ]

    pane: ClassVar[str]

    def __init__(self, shield: SpoilerShield, items: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shield = shield
        self.items = items

    def item_list(self) -> GuideList:
        return self.query_one(GuideList)

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

    def prompt(self, item_id: str, hidden: bool) -> RenderableType | ListRow:
        """The item's row: masked when ``hidden``, marked when :meth:`revealed`."""
        raise NotImplementedError

    def show_detail(self, item_id: str | None) -> None:
        """Draw the detail of the highlighted item (nothing to do without a detail)."""

    def highlighted_id(self) -> str | None:
        option = self.item_list().highlighted_option
        return option.id if option is not None else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.show_detail(event.option.id)
        self.refresh_bindings()

    #: Whether each row was hidden, and whether revealed, when last drawn: a
    #: change of progress redraws only the rows it changes, not a thousand-row list.
    _drawn_hidden: dict[str, tuple[bool, bool]]

    #: False for a pane that redraws its rows its own way (Episodes).
    tracks_drawn_rows: ClassVar[bool] = True

    def on_mount(self) -> None:
        # The rows were just composed from the shield as it is now.
        if self.tracks_drawn_rows:
            self._drawn_hidden = {item_id: self.spoiler_state(item_id) for item_id in self.items}

    def spoiler_state(self, item_id: str) -> tuple[bool, bool]:
        """(hidden, revealed): what decides how the item's row is drawn."""
        hidden = self.hidden(item_id)
        return hidden, not hidden and self.revealed(item_id)

    def refresh_spoilers(self) -> None:
        item_list = self.item_list()
        drawn = getattr(self, "_drawn_hidden", {})
        for option in item_list.options:
            item_id = option.id
            if item_id is not None and item_id in self.items:
                state = self.spoiler_state(item_id)
                if drawn.get(item_id) != state:
                    item_list.replace_option_prompt(item_id, self.prompt(item_id, state[0]))
                    drawn[item_id] = state
        self._drawn_hidden = drawn
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
            item_list.highlighted = item_list.get_option_index(item_id)
        except OptionDoesNotExist:
            return False
        self.screen.set_focus(item_list)
        item_list.scroll_to_highlight()
        return True


class MasterDetail(ItemList):
    """A list beside (or, on narrow terminals, above) the detail of its highlighted item.

    Enter moves into the detail; Esc moves back to the list, and from the list
    back to the tab bar.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Back",
            show=False,
            tooltip="Go back: from the detail to its list, from a list to the tab bar.",
        ),
    ]

    def list_widget(self) -> MasterList:
        return self.query_one(MasterList)

    def detail_widget(self) -> GuideScroll:
        return self.query_one(GuideScroll)

    # Focus moves with screen.set_focus, at once: Widget.focus() waits for
    # the message queue, so with Esc and a pane key typed in one go it
    # landed after the pane had changed, on a widget of the hidden pane.

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.screen.set_focus(self.detail_widget())

    def action_back(self) -> None:
        if self.detail_widget().has_focus:
            self.screen.set_focus(self.list_widget())
        else:
            self.screen.set_focus(self.screen.query_one("#tabs"))
