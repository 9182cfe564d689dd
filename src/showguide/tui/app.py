"""The showguide Textual app."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import msgspec
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.notifications import SeverityLevel
from textual.screen import Screen

from showguide.core.catalog import Catalog, CatalogEntry, CatalogLoad
from showguide.core.keymap import check_keymap
from showguide.core.keynames import key_label
from showguide.core.keytable import BY_ID
from showguide.core.model import Show
from showguide.core.prefs import PREFERENCES_FILE, Preferences, Remembered, State
from showguide.core.spoilers import SpoilerShield
from showguide.core.text import one_line, visible
from showguide.core.watch import POLL_SECONDS, Stamps
from showguide.exitcodes import EXIT_BAD_INPUT
from showguide.tui.bindings import bindings
from showguide.tui.breakpoints import HORIZONTAL_BREAKPOINTS, VERTICAL_BREAKPOINTS
from showguide.tui.messages import CatalogLoaded, ShieldToggled
from showguide.tui.styles import PANE_STYLES

if TYPE_CHECKING:
    from showguide.core.catalog import StartCheck
    from showguide.tui.guide import GuideScreen


def guide_items_provider() -> type[Provider]:
    from showguide.tui.palette import GuideItems

    return GuideItems


class ShowGuideApp(App[None], inherit_bindings=False):
    TITLE = "showguide"
    #: What the guide's first frame draws; the other panes' styles are read
    #: when the first of them is built (tui/styles.py).
    CSS_PATH = [
        "app.tcss",
        "widgets.tcss",
        "panes/overview.tcss",
    ]
    #: The catalog screen's own (see CatalogScreen.CSS_PATH): added to the
    #: app's when the app starts on the catalog.
    CATALOG_CSS = Path(__file__).parent / "catalog.tcss"
    # Every key from the command table: Textual's own (Ctrl+C only telling
    # how to quit, Ctrl+Q) are replaced by the table's.
    BINDINGS: ClassVar[list[BindingType]] = bindings("app")
    HORIZONTAL_BREAKPOINTS = HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = VERTICAL_BREAKPOINTS

    # Loaded when the palette first opens, like Textual's own system commands.
    COMMANDS = App.COMMANDS | {guide_items_provider}

    #: Signals that end the app as ``q`` does: the place is saved and the
    #: terminal restored (main screen, mouse reporting off, cursor shown).
    #: Left to Python's defaults they would kill the process with the
    #: terminal still in the app's modes. SIGINT comes only from outside
    #: (``kill -INT``): in the app, Ctrl+C is a key (action_copy_or_quit).
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
        if self.starts_on_catalog:
            # The default screen's CSS_PATH is not read (only a pushed
            # screen's is): read with the app's, last, as it always was,
            # after the lists' it shares with the panes.
            self.css_path.extend([*PANE_STYLES, self.CATALOG_CSS])
        #: The file each opened show was read from (its entry's key), to find it on reload.
        self.show_keys: dict[str, str] = {}
        #: One shield for the whole app: revealing a spoiler, or lowering the
        #: shield, holds in every pane, in search and in the palette.
        self.shield = SpoilerShield(on=self.preferences.spoiler_shield)
        #: Set by run_app, which owns the process: a test's app leaves the
        #: test runner's own signal handlers alone.
        self.ends_on_signals = False
        #: Set by run_app too: files changed on disk are read again as they
        #: change (see core/watch.py); a test's app turns it on when it tests it.
        self.watches_files = False
        self.poll_seconds = POLL_SECONDS
        #: The stamps of the show files and folders as last read (None: not yet taken).
        self.file_stamps: Stamps | None = None
        if self.preferences.theme in self.available_themes:
            self.theme = self.preferences.theme
        # The user's keys, by command id; entries that cannot apply are told
        # on mount, and the others still do.
        where = PREFERENCES_FILE
        if self.remembering:
            from showguide.core.prefs import preferences_path

            where = str(preferences_path())
        self.keymap = check_keymap(self.preferences.keymap, where)
        self.set_keymap(self.keymap.for_textual())
        for command_id, keys in self.keymap.keys.items():
            command = BY_ID[command_id]
            if not command.keys:
                # A command only the palette runs has no binding for the
                # keymap to remap: the user's keys make it one.
                self.bind(
                    ",".join(keys), command.action, description=command.description, show=False
                )

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

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """The palette's Screenshot: saved where it can be, and the notice says where.

        Textual's saves only to ~/Downloads and, when that is missing, says
        just "Failed to save screenshot" (see tui/screenshot.py). In a browser
        (``showguide serve``) the browser takes the file, as Textual does it.
        """
        if self.is_web or path is not None:
            return super().deliver_screenshot(filename, path, time_format)
        from showguide.tui.screenshot import take_screenshot

        take_screenshot(self, filename)
        return None

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        # Textual's notice puts the path inside markup, which notify shows literally.
        if event.name == "screenshot":
            event.prevent_default()
            where = f" to {event.path}" if event.path is not None else ""
            self.notify(f"Saved the screenshot{where}", title="Screenshot", timeout=8)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        if event.name == "screenshot":
            event.prevent_default()
            self.notify(
                f"Could not save the screenshot: {event.exception}",
                title="Screenshot",
                severity="error",
                timeout=8,
            )

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from showguide.tui.contrast import ANSI_TAB

        return {**super().get_theme_variable_defaults(), **ANSI_TAB}

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, with a list cursor and an active tab that
        stay visible in truecolor and in 256 colours (see tui/contrast.py)."""
        from showguide.tui.contrast import cursor_variables

        variables = super().get_css_variables()
        variables.update(cursor_variables(variables))
        return variables

    def validate_title(self, title: object) -> str:
        return one_line(str(title))

    def validate_sub_title(self, sub_title: object) -> str:
        return one_line(str(sub_title))

    def get_key_display(self, binding: Binding) -> str:
        """Keys are shown the same way everywhere: ``Ctrl+P``, ``?``, ``Esc``."""
        return binding.key_display or key_label(binding.key)

    def action_copy_or_quit(self) -> None:
        """Ctrl+C copies the selected text, as in a terminal; with nothing
        selected it quits, as in other terminal tools, keeping the user's place."""
        from textual.widgets import Input

        selected = self.screen.get_selected_text()
        focused = self.focused
        if not selected and isinstance(focused, Input):
            selected = focused.selected_text
        if selected:
            self.copy_to_clipboard(selected)
            self.notify("Copied the selected text.", timeout=2)
        else:
            self.call_later(self.action_quit)

    def action_take_screenshot(self) -> None:
        # As Textual's palette entry does: after the palette has closed.
        self.set_timer(0.1, self.deliver_screenshot)

    @property
    def has_catalog(self) -> bool:
        """True when there is a list of shows to go back to."""
        return self.catalog is not None and len(self.catalog.entries) > 1

    @property
    def starts_on_catalog(self) -> bool:
        """True when the first screen is the catalog (see get_default_screen)."""
        if self.loading is not None or self.show is not None or self.catalog is None:
            return False
        if self.has_catalog and self.chosen is None:
            return True
        entries = self.catalog.entries
        entry = self.chosen or (entries[0] if entries else None)
        return entry is None or entry.show is None or self.has_catalog

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
        if not self.starts_on_catalog:
            return self.guide_screen(self.chosen or self.catalog.entries[0])
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
        # The collector is off from the start's load to the first frame
        # (commands/launch.py, prepare): on from then on.
        self.call_after_refresh(gc.enable)
        self.theme_changed_signal.subscribe(self, self.theme_changed)
        for notice in self.keymap.notices:
            self.notify(notice, severity="warning", timeout=10)
        if self.watches_files:
            self.set_timer(self.poll_seconds, self.poll_files)
        check = self.catalog.check if self.catalog is not None else None
        if check is not None:
            # Drawn from the latest steady load (core/warm_start.py), whose
            # stamps a checker process, or else a thread, compares with the
            # files: its answer is taken once the first frame is up, and a
            # file changed while showguide was closed is read again.
            def done(unchanged: bool) -> None:
                with contextlib.suppress(RuntimeError):  # the app has ended meanwhile
                    self.call_from_thread(self.stamps_checked, check, unchanged)

            self.call_after_refresh(check.start, done)
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the files are being read there is nothing to read again yet.
        return not (action == "reload" and self.loading is not None)

    def action_reload(self) -> None:
        if self.catalog is None:
            self.notify("Nothing to reload: this guide was not read from files.", timeout=3)
            return
        self.run_worker(self.load_again, thread=True, group="reload", exclusive=True)

    def load_again(self, *, on_change: bool = False) -> None:
        """Read the show files again (in a thread); ``on_change``: because the
        poll saw them change, not because the user asked."""
        from showguide.core.watch import stamps

        assert self.catalog is not None
        # Taken before reading: a change made while the files are read is
        # seen by the next poll (if there is one).
        now = stamps(self.catalog) if self.watches_files else None
        catalog = self.catalog.reload()
        self.call_from_thread(self.reloaded, catalog, now, on_change)

    def reloaded(
        self, catalog: Catalog, now: Stamps | None = None, on_change: bool = False
    ) -> None:
        from showguide.tui.reload import apply_reload

        before, self.catalog = self.catalog, catalog
        if now is not None:
            self.file_stamps = now
        if on_change and before is not None and not catalog.changed:
            same = [entry.key for entry in before.entries] == [e.key for e in catalog.entries]
            if same:
                return  # only a folder's time changed (an editor's swap file): nothing to say
        apply_reload(self, catalog, self.show_keys, self.state, quiet_if_unchanged=on_change)

    def stamps_checked(self, check: StartCheck, unchanged: bool) -> None:
        """The files of the catalog the app started with were compared with it."""
        catalog = self.catalog
        if catalog is None or catalog.check is not check:
            return  # read again meanwhile: that catalog is the files' as they are
        if unchanged:
            self.catalog = msgspec.structs.replace(catalog, check=None)
        else:
            self.files_changed()

    def poll_files(self) -> None:
        """Every few seconds: read the files again if their stamps have changed."""
        busy = any(
            worker.group in {"reload", "watch"} and not worker.is_finished
            for worker in self.workers
        )
        if self.catalog is None or busy:
            self.set_timer(self.poll_seconds, self.poll_files)
            return
        self.run_worker(self.check_files, thread=True, group="watch", exclusive=True)

    def check_files(self) -> None:
        from showguide.core.watch import next_poll, stamps

        started = time.perf_counter()
        catalog = self.catalog
        if catalog is None:
            return
        if self.file_stamps is None:
            # The first poll: no stamps of our own yet. Comparing against the
            # files as they are now would miss a save made between reading
            # them and this poll, so check them against what the catalog was
            # read from: reload's fast path does that, a stat a file, and
            # says nothing when nothing changed. It also takes the stamps.
            self.call_from_thread(self.files_changed)
        elif stamps(catalog) != self.file_stamps:
            self.call_from_thread(self.files_changed)
        wait = next_poll(self.poll_seconds, time.perf_counter() - started)
        self.call_from_thread(self.set_timer, wait, self.poll_files)

    def files_changed(self) -> None:
        self.run_worker(
            partial(self.load_again, on_change=True), thread=True, group="reload", exclusive=True
        )

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
        from showguide.tui.loading import LoadingScreen

        if isinstance(self.screen, LoadingScreen):
            self.screen.action_leave()  # stops the reading too
            return
        self.save_state()
        self.exit()

    def end_on_signal(self, number: int) -> None:
        """End as ``q`` does, with the exit status of a process ended by ``number``."""
        # After a SIGHUP the terminal is gone: a notice could not be shown,
        # and the save must not wait for one.
        self.save_state()
        self.exit(return_code=128 + number)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette's commands: those of the command table that work on
        ``screen`` where its focus is, with their keys; Textual's own are not
        listed (their wording is not the app's, and "Keys" is our Help)."""
        from showguide.tui.palette import palette_commands

        for title, help_text, run in palette_commands(self, screen):
            yield SystemCommand(title, help_text, run)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from showguide.tui.palette import GuidePalette

        # Not over itself, nor over a help opened from it (F1 in the palette).
        if self.use_command_palette and not any(
            isinstance(screen, CommandPalette) for screen in self.screen_stack
        ):
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
    app.watches_files = True
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
    app.watches_files = True
    app.run()
    app.save_state(ended=True)  # as in run_app: the app can end without q
    if app.return_code == EXIT_BAD_INPUT and app.catalog is not None:
        return app.catalog
    return app.return_code or 0
