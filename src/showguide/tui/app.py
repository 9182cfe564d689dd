"""The showguide Textual app."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

import msgspec
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.command import Provider
from textual.notifications import SeverityLevel
from textual.screen import Screen

from showguide.core.catalog import Catalog, CatalogEntry, CatalogLoad
from showguide.core.model import Show
from showguide.core.prefs import Preferences, Remembered, State
from showguide.core.spoilers import SpoilerShield
from showguide.core.text import one_line, visible
from showguide.exitcodes import EXIT_BAD_INPUT
from showguide.tui.breakpoints import HORIZONTAL_BREAKPOINTS, VERTICAL_BREAKPOINTS
from showguide.tui.commands import APP_COMMANDS, GUIDE_COMMANDS, PANE_COMMANDS, app_bindings
from showguide.tui.messages import CatalogLoaded, ShieldToggled

if TYPE_CHECKING:
    from showguide.tui.guide import GuideScreen


def guide_items_provider() -> type[Provider]:
    from showguide.tui.palette import GuideItems

    return GuideItems


class ShowGuideApp(App[None]):
    TITLE = "showguide"
    CSS_PATH = [
        "app.tcss",
        "widgets.tcss",
        "panes/overview.tcss",
        "panes/highlights.tcss",
        "catalog.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = app_bindings()
    HORIZONTAL_BREAKPOINTS = HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = VERTICAL_BREAKPOINTS

    # Loaded when the palette first opens, like Textual's own system commands.
    COMMANDS = App.COMMANDS | {guide_items_provider}

    #: Signals that end the app as ``q`` does: the place is saved and the
    #: terminal restored (main screen, mouse reporting off, cursor shown).
    #: Left to Python's defaults they would kill the process with the
    #: terminal still in the app's modes. SIGINT comes only from outside
    #: (``kill -INT``): in the app, Ctrl+C is a key (action_help_quit).
    ENDING_SIGNALS: ClassVar[tuple[signal.Signals, ...]] = tuple(
        getattr(signal, name)
        for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGINT")
        if hasattr(signal, name)
    )

    def __init__(
        self,
        show: Show | None = None,
        *,
        catalog: Catalog | None = None,
        chosen: CatalogEntry | None = None,
        remembered: Remembered | None = None,
        loading: CatalogLoad | None = None,
    ) -> None:
        """The guide to ``show``; or, given a ``catalog``, the catalog of shows.

        With a catalog, ``chosen`` opens at once (Esc goes back to the catalog
        when there are other shows). ``remembered`` holds the preferences and
        state to start from; when it is given, changes to them are saved.
        Given ``loading`` (a catalog still to be read), the app draws at once
        and reads it with a progress bar, then goes on as with ``catalog``.
        """
        super().__init__()
        if show is None and catalog is None and loading is None:
            raise ValueError("ShowGuideApp needs a show or a catalog")
        self.loading = loading
        self.show = show
        self.catalog = catalog
        self.chosen = chosen
        self.remembering = remembered is not None
        self.preferences = remembered.preferences if remembered else Preferences()
        self.state = remembered.state if remembered else State()
        # As last read or saved: a save writes only what changed since, so that
        # another showguide's choices, saved meanwhile, are not reverted.
        self.saved_preferences = self.preferences
        self.base_state = self.state
        #: The state as last saved: saving it again would change nothing.
        self.saved_state: State | None = None
        self.startup_notices = remembered.notices if remembered else ()
        #: The file each opened show was read from (its entry's key), to find it on reload.
        self.show_keys: dict[str, str] = {}
        #: One shield for the whole app: revealing a spoiler, or lowering the
        #: shield, holds in every pane, in search and in the palette.
        self.shield = SpoilerShield(on=self.preferences.spoiler_shield)
        #: Set by run_app, which owns the process: a test's app leaves the
        #: test runner's own signal handlers alone.
        self.ends_on_signals = False
        if self.preferences.theme in self.available_themes:
            self.theme = self.preferences.theme

    # --- what reaches the screen ------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification in the app, shown literally.

        Notifications carry show titles, problem lines, file and folder names;
        Textual's own carry paths too (a saved screenshot's, inside markup).
        Widgets' and screens' ``notify`` come here, so this is the one door:
        ``markup`` is ignored (a title such as ``[@click=app.quit]`` must not
        plant an action, and ``[/x]`` must not crash the app), and control and
        invisible characters are made visible (a folder name must not set the
        terminal's title or clipboard).
        """
        super().notify(
            visible(message),
            title=one_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def validate_title(self, title: object) -> str:
        return one_line(str(title))

    def validate_sub_title(self, sub_title: object) -> str:
        return one_line(str(sub_title))

    def action_help_quit(self) -> None:
        """Ctrl+C quits, as in other terminal tools, keeping the user's place.

        Textual's default only says which key quits. Where Ctrl+C copies (text
        selected on screen or in an input), that binding comes first.
        """
        self.call_later(self.action_quit)

    @property
    def has_catalog(self) -> bool:
        """True when there is a list of shows to go back to."""
        return self.catalog is not None and len(self.catalog.entries) > 1

    def get_default_screen(self) -> Screen[None]:
        if self.loading is not None:
            from showguide.tui.loading import LoadingScreen

            return LoadingScreen(self.loading)
        if self.show is not None:
            from showguide.tui.guide import GuideScreen

            return GuideScreen(
                self.show, self.shield, watched=self.state.progress_for(self.show.id)
            )
        assert self.catalog is not None
        if not self.has_catalog or self.chosen is not None:
            entry = self.chosen or self.catalog.entries[0]
            if entry.show is not None and not self.has_catalog:
                return self.guide_screen(entry)
        from showguide.tui.catalog import CatalogScreen

        return CatalogScreen(self.catalog, highlight=self.state.last_show)

    def on_load(self) -> None:
        # On Load, before Textual puts the terminal in the app's modes: from
        # then on a signal ends the app through the path that restores them.
        if self.ends_on_signals:
            loop = asyncio.get_running_loop()
            for number in self.ENDING_SIGNALS:
                loop.add_signal_handler(number, self.end_on_signal, number)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self.theme_changed)
        if self.catalog is not None:
            for notice in (*self.startup_notices, *self.catalog.notices):
                self.notify(notice, timeout=8)
        if self.has_catalog and self.chosen is not None and self.chosen.show is not None:
            self.open_show(self.chosen)

    def on_catalog_loaded(self, event: CatalogLoaded) -> None:
        self.catalog_loaded(event.catalog)

    def catalog_loaded(self, catalog: Catalog) -> None:
        """The catalog the loading screen read: go on to it, as a warm start would have."""
        self.catalog = catalog
        self.loading = None
        if not any(entry.ok for entry in catalog.entries):
            # Nothing to show: the command line says why, once the terminal is back.
            self.exit(return_code=EXIT_BAD_INPUT)
            return
        for notice in (*self.startup_notices, *catalog.notices):
            self.notify(notice, timeout=8)
        # Pushed over the loading screen, which stays below, idle: the
        # default screen cannot be switched away.
        self.push_screen(self.get_default_screen())

    # --- shows --------------------------------------------------------------

    def guide_screen(self, entry: CatalogEntry) -> GuideScreen:
        # Imported when first needed: a start on the catalog draws its first
        # frame without the guide's modules.
        from showguide.tui.guide import GuideScreen

        assert entry.show is not None
        self.show_keys[entry.id] = entry.key
        pane = self.state.pane_for(entry.id) or "overview"
        return GuideScreen(
            entry.show,
            self.shield,
            pane=pane,
            can_go_back=self.has_catalog,
            watched=self.state.progress_for(entry.id),
        )

    def open_show(self, entry: CatalogEntry) -> None:
        """Open ``entry``'s guide over the catalog, at the pane it was left on."""
        if entry.show is None:
            return
        self.push_screen(self.guide_screen(entry))
        self.remember_place(entry.id, self.state.pane_for(entry.id) or "overview")

    def remember_place(self, show_id: str, pane: str) -> None:
        self.state = self.state.with_pane(show_id, pane)

    def remember_progress(self, show_id: str, code: str | None) -> None:
        """Remember the last episode watched in ``show_id``, and save it at once:
        progress is what a viewer would most mind losing."""
        self.state = self.state.with_progress(show_id, code)
        self.save_state()

    def action_reload(self) -> None:
        if self.catalog is None:
            self.notify("Nothing to reload: this guide was not read from files.", timeout=3)
            return
        self.run_worker(self.load_again, thread=True, group="reload", exclusive=True)

    def load_again(self) -> None:
        assert self.catalog is not None
        catalog = self.catalog.reload()
        self.call_from_thread(self.reloaded, catalog)

    def reloaded(self, catalog: Catalog) -> None:
        from showguide.tui.reload import apply_reload

        self.catalog = catalog
        apply_reload(self, catalog, self.show_keys, self.state)

    # --- remembered preferences ---------------------------------------------

    def theme_changed(self, theme: object) -> None:
        self.save_preferences(msgspec.structs.replace(self.preferences, theme=self.theme))

    def on_shield_toggled(self, event: ShieldToggled) -> None:
        self.save_preferences(msgspec.structs.replace(self.preferences, spoiler_shield=event.on))

    def save_preferences(self, preferences: Preferences) -> None:
        self.preferences = preferences
        if self.remembering:
            from showguide.core.prefs import preferences_path, save_merged

            saved = save_merged(
                preferences_path(), preferences, self.saved_preferences, "preferences"
            )
            # Take in what another showguide saved meanwhile, so that the next
            # save does not write back this app's older value of it.
            self.preferences = self.saved_preferences = saved.value
            if saved.notice is not None:
                self.notify(saved.notice, severity="warning", timeout=6)

    def save_state(self, *, ended: bool = False) -> None:
        """Save where the viewer is; ``ended``: the app has stopped, so a save
        that fails is told on standard error rather than in a notification."""
        if self.remembering and self.state != self.saved_state:
            from showguide.core.prefs import save_merged, state_path

            saved = save_merged(state_path(), self.state, self.base_state, "state")
            if saved.written:
                # Take in what another showguide saved meanwhile.
                self.state = self.saved_state = self.base_state = saved.value
            if saved.notice is not None:
                if ended:
                    from showguide.streams import report

                    report(saved.notice)
                else:
                    self.notify(saved.notice, severity="warning", timeout=6)

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    def end_on_signal(self, number: int) -> None:
        """End as ``q`` does, with the exit status of a process ended by ``number``."""
        # After a SIGHUP the terminal is gone: a notice could not be shown,
        # and the save must not wait for one.
        self.save_state()
        self.exit(return_code=128 + number)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from showguide.tui.guide import GuideScreen

        # The guide's own commands first: they are what people look for here.
        if isinstance(screen, GuideScreen):
            for command in (*PANE_COMMANDS, *GUIDE_COMMANDS):
                if screen.check_action(command.action, ()) is False:
                    continue
                yield SystemCommand(
                    command.title, command.help, partial(screen.run_action, command.action)
                )
        for command in APP_COMMANDS:
            if command.palette:
                yield SystemCommand(
                    command.title, command.help, partial(self.run_action, command.action)
                )
        yield from super().get_system_commands(screen)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from showguide.tui.palette import GuidePalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(GuidePalette(id="--command-palette"))

    def action_help(self) -> None:
        # Imported on first use: the first frame never needs the help screen.
        from showguide.tui.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))


