"""The typed model: round trips, the bundled data, the committed schema, both YAML loaders."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import msgspec
import pytest
import yaml

import showguide.core.yamlnodes
from showguide.commands.schema import schema_text
from showguide.core.errors import Problem, ShowDataError
from showguide.core.loader import load_show
from showguide.core.model import NOT_ANNOUNCED, NOT_NAMED, Performer, Show
from showguide.core.paths import bundled_data_dir, bundled_show_files
from tests.conftest import BALLERINA, REPO
from tests.showdata import FULL, fields_set, model_fields, show_dict, write_show

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(?P<target>\S+)$")


def test_the_full_test_show_sets_every_field_of_the_model() -> None:
    # Otherwise the round trips below would leave some fields untested.
    assert model_fields(Show) - fields_set(FULL, Show) == set()


@pytest.mark.parametrize("source", ["ballerina", "full"])
def test_round_trip_through_plain_data_and_json(source: str, tmp_path: Path) -> None:
    path = BALLERINA if source == "ballerina" else write_show(tmp_path, FULL)
    show = load_show(path)
    assert msgspec.convert(msgspec.to_builtins(show), Show) == show
    assert msgspec.json.decode(msgspec.json.encode(show), type=Show) == show


def test_full_show_values_arrive_typed(tmp_path: Path) -> None:
    show = load_show(write_show(tmp_path, FULL))
    assert show.premiere_date == datetime.date(2031, 4, 1)
    assert show.sources[0].published == datetime.date(2030, 12, 1)
    assert show.characters[0].actor == Performer(name="Test Actor", native_name="테스트 배우")
    assert show.characters[1].ensemble is True
    assert show.audience.ratings[0].rating == "15"


def test_loaded_shows_are_frozen() -> None:
    show = load_show(BALLERINA)
    with pytest.raises(AttributeError):
        show.title = "Changed"  # type: ignore[misc]


def test_every_bundled_show_validates() -> None:
    files = bundled_show_files()
    assert BALLERINA.name in [path.name for path in files]
    for path in files:
        load_show(path)  # raises ShowDataError, naming every problem, if not


def test_bundled_ballerina_is_the_show_it_claims() -> None:
    show = load_show(BALLERINA)
    assert (show.id, show.title, show.native_title) == ("ballerina", "Ballerina", "발레리나")
    assert show.sources, "the guide records where its facts come from"


def test_every_bundled_show_names_the_schema_for_editors() -> None:
    schema = REPO / "data" / "show.schema.json"
    for path in bundled_show_files():
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        match = MODELINE.match(first_line)
        assert match, f"{path.name} must start with a yaml-language-server modeline"
        target = path.parent / match["target"]
        assert target.is_file(), f"{path.name} points at {target}, which does not exist"
        assert target.resolve() == (bundled_data_dir() / "show.schema.json").resolve()
        assert target.read_bytes() == schema.read_bytes()


def test_committed_schema_is_the_generated_one() -> None:
    committed = (REPO / "data" / "show.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "data/show.schema.json is stale: run `showguide schema > data/show.schema.json`"
    )


def test_not_yet_announced_is_a_state_of_its_own(tmp_path: Path) -> None:
    # The preview says the lead is cast but not by whom: that is not "not yet announced".
    ballerina = load_show(BALLERINA)
    lead = next(c for c in ballerina.characters if c.id == "eun-hye")
    assert lead.actor == NOT_NAMED == "not named by the source"
    assert not isinstance(lead.actor, Performer)

    character = {"id": "a", "name": "A", "tier": "lead", "description": "Someone."}
    omitted = load_show(write_show(tmp_path, show_dict(characters=[character])))
    assert omitted.characters[0].actor == NOT_ANNOUNCED
    assert omitted.characters[0].dance_double is None  # no double at all, unlike "not known"


@pytest.mark.parametrize(
    ("actor", "message"),
    [
        (
            "",
            "'' is not one of 'not yet announced', 'not named by the source'"
            " or a mapping with a name",
        ),
        (
            "not announced",
            "'not announced' is not one of 'not yet announced', 'not named by the source'"
            " or a mapping with a name;"
            " did you mean 'not yet announced'?",
        ),
        (
            None,
            "nothing is not one of 'not yet announced', 'not named by the source'"
            " or a mapping with a name",
        ),
        (
            5,
            "5 is not one of 'not yet announced', 'not named by the source'"
            " or a mapping with a name",
        ),
    ],
)
def test_an_unknown_actor_must_be_said_so(actor: object, message: str, tmp_path: Path) -> None:
    character = {"id": "a", "name": "A", "tier": "lead", "description": "Someone.", "actor": actor}
    with pytest.raises(ShowDataError) as caught:
        load_show(write_show(tmp_path, show_dict(characters=[character])))
    (problem,) = caught.value.problems
    assert (problem.path, problem.message) == ("characters[0].actor", message)


BROKEN_FOR_BOTH_LOADERS = """\
format_version: 1
id: both
title: [not, text]
format: series
format: film
status: airing
country: Nowhere
original_language: Esperanto
audience: {summary: Everyone., ratings: [{country: kr, system: KCSC, rating: "15"}]}
logline: !!python/name:os.system
plot:
  synopsis: Things happen.
  setting: A test runner.
  theems: [x]
premiere_date: 2023-02-29
verdict: Passes.
"""


def _problems(path: Path) -> list[Problem]:
    with pytest.raises(ShowDataError) as caught:
        load_show(path)
    return list(caught.value.problems)


def test_pure_python_loader_gives_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if getattr(yaml, "__with_libyaml__", False):
        assert showguide.core.yamlnodes.SafeLoader is yaml.CSafeLoader
    broken = write_show(tmp_path, BROKEN_FOR_BOTH_LOADERS, "broken.yaml")
    syntax = write_show(tmp_path, "title: [x, y\nstatus: airing\n", "syntax.yaml")
    with_c = (load_show(BALLERINA), _problems(broken), _problems(syntax))

    monkeypatch.setattr(showguide.core.yamlnodes, "SafeLoader", yaml.SafeLoader)
    pure = (load_show(BALLERINA), _problems(broken), _problems(syntax))

    assert pure[:2] == with_c[:2]
    assert [problem.path for problem in with_c[1]] == [
        "title",
        "format",
        "audience.ratings[0].country",
        "logline",
        "plot.theems",
        "premiere_date",
    ]
    # libyaml and PyYAML word syntax errors differently, but agree on where.
    for problems in (with_c[2], pure[2]):
        (problem,) = problems
        assert (problem.line, problem.column) == (2, 7)
        assert problem.message.startswith("YAML syntax: ")
