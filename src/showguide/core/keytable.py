"""Every command of the app, with its keys: the one table keys come from.

Each command has a stable id (what a keymap in the preferences names), its
keys, one sentence saying what it does, a short label when it is shown in the
footer, a title when it is in the command palette, and where it works: the
``place`` a user knows it by (the help screen's groups, ``showguide keys``)
and the ``home``, the screen or widget whose bindings it is part of.

The TUI builds every Textual binding from this table (showguide.tui.bindings);
the footer, the help screen and the palette read those live bindings, and
``showguide keys`` reads this table. So a key is described in one place.

This module is plain data: no Textual, no Rich. Key names are checked here
against the names Textual gives keys (see :mod:`showguide.core.keynames`).
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec


class Place(msgspec.Struct, frozen=True):
    """Where keys work, as a user would say it: a group of the help screen."""

    id: str
    title: str


#: In the order the help screen and ``showguide keys`` list them.
PLACES: tuple[Place, ...] = (
    Place("everywhere", "Everywhere"),
    Place("catalog", "Catalog"),
    Place("guide", "Show guide"),
    Place("tabs", "Tab bar"),
    Place("lists", "Lists"),
    Place("text", "Reading text"),
    Place("plot", "Plot"),
    Place("faq", "FAQ"),
    Place("episodes", "Episodes"),
    Place("sources", "Sources"),
    Place("search", "Search"),
    Place("help", "Help"),
    Place("loading", "Reading the show files"),
    Place("palette", "Command palette"),
    Place("typing", "Typing text"),
)
PLACE_TITLES: dict[str, str] = {place.id: place.title for place in PLACES}

#: The place whose keys the help screen folds into one line.
TYPING = "typing"
TYPING_SUMMARY = "Usual text editing keys"

#: Homes that are modal screens: Textual stops there when it looks for a
#: key's binding, so the app's keys are repeated in their own bindings.
MODAL_HOMES = frozenset({"help", "search", "palette"})


class Command(msgspec.Struct, frozen=True):
    #: Stable: keymaps name it. Lower case, words joined by "-", a "." after the place.
    id: str
    #: Where it works, as a user says it (a key of PLACE_TITLES).
    place: str
    #: The screen or widget whose bindings hold it (see showguide.tui.bindings).
    home: str
    #: Its keys, as Textual names them; empty for a command only the palette runs.
    keys: tuple[str, ...]
    #: The Textual action it runs, relative to its home.
    action: str
    #: One sentence, starting with a verb, ending with a full stop.
    description: str
    #: Shown in the footer under this label (empty: not in the footer).
    label: str = ""
    #: Which footer hints go first when the footer is too narrow: the highest
    #: number first. How to quit and get help are 0 and go last.
    footer_rank: int = 5
    #: Listed in the command palette under this title (empty: not listed).
    palette: str = ""
    #: Listed on the help screen (typing keys are folded into one line).
    help: bool = True
    #: Runs before the focused widget sees the key (Textual's priority binding).
    priority: bool = False
    #: Commands of one group may share a key: the widget enables one at a
    #: time (``check_action``), so the key does whichever fits, e.g. ``s``
    #: reveals a hidden spoiler or hides a revealed one. A keymap moves the
    #: key of the whole group (Textual's keymap drops every binding of a key
    #: it moves one binding from).
    key_group: str = ""


def _panes() -> tuple[Command, ...]:
    panes = (
        ("overview", "Overview"),
        ("plot", "Plot"),
        ("cast", "Cast"),
        ("highlights", "Highlights"),
        ("faq", "FAQ"),
        ("sources", "Sources"),
        ("episodes", "Episodes"),
    )
    return tuple(
        Command(
            f"pane.{pane}",
            "guide",
            "guide",
            (str(number),),
            f"show_pane('{pane}')",
            f"Show the {title} pane.",
            palette=f"Go to {title}",
        )
        for number, (pane, title) in enumerate(panes, start=1)
    )


#: The panes in tab order, as (id, title): ``show_pane`` takes the id.
PANES: tuple[tuple[str, str], ...] = tuple(
    (command.id.removeprefix("pane."), command.palette.removeprefix("Go to "))
    for command in _panes()
)

_TEXT_INPUT: tuple[tuple[str, str, str, str], ...] = (
    ("left", "left", "cursor_left", "Move the cursor left."),
    ("select-left", "shift+left", "cursor_left(True)", "Move the cursor left, selecting."),
    ("word-left", "ctrl+left", "cursor_left_word", "Move the cursor a word left."),
    (
        "select-word-left",
        "ctrl+shift+left",
        "cursor_left_word(True)",
        "Move the cursor a word left, selecting.",
    ),
    ("right", "right", "cursor_right", "Move the cursor right, or take the suggestion."),
    ("select-right", "shift+right", "cursor_right(True)", "Move the cursor right, selecting."),
    ("word-right", "ctrl+right", "cursor_right_word", "Move the cursor a word right."),
    (
        "select-word-right",
        "ctrl+shift+right",
        "cursor_right_word(True)",
        "Move the cursor a word right, selecting.",
    ),
    ("delete-left", "backspace", "delete_left", "Delete the character on the left."),
    ("select-all", "ctrl+shift+a", "select_all", "Select all the text."),
    ("home", "home,ctrl+a", "home", "Go to the start of the text."),
    ("end", "end,ctrl+e", "end", "Go to the end of the text."),
    ("select-home", "shift+home", "home(True)", "Select to the start of the text."),
    ("select-end", "shift+end", "end(True)", "Select to the end of the text."),
    ("delete-right", "delete,ctrl+d", "delete_right", "Delete the character on the right."),
    ("submit", "enter", "submit", "Submit the text."),
    ("delete-word-left", "ctrl+w", "delete_left_word", "Delete the word on the left."),
    ("delete-all-left", "ctrl+u", "delete_left_all", "Delete everything on the left."),
    (
        "delete-word-right",
        "ctrl+backspace,alt+backspace",
        "delete_right_word",
        "Delete the word on the right.",
    ),
    ("delete-all-right", "ctrl+k", "delete_right_all", "Delete everything on the right."),
    ("cut", "ctrl+x", "cut", "Cut the selected text."),
    ("paste", "ctrl+v", "paste", "Paste the clipboard."),
)


def _typing() -> tuple[Command, ...]:
    """Textual's Input keys (less Ctrl+C, which the app's copy-or-quit has)."""
    return tuple(
        Command(
            f"typing.{name}",
            TYPING,
            "text-input",
            tuple(keys.split(",")),
            action,
            description,
            help=False,
        )
        for name, keys, action, description in _TEXT_INPUT
    )


def _c(
    id: str,
    place: str,
    home: str,
    keys: str,
    action: str,
    description: str,
    *,
    label: str = "",
    footer_rank: int = 5,
    palette: str = "",
    priority: bool = False,
    key_group: str = "",
) -> Command:
    """A command, its keys written as Textual's bindings write them ("q,ctrl+q")."""
    return Command(
        id,
        place,
        home,
        tuple(keys.split(",")) if keys else (),
        action,
        description,
        label=label,
        footer_rank=footer_rank,
        palette=palette,
        priority=priority,
        key_group=key_group,
    )


