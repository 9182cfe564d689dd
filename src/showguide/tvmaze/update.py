"""``import --update``: merge TVmaze's fresh data into the user's guide, keeping their work.

Why ruamel.yaml: an update must leave every part the user wrote as they wrote
it: highlights, FAQ, verdict, threads, comments, key order, quoting and
folded text. PyYAML drops comments on load, so with it the update would have
to splice text at node positions, re-implementing indentation, flow and block
styles and comment placement for every kind of edit (replace a value, add a
key, insert or remove a list item). ruamel.yaml is a well-kept library that
does exactly this round trip: it loads into maps and lists that carry their
comments and formatting, and writes them back unchanged except where edited.
It is slower than a C parser (about a second for a 500-episode file on a busy
machine), which an occasional update can afford; a new import does not use it.

The merge is three-way. ``theirs`` is what TVmaze says now; ``base`` is what it
said at the last import or update of this show (a snapshot kept in the state
folder); ``mine`` is the file. For each value that comes from TVmaze:

- TVmaze unchanged (theirs == base): the file keeps whatever it has.
- TVmaze changed and the file still holds the old value: the new value is written.
- TVmaze changed and the user edited the value too: the user's edit is kept,
  and the change is reported so they can look.

Lists of things with identity (characters by id, seasons and episodes by
number, sources by id or URL) are merged item by item: new items are added in
TVmaze's order, items the user deleted stay deleted, items TVmaze dropped are
removed only if the user never touched them. With no snapshot (a file from
another machine), the file's TVmaze values are taken as unedited.
Everything that does not come from TVmaze (placeholders once written, the
user's own keys and items) is never looked at.
"""

from __future__ import annotations

import datetime
import functools
import io
import re
from dataclasses import dataclass
from typing import Any, Final

from showguide.tvmaze.emit import HIDDEN
from showguide.tvmaze.mapping import KEY_ORDER

MISSING: Final = object()
_DIRECTIVE = re.compile(r"\A%YAML 1\.1\n---\n?")
#: Fields that identify an item in a list, in order of preference.
_ITEM_KEYS: Final = ("id", "number", "url")


@dataclass(frozen=True)
class Change:
    kind: str  # "changed", "added", "removed", "kept"
    path: str
    detail: str = ""

    def __str__(self) -> str:
        words = {
            "changed": "changed",
            "added": "added",
            "removed": "removed",
            "kept": "kept your edit of",
        }[self.kind]
        return f"{words} {self.path}{': ' + self.detail if self.detail else ''}"


