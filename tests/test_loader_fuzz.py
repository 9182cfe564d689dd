"""Fuzzing the loader: whatever goes in, only ShowDataError comes out, and validate agrees.

Inputs are random bytes, random YAML-ish text, random YAML trees, and valid
shows broken at random places (which reach the model checks that random trees
rarely get past). Each runs with libyaml's parser and with PyYAML's own.
"""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showguide.cli import main
from showguide.core.errors import ShowDataError
from showguide.core.loader import decode_show_bytes, load_show, parse_show
from showguide.core.model import Show
from showguide.core.text import one_line
from tests.showdata import FULL, model_fields
from tests.strategies import shows

NAME = "fuzz.yaml"
fuzz = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Every test here runs with libyaml's reader and with PyYAML's own.
pytestmark = pytest.mark.usefixtures("both_yaml_readers")


# -- strategies ---------------------------------------------------------------------

#: Every key the model knows, so random mappings often hit real fields.
FIELD_NAMES = sorted({name.split(".")[1] for name in model_fields(Show)})

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(["series", "lead", "2024-02-30", "2024-01-01", "not yet announced", "KR"]),
    st.dates().map(str),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12))
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)
    ),
    max_leaves=25,
)

#: Characters that mean something to YAML, and some that YAML refuses.
YAML_PIECES = [
    *": -[]{},#&*!|>'\"%@`?\n\t ",
    "---",
    "...",
    "!!python/object:os.system",
    "!!binary",
    "&a ",
    "*a",
    "<<: ",
    "? ",
    "\\u",
    "\\ud800",
    "\x1b",
    "\x00",
    "\ufeff",
    "\x85",
    "title",
    "faq",
    "- id: x",
    # Numbers too long to convert: past int()'s 4,300 digits, a long base-60
    # integer (quadratic to convert), a hex one too big to print.
    "7" * 5_000,
    "1" + ":59" * 5_000,
    "0x" + "f" * 5_000,
    "9" * 5_000 + ".5",
    "!!int " + "7" * 5_000,
    "!!int ١٢",
]
yaml_texts = st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def broken_shows(draw: st.DrawFn) -> Any:
    """A valid show with one to three random changes: a value replaced, removed or added."""
    data: Any = copy.deepcopy(FULL)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(_paths(data)))
        if not path:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(trees)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(keys)] = draw(trees)
        else:
            parent.append(draw(trees))
    return data


def as_data(show: Show) -> Any:
    """A show as the plain data its YAML file holds."""
    return msgspec.to_builtins(show, builtin_types=(datetime.date,))


def as_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# -- what must hold -----------------------------------------------------------------


def load_or_problems(text: str) -> Show | ShowDataError:
    """The show, or the data error: any other exception fails the test."""
    try:
        return parse_show(text, NAME)
    except ShowDataError as error:
        for problem in error.problems:
            assert problem.file == NAME
            assert problem.line >= 1 and problem.column >= 1
            assert problem.path and problem.message
        return error


@fuzz
@given(st.binary(max_size=300))
def test_random_bytes(data: bytes) -> None:
    try:
        text = decode_show_bytes(data, NAME)
    except ShowDataError:
        return
    load_or_problems(text)


@fuzz
@given(yaml_texts)
def test_random_yaml_text(text: str) -> None:
    load_or_problems(text)


@fuzz
@given(trees)
def test_random_yaml_trees(tree: Any) -> None:
    load_or_problems(as_yaml(tree))


@pytest.mark.slow
@fuzz
@given(broken_shows())
def test_randomly_broken_shows(data: Any) -> None:
    load_or_problems(as_yaml(data))


@fuzz
@given(st.sampled_from(sorted(_paths(FULL))[1:]), st.sampled_from(YAML_PIECES))
def test_yaml_pieces_inserted_into_a_valid_file(path: tuple[Any, ...], piece: str) -> None:
    load_or_problems(with_piece(path, piece))


def with_piece(path: tuple[Any, ...], piece: str) -> str:
    """The full show's YAML with ``piece`` inserted at the line that holds the
    last key or value of ``path``."""
    lines = as_yaml(FULL).splitlines(keepends=True)
    needle = str(path[-1])
    at = next((i for i, line in enumerate(lines) if needle in line), 0)
    lines.insert(at, piece + "\n")
    return "".join(lines)


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return data


@fuzz
@given(st.sampled_from(sorted(_paths(FULL))[1:]), st.sampled_from(YAML_PIECES))
def test_yaml_pieces_written_as_a_value(path: tuple[Any, ...], piece: str) -> None:
    """Each piece, written as is where a value of a valid file goes."""
    text = as_yaml(_set(FULL, path, "PIECE-GOES-HERE"))
    load_or_problems(text.replace("PIECE-GOES-HERE", piece, 1))


PROBLEM_LINE = re.compile(r"^.+?:\d+:\d+: .+?: .+$")


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.one_of(broken_shows(), trees, shows().map(as_data)))
def test_validate_and_load_agree(
    data: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate, export and load agree on every file.

    A file validate accepts loads, and export writes it out as YAML that loads
    back to the same show; a file validate refuses raises the very problems it
    printed, and export refuses it with those problems too.
    """
    path = tmp_path / "show.yaml"
    path.write_text(as_yaml(data), encoding="utf-8")
    exported = tmp_path / "exported.yaml"
    exported.unlink(missing_ok=True)
    capsys.readouterr()
    code = main(["validate", str(path)])
    printed = capsys.readouterr().out.splitlines()
    try:
        show = load_show(path)
    except ShowDataError as error:
        assert code == 2
        problems = [line for line in printed if not line.startswith("ok ")]
        assert all(PROBLEM_LINE.match(line) for line in problems), problems
        assert len(problems) == len(error.problems)
        assert problems == [one_line(str(problem)) for problem in error.problems]
        # A file that does not load is named by its file name.
        export_code = main(
            ["--data", str(path), "export", "show", "-f", "yaml", "-o", str(exported)]
        )
        refused = capsys.readouterr()
        assert export_code == 2
        assert not exported.exists()
        assert refused.err.splitlines()[:-1] == problems
    else:
        assert code == 0
        assert printed == [f"ok {path} ({one_line(show.title)})"]
        # --spoilers: the whole show, whatever the remembered progress.
        export_code = main(
            [
                "--data",
                str(path),
                "export",
                show.id,
                "-f",
                "yaml",
                "--spoilers",
                "-o",
                str(exported),
            ]
        )
        assert export_code == 0, capsys.readouterr().err
        assert load_show(exported) == show
