"""The first screen of a cold start: the show files being read, with a progress bar.

A first start on thousands of files parses every one (several seconds); the
app draws this at once rather than a blank terminal, reads in a thread, and
moves on to the catalog when done. Esc or q leaves: the reading (and its
worker processes) stops at its next progress report.
"""

from __future__ import annotations

import threading
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from showguide.core.catalog import Catalog, CatalogLoad
from showguide.core.parallel import LoadCancelled, progress_text
from showguide.tui.keybar import KeyBar
from showguide.tui.messages import CatalogLoaded


class LoadingScreen(Screen[None]):
    """Reading the show files: how many of how many, and a way out."""

    # Here, not in a .tcss file: Textual reads a screen's CSS_PATH only for
    # screens pushed, not for the default screen; and the app's own CSS_PATH
    # would make every start parse it. DEFAULT_CSS is read when first used.
    DEFAULT_CSS = """
    LoadingScreen {
        align: center middle;
    }

    #loading-box {
        width: 64;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: round $primary;
        border-title-align: left;
    }

    #loading-count {
        height: 1;
        margin-bottom: 1;
    }

    #loading-bar {
        width: 100%;
        margin-bottom: 1;
    }

    #loading-bar Bar {
        width: 1fr;
    }

    #loading-hint {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Leave", tooltip="Stop reading and leave showguide."),
        Binding("q", "leave", "Leave", show=False, tooltip="Stop reading and leave showguide."),
    ]

    def __init__(self, load: CatalogLoad) -> None:
        super().__init__()
        self.load = load
        #: Set when the user leaves; the reading thread stops at its next report.
        self.cancelled = threading.Event()

    def compose(self) -> ComposeResult:
        with Vertical(id="loading-box") as box:
            box.border_title = "showguide"
            yield Static(progress_text(0, self.load.total), id="loading-count")
            yield ProgressBar(total=self.load.total, show_eta=False, id="loading-bar")
            yield Static(
                "The first start reads every file; later starts are quick.\nEsc or q leaves.",
                id="loading-hint",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        self.run_worker(self.read, thread=True, group="loading", exit_on_error=True)

    def read(self) -> None:
        try:
            catalog = self.load.finish(progress=self.report)
        except LoadCancelled:
            return
        if not self.cancelled.is_set():
            self.app.call_from_thread(self.loaded, catalog)

    def report(self, done: int, total: int) -> None:
        """Called from the reading thread; raising stops the reading."""
        if self.cancelled.is_set():
            raise LoadCancelled
        self.app.call_from_thread(self.show_progress, done, total)

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#loading-count", Static).update(progress_text(done, total))
        self.query_one("#loading-bar", ProgressBar).update(progress=done, total=total)

    def loaded(self, catalog: Catalog) -> None:
        # Later, not now: the reading thread waits for this call to return,
        # and switching screens waits for this screen's worker, that thread.
        self.app.post_message(CatalogLoaded(catalog))

    def action_leave(self) -> None:
        self.cancelled.set()
        self.app.exit()
