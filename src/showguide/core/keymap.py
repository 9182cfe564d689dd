"""The user's keymap: keys given to commands by id, in the preferences.

``"keymap": {"faq.next": "j", "reload": ["f5", "ctrl+r"]}`` gives the FAQ's
"next question" the key j, and reload F5 and Ctrl+R. Each entry is checked on
its own: an unknown command id, a key name Textual does not know, or a key
that another command already has in the same place gives a notice naming the
file, the entry and the problem; that entry is left out and the rest applies.
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from showguide.core.keynames import key_label, normalize
from showguide.core.keytable import BY_ID, NAMESPACES, PLACE_TITLES, Command, clashes, group_of


class Keymap(msgspec.Struct, frozen=True):
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
    #: The user's entries that may apply, by command id.
    wanted: dict[str, tuple[str, ...]] = {}
    for command_id, value in raw.items():
        problem, keys = _entry_keys(command_id, value)
        if problem:
            notices.append(
                f"{source}: keymap entry {_quoted(command_id)}: {problem}; it is ignored"
            )
        else:
            wanted[command_id] = keys
    if not wanted:
        # A clash counts only when an entry makes it (the table's own keys
        # never clash: tests/test_keymap.py); the usual empty keymap is not
        # checked against the whole table at every start.
        return Keymap({}, tuple(notices))
    # A key may be taken by a command that this keymap moves elsewhere (two
    # keys swapped): only clashes left once every entry applies count. The
    # entries that make one are left out, which can uncover another.
    while True:
        applied = _with_groups(wanted)
        found = _first_clash(applied)
        if found is None:
            return Keymap(applied, tuple(notices))
        key, commands = found
        for command in commands:
            entry = _entry_of(command, wanted)
            if entry is not None:
                group = group_of(command)
                others = ", ".join(
                    f"{_quoted(other.id)} ({PLACE_TITLES[other.place]})"
                    for other in commands
                    if other not in group
                )
                notices.append(
                    f"{source}: keymap entry {_quoted(entry)}: {key_label(key)} is already"
                    f" the key of {others}; it is ignored"
                )
                del wanted[entry]


def _with_groups(wanted: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The keys of every command the entries move: a key a group shares
    moves for the whole group (see Command.key_group)."""
    keys: dict[str, tuple[str, ...]] = {}
    for command_id, command_keys in wanted.items():
        for member in group_of(BY_ID[command_id]):
            keys.setdefault(member.id, command_keys)
    for command_id, command_keys in wanted.items():  # an entry of its own wins
        keys[command_id] = command_keys
    return keys


def _entry_of(command: Command, wanted: Mapping[str, tuple[str, ...]]) -> str | None:
    """The user's entry that moved ``command``'s keys, if one did."""
    for member in group_of(command):
        if member.id in wanted:
            return member.id
    return None


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


def _first_clash(keys: Mapping[str, tuple[str, ...]]) -> tuple[str, list[Command]] | None:
    for homes in NAMESPACES:
        for key, commands in clashes(homes, keys).items():
            if any(command.id in keys for command in commands):
                return key, commands
    return None


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'
