"""What is wrong with a small JSON file showguide reads, said in words.

msgspec reports a wrong value as "Expected `str | null`, got `int` - at
`$.theme`": exact, but written for programmers. The preferences and state
files are edited by people, so a notice about one says which setting is
wrong, what it holds and what it should hold::

    "theme" is 5 (a number) where it should be text in quotes, or null

and a file that is not JSON at all says where it stops making sense.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

import msgspec

_WRONG_VALUE: Final = re.compile(
    r"Expected `(?P<expected>[^`]+)`, got `(?P<got>[^`]+)`(?: - at `\$(?P<path>[^`]*)`)?"
)
_MALFORMED: Final = re.compile(r"JSON is malformed: (?P<what>.+?) \(byte (?P<byte>\d+)\)")
_STEP: Final = re.compile(r"\.(?P<key>[A-Za-z_][A-Za-z0-9_]*)|\[(?P<index>\d+|\.\.\.)\]")

#: msgspec's type names, as a person editing a JSON file would put them.
TYPE_WORDS: Final = {
    "str": "text in quotes",
    "null": "null",
    "bool": "true or false",
    "int": "a whole number",
    "float": "a number",
    "object": "an object in braces { }",
    "array": "a list in brackets [ ]",
}
#: What a value found is, in words.
FOUND_WORDS: Final = {
    "str": "text",
    "null": "null",
    "bool": "true or false",
    "int": "a number",
    "float": "a number",
    "object": "an object",
    "array": "a list",
}
#: The longest value quoted in a notice; a longer one is cut with "…".
MAX_QUOTED = 30


def explain(error: msgspec.DecodeError, data: bytes, hints: Mapping[str, str] | None = None) -> str:
    """What is wrong with ``data``, the file's bytes, that ``error`` was raised for.

    ``hints``: what a setting should be, by its name, in better words than its type's.
    """
    message = str(error)
    wrong = _WRONG_VALUE.fullmatch(message)
    if wrong is not None:
        path = wrong["path"] or ""
        should = (hints or {}).get(path.lstrip(".")) or _alternatives(wrong["expected"])
        return _wrong_value(should, wrong["got"], path, data)
    if not data.strip():
        return "it is empty"
    if message == "Input data was truncated":
        return "it ends too soon, as if cut off while it was written"
    if message.startswith("Invalid UTF-8"):
        return "it is not text (not UTF-8)"
    malformed = _MALFORMED.fullmatch(message)
    if malformed is not None:
        # msgspec's byte is where it noticed, often a few characters on:
        # the line is worth saying, a column would mislead.
        line = data[: int(malformed["byte"])].count(b"\n") + 1
        return f"it is not valid JSON: {malformed['what']}, near line {line}"
    return message or "it is not valid JSON"


def _wrong_value(should: str, got: str, path: str, data: bytes) -> str:
    steps = list(_STEP.finditer(path))
    if not steps:
        return f"it holds {FOUND_WORDS.get(got, got)} where it should hold {should}"
    where = _where(steps)
    value = _value_at(data, steps)
    found = FOUND_WORDS.get(got, got)
    shown = f"{value} ({found})" if value is not None else found
    return f"{where} is {shown} where it should be {should}"


def _alternatives(expected: str) -> str:
    words = [TYPE_WORDS.get(name.strip(), name.strip()) for name in expected.split("|")]
    return ", or ".join(words)


def _where(steps: list[re.Match[str]]) -> str:
    """``"theme"``, or ``an entry of "panes"`` for a value inside a dict."""
    keys = [step["key"] for step in steps if step["key"] is not None]
    name = ".".join(keys) if keys else "a value"
    if steps[-1]["key"] is None:  # inside a dict or a list: msgspec does not say which entry
        return f'an entry of "{name}"'
    return f'"{name}"'


def _value_at(data: bytes, steps: list[re.Match[str]]) -> str | None:
    """The value found at a path of named keys, shown as JSON; None if it cannot be pointed to."""
    if any(step["key"] is None for step in steps):
        return None
    try:
        value: Any = msgspec.json.decode(data)
        for step in steps:
            value = value[step["key"]]
        shown = msgspec.json.encode(value).decode("utf-8")
    except (msgspec.DecodeError, KeyError, TypeError, UnicodeDecodeError):
        return None
    from showguide.core.text import one_line

    shown = one_line(shown)
    return shown if len(shown) <= MAX_QUOTED else shown[: MAX_QUOTED - 1] + "…"
