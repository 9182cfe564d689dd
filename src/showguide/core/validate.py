"""Explain every way located plain data fails to match the model.

msgspec stops at the first error and knows nothing of lines and columns, so when
its fast conversion fails we walk the data against the model's own type
annotations and report each problem where it stands. Leaf values are still
checked by msgspec itself, so the rules cannot drift from the model.
"""

from __future__ import annotations

import contextlib
import datetime
import re
import types
import typing
from typing import Any

import msgspec

from showguide.core.errors import MAX_PROBLEMS, Problem
from showguide.core.model import (
    COUNTRY_CODE_PATTERN,
    EPISODE_CODE_PATTERN,
    FORMAT_VERSION,
    ID_PATTERN,
)
from showguide.core.yamlnodes import Located, Path, format_path

_NONE = type(None)
_TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
    datetime.date: "a date (YYYY-MM-DD)",
    _NONE: "empty",
}
#: What each pattern in the model asks for, in words.
_PATTERN_RULES = {
    ID_PATTERN: "lower-case letters, digits and hyphens",
    COUNTRY_CODE_PATTERN: "a country code of two capital letters, such as KR",
    EPISODE_CODE_PATTERN: "an episode such as S1E4 (or true for a film)",
}
_PATTERN_MESSAGE = "Expected `str` matching regex "
#: Lists whose items carry an ``id`` that must be unique within the list.
_ID_LISTS: tuple[Path, ...] = (
    ("characters",),
    ("highlights",),
    ("faq",),
    ("plot", "threads"),
    ("sources",),
    ("source_check", "findings"),
)
#: Where a show names its sources by id: (path to a list of records, or to one
#: record with the empty list, and the keys in each record that hold ids).
_SOURCE_REFERENCES: tuple[tuple[Path, tuple[str, ...]], ...] = (
    (("audience",), ("sources",)),
    (("plot",), ("sources",)),
    (("plot", "threads", 0), ("sources",)),
    (("characters", 0), ("sources",)),
    (("highlights", 0), ("sources",)),
    (("faq", 0), ("sources",)),
    (("attribution",), ("title", "logline", "verdict", "status")),
    (("source_check", "findings", 0), ("claimed_by", "sources")),
)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (dict, list)):
        return _TYPE_NAMES[type(value)]
    if isinstance(value, str) and len(value) > 38:
        return repr(value[:37] + "…")  # enough to recognise it on its line
    return repr(value) if len(repr(value)) <= 40 else f"{type(value).__name__} value"


def _did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    import difflib  # only a file with problems needs it; loading a good one stays fast

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class _EnoughProblems(Exception):
    """Stops a walk that has found more problems than are reported."""


class _Walker:
    def __init__(self, tree: Located, name: str) -> None:
        self.tree = tree
        self.name = name
        self.problems: list[Problem] = []

    def add(self, path: Path, message: str, *, key: bool = False) -> None:
        line, column = self.tree.where(path, key=key)
        self.problems.append(Problem(self.name, line, column, format_path(path), message))
        # One more than ShowDataError shows, so that it says more follow.
        if len(self.problems) > MAX_PROBLEMS:
            raise _EnoughProblems

    def check(self, value: Any, annotation: Any, path: Path) -> None:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            self.check_leaf(value, annotation, path)
        elif origin in (typing.Union, types.UnionType):
            self.check_union(value, typing.get_args(annotation), path)
        elif origin is typing.Literal:
            self.check_literal(value, typing.get_args(annotation), path)
        elif origin is list:
            if not isinstance(value, list):
                self.add(path, f"expected a list, got {_describe(value)}")
                return
            (item_type,) = typing.get_args(annotation)
            for index, item in enumerate(value):
                self.check(item, item_type, (*path, index))
        elif isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
            self.check_struct(value, annotation, path)
        else:
            self.check_leaf(value, annotation, path)

    def check_struct(self, value: Any, struct: type[msgspec.Struct], path: Path) -> None:
        if not isinstance(value, dict):
            self.add(path, f"expected a mapping, got {_describe(value)}")
            return
        fields = {field.encode_name: field for field in msgspec.structs.fields(struct)}
        for key in value:
            if key not in fields:
                self.add((*path, key), f"unknown key{_did_you_mean(key, fields)}", key=True)
        for key, field in fields.items():
            if key in value:
                self.check(value[key], field.type, (*path, key))
            elif field.required:
                self.add((*path, key), "required but missing")

    def check_union(self, value: Any, members: tuple[Any, ...], path: Path) -> None:
        if value is None and _NONE in members:
            return
        structs = [m for m in members if isinstance(m, type) and issubclass(m, msgspec.Struct)]
        if isinstance(value, dict) and len(structs) == 1:
            self.check_struct(value, structs[0], path)
            return
        literals = [
            arg
            for m in members
            if typing.get_origin(m) is typing.Literal
            for arg in typing.get_args(m)
        ]
        others = [
            m
            for m in members
            if m is not _NONE and m not in structs and typing.get_origin(m) is not typing.Literal
        ]
        if literals and not others:
            self.check_literal(value, tuple(literals), path, also_mapping=bool(structs))
            return
        for member in others:
            try:
                msgspec.convert(value, member)
            except msgspec.ValidationError:
                continue
            return
        if len(others) == 1 and not structs and not literals:
            self.check_leaf(value, others[0], path)
            return
        self.add(path, f"{_describe(value)} is not allowed here")

    def check_literal(
        self, value: Any, choices: tuple[Any, ...], path: Path, *, also_mapping: bool = False
    ) -> None:
        if value in choices and type(value) is type(choices[0]):
            return
        if path == ("format_version",):
            self.add(path, f"this showguide reads format_version {FORMAT_VERSION}, not {value!r}")
            return
        listed = ", ".join(repr(choice) for choice in choices)
        alternative = " or a mapping with a name" if also_mapping else ""
        hint = _did_you_mean(value, [str(c) for c in choices]) if isinstance(value, str) else ""
        self.add(path, f"{_describe(value)} is not one of {listed}{alternative}{hint}")

    def check_leaf(self, value: Any, annotation: Any, path: Path) -> None:
        try:
            msgspec.convert(value, annotation)
        except msgspec.ValidationError as error:
            self.add(path, _explain(str(error), value, annotation))


