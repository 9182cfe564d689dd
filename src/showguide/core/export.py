"""A show as text in another format: YAML and JSON that load back, Markdown to publish.

Every function here returns a string and has no idea where it goes; the
``export`` command writes it to a file or to standard output. Exports carry the
whole show, spoilers included: they are the data, not a reading of it.

- YAML is the authoring format. It leaves out fields that hold their default
  (except ``actor``, whose default "not yet announced" is a statement worth
  keeping), indents lists and folds long prose as the bundled files do, and
  starts with the schema modeline. It loads back to an identical model.
- JSON is for programs. It writes every field, defaults included, so its shape
  never depends on the data; it validates against ``data/show.schema.json``.
- Markdown is a page a person would publish: see :mod:`showguide.core.markdown`.
"""

from __future__ import annotations

import re
from typing import Any, Final

import msgspec
import yaml

from showguide.core.model import Show
from showguide.core.text import has_unsafe, is_unsafe, replace_unsafe

#: The modeline for a show file outside the repository: the schema beside the
#: file, which ``showguide schema > show.schema.json`` writes. A path into the
#: installed package would break when showguide moves or the file is shared;
#: there is no published URL to point at.
SCHEMA_MODELINE: Final = "# yaml-language-server: $schema=show.schema.json"
SCHEMA_HINT: Final = (
    "# Editors that read the line above check this file as you type; put the\n"
    "# schema beside it with: showguide schema > show.schema.json"
)

#: Field order of a show, split into blocks separated by a blank line in YAML.
_YAML_BLOCKS: Final = (
    (
        "format_version",
        "id",
        "title",
        "native_title",
        "romanized_title",
        "format",
        "network",
        "year",
        "premiere_date",
        "end_date",
        "runtime",
        "released",
        "status",
        "genres",
        "tags",
        "country",
        "original_language",
    ),
    ("audience",),
    ("logline",),
    ("plot",),
    ("characters",),
    ("highlights",),
    ("faq",),
    ("seasons",),
    ("verdict",),
    ("sources",),
    ("as_of", "attribution"),
    ("source_check",),
)
#: The order of a show file's top-level keys, as export writes them; the
#: TVmaze import writes and updates files in the same order.
SHOW_KEY_ORDER: Final = tuple(key for block in _YAML_BLOCKS for key in block)
#: Fields written even when they hold their default value.
_ALWAYS_WRITTEN: Final = frozenset({"actor"})
#: Prose longer than this is folded (``>-``) rather than written on one line.
_FOLD_AFTER: Final = 60


def _plain(value: Any) -> Any:
    """Plain data for YAML: structs as dicts without their default fields."""
    if isinstance(value, msgspec.Struct):
        result: dict[str, Any] = {}
        for field in msgspec.structs.fields(type(value)):
            item = getattr(value, field.name)
            if field.name not in _ALWAYS_WRITTEN and not field.required:
                default = (
                    field.default_factory()
                    if field.default_factory is not msgspec.NODEFAULT
                    else field.default
                )
                if item == default and type(item) is type(default):
                    continue
            result[field.encode_name] = _plain(item)
        return result
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


