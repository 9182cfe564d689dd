"""``y`` and ``e`` in a guide: copy the item under the cursor, or edit it in its file.

``y`` puts the item on the clipboard through the terminal (OSC 52, Textual's
``App.copy_to_clipboard``), which works over ssh and in tmux with
``set-clipboard on``; the notice says what was copied. A spoiler the shield
hides is not copied: its text is the spoiler.

``e`` hands the terminal to ``$VISUAL`` (else ``$EDITOR``) on the show's file,
at the line where the item starts, and reads the files again when the editor
exits, with the rule ``r`` follows: a file that no longer loads leaves the
last good version on screen, and says why.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, SuspendNotSupported

from showguide.core.errors import ShowDataError
from showguide.core.focus import copy_text, line_of
from showguide.core.loader import decode_show_bytes, read_show_bytes
from showguide.tui.panes.plot import PlotPane
from showguide.tui.widgets import ItemList

#: The guide screen (tui/guide.py), which imports this module: named, not
#: imported, so that the two make no import cycle.
GuideScreen = Any

#: Editors that take ``FILE:LINE`` rather than ``+LINE FILE``.
COLON_LINE_EDITORS = frozenset({"subl", "sublime_text", "hx", "helix", "zed", "mate"})
#: Editors that take ``--goto FILE:LINE``, and return at once unless told ``--wait``.
GOTO_EDITORS = frozenset({"code", "code-insiders", "codium", "cursor"})


def focused_item(screen: GuideScreen) -> tuple[str, str | None, bool]:
    """(pane, the id of the item under the cursor or None, whether the shield hides it)."""
    pane = screen.current_pane
    content = screen.pane_content(pane)
    if isinstance(content, PlotPane):  # its cursor is on a story thread, or nowhere
        block = content.current()
        if block is None:
            return pane, None, False
        return pane, block.thread.id, content.hidden(block.thread)
    if not isinstance(content, ItemList):
        return pane, None, False
    item_id = content.highlighted_id()
    if item_id is None or item_id not in content.items:
        return pane, None, False
    # An episode's code and title are never hidden; only its summary can be.
    hidden = pane != "episodes" and content.hidden(item_id)
    return pane, item_id, hidden


def copy_focused(screen: GuideScreen) -> None:
    pane, item_id, hidden = focused_item(screen)
    if hidden:
        screen.notify(
            "That is a hidden spoiler: reveal it with s to copy it.",
            severity="warning",
            timeout=4,
            markup=False,
        )
        return
    copied = copy_text(screen.show, pane, item_id)
    screen.app.copy_to_clipboard(copied.text)
    screen.notify(f"Copied {copied.what} to the clipboard.", timeout=3, markup=False)


def editor_command() -> list[str] | None:
    """``$VISUAL``, else ``$EDITOR``, split as a shell would; None when neither is set."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                continue
            if words:
                return words
    return None


def editor_arguments(command: list[str], path: Path, line: int) -> list[str]:
    """The command line that opens ``path`` at ``line`` in the editor ``command``.

    Most terminal editors (vi, vim, nvim, nano, emacs, micro, kakoune, joe)
    take ``+LINE FILE``; a few take ``FILE:LINE`` or ``--goto FILE:LINE``.
    """
    name = Path(command[0]).name
    if name in GOTO_EDITORS:
        wait = [] if {"-w", "--wait"} & set(command) else ["--wait"]
        return [*command, *wait, "--goto", f"{path}:{line}"]
    if name in COLON_LINE_EDITORS:
        return [*command, f"{path}:{line}"]
    return [*command, f"+{line}", str(path)]


def show_file(screen: GuideScreen) -> Path | None:
    """The file the guide on ``screen`` was read from, if it came from one."""
    app = screen.app
    catalog = getattr(app, "catalog", None)
    if catalog is None:
        return None
    key = getattr(app, "show_keys", {}).get(screen.show.id)
    entry = catalog.find(key) if key is not None else None
    if entry is None:
        entry = next((e for e in catalog.entries if e.id == screen.show.id), None)
    return entry.path if entry is not None else None


def item_line(path: Path, pane: str, item_id: str | None) -> int:
    try:
        text = decode_show_bytes(read_show_bytes(path), str(path))
    except ShowDataError:  # unreadable now: the editor will say why
        return 1
    return line_of(text, str(path), pane, item_id)


def edit_focused(screen: GuideScreen) -> None:
    path = show_file(screen)
    if path is None:
        screen.notify(
            "This guide was not read from a file: there is nothing to edit.",
            timeout=5,
            markup=False,
        )
        return
    pane, item_id, _hidden = focused_item(screen)
    edit_file(screen.app, path, lambda: item_line(path, pane, item_id))


def edit_file(app: App[Any], path: Path, line_of_item: Callable[[], int]) -> None:
    """Hand the terminal to the user's editor on ``path`` at the line
    ``line_of_item`` finds, and read the files again when it exits."""
    command = editor_command()
    if command is None:
        app.notify(
            f"Set VISUAL or EDITOR to the editor to use (export EDITOR=nano); the file is {path}",
            severity="warning",
            timeout=8,
            markup=False,
        )
        return
    line = line_of_item()
    arguments = editor_arguments(command, path, line)
    try:
        with app.suspend():
            finished = subprocess.run(arguments, check=False)
    except SuspendNotSupported:
        app.notify(
            f"An editor cannot take over this terminal; the item is at {path}:{line}",
            severity="warning",
            timeout=8,
            markup=False,
        )
        return
    except OSError as error:
        app.notify(
            f"Could not start the editor {command[0]}: {error.strerror or error}",
            severity="error",
            timeout=8,
            markup=False,
        )
        return
    if finished.returncode != 0:
        app.notify(
            f"The editor exited with status {finished.returncode}.",
            severity="warning",
            timeout=5,
            markup=False,
        )
    # Read the files again, as r does: a file that no longer loads keeps the
    # last good version on screen, and the notice says what is wrong.
    app.call_later(app.run_action, "reload")
