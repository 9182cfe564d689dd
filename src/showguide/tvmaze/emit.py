"""YAML text for a new guide, written directly: fast, safe, and commented.

A 500-episode show is a few thousand values; PyYAML's and ruamel's emitters,
written in Python, take most of a second for it. The data here is regular
(mappings, lists, text, whole numbers, dates), so it is written line by line
instead. Every text value is written in a form that reads back as exactly
that text under YAML 1.1 (what PyYAML, and so showguide's loader, reads):

- plain, when it is one printable line that YAML would not read as anything
  but text (checked with PyYAML's own resolver: ``yes``, ``1:20`` and
  ``2024-01-01`` are quoted);
- folded (``>-``) when a long single line can be wrapped at single spaces;
- literal (``|-``) for paragraphs, when every line is printable;
- otherwise double-quoted, with every control, invisible or bidirectional
  character written as an escape (``\\u202e``), so that the file shows no
  hidden characters in an editor and reads back to the same text.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from typing import Any, Final

import yaml

from showguide.core.export import SCHEMA_HINT, SCHEMA_MODELINE

WIDTH: Final = 76
_RESOLVER = yaml.resolver.Resolver()
#: Characters a plain scalar may not start with (YAML indicators, space, quotes).
_PLAIN_START = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`]")
#: What must never appear raw in the file: controls, bidirectional and
#: invisible characters, line separators, and the non-characters YAML refuses.
HIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff\ue000-\uf8ff\U000e0000-\U000e007f]"
)


def _resolves_to_text(text: str) -> bool:
    """True when YAML 1.1 reads ``text``, unquoted, as text (not a number, date, bool...)."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == "tag:yaml.org,2002:str"


def _needs_escape(text: str) -> bool:
    return HIDDEN.search(text) is not None or not text.isprintable()


def _is_plain(text: str) -> bool:
    return (
        bool(text)
        and len(text) <= WIDTH
        and _PLAIN_START.match(text) is not None
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text.isprintable()
        and not _needs_escape(text)
        and _resolves_to_text(text)
    )


def _quoted(text: str) -> str:
    body = json.dumps(text, ensure_ascii=False)

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"

    return HIDDEN.sub(escape, body)


def _wrap(text: str, width: int) -> list[str] | None:
    """``text`` split at single spaces into lines of about ``width``, or None."""
    if "  " in text or text != text.strip():
        return None
    lines: list[str] = []
    rest = text
    while len(rest) > width:
        cut = rest.rfind(" ", 0, width + 1)
        if cut <= 0:
            cut = rest.find(" ", width)
            if cut < 0:
                break
        lines.append(rest[:cut])
        rest = rest[cut + 1 :]
    lines.append(rest)
    return lines


def scalar(value: Any, indent: int) -> tuple[str, list[str]]:
    """The text after ``key: `` or ``- ``, and any lines that continue it."""
    if isinstance(value, bool):
        return ("true" if value else "false"), []
    if isinstance(value, int):
        return str(value), []
    if isinstance(value, datetime.date):
        return value.isoformat(), []
    if not isinstance(value, str):
        raise TypeError(f"cannot write {type(value).__name__}")
    if _is_plain(value):
        return value, []
    pad = " " * (indent + 2)
    if not _needs_escape(value.replace("\n", "")) and value == value.strip():
        if "\n" not in value:
            lines = _wrap(value, max(40, WIDTH - indent - 2))
            if lines is not None and len(lines) > 1 and not lines[0].startswith(("#", "-")):
                return ">-", [pad + line for line in lines]
        elif all(line == line.rstrip() for line in value.split("\n")):
            return "|-", [pad + line if line else "" for line in value.split("\n")]
    return _quoted(value), []


def block(data: Any, indent: int = 0) -> Iterator[str]:
    """Lines of ``data`` (a mapping or a list) in block style at ``indent``."""
    pad = " " * indent
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _entry(f"{pad}{key}:", value, indent)
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and item:
                first = True
                for key, value in item.items():
                    lead = f"{pad}- {key}:" if first else f"{pad}  {key}:"
                    yield from _entry(lead, value, indent + 2)
                    first = False
            else:
                yield from _entry(f"{pad}-", item, indent)
    else:
        raise TypeError("block() takes a mapping or a list")


def _entry(lead: str, value: Any, indent: int) -> Iterator[str]:
    if isinstance(value, dict):
        if not value:
            yield f"{lead} {{}}"
            return
        yield lead
        yield from block(value, indent + 2)
    elif isinstance(value, list):
        if not value:
            yield f"{lead} []"
            return
        yield lead
        yield from block(value, indent + 2)
    else:
        first, rest = scalar(value, indent)
        yield f"{lead} {first}"
        yield from rest


def dump(data: dict[str, Any]) -> str:
    """A mapping as YAML text (no header)."""
    return "".join(f"{line}\n" for line in block(data))


def _section(key: str, value: Any) -> str:
    return dump({key: value})


_HEADER: Final = """\
{modeline}
{hint}
#
# Imported from TVmaze ({page})
# on {today} by `showguide import`.
# TVmaze's data is under the CC BY-SA 4.0 licence: keep the TVmaze entry in
# `sources` when you share this file, and share your changes alike.
#
# `showguide import --update FILE` fetches the show again: it updates what
# came from TVmaze (episodes, cast, status, dates) and keeps what you write
# or change here, your comments included.
"""

_AUDIENCE_NOTE: Final = "# TVmaze does not say who the show suits: replace the summary below.\n"
_SETTING_NOTE: Final = """\
  # Where and when the story takes place: TVmaze does not say. To add it,
  # write `setting:` here and list where it comes from in `sources` below
  # (which names TVmaze, for the synopsis).
"""
_HIGHLIGHTS: Final = """\
# Highlights: what stands out, in your words. Uncomment and fill in:
# highlights:
#   - id: first-highlight
#     title: Something that stands out
#     category: story    # dance, visuals, costume, sets, music, culture, cast, story or production
#     description: Why it stands out.
#     spoiler: false
"""
_FAQ: Final = """\
# Questions a viewer might ask, with your answers. Uncomment and fill in:
# faq:
#   - id: first-question
#     question: A question a viewer might ask?
#     answer: The answer.
#     spoiler: false
"""
_VERDICT_NOTE: Final = "# Your verdict on the show, in a sentence or two.\n"


def guide_text(data: dict[str, Any], *, page: str, today: datetime.date) -> str:
    """The whole new guide: header, TVmaze's data, and placeholders with comments."""
    parts = [_HEADER.format(modeline=SCHEMA_MODELINE, hint=SCHEMA_HINT, page=page, today=today)]
    head = {}
    for key, value in data.items():
        if key == "audience":
            break
        head[key] = value
    parts.append(dump(head))
    for key, value in data.items():
        if key in head:
            continue
        if key == "audience":
            parts.append(_AUDIENCE_NOTE + _section(key, value))
        elif key == "plot":
            text = _section(key, value)
            parts.append(text.replace("plot:\n", "plot:\n" + _SETTING_NOTE, 1))
        elif key == "verdict":
            parts.append(_HIGHLIGHTS)
            parts.append(_FAQ)
            parts.append(_VERDICT_NOTE + _section(key, value))
        else:
            parts.append(_section(key, value))
    return "\n".join(parts)