def norm(value: Any) -> Any:
    """Plain, comparable data: dates as text, ruamel's types as Python's."""
    if value is MISSING:
        return MISSING
    if isinstance(value, dict):
        return {str(key): norm(item) for key, item in value.items()}
    if isinstance(value, list):
        return [norm(item) for item in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value


def _yaml() -> Any:
    from ruamel.yaml import YAML  # only --update pays for it

    handler = YAML()  # round-trip: comments, order and styles are kept
    handler.version = (1, 1)  # as PyYAML, and so showguide's loader, reads files
    handler.Resolver = _pyyaml_resolver()
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 76
    handler.preserve_quotes = True
    return handler


@functools.cache
def _pyyaml_resolver() -> Any:
    """A ruamel.yaml resolver that reads plain scalars exactly as PyYAML does.

    ruamel's own YAML 1.1 rules differ at the edges (``N`` is a bool to it,
    ``0E0`` a float; to PyYAML, and so to showguide's loader, both are text).
    With its rules an update read such a title as another value, took it for
    the user's edit and kept it; writing, it could leave unquoted a value that
    PyYAML then reads as something else.
    """
    import yaml
    from ruamel.yaml.resolver import VersionedResolver

    rules: dict[str | None, list[tuple[str, Any]]] = {}
    for first, entries in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
        rules.setdefault(first, []).extend(entries)

    class PyYamlResolver(VersionedResolver):
        @property
        def versioned_resolver(self) -> dict[str | None, list[tuple[str, Any]]]:
            return rules

    return PyYamlResolver


def load_document(text: str) -> Any:
    return _yaml().load(text)


def dump_document(document: Any, original: str) -> str:
    stream = io.StringIO()
    _yaml().dump(document, stream)
    text = _DIRECTIVE.sub("", stream.getvalue(), count=1)
    if HIDDEN.search(original) is None:
        # The file had no hidden characters, so any now present came from
        # TVmaze in a double-quoted value (see _value): escape them there.
        text = HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def _value(value: Any) -> Any:
    """TVmaze data as ruamel's round-trip types; text with hidden characters double-quoted."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _value(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_value(item) for item in value)
    if isinstance(value, str) and HIDDEN.search(value):
        return DoubleQuotedScalarString(value)
    return value


def _last_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where ruamel keeps the comment lines after ``node``: on its deepest last value."""
    found: tuple[Any, Any, int] | None = None
    while isinstance(node, (dict, list)) and node and hasattr(node, "ca"):
        if isinstance(node, dict):
            key: Any = list(node)[-1]
            found = (node, key, 2)
        else:
            key = len(node) - 1
            found = (node, key, 0)
        node = node[key]
    return found


def _move_trailing_comment(source: tuple[Any, Any, int] | None, new_last: Any) -> None:
    """The comment lines kept at ``source`` move to the end of ``new_last``.

    ruamel attaches the comments between the end of a list (or mapping) and
    the next key to the last value before them: without this, an item added
    at the end would land below the comments that introduce the next key, and
    removing the last item would take those comments with it. An end-of-line
    comment stays where it is.
    """
    from ruamel.yaml.tokens import CommentToken

    target = _last_slot(new_last)
    if source is None or target is None:
        return
    container, key, slot = source
    entry = container.ca.items.get(key)
    token = entry[slot] if entry is not None else None
    if token is None or not isinstance(token.value, str):
        return
    text: str = token.value
    if text.startswith("#"):  # an end-of-line comment, then the lines after it
        keep, _, lines = text.partition("\n")
        keep += "\n"
    else:
        keep, lines = "", text[1:] if text.startswith("\n") else text
    if not lines.strip("\n "):
        return
    if keep:
        token.value = keep
    else:
        entry[slot] = None
    target_container, target_key, target_slot = target
    new_entry = target_container.ca.items.setdefault(target_key, [None, None, None, None])
    new_entry[target_slot] = CommentToken("\n" + lines, token.start_mark, None)


class _Merge:
    def __init__(self) -> None:
        self.changes: list[Change] = []

    def mapping(self, mine: Any, base: Any, theirs: dict[str, Any], path: str) -> None:
        base_map = base if isinstance(base, dict) else None
        keys = list(theirs) + [k for k in (base_map or {}) if k not in theirs]
        for key in keys:
            where = f"{path}.{key}" if path else key
            t = theirs.get(key, MISSING)
            b = base_map.get(key, MISSING) if base_map is not None else None
            m = mine.get(key, MISSING)
            self.value(mine, key, m, b, t, where)

    def value(self, parent: Any, key: Any, m: Any, b: Any, t: Any, where: str) -> None:
        """Merge one value; ``b`` is None when there is no record of the last import."""
        nm, nt = norm(m), norm(t)
        if nm == nt:
            return
        if isinstance(m, dict) and isinstance(t, dict):
            self.mapping(m, b, t, where)
            return
        field = _item_key(t)
        if isinstance(m, list) and field is not None:
            self.items(m, b if isinstance(b, list) else None, t, field, where)
            return
        nb = nm if b is None else norm(b)
        if nt == nb:
            return  # TVmaze has not changed it: the file's value stands
        if nm != nb:
            self.changes.append(Change("kept", where, "TVmaze's value changed too"))
            return
        if t is MISSING:
            del parent[key]
            self.changes.append(Change("removed", where))
        elif m is MISSING and isinstance(parent, dict):
            _insert_key(parent, key, _value(t))
            self.changes.append(Change("added", where, _brief(t)))
        else:
            parent[key] = _value(t)
            self.changes.append(Change("changed", where, f"{_brief(m)} → {_brief(t)}"))

    def items(
        self, mine: Any, base: list[Any] | None, theirs: list[Any], field: str, where: str
    ) -> None:
        def keyed(items: list[Any]) -> dict[Any, Any]:
            return {norm(i[field]): i for i in items if isinstance(i, dict) and field in i}

        mine_by, theirs_by = keyed(mine), keyed(theirs)
        base_by = keyed(base) if base is not None else None
        last = -1  # where the previous item from TVmaze is in the file
        for item_key, t_item in theirs_by.items():
            label = f"{where}[{item_key}]"
            if item_key in mine_by:
                m_item = mine_by[item_key]
                b_item = base_by.get(item_key) if base_by is not None else None
                self.value(None, None, m_item, b_item, t_item, label)
                last = _index(mine, m_item)
            elif base_by is not None and item_key in base_by:
                continue  # the user deleted it: it stays deleted
            else:
                last += 1
                at_end = last == len(mine)
                before = _last_slot(mine) if at_end else None
                mine.insert(last, _value(t_item))
                if at_end:
                    _move_trailing_comment(before, mine)
                self.changes.append(Change("added", label, _brief(t_item)))
        for item_key, b_item in (base_by or {}).items():
            if item_key in theirs_by or item_key not in mine_by:
                continue
            m_item = mine_by[item_key]
            if norm(m_item) == norm(b_item):
                index = _index(mine, m_item)
                at_end = index == len(mine) - 1 and index > 0
                after = _last_slot(mine) if at_end else None
                mine.pop(index)
                if at_end:
                    _move_trailing_comment(after, mine)
                self.changes.append(Change("removed", f"{where}[{item_key}]"))
            else:
                self.changes.append(
                    Change("kept", f"{where}[{item_key}]", "TVmaze no longer lists it")
                )


def _index(items: list[Any], item: Any) -> int:
    return next(i for i, candidate in enumerate(items) if candidate is item)


def _item_key(value: Any) -> str | None:
    if not isinstance(value, list) or not value or not all(isinstance(i, dict) for i in value):
        return None
    for field in _ITEM_KEYS:
        if all(field in item for item in value):
            return field
    return None


def _insert_key(mapping: Any, key: str, value: Any) -> None:
    """Insert ``key`` after the nearest key before it in the file's usual order."""
    order = {name: index for index, name in enumerate(KEY_ORDER)}
    rank = order.get(key, len(order))
    position = 0
    for index, existing in enumerate(mapping):
        if order.get(existing, len(order)) <= rank:
            position = index + 1
    if hasattr(mapping, "insert"):
        at_end = position == len(mapping)
        before = _last_slot(mapping) if at_end else None
        mapping.insert(position, key, value)
        if at_end:
            _move_trailing_comment(before, mapping)
    else:
        mapping[key] = value


def _brief(value: Any) -> str:
    if isinstance(value, dict):
        for field in ("title", "name", "id"):
            if isinstance(value.get(field), str):
                return repr(str(value[field]))
        return "an entry"
    if isinstance(value, list):
        return f"{len(value)} items"
    text = str(norm(value))
    return repr(text if len(text) <= 40 else text[:39] + "…")


def merge(document: Any, base: dict[str, Any] | None, theirs: dict[str, Any]) -> list[Change]:
    """Merge ``theirs`` into ``document`` in place; the changes made or declined."""
    merger = _Merge()
    merger.mapping(document, base if base is not None else None, theirs, "")
    return merger.changes