COMMANDS: tuple[Command, ...] = (
    # --- everywhere: the app's own bindings (and each modal screen's) ---------
    _c(
        "help",
        "everywhere",
        "app",
        "question_mark,f1",
        "help",
        "Show the keys that work here.",
        label="Help",
        footer_rank=0,
        palette="Help",
    ),
    _c(
        "quit",
        "everywhere",
        "app",
        "q,ctrl+q",
        "quit",
        "Quit showguide, remembering where you were.",
        label="Quit",
        footer_rank=0,
        palette="Quit",
    ),
    _c(
        "copy-or-quit",
        "everywhere",
        "app",
        "ctrl+c",
        "copy_or_quit",
        "Copy the selected text; with nothing selected, quit.",
    ),
    _c(
        "palette",
        "everywhere",
        "app",
        "ctrl+p",
        "command_palette",
        "Open the command palette, to run a command by its name.",
        label="Commands",
        footer_rank=6,
        priority=True,
    ),
    _c(
        "reload",
        "everywhere",
        "app",
        "r,ctrl+r",
        "reload",
        "Read the show files again, keeping your place.",
        label="Reload",
        footer_rank=7,
        palette="Reload the show files",
    ),
    _c(
        "focus-next",
        "everywhere",
        "app",
        "tab",
        "app.focus_next",
        "Move the focus to the next part of the screen.",
    ),
    _c(
        "focus-previous",
        "everywhere",
        "app",
        "shift+tab",
        "app.focus_previous",
        "Move the focus to the previous part of the screen.",
    ),
    _c(
        "theme",
        "everywhere",
        "app",
        "",
        "change_theme",
        "Choose the colours of the app.",
        palette="Theme",
    ),
    _c(
        "screenshot",
        "everywhere",
        "app",
        "",
        "take_screenshot",
        "Save a picture of the screen as an SVG file.",
        palette="Screenshot",
    ),
    _c(
        "maximize",
        "everywhere",
        "app",
        "",
        "screen.maximize",
        "Let the focused part of the screen fill it.",
        palette="Maximize",
    ),
    _c(
        "minimize",
        "everywhere",
        "app",
        "",
        "screen.minimize",
        "Bring the maximized part back to its size.",
        palette="Minimize",
    ),
    # --- the catalog --------------------------------------------------------
    _c(
        "catalog.open",
        "catalog",
        "catalog",
        "enter",
        "open",
        "Open the highlighted show.",
        label="Open",
        footer_rank=2,
    ),
    _c(
        "catalog.sort",
        "catalog",
        "catalog",
        "ctrl+s",
        "sort",
        "Sort by the next column shown: title, year, network or status.",
        label="Sort",
        footer_rank=4,
        palette="Sort the shows",
    ),
    # y and e of a guide; in the catalog those keys type into the filter, so
    # these are run from the palette (a keymap may still give them a key).
    _c(
        "catalog.copy-id",
        "catalog",
        "app",
        "",
        "screen.copy_id",
        "Copy the highlighted show's id to the clipboard.",
        palette="Copy the show's id",
    ),
    _c(
        "catalog.edit-file",
        "catalog",
        "app",
        "",
        "screen.edit_file",
        "Open the highlighted show's file in $VISUAL or $EDITOR.",
        palette="Edit the show file",
    ),
    _c("catalog.next", "catalog", "catalog", "down", "move(1)", "Highlight the next show."),
    _c("catalog.previous", "catalog", "catalog", "up", "move(-1)", "Highlight the show above."),
    _c(
        "catalog.page-down",
        "catalog",
        "catalog",
        "pagedown",
        "page(1)",
        "Move a page down the list.",
    ),
    _c("catalog.page-up", "catalog", "catalog", "pageup", "page(-1)", "Move a page up the list."),
    _c(
        "catalog.clear-filter",
        "catalog",
        "catalog",
        "escape",
        "clear_filter",
        "Clear the filter.",
        palette="Clear the filter",
    ),
    # --- the guide to a show -----------------------------------------------
    *_panes(),
    _c(
        "guide.search",
        "guide",
        "guide",
        "slash",
        "search",
        "Search the whole guide.",
        label="Search",
        footer_rank=2,
        palette="Search the guide",
    ),
    _c(
        "guide.back",
        "guide",
        "guide",
        "escape",
        "back_to_catalog",
        "Go back to the list of shows.",
        label="Shows",
        footer_rank=3,
        palette="Back to the list of shows",
    ),
    _c(
        "guide.copy",
        "guide",
        "guide",
        "y",
        "copy_item",
        "Copy the item under the cursor to the clipboard.",
        palette="Copy the item under the cursor",
    ),
    _c(
        "guide.edit",
        "guide",
        "guide",
        "e",
        "edit_item",
        "Edit the show's file at this item ($VISUAL or $EDITOR).",
        palette="Edit the file at this item",
    ),
    _c(
        "guide.shield",
        "guide",
        "guide",
        "S",
        "toggle_shield",
        "Show or hide every spoiler at once (the spoiler shield).",
        palette="Toggle the spoiler shield",
    ),
    _c("tabs.previous", "tabs", "tabs", "left,h", "step(-1)", "Show the pane on the left."),
    _c("tabs.next", "tabs", "tabs", "right,l", "step(1)", "Show the pane on the right."),
    # --- lists, and scrolling text -----------------------------------------
    _c("list.down", "lists", "list", "down,j", "cursor_down", "Highlight the next item."),
    _c("list.up", "lists", "list", "up,k", "cursor_up", "Highlight the item above."),
    _c("list.first", "lists", "list", "home", "first", "Highlight the first item."),
    _c("list.last", "lists", "list", "end", "last", "Highlight the last item."),
    _c("list.page-down", "lists", "list", "pagedown", "page_down", "Move a page down."),
    _c("list.page-up", "lists", "list", "pageup", "page_up", "Move a page up."),
    _c(
        "list.open",
        "lists",
        "list",
        "enter",
        "select",
        "Open the highlighted item.",
        label="Open",
        footer_rank=3,
    ),
    # One key, two meanings: whichever the item under the cursor allows.
    _c(
        "list.reveal",
        "lists",
        "item-list",
        "s",
        "reveal",
        "Reveal the spoiler under the cursor.",
        label="Reveal",
        footer_rank=1,
        key_group="list-spoiler",
    ),
    _c(
        "list.conceal",
        "lists",
        "item-list",
        "s",
        "conceal",
        "Hide again the spoiler under the cursor.",
        label="Hide",
        footer_rank=1,
        key_group="list-spoiler",
    ),
    _c(
        "list.back",
        "lists",
        "master-detail",
        "escape",
        "back",
        "Go back: from the detail to its list, from a list to the tab bar.",
    ),
    _c("text.down", "text", "scroll", "down,j", "scroll_down", "Scroll down a line."),
    _c("text.up", "text", "scroll", "up,k", "scroll_up", "Scroll up a line."),
    _c("text.page-down", "text", "scroll", "pagedown", "page_down", "Scroll down a page."),
    _c("text.page-up", "text", "scroll", "pageup", "page_up", "Scroll up a page."),
    _c("text.top", "text", "scroll", "home", "scroll_home", "Go to the top."),
    _c("text.bottom", "text", "scroll", "end", "scroll_end", "Go to the bottom."),
    # --- the panes' own keys -----------------------------------------------
    _c(
        "plot.next-thread",
        "plot",
        "plot",
        "n",
        "next_thread",
        "Move to the next story thread.",
        label="Next thread",
        footer_rank=3,
    ),
    _c(
        "plot.previous-thread",
        "plot",
        "plot",
        "p",
        "previous_thread",
        "Move to the previous story thread.",
        label="Previous thread",
        footer_rank=3,
    ),
    # One key, three meanings: whichever the thread under the cursor allows.
    _c(
        "plot.reveal",
        "plot",
        "plot",
        "s",
        "reveal",
        "Reveal the story thread under the cursor.",
        label="Reveal",
        footer_rank=1,
        key_group="plot-spoiler",
    ),
    _c(
        "plot.conceal",
        "plot",
        "plot",
        "s",
        "conceal",
        "Hide again the story thread under the cursor.",
        label="Hide",
        footer_rank=1,
        key_group="plot-spoiler",
    ),
    _c(
        "plot.next-spoiler",
        "plot",
        "plot",
        "s",
        "next_spoiler",
        "Move to the next hidden story thread (s again reveals it).",
        label="Next spoiler",
        footer_rank=1,
        key_group="plot-spoiler",
    ),
    _c(
        "faq.next",
        "faq",
        "faq",
        "n",
        "next_question",
        "Show the next question's answer.",
        label="Next",
        footer_rank=2,
    ),
    _c(
        "faq.previous",
        "faq",
        "faq",
        "p",
        "previous_question",
        "Show the previous question's answer.",
        label="Previous",
        footer_rank=2,
    ),
    _c(
        "faq.filter",
        "faq",
        "faq",
        "f",
        "filter",
        "Filter the questions by words or #tag.",
        label="Filter",
        footer_rank=2,
    ),
    _c(
        "episodes.watched",
        "episodes",
        "episode-list",
        "space,w",
        "mark_watched",
        "Mark the highlighted episode watched, and every episode before it.",
        label="Watched",
        footer_rank=1,
    ),
    _c(
        "episodes.unwatched",
        "episodes",
        "episode-list",
        "W",
        "unmark_watched",
        "Mark the highlighted episode not watched, and every episode after it.",
        label="Unwatch",
        footer_rank=2,
    ),
    _c(
        "sources.open-link",
        "sources",
        "sources",
        "o",
        "open_link",
        "Open the source's web page.",
        label="Open link",
        footer_rank=1,
    ),
    # --- screens over the guide ---------------------------------------------
    _c(
        "search.close",
        "search",
        "search",
        "escape",
        "dismiss(None)",
        "Close the search and go back.",
        label="Close",
        footer_rank=1,
    ),
    _c("search.next", "search", "search", "down", "move(1)", "Highlight the next result."),
    _c("search.previous", "search", "search", "up", "move(-1)", "Highlight the result above."),
    _c(
        "help.close",
        "help",
        "help",
        "escape,question_mark,f1",
        "dismiss",
        "Close the help.",
        label="Close",
        footer_rank=1,
    ),
    _c(
        "loading.leave",
        "loading",
        "loading",
        "escape",
        "leave",
        "Stop reading the show files and leave showguide.",
    ),
    _c(
        "palette.close",
        "palette",
        "palette",
        "escape",
        "escape",
        "Close the command palette.",
        label="Close",
        footer_rank=1,
    ),
    _c("palette.next", "palette", "palette", "down", "cursor_down", "Highlight the next command."),
    _c(
        "palette.previous",
        "palette",
        "palette",
        "up",
        "command_list('cursor_up')",
        "Highlight the command above.",
    ),
    _c("palette.page-down", "palette", "palette", "pagedown", "page(1)", "Move a page down."),
    _c("palette.page-up", "palette", "palette", "pageup", "page(-1)", "Move a page up."),
    _c(
        "palette.first",
        "palette",
        "palette",
        "ctrl+home,shift+home",
        "command_list('first')",
        "Highlight the first command.",
    ),
    _c(
        "palette.last",
        "palette",
        "palette",
        "ctrl+end,shift+end",
        "command_list('last')",
        "Highlight the last command.",
    ),
    *_typing(),
)

