"""The user's keymap: keys given to commands by id, in the preferences.

``"keymap": {"faq.next": "j", "reload": ["f5", "ctrl+r"]}`` gives the FAQ's
"next question" the key j, and reload F5 and Ctrl+R. Each entry is checked on
its own: an unknown command id, a key name Textual does not know, or a key
that another command already has in the same place gives a notice naming the
file, the entry and the problem; that entry is left out and the rest applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from showguide.core.keynames import key_label, normalize
from showguide.core.keytable import BY_ID, NAMESPACES, PLACE_TITLES, Command, clashes


@dataclass(frozen=True)
class Keymap:
    """The usable part of a keymap, and what to tell the user about the rest."""

    #: Command id -> its keys as Textual names them, for the entries that apply.
    keys: Mapping[str, tuple[str, ...]]
    notices: tuple[str, ...] = ()

    def for_textual(self) -> dict[str, str]:
        """As ``App.set_keymap`` takes it: binding id -> comma-separated keys."""
        return {command_id: ",".join(keys) for command_id, keys in self.keys.items()}


def check_keymap(raw: object, source: str) -> Keymap:
    """The entries of ``raw`` (the preferences' ``keymap``) that can apply;
    ``source`` names the file in the notices."""
    if raw is None:
        return Keymap({})
    if not isinstance(raw, Mapping):
        return Keymap(
            {},
            (
                f"{source}: the keymap should map command ids to keys, like "
                '{"faq.next": "j"}; it is ignored',
            ),
        )
    notices: list[str] = []
    wanted: dict[str, tuple[str, ...]] = {}
    for command_id, value in raw.items():
        problem, keys = _entry_keys(command_id, value)
        if problem:
            notices.append(
                f"{source}: keymap entry {_quoted(command_id)}: {problem}; it is ignored"
            )
        else:
            wanted[command_id] = keys
    # A key may be taken by a command that this keymap moves elsewhere (two
    # keys swapped): only clashes left once every entry applies count. The
    # entries that make one are left out, which can uncover another.
    while True:
        found = _first_clash(wanted)
        if found is None:
            return Keymap(wanted, tuple(notices))
        key, commands = found
        for command in commands:
            if command.id in wanted:
                others = ", ".join(
                    _quoted(other.id) for other in commands if other.id != command.id
                )
                notices.append(
                    f"{source}: keymap entry {_quoted(command.id)}: {key_label(key)} is already"
                    f" the key of {others} in {PLACE_TITLES[command.place]}; it is ignored"
                )
                del wanted[command.id]


def _entry_keys(command_id: object, value: object) -> tuple[str, tuple[str, ...]]:
    """(problem, keys): the entry's keys as Textual names them, or what is wrong."""
    if not isinstance(command_id, str) or command_id not in BY_ID:
        return "no command has this id (showguide keys lists them)", ()
    if isinstance(value, str):
        names = value.split(",")
    elif isinstance(value, list) and all(isinstance(name, str) for name in value):
        names = list(value)
    else:
        return 'give a key, "ctrl+r", or a list of keys, ["f5", "ctrl+r"]', ()
    keys: list[str] = []
    for name in names:
        key = normalize(name)
        if key is None:
            return (
                f"{_quoted(name)} is not a key name Textual knows"
                " (names look like q, ctrl+r, f5, escape, question_mark)"
            ), ()
        if key not in keys:
            keys.append(key)
    if not keys:
        return "it gives no key", ()
    return "", tuple(keys)


def _first_clash(wanted: Mapping[str, tuple[str, ...]]) -> tuple[str, list[Command]] | None:
    for homes in NAMESPACES:
        for key, commands in clashes(homes, wanted).items():
            if any(command.id in wanted for command in commands):
                return key, commands
    return None


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'
