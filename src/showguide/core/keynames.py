"""Key names as Textual writes them, checked and shown the same way everywhere.

A keymap in the preferences names keys as Textual does (``ctrl+r``, ``f5``,
``question_mark`` or ``?``, ``pagedown``). Textual itself takes any string as
a key and a key it does not know simply never comes, so a typo would leave a
command with no key: :func:`normalize` says which names are keys. The names
follow Textual's (``textual.keys``); tests/test_keymap.py checks them against
the installed Textual, which this module may not import (core stays free of it).
"""

from __future__ import annotations

import unicodedata
from functools import cache

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
#: Keys with a name of their own (Textual's ``Keys``, less the modifiers).
NAMED_KEYS = frozenset(
    {
        "backspace",
        "delete",
        "down",
        "end",
        "enter",
        "escape",
        "home",
        "insert",
        "left",
        "pagedown",
        "pageup",
        "return",
        "right",
        "space",
        "tab",
        "up",
        *(f"f{number}" for number in range(1, 25)),
    }
)
#: Textual's friendlier names for some characters (``textual.keys.KEY_NAME_REPLACEMENTS``).
_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
_ORIGINALS = {friendly: original for original, friendly in _REPLACEMENTS.items()}
#: Names a person may well write for a key, and Textual's name for it.
_ALIASES = {"esc": "escape", "pgdn": "pagedown", "pgup": "pageup", "del": "delete"}

_SHOWN = {
    "escape": "Esc",
    "enter": "Enter",
    "return": "Enter",
    "space": "Space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "backspace": "Backspace",
    "delete": "Del",
    "insert": "Ins",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
}


def character_key(character: str) -> str:
    """The key Textual reports for typing ``character`` (``?`` is ``question_mark``)."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return character
    return _REPLACEMENTS.get(name, name)


@cache
def key_character(name: str) -> str | None:
    """The character whose key is ``name`` (``question_mark``: ``?``), if any."""
    original = _ORIGINALS.get(name, name)
    words = original.split("_")
    spellings = [" ".join(words).upper()]
    # Unicode writes some names with a hyphen ("LESS-THAN SIGN", "HYPHEN-MINUS").
    spellings += [
        (" ".join(words[:i]) + "-" + " ".join(words[i:])).upper() for i in range(1, len(words))
    ]
    for spelling in spellings:
        try:
            character = unicodedata.lookup(spelling)
        except KeyError:
            continue
        if len(character) == 1 and character.isprintable() and character_key(character) == name:
            return character
    return None


def normalize(key: str) -> str | None:
    """``key`` as Textual names it (``Ctrl+R`` is ``ctrl+r``, ``?`` is
    ``question_mark``), or None when Textual has no such key."""
    key = key.strip()
    if not key:
        return None
    if key == "+" or key.endswith("++"):  # the plus key itself: "+" or "ctrl++"
        before = key[:-1].rstrip("+")
        mods, base = (before.split("+") if before else []), "+"
    else:
        *mods, base = key.split("+")
    modifiers = [modifier.strip().lower() for modifier in mods]
    if any(modifier not in MODIFIERS for modifier in modifiers) or len(set(modifiers)) != len(
        modifiers
    ):
        return None
    base = base.strip()
    if len(base) == 1:
        if not base.isprintable() or base.isspace():
            return None
        # With a modifier a letter is named in lower case (ctrl+r, never ctrl+R).
        base = character_key(base.lower() if modifiers else base)
    else:
        base = base.lower()
        base = _ALIASES.get(base, base)
        if base not in NAMED_KEYS and key_character(base) is None:
            return None
    # Textual writes modifiers in this order (ctrl+shift+left).
    ordered = [modifier for modifier in MODIFIERS if modifier in modifiers]
    return "+".join([*ordered, base])


def key_label(key: str) -> str:
    """How a key is shown to a user: ``Ctrl+R``, ``?``, ``Esc``, ``F1``, ``PgDn``."""
    *modifiers, base = key.split("+")
    if base in _SHOWN:
        shown = _SHOWN[base]
    elif len(base) > 1 and base[0] == "f" and base[1:].isdigit():
        shown = base.upper()
    elif len(base) == 1:
        shown = base.upper() if modifiers else base
    else:
        shown = key_character(base) or base
    return "+".join([*(modifier.capitalize() for modifier in modifiers), shown])
