"""The loader's limits: what stops a file that would cost too much time or memory."""

from __future__ import annotations

import pytest
import yaml

import showguide.core.yamlnodes
from showguide.core.errors import MAX_PROBLEMS, ShowDataError
from showguide.core.loader import parse_show
from showguide.core.yamlnodes import MAX_ALIAS_TEXT, MAX_DEPTH
from tests.showdata import show_dict

LOADERS = [
    pytest.param(showguide.core.yamlnodes.SafeLoader, id="libyaml"),
    pytest.param(yaml.SafeLoader, id="pure-python"),
]


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the test with libyaml's parser and with PyYAML's own."""
    monkeypatch.setattr(showguide.core.yamlnodes, "SafeLoader", request.param)


def valid_yaml(**changes: object) -> str:
    return yaml.safe_dump(show_dict(**changes), allow_unicode=True, sort_keys=False)


def problems_of(text: str) -> list[str]:
    with pytest.raises(ShowDataError) as caught:
        parse_show(text, "x.yaml")
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.usefixtures("loader")
def test_aliases_that_repeat_a_long_text_are_stopped() -> None:
    # Few aliases, each under the value limit, but gigabytes of text if joined.
    long_text = "w" * 100_000
    text = valid_yaml(verdict=long_text).replace(
        f"verdict: {long_text}", f"verdict: &v {long_text}"
    )
    text += "tags: [" + ", ".join(["*v"] * 20) + "]\n"
    (problem,) = problems_of(text)
    assert problem.endswith(f"aliases repeat more than {MAX_ALIAS_TEXT:,} characters of text")
    assert ": tags[10]: " in problem  # the alias that went over, not the anchor


@pytest.mark.usefixtures("loader")
def test_a_file_of_too_many_values_is_stopped_where_it_goes_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A lower limit, to spare the pure-Python parser; the hostile-file tests
    # run the real one through the command.
    monkeypatch.setattr(showguide.core.yamlnodes, "MAX_VALUES", 1000)
    text = valid_yaml() + "tags: [" + ",".join(["a"] * 1000) + "]\n"
    (problem,) = problems_of(text)
    assert problem.endswith("more than 1,000 values in one file")
    # The show's own values come first: the limit is passed inside the list.
    assert f"x.yaml:{text.count(chr(10))}:" in problem
    assert ": tags[9" in problem


@pytest.mark.usefixtures("loader")
def test_nesting_deeper_than_the_limit_is_named_where_it_starts() -> None:
    text = valid_yaml() + "tags: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    problems = problems_of(text)
    assert problems[-1].endswith("nested too deeply")
    line = text.count("\n")
    assert problems[-1].startswith(f"x.yaml:{line}:{7 + MAX_DEPTH}: tags[0][0]")


@pytest.mark.usefixtures("loader")
def test_ten_thousand_levels_give_a_clear_error_and_no_recursion_error() -> None:
    for opening, closing in (("[", "]"), ("{a: ", "}")):
        text = valid_yaml() + "tags: " + opening * 10_000 + closing * 10_000 + "\n"
        problems = problems_of(text)
        assert len(problems) == 1
        assert problems[0].startswith(f"x.yaml:{text.count(chr(10))}:")


@pytest.mark.usefixtures("loader")
def test_a_file_with_thousands_of_problems_reports_the_first_hundred() -> None:
    problems = problems_of(valid_yaml() + "tags: [" + ",".join(["1"] * 5000) + "]\n")
    assert len(problems) == MAX_PROBLEMS + 1
    assert all("tags[" in problem for problem in problems[:MAX_PROBLEMS])
    assert problems[-1].endswith(
        f"(file): more problems from here on; fix the {MAX_PROBLEMS} above and check again"
    )


@pytest.mark.usefixtures("loader")
def test_thousands_of_bad_tags_are_reported_by_the_first_hundred() -> None:
    problems = problems_of(valid_yaml() + "tags: [" + ",".join(["!!binary aGk="] * 5000) + "]\n")
    assert len(problems) == MAX_PROBLEMS + 1
    assert "unsupported YAML tag !!binary" in problems[0]


@pytest.mark.usefixtures("loader")
def test_an_escaped_lone_surrogate_is_not_text() -> None:
    # libyaml refuses it while parsing; PyYAML's own parser lets it through,
    # and a lone surrogate cannot be printed, so the loader refuses it too.
    text = valid_yaml().replace("verdict: Passes.", 'verdict: "P\\ud800"')
    (problem,) = problems_of(text)
    line = text.splitlines().index('verdict: "P\\ud800"') + 1
    assert problem.startswith(f"x.yaml:{line}:")


@pytest.mark.usefixtures("loader")
def test_an_alias_without_an_anchor() -> None:
    text = valid_yaml() + "tags: [*nowhere]\n"
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].startswith(f"x.yaml:{text.count(chr(10))}:")


@pytest.mark.usefixtures("loader")
def test_a_second_document_is_refused() -> None:
    text = valid_yaml() + "---\nid: other\n"
    (problem,) = problems_of(text)
    assert problem.startswith(f"x.yaml:{text.count(chr(10)) - 1}:1: ")


@pytest.mark.usefixtures("loader")
def test_a_huge_unknown_key_is_shortened_in_the_path() -> None:
    key = "k" * 100_000
    (problem,) = problems_of(valid_yaml() + f"? {key}\n: 1\n")
    assert len(problem) < 200
    assert f": {'k' * 39}…: unknown key" in problem


@pytest.mark.usefixtures("loader")
def test_aliases_still_work_and_problems_in_them_point_at_the_alias() -> None:
    text = valid_yaml(genres=["Drama"], tags=["Drama"])
    text = text.replace("genres:\n- Drama", "genres: &g\n- Drama").replace(
        "tags:\n- Drama", "tags: *g"
    )
    show = parse_show(text, "x.yaml")
    assert show.genres == show.tags == ["Drama"]
    broken = text.replace("- Drama", "- 1")
    lines = broken.splitlines()
    problems = problems_of(broken)
    assert problems == [
        f"x.yaml:{lines.index('- 1') + 1}:3: genres[0]: expected text, got 1"
        " (put it in quotes to make it text)",
        f"x.yaml:{lines.index('tags: *g') + 1}:7: tags[0]: expected text, got 1"
        " (put it in quotes to make it text)",
    ]
