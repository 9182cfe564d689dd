"""docs/data-format.md stays true: its examples run, and it names every field and value."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import msgspec
import pytest
import yaml

from showguide.core.errors import MAX_PROBLEMS
from showguide.core.loader import DEFAULT_MAX_BYTES, MAX_BYTES_VARIABLE, load_show
from showguide.core.model import Show
from showguide.core.yamlnodes import MAX_ALIAS_EXPANSION, MAX_ALIAS_TEXT, MAX_DEPTH, MAX_VALUES
from tests.cli import run_showguide
from tests.conftest import REPO
from tests.showdata import fields_set, model_fields

DOC = REPO / "docs" / "data-format.md"
EXAMPLE = re.compile(r"<!-- example: (?P<name>[\w-]+) -->\n```\w+\n(?P<body>.*?)^```$", re.S | re.M)


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def example(name: str) -> str:
    found = {m["name"]: m["body"] for m in EXAMPLE.finditer(doc_text())}
    assert name in found, f"docs/data-format.md has no '<!-- example: {name} -->' block"
    return found[name]


def test_the_complete_example_is_a_valid_show(tmp_path: Path) -> None:
    path = tmp_path / "lantern-market.yaml"
    path.write_text(example("complete"), encoding="utf-8")
    show = load_show(path)
    assert show.title == "The Lantern Market"


def test_the_complete_example_uses_every_field() -> None:
    # Except a film's own two, which the film example shows, and a finished
    # series' end date, which an upcoming show cannot have: the field table
    # describes it (imports from TVmaze write it).
    data = yaml.safe_load(example("complete"))
    film = yaml.safe_load(example("film"))
    finished = {"Show.end_date"}
    assert model_fields(Show) - fields_set(data, Show) - fields_set(film, Show) == finished
    assert (
        model_fields(Show) - fields_set(data, Show) <= {"Show.runtime", "Show.released"} | finished
    )
    assert "| `end_date` | date | optional |" in DOC.read_text(encoding="utf-8")


def test_the_film_example_is_a_valid_film(tmp_path: Path) -> None:
    path = tmp_path / "paper-cranes.yaml"
    path.write_text(example("film"), encoding="utf-8")
    show = load_show(path)
    assert (show.format, show.runtime, show.plot.threads[0].reveals) == ("film", 118, True)


def test_the_complete_example_names_the_schema_for_editors() -> None:
    assert example("complete").startswith("# yaml-language-server: $schema=show.schema.json\n")


def test_the_error_example_prints_what_the_doc_says(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text(example("broken"), encoding="utf-8")
    result = run_showguide("validate", "broken.yaml", cwd=tmp_path)
    assert result.returncode == 2
    printed = result.stdout.splitlines() + result.stderr.splitlines()
    assert printed == example("broken-output").splitlines()


def test_the_refused_yaml_example_prints_the_lines_the_doc_shows(tmp_path: Path) -> None:
    (tmp_path / "refused.yaml").write_text(example("refused"), encoding="utf-8")
    result = run_showguide("validate", "refused.yaml", cwd=tmp_path)
    assert result.returncode == 2
    for line in example("refused-output").splitlines():
        assert line in result.stdout.splitlines()


def test_every_field_of_the_model_is_documented() -> None:
    text = doc_text()
    missing = {f for f in model_fields(Show) if f"`{f.split('.')[1]}`" not in text}
    assert missing == set()


def _choices(annotation: object) -> set[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return {arg for arg in typing.get_args(annotation) if isinstance(arg, str)}
    found = {c for arg in typing.get_args(annotation) for c in _choices(arg)}
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        for field in msgspec.structs.fields(annotation):
            found |= _choices(field.type)
    return found


def test_every_allowed_value_is_documented() -> None:
    choices = _choices(Show)
    assert {"series", "lead", "dance", "press-release", "not yet announced"} <= choices
    text = doc_text()
    assert {c for c in choices if f"`{c}`" not in text} == set()


@pytest.mark.parametrize(
    "fact",
    [
        f"{DEFAULT_MAX_BYTES:,} bytes",
        f"`{MAX_BYTES_VARIABLE}`",
        f"more than {MAX_ALIAS_EXPANSION:,}",
        f"more than {MAX_ALIAS_TEXT:,} characters",
        f"More than {MAX_VALUES:,} values",
        f"deeper than {MAX_DEPTH} levels",
        f"up to {MAX_PROBLEMS} a file",
    ],
)
def test_the_limits_in_the_doc_are_the_real_ones(fact: str) -> None:
    assert fact in " ".join(doc_text().split())
