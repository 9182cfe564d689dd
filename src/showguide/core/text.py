"""Making data text safe to show on a terminal.

Text from show files is displayed literally. Markup is handled by always
wrapping data in ``rich.text.Text`` (never a markup string); this module
handles the other half: characters that a terminal would act on rather than
show. Every one of them is replaced by a visible stand-in, so an escape
sequence in a YAML string can neither recolour the screen, move the cursor,
set the clipboard (OSC 52) nor plant a link (OSC 8), and bidirectional
overrides, zero-width and other invisible characters cannot disguise or hide
the text around them.
"""

from __future__ import annotations

import re
from functools import cache

#: Unicode's format characters (category Cf: zero-width spaces, bidirectional
#: overrides and isolates, the byte order mark, invisible tag characters,
#: ...) and the line and paragraph separators (Zl, Zp), as of Unicode 15.1.
#: The zero-width non-joiner and joiner (U+200C, U+200D) stay: scripts and
#: emoji need them. tests/test_text.py checks this list against the Unicode
#: database of the running Python.
_INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
#: Control characters (C0 but newline and tab, DEL, C1), lone surrogates
#: (they cannot even be encoded for output), and the invisible ones above.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_INVISIBLE}]")


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


def one_line(text: str) -> str:
    """``text`` made visible, line breaks and tabs included: for one-line records
    such as ``FILE:LINE:COLUMN: path: message``, which data must not split."""
    return visible(text).replace("\n", "\u2424").replace("\t", "\u2409")


#: Every character :func:`visible` replaces, for output that escapes them its
#: own way (JSON writes them as ``\uXXXX``).
UNSAFE_CHARACTERS = _UNSAFE
