"""The showguide Textual app."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.command import Provider
from textual.screen import Screen

from showguide.core.model import Show
from showguide.core.spoilers import SpoilerShield
from showguide.tui.commands import APP_COMMANDS, GUIDE_COMMANDS, PANE_COMMANDS, app_bindings
from showguide.tui.guide import MIN_HEIGHT, MIN_WIDTH, GuideScreen


def guide_items_provider() -> type[Provider]:
    from showguide.tui.palette import GuideItems

    return GuideItems


#: At this width and wider, lists and their detail sit side by side.
WIDE_WIDTH = 100


class ShowGuideApp(App[None]):
    TITLE = "showguide"
    CSS_PATH = [
        "app.tcss",
        "widgets.tcss",
        "panes/overview.tcss",
        "panes/highlights.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = app_bindings()
    HORIZONTAL_BREAKPOINTS = [
        (0, "-too-narrow"),
        (MIN_WIDTH, "-narrow"),
        (WIDE_WIDTH, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [
        (0, "-too-short"),
        (MIN_HEIGHT, "-tall"),
    ]

    # Loaded when the palette first opens, like Textual's own system commands.
    COMMANDS = App.COMMANDS | {guide_items_provider}

    def __init__(self, show: Show) -> None:
        super().__init__()
        self.show = show
        #: One shield for the whole app: revealing a spoiler, or lowering the
        #: shield, holds in every pane, in search and in the palette.
        self.shield = SpoilerShield()

    def get_default_screen(self) -> Screen[None]:
        return GuideScreen(self.show, self.shield)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # The guide's own commands first: they are what people look for here.
        if isinstance(screen, GuideScreen):
            for command in (*PANE_COMMANDS, *GUIDE_COMMANDS):
                yield SystemCommand(
                    command.title, command.help, partial(screen.run_action, command.action)
                )
        for command in APP_COMMANDS:
            if command.palette:
                yield SystemCommand(
                    command.title, command.help, partial(self.run_action, command.action)
                )
        yield from super().get_system_commands(screen)

    def action_help(self) -> None:
        # Imported on first use: the first frame never needs the help screen.
        from showguide.tui.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
