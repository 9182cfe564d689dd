"""``showguide keys``: every command's id, its keys and where it works.

What a keymap in the preferences names (``"keymap": {"faq.next": "j"}``):
the keys shown are those that apply, the user's own included (marked), and
keymap entries that cannot apply are told on standard error, as the app
tells them in a notice.
"""

from __future__ import annotations

import argparse

from rich.table import Table
from rich.text import Text

from showguide.commands.output import print_error, stdout
from showguide.core.keymap import check_keymap
from showguide.core.keynames import key_label
from showguide.core.keytable import COMMANDS, PLACE_TITLES, PLACES, TYPING
from showguide.core.prefs import load_preferences, preferences_path
from showguide.exitcodes import EXIT_OK

NO_KEY = "palette only"


def keys_table(keymap: dict[str, tuple[str, ...]]) -> Table:
    """Every command, under the place it works in, with the keys that apply."""
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("command", no_wrap=True)
    table.add_column("keys", max_width=24)
    table.add_column("what it does", ratio=1)
    for place in PLACES:
        commands = [command for command in COMMANDS if command.place == place.id]
        table.add_row("", "", "")
        table.add_row(Text(place.title, style="bold underline"), "", "")
        for command in commands:
            keys = keymap.get(command.id, command.keys)
            shown = Text(", ".join(key_label(key) for key in keys) if keys else NO_KEY)
            if not keys:
                shown.stylize("dim")
            if command.id in keymap:
                shown.append(" (yours)", style="italic")
            table.add_row(command.id, shown, command.description)
    return table


def run(args: argparse.Namespace) -> int:
    path = preferences_path()
    loaded = load_preferences(path)
    if loaded.notice:
        print_error(loaded.notice)
    keymap = check_keymap(loaded.value.keymap, str(path))
    for notice in keymap.notices:
        print_error(notice)
    console = stdout()
    console.print(keys_table(dict(keymap.keys)))
    console.print(
        Text(
            f"Remap a command in {path}, e.g. "
            '"keymap": {"faq.next": "j", "reload": ["f5", "ctrl+r"]}. '
            f'The "{PLACE_TITLES[TYPING]}" keys are those of any text box.',
            style="dim",
        )
    )
    return EXIT_OK