def run_app(catalog: Catalog, chosen: CatalogEntry | None, remembered: Remembered) -> int:
    """Run the app until the user quits, on ``catalog`` (every show found),
    opening ``chosen`` at once or, when None, the catalog screen, starting from
    the ``remembered`` preferences and state (and saving their changes).

    The command line gets these from :func:`showguide.commands.launch.prepare`.
    Returns the exit status: 0, or 128 + N when signal N ended the app.
    """
    app = ShowGuideApp(catalog=catalog, chosen=chosen, remembered=remembered)
    app.ends_on_signals = True
    app.run()
    # The app can end without q: a browser tab closed under `showguide serve`
    # asks it to quit. Where the viewer was is remembered all the same.
    app.save_state(ended=True)
    return app.return_code or 0


def run_loading_app(load: CatalogLoad, remembered: Remembered) -> Catalog | int:
    """Run the app on a catalog still to be read, drawing a progress bar while
    it is (:class:`~showguide.tui.loading.LoadingScreen`).

    Returns the catalog when no show in it could be loaded, for the command
    line to say why; otherwise the exit status, as :func:`run_app` does.
    """
    app = ShowGuideApp(loading=load, remembered=remembered)
    app.ends_on_signals = True
    app.run()
    app.save_state(ended=True)  # as in run_app: the app can end without q
    if app.return_code == EXIT_BAD_INPUT and app.catalog is not None:
        return app.catalog
    return app.return_code or 0
