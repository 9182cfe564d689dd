from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from showguide.core.model import Show


class ShowGuideApp(App[None]):
    def __init__(self, show: Show) -> None:
        super().__init__()
        self.show = show

    def compose(self) -> ComposeResult:
        yield Static(self.show.title, markup=False)