class _ShowDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with lists indented under their key.

    The pure-Python dumper, not libyaml's, so that the output is the same on
    every machine whether or not PyYAML was built with libyaml.
    """

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        """PyYAML's double-quoted scalar, escaping what a terminal or reader could act on.

        With ``allow_unicode`` PyYAML writes every character from U+00A0 up
        as it is, bidirectional overrides and zero-width spaces included (so
        ``cat`` of an export could reorder or hide text). Here each character
        that core.text.visible would make visible is written as an escape
        (``\\u202E``), as JSON exports do; the value read back is the same.
        Otherwise this is PyYAML 6's own method (MIT licence), line for line.
        """
        self.write_indicator('"', True)
        start = end = 0
        while end <= len(text):
            ch = text[end] if end < len(text) else None
            if (
                ch is None
                or ch in '"\\\x85\u2028\u2029\ufeff'
                or is_unsafe(ch)
                or not (
                    "\x20" <= ch <= "\x7e"
                    or (
                        self.allow_unicode
                        and ("\xa0" <= ch <= "\ud7ff" or "\ue000" <= ch <= "\ufffd")
                    )
                )
            ):
                if start < end:
                    self._write_plain_run(text[start:end])
                    start = end
                if ch is not None:
                    if ch in self.ESCAPE_REPLACEMENTS:
                        data = "\\" + self.ESCAPE_REPLACEMENTS[ch]
                    elif ch <= "\xff":
                        data = f"\\x{ord(ch):02X}"
                    elif ch <= "\uffff":
                        data = f"\\u{ord(ch):04X}"
                    else:
                        data = f"\\U{ord(ch):08X}"
                    self._write_plain_run(data)
                    start = end + 1
            if (
                0 < end < len(text) - 1
                and (ch == " " or start >= end)
                and self.column + (end - start) > self.best_width
                and split
            ):
                data = text[start:end] + "\\"
                if start < end:
                    start = end
                self._write_plain_run(data)
                self.write_indent()
                self.whitespace = False
                self.indention = False
                if text[start] == " ":
                    self._write_plain_run("\\")
            end += 1
        self.write_indicator('"', False)

    def _write_plain_run(self, data: str) -> None:
        self.column += len(data)
        self.stream.write(data.encode(self.encoding) if self.encoding else data)


#: Line breaks other than "\n". PyYAML writes them unescaped in plain and
#: single-quoted text, and reading that back turns them into spaces; in
#: double quotes it escapes them.
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style: str | None = None
    if _OTHER_BREAKS.search(text) or has_unsafe(text):
        # Only double quotes can escape: see _ShowDumper.write_double_quoted.
        style = '"'
    elif len(text) > _FOLD_AFTER and "\n" not in text:
        # Asking for folded style is safe: the emitter falls back to quotes
        # for any text a block scalar cannot hold exactly.
        style = ">"
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_ShowDumper.add_representer(str, _represent_text)


def yaml_scalar(text: str) -> str:
    """``text`` as the value of a top-level key, reading back as exactly ``text``."""
    dumped = yaml.dump({"v": text}, Dumper=_ShowDumper, allow_unicode=True, width=72)
    return dumped[len("v: ") :].rstrip("\n")


def to_yaml(show: Show) -> str:
    """The show as a YAML show file, with the schema modeline first."""
    data = _plain(show)
    blocks = []
    placed = {key for keys in _YAML_BLOCKS for key in keys}
    # A field no block names still reaches the file, last: never lost.
    rest = tuple(key for key in data if key not in placed)
    for keys in (*_YAML_BLOCKS, rest):
        part = {key: data[key] for key in keys if key in data}
        if part:
            blocks.append(
                yaml.dump(
                    part,
                    Dumper=_ShowDumper,
                    allow_unicode=True,
                    sort_keys=False,
                    width=72,
                    indent=2,
                )
            )
    return f"{SCHEMA_MODELINE}\n{SCHEMA_HINT}\n\n" + "\n".join(blocks)


def _json_escape(char: str) -> str:
    code = ord(char)
    # Past U+FFFF JSON can only escape a surrogate pair, which YAML readers
    # (libyaml) refuse, and a JSON export must load as a show file too: those
    # few (invisible tags, Egyptian format controls) stay as they are.
    return f"\\u{code:04x}" if code <= 0xFFFF else char


def to_json(show: Show) -> str:
    """The show as JSON with every field present, two-space indented.

    Characters JSON allows unescaped that a terminal (C1 controls), a
    JavaScript parser (U+2028, U+2029) or a reader (bidirectional overrides,
    zero-width and other invisible characters) could act on are escaped:
    the same ones core.text.visible makes visible, and YAML exports escape.
    Escaping them changes no value.
    """
    text = msgspec.json.format(msgspec.json.encode(show), indent=2).decode()
    return replace_unsafe(text, _json_escape) + "\n"


#: Every export format, by the name the command line uses.
FORMATS: Final = ("markdown", "json", "yaml")


def export_show(show: Show, format_name: str) -> str:
    """The show in ``format_name``, one of :data:`FORMATS`."""
    if format_name == "json":
        return to_json(show)
    if format_name == "yaml":
        return to_yaml(show)
    if format_name == "markdown":
        from showguide.core.markdown import to_markdown

        return to_markdown(show)
    raise ValueError(f"unknown export format {format_name!r}")
