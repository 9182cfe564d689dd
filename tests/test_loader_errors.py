"""Each kind of bad show file gives a clear problem at the exact line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from showguide.core.errors import Problem, ShowDataError
from showguide.core.loader import load_show, parse_show
from tests.showdata import MINIMAL, show_dict, write_show


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ShowDataError) as caught:
        load_show(path)
    return list(caught.value.problems)


def only(path: Path) -> str:
    problems = problems_of(path)
    assert len(problems) == 1, problems
    return str(problems[0])


def as_yaml(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_a_valid_minimal_show_loads(tmp_path: Path) -> None:
    show = load_show(write_show(tmp_path, show_dict()))
    assert show.title == "Test Show"
    assert show.characters == []


def test_yaml_syntax_error_points_at_the_bad_token(tmp_path: Path) -> None:
    path = write_show(tmp_path, as_yaml(MINIMAL) + "genres: [Drama, Comedy\ntags: []\n")
    message = only(path)
    lines = as_yaml(MINIMAL).count("\n")
    assert message.startswith(f"{path}:{lines + 2}:")
    assert "YAML syntax" in message


def test_wrong_type_names_the_field_and_both_types(tmp_path: Path) -> None:
    path = write_show(tmp_path, as_yaml(show_dict()).replace("title: Test Show", "title: 1984"))
    assert only(path) == (
        f"{path}:3:8: title: expected text, got 1984 (put it in quotes to make it text)"
    )


def test_unknown_key_suggests_the_near_miss(tmp_path: Path) -> None:
    text = as_yaml(show_dict()) + "verdcit: x\n"
    path = write_show(tmp_path, text)
    line = text.count("\n")
    assert only(path) == f"{path}:{line}:1: verdcit: unknown key; did you mean 'verdict'?"


def test_missing_field_is_reported_at_its_parent(tmp_path: Path) -> None:
    data = show_dict()
    del data["verdict"]
    path = write_show(tmp_path, data)
    assert only(path) == f"{path}:1:1: verdict: required but missing"


def test_missing_nested_field_points_at_the_mapping(tmp_path: Path) -> None:
    text = as_yaml(show_dict(characters=[{"id": "a", "name": "A", "description": "d"}]))
    path = write_show(tmp_path, text)
    line = text.splitlines().index("- id: a") + 1
    assert only(path) == f"{path}:{line}:3: characters[0].tier: required but missing"


def test_duplicate_ids_are_reported_where_they_repeat(tmp_path: Path) -> None:
    faq = [{"id": "same", "question": "Q?", "answer": "A."} for _ in range(2)]
    text = as_yaml(show_dict(faq=faq))
    path = write_show(tmp_path, text)
    line = [i for i, row in enumerate(text.splitlines(), 1) if row == "- id: same"][1]
    assert only(path) == f"{path}:{line}:7: faq[1].id: duplicate id 'same' (also faq[0])"


def test_duplicate_mapping_keys_are_errors(tmp_path: Path) -> None:
    path = write_show(tmp_path, as_yaml(show_dict()) + "title: Again\n")
    message = only(path)
    assert message.endswith("title: duplicate key (first given on line 3)")


def test_invalid_date_is_not_a_real_date(tmp_path: Path) -> None:
    text = as_yaml(show_dict()) + "premiere_date: 2023-02-30\n"
    path = write_show(tmp_path, text)
    line = text.count("\n")
    assert only(path) == (
        f"{path}:{line}:16: premiere_date: '2023-02-30' is not a real date (use YYYY-MM-DD)"
    )


def test_bytes_that_are_not_utf8_are_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(as_yaml(show_dict()).replace("Test Show", "Caf\xe9").encode("latin-1"))
    assert only(path) == f"{path}:3:11: (file): byte 0xe9 is not UTF-8; save the file as UTF-8"


def test_utf16_with_bom_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_bytes(as_yaml(show_dict()).encode("utf-16"))
    assert only(path) == f"{path}:1:1: (file): the file is UTF-16; save it as UTF-8"


def test_empty_file(tmp_path: Path) -> None:
    path = write_show(tmp_path, "")
    assert only(path) == f"{path}:1:1: (file): the file is empty; a show file is a YAML mapping"


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOWGUIDE_MAX_FILE_BYTES", "100")
    path = write_show(tmp_path, show_dict())
    message = only(path)
    assert message.startswith(f"{path}:1:1: (file): file is ")
    assert "over the limit of 100 (set SHOWGUIDE_MAX_FILE_BYTES to change it)" in message


def test_alias_bomb_is_stopped(tmp_path: Path) -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join(f"*a{i - 1}" for _ in range(9))
        levels.append(f"a{i}: &a{i} [{refs}]")
    path = write_show(
        tmp_path, as_yaml(show_dict()) + "bomb:\n" + "\n".join(f"  {x}" for x in levels)
    )
    message = only(path)
    assert "aliases expand to more than 10,000 values" in message


def test_python_tags_never_construct_objects(tmp_path: Path) -> None:
    text = as_yaml(show_dict()).replace(
        "verdict: Passes.", "verdict: !!python/object/apply:os.system [echo owned]"
    )
    path = write_show(tmp_path, text)
    line = text.splitlines().index("verdict: !!python/object/apply:os.system [echo owned]") + 1
    assert (
        only(path)
        == f"{path}:{line}:10: verdict: unsupported YAML tag !!python/object/apply:os.system"
    )


def test_unknown_local_tag(tmp_path: Path) -> None:
    text = as_yaml(show_dict()).replace("verdict: Passes.", "verdict: !shiny Passes.")
    assert "unsupported YAML tag !shiny" in only(write_show(tmp_path, text))


def test_a_folder_is_not_a_show(tmp_path: Path) -> None:
    assert only(tmp_path) == f"{tmp_path}:1:1: (file): is a folder, not a show file"


def test_a_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert only(path) == f"{path}:1:1: (file): no such file"


def test_every_problem_of_a_file_is_reported_in_one_run(tmp_path: Path) -> None:
    text = as_yaml(show_dict(year="2023", status="finished")) + "titel: x\n"
    problems = problems_of(write_show(tmp_path, text))
    assert sorted(p.path for p in problems) == ["status", "titel", "year"]
    assert problems == sorted(problems, key=lambda p: (p.line, p.column))


def test_literal_choices_suggest_the_closest(tmp_path: Path) -> None:
    text = as_yaml(show_dict(status="airng"))
    message = only(write_show(tmp_path, text))
    assert message.endswith(
        "status: 'airng' is not one of 'announced', 'upcoming', 'airing', 'ended'; did you mean 'airing'?"
    )


def test_parse_show_names_the_file_it_was_given() -> None:
    with pytest.raises(ShowDataError) as caught:
        parse_show("just text", "inline.yaml")
    assert str(caught.value) == "inline.yaml:1:1: (file): expected a mapping, got 'just text'"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"id": "a" * 81}, f"id: '{'a' * 37}…' must be at most 80 characters long"),
        ({"id": "Test Show"}, "id: 'Test Show' must be lower-case letters, digits and hyphens"),
        (
            {
                "audience": {
                    "summary": "S.",
                    "ratings": [{"country": "kr", "system": "K", "rating": "1"}],
                }
            },
            "audience.ratings[0].country: 'kr' must be a country code of two capital letters, such as KR",
        ),
        (
            {
                "audience": {
                    "summary": "S.",
                    "ratings": [{"country": "KOR", "system": "K", "rating": "1"}],
                }
            },
            "audience.ratings[0].country: 'KOR' must be at most 2 characters long",
        ),
    ],
)
def test_text_rules_are_explained_in_words(changes: dict, expected: str, tmp_path: Path) -> None:
    assert only(write_show(tmp_path, show_dict(**changes))).endswith(expected)
