"""The guide to one show: a header, the panes behind a tab bar, and a footer."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from showguide.core.items import ItemKey
from showguide.core.model import Show
from showguide.core.progress import resolve
from showguide.core.spoilers import SpoilerShield
from showguide.tui.bindings import bindings
from showguide.tui.breakpoints import MIN_HEIGHT, MIN_WIDTH, breakpoint_classes
from showguide.tui.header import ShowHeader
from showguide.tui.keybar import KeyBar
from showguide.tui.messages import ShieldToggled, SpoilersChanged
from showguide.tui.panebar import PaneBar
from showguide.tui.panes.overview import OverviewPane
from showguide.tui.sections import SpoilerAware
from showguide.tui.styles import read_pane_styles

if TYPE_CHECKING:
    from showguide.core.search import SearchIndex

#: Where a search result without a widget of its own is shown.
SCROLL_TARGETS = {"title": "facts", "tags": "facts"}


#: The widget in each pane that takes the focus when the pane is shown.
PANE_FOCUS = {
    "overview": "#overview-scroll",
    "plot": "#plot-scroll",
    "cast": "#cast-list",
    "highlights": "#highlights-list",
    "faq": "#faq-list",
    "sources": "#sources-list",
    "episodes": "#episodes-list",
}


def too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


def too_small_message(size: Size) -> Text:
    return Text.assemble(
        ("Please enlarge the terminal", "bold"),
        f"\nIt is {size.width}×{size.height}; the guide needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
    )


class GuideScreen(Screen[None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = bindings("guide")
    #: The focus starts in the Overview (always composed; another first pane
    #: takes it on mount): not on the tab bar first, as Textual's "*" would
    #: have it. Each change of focus restyles what it leaves and enters.
    AUTO_FOCUS = PANE_FOCUS["overview"]

    def __init__(
        self,
        show: Show,
        shield: SpoilerShield | None = None,
        *,
        pane: str = "overview",
        can_go_back: bool = False,
        watched: str | None = None,
    ) -> None:
        """The guide to ``show``, opening on ``pane``; ``can_go_back``: Esc
        returns to the catalog of shows below this screen. ``watched`` is the
        code of the last episode watched, as remembered (None: none)."""
        super().__init__()
        self.show = show
        progress = resolve(show, watched)
        #: This show's view of the app's shield: it also knows the progress.
        self.shield = (shield if shield is not None else SpoilerShield()).for_show(
            progress.order, progress.watched
        )
        self.progress_notice = progress.notice
        self.has_episodes = bool(len(progress.order))
        if pane == "episodes" and not self.has_episodes:
            pane = "overview"
        self.initial_pane = pane if pane in PANE_FOCUS else "overview"
        self.can_go_back = can_go_back
        self._search_index: SearchIndex | None = None
        self._search_index_lock = threading.Lock()
        #: The panes built so far, by name: the screen's own children, of
        #: which only the current one is displayed (see switch_pane).
        self.pane_widgets: dict[str, Widget] = {}
        self._current_pane = "overview"

    def pane_widget(self, pane: str) -> Widget:
        # Panes other than the first are imported when first shown, to keep
        # their modules (and OptionList) out of start-up; their styles are
        # read then too.
        show, shield = self.show, self.shield
        if pane == "overview":
            return OverviewPane(show)
        read_pane_styles(self.app)
        if pane == "plot":
            from showguide.tui.panes.plot import PlotPane

            return PlotPane(show, shield)
        if pane == "cast":
            from showguide.tui.panes.cast import CastPane

            return CastPane(show, shield)
        if pane == "highlights":
            from showguide.tui.panes.highlights import HighlightsPane

            return HighlightsPane(show, shield)
        if pane == "sources":
            from showguide.tui.panes.sources import SourcesPane

            return SourcesPane(show, shield)
        if pane == "episodes":
            from showguide.tui.panes.episodes import EpisodesPane

            return EpisodesPane(show, shield)
        from showguide.tui.panes.faq import FaqPane

        return FaqPane(show, shield, self.search_index, self.prepare_search_index)

    def compose(self) -> ComposeResult:
        # Set now, not on the first resize: the first frame is styled once.
        self.set_classes(breakpoint_classes(self.app, self.app.size))
        yield ShowHeader(self.show)
        # A one-line PaneBar rather than TabbedContent: the same behaviour for
        # a much cheaper first frame.
        yield PaneBar(id="tabs", episodes=self.has_episodes)
        # Only the first pane is built before the first frame; the others are
        # added when first shown (see ensure_pane). Each pane is the screen's
        # own child, not in a ContentSwitcher and a holder of its own: each
        # of those is a screen-sized widget that Textual styles, lays out and
        # draws under the pane in every frame (about a twentieth of the
        # guide's first frame for the two).
        yield self.new_pane("overview")
        yield KeyBar()
        # The message for a terminal too small for the guide: made when one
        # is (every widget counts in the first frame, a hidden one too).
        if too_small(self.app.size):
            yield Static(too_small_message(self.app.size), id="too-small")

    _resumed = False

    def new_pane(self, pane: str) -> Widget:
        """The widget of ``pane``, made and remembered, not mounted yet."""
        widget = self.pane_widget(pane)
        # Not mounted: styled as it mounts, not once more now.
        widget.add_class("pane", update=False)
        if too_small(self.app.size):
            widget.display = False
        self.pane_widgets[pane] = widget
        return widget

    def pane_content(self, pane: str) -> Widget | None:
        """The widget of ``pane`` (None: not built yet)."""
        return self.pane_widgets.get(pane)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # The first resume comes straight after mounting, when every widget
        # has just been styled: Textual would style them all again (see
        # Screen._on_screen_resume in tui/textual_internals.py).
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    async def on_mount(self) -> None:
        if self.progress_notice:
            self.notify(self.progress_notice, severity="warning", timeout=8)
        if self.initial_pane == "overview":
            self.focus_pane("overview")
        else:
            await self.action_show_pane(self.initial_pane)

    def search_index(self) -> SearchIndex:
        """The show's search index, built on first use: start-up never pays for it.

        It may be being built in a thread (see ``prepare_search_index``); the
        lock makes a caller wait for that build instead of starting another.
        """
        with self._search_index_lock:
            if self._search_index is None:
                from showguide.core.search import SearchIndex

                self._search_index = SearchIndex.for_show(self.show)
            return self._search_index

    def prepare_search_index(self) -> None:
        """Build the index in a thread now, because a search is about to start.

        On a show with thousands of questions the build takes a few hundred
        milliseconds; started when the FAQ filter gets the focus, it is
        usually done before the first key is typed.
        """
        if self._search_index is None:
            self.run_worker(self.search_index, thread=True, group="search-index", exclusive=True)

    def action_search(self) -> None:
        from showguide.tui.search import SearchScreen

        self.app.push_screen(SearchScreen(self.search_index(), self.shield), self.jump_after_search)

    async def jump_after_search(self, key: ItemKey | None) -> None:
        if key is not None:
            await self.jump_to(key)

    async def filter_faq_by_tag(self, tag: str) -> None:
        from showguide.tui.panes.faq import FaqPane

        await self.action_show_pane("faq")
        self.query_one(FaqPane).set_filter(f"#{tag}")

    async def jump_to(self, key: ItemKey | tuple[str, str]) -> None:
        """Show the item at ``key`` in its pane: selected in its list, or scrolled to."""
        from showguide.tui.widgets import ItemList  # the lists: not in the first frame

        pane, item_id = key
        await self.action_show_pane(pane)
        content = self.pane_widgets[pane]
        if isinstance(content, ItemList):
            content.jump_to(item_id)
            return
        target_id = SCROLL_TARGETS.get(item_id, item_id)
        if target_id.startswith("threads:"):
            target_id = "thread-" + target_id.removeprefix("threads:")
        target = content.query(f"#{target_id}")
        if target and target.first().focusable:
            # A story thread: the Plot pane's cursor goes to it.
            self.set_focus(target.first(), scroll_visible=False)
        if target:
            # After the refresh: a pane mounted just now has no layout yet.
            self.call_after_refresh(
                content.scroll_to_widget, target.first(), top=True, animate=False
            )

    def on_resize(self) -> None:
        small = too_small(self.size)
        # The current pane is hidden here, not in app.tcss as the header and
        # the bars are: a pane's display is set inline as it is switched,
        # and an inline style wins over the stylesheet's.
        current = self.pane_widgets.get(self._current_pane)
        if current is not None and current.display == small:
            current.display = not small
        if small:
            found = self.query_children("#too-small")
            if found:
                found.first(Static).update(too_small_message(self.size))
            else:
                self.mount(Static(too_small_message(self.size), id="too-small"))

    async def ensure_pane(self, pane: str) -> None:
        """Build a pane the first time it is shown: hidden, after the others."""
        if pane not in self.pane_widgets:
            last = list(self.pane_widgets.values())[-1]
            widget = self.new_pane(pane)
            widget.display = False
            await self.mount(widget, after=last)

    async def on_pane_bar_chosen(self, event: PaneBar.Chosen) -> None:
        event.stop()
        if event.focus_pane:
            await self.action_show_pane(event.pane)
        else:
            await self.switch_pane(event.pane)

    def focus_pane(self, pane: str) -> None:
        # set_focus acts at once, where Widget.focus() waits for the message
        # queue: keys typed right after the pane key ("3j") must reach the pane.
        found = self.query(PANE_FOCUS[pane])
        # None when the app is closing as the guide mounts (a signal as it
        # starts): its widgets are already being removed.
        if found:
            self.set_focus(found.first())

    @property
    def current_pane(self) -> str:
        return self._current_pane

    async def action_show_pane(self, pane: str) -> None:
        # Awaiting the mount holds back the next key until the pane can take it.
        await self.switch_pane(pane)
        self.focus_pane(pane)

    async def switch_pane(self, pane: str) -> None:
        await self.ensure_pane(pane)
        self.query_one(PaneBar).active = pane
        if pane != self._current_pane:
            self.pane_widgets[self._current_pane].display = False
            self.pane_widgets[pane].display = not too_small(self.size)
            self._current_pane = pane
        remember = getattr(self.app, "remember_place", None)
        if remember is not None:
            remember(self.show.id, pane)

    def on_spoilers_changed(self, event: SpoilersChanged) -> None:
        event.stop()
        for pane in self.pane_widgets.values():
            # A pane still being built (its key and S typed in one go) has
            # nothing to redraw yet: it reads the shield as it composes.
            if isinstance(pane, SpoilerAware) and pane.is_mounted:
                pane.refresh_spoilers()
        self.notify_shield()

    def notify_shield(self) -> None:
        self.refresh_bindings()

    def action_toggle_shield(self) -> None:
        shield_on = self.shield.toggle()
        self.notify(
            "Spoiler shield up: spoilers are hidden."
            if shield_on
            else "Spoiler shield down: every spoiler is shown.",
            timeout=3,
        )
        self.post_message(SpoilersChanged())
        self.app.post_message(ShieldToggled(shield_on))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back_to_catalog":
            return self.can_go_back
        if action == "show_pane" and parameters == ("episodes",):
            # A show with no episodes listed (a film) has no Episodes pane.
            return self.has_episodes
        return True

    def set_progress(self, watched: int) -> None:
        """Remember ``watched`` episodes as watched, and show what that lets through."""
        order = self.shield.order
        if order is None:
            return
        watched = max(0, min(watched, len(order)))
        if watched == self.shield.watched:
            return
        self.shield.set_watched(watched)
        remember = getattr(self.app, "remember_progress", None)
        if remember is not None:
            remember(self.show.id, order.code(watched) if watched else None)
        self.post_message(SpoilersChanged())

    def action_copy_item(self) -> None:
        from showguide.tui.focused import copy_focused

        copy_focused(self)

    def action_edit_item(self) -> None:
        from showguide.tui.focused import edit_focused

        edit_focused(self)

    def action_back_to_catalog(self) -> None:
        if self.can_go_back:
            self.dismiss()
