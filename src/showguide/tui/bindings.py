"""Textual bindings made from the command table (showguide.core.keytable).

Every screen and widget of the app takes its ``BINDINGS`` from
:func:`bindings` (and drops the ones Textual's classes would give it, with
``inherit_bindings=False``), so each binding carries its command's id: the
app's keymap (``App.set_keymap``) remaps it, and the footer, the help screen
and the palette find the command behind any live binding with
:func:`command_of`.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from showguide.core.keynames import key_label
from showguide.core.keytable import BY_ID, Command, bound_in, in_home

#: Actions already addressed to a namespace of their own.
_NAMESPACED = ("app.", "screen.")


def bindings(home: str) -> list[BindingType]:
    """The bindings of ``home``'s commands (on a modal screen, the app's too)."""
    made: list[BindingType] = []
    for command, keys in bound_in((home,)):
        action = command.action
        show = bool(command.label)
        if command.home == "app" and home != "app":
            if not action.startswith(_NAMESPACED):
                action = f"app.{action}"
            # A modal screen's footer is short: its own keys, help and quit.
            show = show and command.footer_rank == 0
        made.append(
            Binding(
                ",".join(keys),
                action,
                command.label or command.description,
                show=show,
                tooltip=command.description,
                id=command.id,
                priority=command.priority,
            )
        )
    return made


def command_of(binding: Binding) -> Command | None:
    """The command a live binding was made for (None for a binding not made here).

    A command only the palette runs gets a binding when the user's keymap
    gives it keys (ShowGuideApp binds them, without an id): found by action.
    """
    if binding.id is not None:
        return BY_ID.get(binding.id)
    return _PALETTE_ONLY.get(binding.action)


_PALETTE_ONLY: dict[str, Command] = {
    command.action: command for command in in_home("app") if not command.keys
}


def keys_label(keys: list[str] | tuple[str, ...]) -> str:
    """Keys as the help and the palette show them: ``?, F1``."""
    return ", ".join(dict.fromkeys(key_label(key) for key in keys))
