"""The fast reader (core/yamlplain.py) agrees with the located one, or steps aside.

A file with nothing wrong in it is read without positions; anything the
located reader would report or treat specially makes the fast reader give up,
and the file is read again with positions. So whatever the text, a show
loads to the same Show, or fails with the same located problems, as it does
through the located reader alone. The one problem the fast reader reports
itself, too many values, it reports exactly as the located reader does.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import showguide.core.loader
import showguide.core.yamlnodes
from showguide.core.errors import ShowDataError
from showguide.core.loader import parse_show, show_from_tree
from showguide.core.model import Show
from showguide.core.yamlnodes import compose_located
from showguide.core.yamlplain import NeedsLocated, read_plain
from tests.showdata import FULL
from tests.test_loader_fuzz import (
    YAML_PIECES,
    _paths,
    as_yaml,
    broken_shows,
    fuzz,
    trees,
    with_piece,
    yaml_texts,
)

NAME = "plain.yaml"
#: Every test here runs with libyaml's reader and with PyYAML's own.
pytestmark = pytest.mark.usefixtures("both_yaml_readers")


def located_only(text: str) -> Show | list[str]:
    """What the located reader alone gives: the show, or its problems as printed."""
    try:
        return show_from_tree(compose_located(text, NAME), NAME)
    except ShowDataError as error:
        return [str(problem) for problem in error.problems]


def loaded(text: str) -> Show | list[str]:
    """What loading gives: the fast reader first, the located one when it steps aside."""
    try:
        return parse_show(text, NAME)
    except ShowDataError as error:
        return [str(problem) for problem in error.problems]


def assert_agrees(text: str) -> None:
    """The fast reader returns only what the located one reads without a problem,
    and loading gives what the located reader alone gives."""
    try:
        plain = read_plain(text, NAME)
    except NeedsLocated:
        pass
    except ShowDataError as error:
        with pytest.raises(ShowDataError) as located:
            compose_located(text, NAME)
        assert error.problems == located.value.problems
    else:
        tree = compose_located(text, NAME)
        assert tree.problems == []
        assert repr(plain) == repr(tree.value)  # repr: a NaN is equal to none
    assert repr(loaded(text)) == repr(located_only(text))


@fuzz
@given(yaml_texts)
def test_random_yaml_text(text: str) -> None:
    assert_agrees(text)


@fuzz
@given(trees)
def test_random_yaml_trees(tree: Any) -> None:
    assert_agrees(as_yaml(tree))


@fuzz
@given(broken_shows())
def test_randomly_broken_shows(data: Any) -> None:
    assert_agrees(as_yaml(data))


@fuzz
@given(st.sampled_from(sorted(_paths(FULL))[1:]), st.sampled_from(YAML_PIECES))
def test_yaml_pieces_inserted_into_a_valid_file(path: tuple[Any, ...], piece: str) -> None:
    assert_agrees(with_piece(path, piece))


VALID = as_yaml(FULL)

STEPS_ASIDE = {
    "a duplicate key": VALID + "title: Again\n",
    "an anchor": VALID.replace("title: ", "title: &t ", 1),
    "an alias": VALID.replace("title: ", "title: &t ", 1) + "extra: *t\n",
    "a tag on a value": VALID + "extra: !!str 12\n",
    "a non-specific tag": VALID + "extra: ! 12\n",
    "a tag on a mapping": VALID + "extra: !!map {a: 1}\n",
    "a merge key": VALID + "extra:\n  <<: {a: 1}\n",
    "a number as a key": VALID + "12: twelve\n",
    "a list as a key": VALID + "? [a, b]\n: value\n",
    "two documents": VALID + "---\ntitle: Two\n",
    "an empty file": "",
    "only a comment": "# nothing\n",
    "a number too long": VALID + "extra: " + "7" * 100 + "\n",
    "a lone surrogate": VALID + 'extra: "\\ud800"\n',
    "a value that is not its tag": VALID + "extra: !!int abc\n",
    "a value of an unsupported type": VALID + "extra: =\n",
    "a syntax error": VALID + "extra: [unclosed\n",
    "nested too deeply": VALID + "extra: " + "[" * 70 + "]" * 70 + "\n",
}


@pytest.mark.parametrize("text", list(STEPS_ASIDE.values()), ids=list(STEPS_ASIDE))
def test_what_the_located_reader_reports_or_treats_specially_is_left_to_it(text: str) -> None:
    with pytest.raises(NeedsLocated):
        read_plain(text, NAME)
    assert_agrees(text)


def test_a_problem_found_after_reading_is_reported_where_it_is() -> None:
    # Read fast without a hitch, then the model refuses a value: the file is
    # read again, and the problem has its line and column.
    text = VALID.replace("status: ", "status: nonsense #", 1)
    line = text.splitlines().index("status: nonsense #" + FULL["status"]) + 1
    problems = loaded(text)
    assert isinstance(problems, list)
    assert any(problem.startswith(f"{NAME}:{line}:9: status: ") for problem in problems)


def test_a_file_with_nothing_wrong_is_read_once_without_positions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def never(text: str, name: str) -> None:
        raise AssertionError("a valid file was read with positions")

    monkeypatch.setattr(showguide.core.loader, "compose_located", never)
    assert parse_show(VALID, NAME) == located_only(VALID)


def test_yaml_1_1_scalars_read_as_the_located_reader_reads_them() -> None:
    words = ["yes", "No", "on", "OFF", "~", "null", "", "0x1f", "0o17", "017", "1_000",
             "1:30", "-1.5e+3", ".inf", "-.Inf", ".NaN", "2024-01-01", "12", "0", "-7",
             "tru", "y", "n", "+12", "3.", "١٢"]  # fmt: skip
    text = "".join(f"k{index}: {word}\n" for index, word in enumerate(words))
    try:
        plain = read_plain(text, NAME)
    except NeedsLocated:
        pytest.fail("plain YAML 1.1 scalars should not need positions")
    assert repr(plain) == repr(compose_located(text, NAME).value)


#: Where the limit (the valid show's nodes, and 40 more) is passed: the text, and the path
#: of the node that goes over (a key's is its mapping's).
TOO_MANY = {
    "in a list": (VALID + "extra: [" + ", ".join(["a"] * 100) + "]\n", ": extra[38]: "),
    "a key": (VALID + "extra:\n" + "".join(f"  k{n}: v\n" for n in range(60)), ": extra: "),
    "a mapping in a list": (VALID + "extra:\n" + "- {a: 1}\n" * 60, ": extra[12].a: "),
    "deep down": (
        VALID + "extra: {a: [{b: [" + ", ".join(["x"] * 100) + "]}]}\n",
        ": extra.a[0].b[33]: ",
    ),
}


@pytest.mark.parametrize(("text", "where"), list(TOO_MANY.values()), ids=list(TOO_MANY))
def test_too_many_values_are_reported_once_read_as_the_located_reader_reports_them(
    text: str, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    valid = compose_located(VALID, NAME)
    limit = len(valid.values) + len(valid.keys) + 40  # every node: values (the root too), keys
    monkeypatch.setattr(showguide.core.yamlnodes, "MAX_VALUES", limit)
    expected = located_only(text)
    assert isinstance(expected, list) and len(expected) == 1
    assert expected[0].endswith(f"{where}more than {limit:,} values in one file")

    def never(text: str, name: str) -> None:
        raise AssertionError("a file of too many values was read twice")

    # A hostile file is read once: its quarter of a million values cost a second.
    monkeypatch.setattr(showguide.core.loader, "compose_located", never)
    assert loaded(text) == expected
