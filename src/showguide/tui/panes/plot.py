"""Plot: synopsis, setting, themes and story threads (spoiler threads masked)."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Static

from showguide.core.items import thread_key
from showguide.core.model import Show, StoryThread
from showguide.core.provenance import attribution
from showguide.core.spoilers import SpoilerShield
from showguide.display import literal
from showguide.tui.bindings import bindings
from showguide.tui.chips import theme_chips
from showguide.tui.columns import ColumnScroll
from showguide.tui.messages import SpoilersChanged
from showguide.tui.sections import SpoilerAware, section
from showguide.tui.widgets import (
    hidden_notice,
    item_lines,
)


def thread_text(thread: StoryThread, hidden: bool, per: str = "", revealed: bool = False) -> Group:
    if hidden:
        return Group(hidden_notice("Spoiler thread"), Text())
    return Group(*item_lines(thread.title, thread.description, per, revealed), Text())


def thread_widget_id(thread_id: str) -> str:
    return f"thread-{thread_id}"


class ThreadBlock(Static, can_focus=True):
    """One story thread; the focused one is under the Plot pane's cursor,
    which ``s`` acts on (Tab, n and p move it; a click puts it there)."""

    def __init__(self, thread: StoryThread, body: Group) -> None:
        super().__init__(body, classes="section-body thread", id=thread_widget_id(thread.id))
        self.thread = thread


class PlotPane(ColumnScroll, SpoilerAware):
    BINDINGS: ClassVar[list[BindingType]] = bindings("plot")

    def __init__(self, show: Show, shield: SpoilerShield) -> None:
        super().__init__(id="plot-scroll")
        self.show = show
        self.shield = shield

    def hidden(self, thread: StoryThread) -> bool:
        return self.shield.is_hidden(thread_key(thread.id), thread.spoiler, thread.reveals)

    def revealed(self, thread: StoryThread) -> bool:
        return self.shield.is_revealed(thread_key(thread.id), thread.spoiler, thread.reveals)

    def per(self, thread: StoryThread) -> str:
        return attribution(self.show, list(thread.sources))

    def thread_text(self, thread: StoryThread) -> Group:
        hidden = self.hidden(thread)
        revealed = not hidden and self.revealed(thread)
        return thread_text(thread, hidden, self.per(thread), revealed)

    def column_widgets(self) -> tuple[list[Widget], list[Widget]]:
        plot = self.show.plot
        per = attribution(self.show, list(plot.sources))
        synopsis = Group(literal(plot.synopsis), *([literal(per, "dim")] if per else []))
        # The story on the left; its threads on the right.
        story: list[Widget] = [section("Synopsis", synopsis, id="synopsis")]
        if plot.setting:
            story.append(section("Setting", literal(plot.setting), id="setting"))
        if plot.themes:
            story.append(section("Themes", theme_chips(plot.themes), id="themes"))
        threads: list[Widget] = []
        if plot.threads:
            threads.append(Static(Text("Story threads"), classes="section-title", id="threads"))
            threads.extend(ThreadBlock(thread, self.thread_text(thread)) for thread in plot.threads)
        return story, threads

    def blocks(self) -> list[ThreadBlock]:
        return list(self.query(ThreadBlock))

    def current(self) -> ThreadBlock | None:
        """The story thread under the cursor: the focused one."""
        focused = self.screen.focused
        return focused if isinstance(focused, ThreadBlock) and self in focused.ancestors else None

    def refresh_spoilers(self) -> None:
        for block in self.blocks():
            block.update(self.thread_text(block.thread))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        current = self.current()
        if action == "reveal":
            return current is not None and self.hidden(current.thread)
        if action == "conceal":
            return current is not None and self.revealed(current.thread)
        if action == "next_spoiler":
            on_spoiler = current is not None and (
                self.hidden(current.thread) or self.revealed(current.thread)
            )
            return not on_spoiler and any(self.hidden(thread) for thread in self.show.plot.threads)
        if action in ("next_thread", "previous_thread"):
            return bool(self.show.plot.threads)
        return True

    def move_to(self, block: ThreadBlock) -> None:
        # set_focus at once (see MasterDetail); focusing scrolls it into view.
        self.screen.set_focus(block)
        self.refresh_bindings()

    def action_next_thread(self) -> None:
        self._step(1)

    def action_previous_thread(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        blocks = self.blocks()
        if not blocks:
            return
        current = self.current()
        if current is None:
            index = 0 if step > 0 else len(blocks) - 1
        else:
            index = min(max(blocks.index(current) + step, 0), len(blocks) - 1)
        self.move_to(blocks[index])

    def action_next_spoiler(self) -> None:
        blocks = self.blocks()
        current = self.current()
        start = blocks.index(current) + 1 if current is not None else 0
        for block in blocks[start:] + blocks[:start]:
            if self.hidden(block.thread):
                self.move_to(block)
                return

    def action_reveal(self) -> None:
        current = self.current()
        if current is not None and self.hidden(current.thread):
            self.shield.reveal(thread_key(current.thread.id))
            self.screen.post_message(SpoilersChanged())

    def action_conceal(self) -> None:
        current = self.current()
        if current is not None and self.revealed(current.thread):
            self.shield.conceal(thread_key(current.thread.id))
            self.screen.post_message(SpoilersChanged())
