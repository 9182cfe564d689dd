"""Making data text safe to show on a terminal.

Text from show files is displayed literally. Markup is handled by always
wrapping data in ``rich.text.Text`` (never a markup string); this module
handles the other half: characters that a terminal would act on rather than
show. Every one of them is replaced by a visible stand-in, so an escape
sequence in a YAML string can neither recolour the screen, move the cursor,
set the clipboard (OSC 52) nor plant a link (OSC 8), and bidirectional
overrides cannot disguise the text around them.
"""

from __future__ import annotations

import re
from functools import cache

#: Zero-width and direction-changing characters that hide or reorder text.
#: (Zero-width joiners stay: scripts and emoji need them.)
_INVISIBLE = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")


@cache
def _stand_in(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every control or invisible formatting character made visible.

    Newlines and tabs are kept: they are layout, not control.
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda match: _stand_in(match.group()), text)
