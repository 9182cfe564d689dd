"""Patterned fields (ids, country codes) match the whole value, never a part of it.

msgspec looks for a pattern anywhere in a value (``re.search``), and Python's
``$`` also matches before a final newline: ``id: "twist\\n"`` used to load and
then crash the app on the Plot pane, whose widgets are named after ids. Every
patterned field is tried here with every control character, through the
loader, and with random text against the rule in words.
"""

from __future__ import annotations

import functools
import re
import typing
from typing import Any

import msgspec
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from showguide.core.errors import ShowDataError
from showguide.core.loader import parse_show
from showguide.core.model import COUNTRY_CODE_PATTERN, EPISODE_CODE_PATTERN, ID_PATTERN, Show
from tests.showdata import FULL

#: Each patterned place in the FULL show, its valid value there, and its rule.
PATTERNED: dict[tuple[str | int, ...], re.Pattern[str]] = {
    ("id",): re.compile("[a-z0-9][a-z0-9-]{0,79}"),
    ("plot", "threads", 0, "id"): re.compile("[a-z0-9][a-z0-9-]{0,79}"),
    ("characters", 0, "id"): re.compile("[a-z0-9][a-z0-9-]{0,79}"),
    ("highlights", 0, "id"): re.compile("[a-z0-9][a-z0-9-]{0,79}"),
    ("faq", 0, "id"): re.compile("[a-z0-9][a-z0-9-]{0,79}"),
    ("audience", "ratings", 0, "country"): re.compile("[A-Z]{2}"),
    ("highlights", 0, "reveals"): re.compile("[Ss][0-9]{1,3}[Ee][0-9]{1,4}"),
}
#: Places where a value of the right form must also name something that exists
#: (an episode the show lists): matching the rule is necessary, not enough.
MUST_EXIST = {("highlights", 0, "reveals")}
PATHS = list(PATTERNED)
PATH_IDS = [".".join(map(str, path)) for path in PATHS]

#: Every C0 and C1 control, DEL, and the other characters that end a line
#: somewhere (NEL, the line and paragraph separators).
CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + ["\u2028", "\u2029"]


def _patterns_in(annotation: Any, seen: set[type]) -> list[str]:
    """Every ``Meta(pattern=...)`` reachable from ``annotation``."""
    found: list[str] = []
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extras = typing.get_args(annotation)
        found += [m.pattern for m in extras if isinstance(m, msgspec.Meta) and m.pattern]
        return found + _patterns_in(base, seen)
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        if annotation in seen:
            return found
        seen.add(annotation)
        hints = typing.get_type_hints(annotation, include_extras=True)
        for field in msgspec.structs.fields(annotation):
            found += _patterns_in(hints[field.name], seen)
        return found
    for argument in typing.get_args(annotation):
        found += _patterns_in(argument, seen)
    return found


def test_every_pattern_in_the_model_is_one_of_the_whole_value_patterns() -> None:
    # A new patterned field must use whole_value() and be added to PATTERNED.
    every = {ID_PATTERN, COUNTRY_CODE_PATTERN, EPISODE_CODE_PATTERN}
    assert set(_patterns_in(Show, set())) == every
    for pattern in every:
        assert pattern.endswith("$(?!\\n)")


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@functools.cache
def _template(path: tuple[str | int, ...]) -> str:
    """The FULL show as YAML, with a placeholder where ``path``'s value goes."""
    data = yaml.safe_load(yaml.safe_dump(FULL))  # a deep copy, as YAML reads it
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = _PLACEHOLDER
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


_PLACEHOLDER = "VALUE-GOES-HERE"


def _quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar, every unusual character escaped."""
    return (
        '"'
        + "".join(
            c if (c.isalnum() and c.isascii()) or c in " -" else f"\\U{ord(c):08X}" for c in value
        )
        + '"'
    )


def _with(path: tuple[str | int, ...], value: str) -> str:
    """The FULL show as YAML, with ``value`` at ``path``."""
    return _template(path).replace(_PLACEHOLDER, _quoted(value), 1)


def _problem_paths(text: str) -> list[str] | None:
    """The paths of the problems in ``text``, or None when it loads."""
    try:
        parse_show(text, "x.yaml")
    except ShowDataError as error:
        return [problem.path for problem in error.problems]
    return None


def _dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@pytest.mark.parametrize("path", PATHS, ids=PATH_IDS)
def test_the_full_show_loads_with_its_own_values(path: tuple[str | int, ...]) -> None:
    assert PATTERNED[path].fullmatch(_get(FULL, path))
    assert _problem_paths(_with(path, _get(FULL, path))) is None


@pytest.mark.parametrize("path", PATHS, ids=PATH_IDS)
def test_every_control_character_anywhere_in_a_patterned_value_is_refused(
    path: tuple[str | int, ...],
) -> None:
    valid = _get(FULL, path)
    accepted = []
    for control in CONTROLS:
        for value in (valid + control, control + valid, valid[:1] + control + valid[1:]):
            problems = _problem_paths(_with(path, value))
            if problems is None or _dotted(path) not in problems:
                accepted.append(value)
    assert accepted == []


@pytest.mark.parametrize("path", PATHS, ids=PATH_IDS)
def test_a_patterned_value_in_a_plain_yaml_block_keeps_no_line_break(
    path: tuple[str | int, ...],
) -> None:
    # "|" keeps the final line break: the value is "twist\n".
    text = _with(path, "PLACEHOLDER")
    valid = _get(FULL, path)
    indent = " " * (len(path) * 2 + 2)
    block = text.replace('"PLACEHOLDER"', f"|\n{indent}{valid}\n{indent[:-2]}", 1)
    assert _dotted(path) in (_problem_paths(block) or [])


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(PATHS),
    st.text(
        alphabet=st.one_of(
            st.sampled_from("abcxyz0189-AKRZ"), st.sampled_from(CONTROLS), st.characters()
        ),
        max_size=12,
    ),
)
@example(("id",), "twist\n")
@example(("plot", "threads", 0, "id"), "twist\n")
@example(("audience", "ratings", 0, "country"), "KR\n")
def test_a_patterned_value_loads_exactly_when_it_is_whole_of_the_rule(
    path: tuple[str | int, ...], value: str
) -> None:
    if any("\ud800" <= c <= "\udfff" for c in value):
        return  # not a character: refused by YAML, tested in the loader's own tests
    problems = _problem_paths(_with(path, value))
    loads = problems is None
    whole = bool(PATTERNED[path].fullmatch(value))
    if path in MUST_EXIST:
        assert whole or not loads, (value, problems)
    else:
        assert loads == whole, (value, problems)
    if not loads:
        assert problems is not None and _dotted(path) in problems