def _explain(message: str, value: Any, annotation: Any) -> str:
    """Turn a msgspec message about a leaf value into one a person can act on."""
    message = re.sub(r" - at `\$[^`]*`$", "", message)
    base = (
        typing.get_args(annotation)[0]
        if typing.get_origin(annotation) is typing.Annotated
        else annotation
    )
    if message.startswith("Expected `str` of length >= 1"):
        return "must not be empty"
    length = re.match(r"Expected `str` of length (>=|<=) (\d+)", message)
    if length:
        most = "at least" if length.group(1) == ">=" else "at most"
        return f"{_describe(value)} must be {most} {length.group(2)} characters long"
    if message.startswith(_PATTERN_MESSAGE):
        # msgspec shows the pattern as Python writes it in quotes (its repr).
        shown = message.removeprefix(_PATTERN_MESSAGE)
        rule = next(
            (rule for pattern, rule in _PATTERN_RULES.items() if repr(pattern) == shown),
            f"text matching {shown}",
        )
        return f"{_describe(value)} must be {rule}"
    if message.startswith("Invalid RFC3339 encoded date") or (
        base is datetime.date and isinstance(value, str)
    ):
        return f"{_describe(value)} is not a real date (use YYYY-MM-DD)"
    bounds = re.match(r"Expected `int` (>=|<=) (-?\d+)", message)
    if bounds:
        return f"{_describe(value)} must be {bounds.group(1)} {bounds.group(2)}"
    if typing.get_origin(base) in (typing.Union, types.UnionType):
        return f"expected {_PATTERN_RULES[EPISODE_CODE_PATTERN]}, got {_describe(value)}"
    expected = _TYPE_NAMES.get(base, getattr(base, "__name__", str(base)))
    hint = " (put it in quotes to make it text)" if base is str and value is not None else ""
    return f"expected {expected}, got {_describe(value)}{hint}"


def validate_tree(tree: Located, model: type[msgspec.Struct], name: str) -> list[Problem]:
    """Every mismatch between the located data and ``model``."""
    walker = _Walker(tree, name)
    with contextlib.suppress(_EnoughProblems):
        walker.check(tree.value, model, ())
    return walker.problems


def check_ids(tree: Located, name: str) -> list[Problem]:
    """Ids that repeat within their list, and source ids that name no source,
    each reported where it stands."""
    walker = _Walker(tree, name)
    with contextlib.suppress(_EnoughProblems):
        _check_ids(walker, tree)
        _check_source_references(walker, tree)
    return walker.problems


def _records_at(value: Any, path: Path) -> typing.Iterator[tuple[Path, dict[str, Any]]]:
    """The mappings at ``path``; a 0 in it stands for every item of a list."""
    if not path:
        if isinstance(value, dict):
            yield (), value
        return
    head, rest = path[0], path[1:]
    if head == 0:
        items = value if isinstance(value, list) else []
        for index, item in enumerate(items):
            for found_path, record in _records_at(item, rest):
                yield (index, *found_path), record
    elif isinstance(value, dict) and head in value:
        for found_path, record in _records_at(value[head], rest):
            yield (head, *found_path), record


def _check_source_references(walker: _Walker, tree: Located) -> None:
    root = tree.value
    if not isinstance(root, dict):
        return
    sources = root.get("sources")
    known = [
        item["id"]
        for item in (sources if isinstance(sources, list) else [])
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]
    for pattern, keys in _SOURCE_REFERENCES:
        for record_path, record in _records_at(root, pattern):
            for key in keys:
                ids = record.get(key)
                if not isinstance(ids, list):
                    continue  # a wrong type is the model check's to report
                for index, source_id in enumerate(ids):
                    if not isinstance(source_id, str) or source_id in known:
                        continue
                    if known:
                        hint = _did_you_mean(source_id, known) or (
                            f"; the sources are {', '.join(map(repr, known))}"
                        )
                    else:
                        hint = "; give a source in `sources` this id"
                    walker.add((*record_path, key, index), f"unknown source {source_id!r}{hint}")


def _check_ids(walker: _Walker, tree: Located) -> None:
    for list_path in _ID_LISTS:
        items: Any = tree.value
        for part in list_path:
            items = items.get(part) if isinstance(items, dict) else None
        if not isinstance(items, list):
            continue
        first_seen: dict[str, int] = {}
        for index, item in enumerate(items):
            item_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(item_id, str):
                continue
            if item_id in first_seen:
                where = format_path((*list_path, first_seen[item_id]))
                walker.add((*list_path, index, "id"), f"duplicate id {item_id!r} (also {where})")
            else:
                first_seen[item_id] = index