BY_ID: dict[str, Command] = {command.id: command for command in COMMANDS}


def in_home(home: str) -> tuple[Command, ...]:
    """The commands bound on ``home``, in table order."""
    return tuple(command for command in COMMANDS if command.home == home)


#: The sets of homes whose bindings Textual holds as one (a widget's class
#: and the classes it inherits bindings from): a key can be bound once in each.
NAMESPACES: tuple[tuple[str, ...], ...] = (
    ("app",),
    ("catalog",),
    ("guide",),
    ("tabs",),
    ("list",),
    ("list", "episode-list"),
    ("scroll",),
    ("scroll", "plot"),
    ("item-list",),
    ("item-list", "master-detail"),
    ("item-list", "master-detail", "faq"),
    ("item-list", "master-detail", "sources"),
    ("search",),
    ("help",),
    ("loading",),
    ("palette",),
    ("text-input",),
)


def bound_in(
    homes: tuple[str, ...], keys: Mapping[str, tuple[str, ...]] | None = None
) -> list[tuple[Command, tuple[str, ...]]]:
    """What the bindings of a widget made of ``homes`` hold: each command with
    its keys (``keys`` overriding the table's, by command id). A modal screen
    holds the app's commands too, but for the keys its own commands take."""
    keys = keys or {}

    def keys_of(command: Command) -> tuple[str, ...]:
        return keys.get(command.id, command.keys)

    own = [
        (command, keys_of(command))
        for home in homes
        for command in in_home(home)
        if keys_of(command)
    ]
    if not MODAL_HOMES.intersection(homes):
        return own
    taken = {key for _command, command_keys in own for key in command_keys}
    for command in in_home("app"):
        # Priority keys reach a modal screen anyway.
        if command.priority:
            continue
        free = tuple(key for key in keys_of(command) if key not in taken)
        if free:
            own.append((command, free))
    return own


def clashes(
    homes: tuple[str, ...], keys: Mapping[str, tuple[str, ...]] | None = None
) -> dict[str, list[Command]]:
    """Keys that two commands bound in ``homes`` would share, and those
    commands (but for commands of one key group, which may share theirs)."""
    by_key: dict[str, list[Command]] = {}
    for command, command_keys in bound_in(homes, keys):
        for key in command_keys:
            by_key.setdefault(key, []).append(command)
    return {
        key: commands
        for key, commands in by_key.items()
        if len(commands) > 1 and not _one_group(commands)
    }


def _one_group(commands: list[Command]) -> bool:
    groups = {command.key_group for command in commands}
    return len(groups) == 1 and "" not in groups


def group_of(command: Command) -> tuple[Command, ...]:
    """The commands that share ``command``'s keys (itself included)."""
    if not command.key_group:
        return (command,)
    return tuple(
        other
        for other in COMMANDS
        if other.key_group == command.key_group and other.keys == command.keys
    )
