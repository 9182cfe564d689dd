"""Where showguide leans on Textual's private names: all of it, said and checked here.

Textual's private names (``_update_lines``, ``_select_command``, ...) can
change in any release without notice. Code that relies on them lives in this
module, and :data:`PRIVATE_NAMES` lists every one of them with what Textual
does, why showguide needs otherwise, and where it is used.
``tests/tui/test_textual_internals.py`` checks that each still exists with the
signature listed here, and that no other module of showguide reaches for a
private name that is not listed: after a Textual upgrade a changed name fails
a test instead of silently losing a fix.

Checked against Textual :data:`CHECKED_WITH` (pyproject.toml bounds Textual to
its minor version). To upgrade Textual, see CONTRIBUTING.md: run that test
first, re-read each entry below against the new source, then change
:data:`CHECKED_WITH`.

The master lists (LineList, tui/line_list.py) use only Textual's public line
API and need nothing here. Listed too: the few private names the tests
themselves read (the composed frame, notifications) and those of
textual-serve that ``showguide serve`` overrides (web/server.py, which loads
only with the serve extra).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, ClassVar, NamedTuple

from textual import on
from textual.command import CommandList, CommandPalette
from textual.css.styles import RulesMap
from textual.css.types import TextOverflow, TextWrap
from textual.visual import RenderOptions
from textual.widgets import Input, OptionList

#: The Textual release every entry of :data:`PRIVATE_NAMES` was read against.
CHECKED_WITH = "8.2.8"


# A NamedTuple, not a dataclass: this module loads with the first frame
# (list rows need one_line_options), and a dataclass costs a millisecond to make.
class PrivateName(NamedTuple):
    """One private name of Textual (or textual-serve) that showguide relies on."""

    #: The class (or module) that defines it: ``module:Qualified.Name``.
    owner: str
    name: str
    #: ``str(inspect.signature(...))`` of the method as checked; None for an attribute.
    signature: str | None
    #: Where showguide uses it: ``module:Qualified.Name``.
    used_in: tuple[str, ...]
    #: What Textual does with it.
    textual_does: str
    #: Why showguide does otherwise.
    showguide_needs: str


_OPTION_LIST = "textual.widgets._option_list:OptionList"

PRIVATE_NAMES: tuple[PrivateName, ...] = (
    # --- one-line rows (tui/rows.py) ------------------------------------------
    PrivateName(
        owner="textual.content:Content",
        name="render_strips",
        signature="(self, width: 'int', height: 'int | None', style: 'Style', "
        "options: 'RenderOptions') -> 'list[Strip]'",
        used_in=("showguide.tui.textual_internals:one_line_options",),
        textual_does="Reads the rules it wraps and cuts by only through options.rules.get(), "
        "though RenderOptions types them as a RulesMap (a TypedDict).",
        showguide_needs="A list row is one line at any width whatever the list's styles say, "
        "so its options carry OneLineRules, a stand-in with .get() that answers the wrap and "
        "overflow rules itself (a row measured as one line costs nothing to lay out).",
    ),
    # --- the command palette (tui/palette.py) ---------------------------------
    PrivateName(
        owner="textual.command:CommandPalette",
        name="_select_command",
        signature="(self, event: 'OptionList.OptionSelected') -> 'None'",
        used_in=("showguide.tui.textual_internals:MendedCommandPalette",),
        textual_does="Handles OptionList.OptionSelected: takes the chosen hit and, as the "
        "palette runs on select, closes the palette and runs it.",
        showguide_needs="An Enter typed in the same moment as Ctrl+P can be taken after the "
        "palette has closed: it closed twice, the second close popped the guide itself "
        "(ScreenStackError) and ran the command twice. ignore_once_closed prevents this "
        "handler (event.prevent_default) once the palette is no longer current.",
    ),
    PrivateName(
        owner="textual.command:CommandPalette",
        name="_select_or_command",
        signature="(self, event: 'Input.Submitted | Button.Pressed | None' = None) -> 'None'",
        used_in=("showguide.tui.textual_internals:MendedCommandPalette",),
        textual_does="Handles Input.Submitted: selects the highlighted hit or runs the "
        "selected command, closing the palette.",
        showguide_needs="As for _select_command: a submit that arrives once the palette has "
        "closed must not close it a second time.",
    ),
    PrivateName(
        owner=_OPTION_LIST,
        name="_move_page",
        signature="(self, direction: '_widget_navigation.Direction') -> 'None'",
        used_in=("showguide.tui.textual_internals:MendedCommandPalette",),
        textual_does="Pages through the map of the list's lines (_index_to_line, _lines), "
        "which exists only once the list has been laid out; before that it raises KeyError.",
        showguide_needs="PageDown pressed straight after Ctrl+P (or straight after a pane "
        "opens) must not crash: the move waits until the list has a size.",
    ),
    # --- the guide's first frame: its widgets styled once (tui/guide.py) -------
    PrivateName(
        owner="textual.screen:Screen",
        name="_on_screen_resume",
        signature="(self, event: 'events.ScreenResume') -> 'None'",
        used_in=(
            "showguide.tui.guide:GuideScreen.on_screen_resume",
            "showguide.tui.catalog:CatalogScreen.on_screen_resume",
        ),
        textual_does="Restyles the screen and every widget in it on each ScreenResume whose "
        "refresh_styles is true (the default), then lays it out. The first comes straight "
        "after the screen has mounted, when each widget was styled as it mounted.",
        showguide_needs="That first restyle is a second styling of every widget of the "
        "guide's first frame, for nothing (about 17 M instructions of 1,450 M), and of the "
        "catalog's. GuideScreen and CatalogScreen "
        "turn refresh_styles off for their first resume only, in a handler Textual "
        "calls before Screen's own (a subclass's handlers run first); every later resume "
        "(after a dialog, or a theme changed meanwhile) restyles as before.",
    ),
    # --- the tests' eyes: what is on screen, read as Textual composes it -------
    PrivateName(
        owner="textual.screen:Screen",
        name="_compositor",
        signature=None,
        used_in=("tests.tui.shows:on_screen", "tests.tui.shows:screen_output"),
        textual_does="The screen's compositor: its widgets arranged into the frame.",
        showguide_needs="Tests read the composed frame (what a user sees, borders and "
        "all) rather than a widget's own render.",
    ),
    PrivateName(
        owner="textual._compositor:Compositor",
        name="render_update",
        signature="(self, full: 'bool' = False, screen_stack: 'list[Screen] | None' = None, "
        "simplify: 'bool' = False) -> 'RenderableType | None'",
        used_in=("tests.tui.shows:screen_output",),
        textual_does="The update Textual writes to the terminal for a frame.",
        showguide_needs="Tests check the bytes written for data text: no escape sequence "
        "from a show file reaches the terminal.",
    ),
    PrivateName(
        owner="textual.app:App",
        name="_background_screens",
        signature=None,
        used_in=("tests.tui.shows:screen_output",),
        textual_does="The screens drawn under a modal one.",
        showguide_needs="A full frame in the tests includes what shows under a dialog.",
    ),
    PrivateName(
        owner="textual.widgets._toast",
        name="Toast",
        signature=None,
        used_in=("tests.tui.test_notices",),
        textual_does="The widget a notification is shown in (not exported by textual.widgets).",
        showguide_needs="Tests read and click notifications as a user does.",
    ),
    # --- showguide serve (web/server.py): textual-serve's app service ----------
    PrivateName(
        owner="textual_serve.app_service:AppService",
        name="_open_app_process",
        signature="(self, width: 'int' = 80, height: 'int' = 24) -> 'Process'",
        used_in=("showguide.web.server:AppProcess",),
        textual_does="Starts the app through a shell from one command-line string, in the "
        "server's own session.",
        showguide_needs="The app is started from an argv list (no shell: a show name is never "
        "parsed by one) in a session of its own, so Ctrl+C reaches the server alone.",
    ),
    PrivateName(
        owner="textual_serve.app_service:AppService",
        name="_build_environment",
        signature="(self, width: 'int' = 80, height: 'int' = 24) -> 'dict[str, str]'",
        used_in=("showguide.web.server:AppProcess",),
        textual_does="The environment that makes the app use Textual's web driver.",
        showguide_needs="Reused as it is by the argv-based start above.",
    ),
    PrivateName(
        owner="textual_serve.app_service:AppService",
        name="_process",
        signature=None,
        used_in=("showguide.web.server:AppProcess",),
        textual_does="The app's process, which the service stops and waits for.",
        showguide_needs="Set by the argv-based start, as Textual's own start sets it.",
    ),
    PrivateName(
        owner="textual_serve.app_service:AppService",
        name="_stdin",
        signature=None,
        used_in=("showguide.web.server:AppProcess",),
        textual_does="Where the service writes the browser's keys and resizes.",
        showguide_needs="Set by the argv-based start, as Textual's own start sets it.",
    ),
)


# --- one-line rows -------------------------------------------------------------

#: How every list row is drawn, whatever the list's own styles say.
ONE_LINE: dict[str, TextWrap | TextOverflow] = {
    "text_wrap": "nowrap",
    "text_overflow": "ellipsis",
}


class OneLineRules:
    """A widget's style rules, except that text never wraps and ends in an ellipsis.

    Not a RulesMap (a TypedDict, built from a widget's styles only by Textual):
    it offers the one method Content.render_strips calls on its rules, get().
    """

    def __init__(self, rules: RulesMap) -> None:
        self.rules = rules

    def get(self, key: str, default: Any = None) -> Any:
        if key in ONE_LINE:
            return ONE_LINE[key]
        return self.rules.get(key, default)


def one_line_options(options: RenderOptions) -> RenderOptions:
    """``options`` for Content.render_strips, drawing one line that ends in "…"."""
    return replace(options, rules=OneLineRules(options.rules))  # type: ignore[arg-type]


# --- the command palette -----------------------------------------------------


class MendedCommandPalette(CommandPalette):
    """Textual's command palette, mended for keys typed faster than a frame.

    Textual pages an option list by a map of its lines that exists only once
    the list is laid out; the palette's list is not until its first results
    show, so PageDown pressed straight after Ctrl+P raised KeyError. And
    Enters typed in the same moment as Ctrl+P could each be taken as a choice
    (from the list, or as a submit of the input): the palette then closed
    twice, and the second close popped the guide itself (ScreenStackError),
    besides running the command twice. Subclasses bind PageUp and PageDown to
    ``page(-1)`` and ``page(1)``.
    """

    #: Textual's handlers that :meth:`ignore_once_closed` keeps from running.
    MENDED_HANDLERS: ClassVar[tuple[str, ...]] = ("_select_command", "_select_or_command")

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def ignore_once_closed(self, event: Input.Submitted | OptionList.OptionSelected) -> None:
        if not self.is_current:  # a choice made in the same moment closed it already
            event.prevent_default()  # Textual's own handler would close it again
            event.stop()

    def action_page(self, direction: int) -> None:
        commands = self.query_one(CommandList)
        move: Callable[[], None] = (
            commands.action_page_down if direction > 0 else commands.action_page_up
        )
        if commands.scrollable_content_region:
            move()
