"""Scalars that are not text: checked before they are converted, in bounded time.

Python will not convert an int of more than 4,300 decimal digits (to or from
text), YAML 1.1's base-60 integers ("1:2:3") convert in time quadratic in
their length, and a huge hexadecimal integer converts at once but cannot be
printed. Each used to end every command with an internal error, or take
minutes; now each is a ``FILE:LINE:COLUMN`` problem of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import showguide.core.yamlnodes
from showguide.core.errors import ShowDataError
from showguide.core.loader import parse_show
from showguide.core.yamlnodes import MAX_NUMBER_CHARS
from tests.cli import run_cli
from tests.showdata import show_dict, write_show

#: Every test here runs with libyaml's reader and with PyYAML's own.
pytestmark = pytest.mark.usefixtures("both_yaml_readers")


def valid_yaml() -> str:
    return yaml.safe_dump(show_dict(), allow_unicode=True, sort_keys=False)


def with_verdict(plain: str) -> tuple[str, int]:
    """A valid show whose verdict is ``plain`` as written, and the verdict's line."""
    text = valid_yaml()
    lines = text.splitlines()
    line = lines.index("verdict: Passes.") + 1
    return text.replace("verdict: Passes.", f"verdict: {plain}"), line


def problems_of(text: str) -> list[str]:
    with pytest.raises(ShowDataError) as caught:
        parse_show(text, "x.yaml")
    return [str(problem) for problem in caught.value.problems]


LONG_SCALARS = {
    "decimal, 5,000 digits": "7" * 5_000,
    "decimal, signed": "-" + "7" * 5_000,
    "decimal with underscores": "1_" * 3_000 + "1",
    "hexadecimal": "0x" + "f" * 50_000,
    "binary": "0b" + "1" * 50_000,
    "octal": "0" + "7" * 50_000,
    "base 60": "1" + ":59" * 30_000,
    "base-60 float": "1" + ":59" * 30_000 + ".5",
    "float": "1" * 100_000 + ".5",
    "float with exponent": "1." + "5" * 100_000 + "e+10",
    "explicit !!int": "!!int " + "9" * 5_000,
    "explicit !!float": "!!float " + "9" * 5_000,
    "explicit !!bool": "!!bool " + "y" * 5_000,
}


@pytest.mark.parametrize("plain", list(LONG_SCALARS.values()), ids=list(LONG_SCALARS))
def test_a_long_number_is_one_located_problem(plain: str) -> None:
    text, line = with_verdict(plain)
    (problem,) = problems_of(text)
    assert problem.startswith(f"x.yaml:{line}:10: verdict: ")
    assert f"characters long; at most {MAX_NUMBER_CHARS} are read" in problem
    assert "quotes" in problem  # says how to make it text
    assert len(problem) < 200


def test_the_problem_names_the_length_as_written() -> None:
    text, _ = with_verdict("7" * 5_000)
    (problem,) = problems_of(text)
    assert "a number 5,000 characters long" in problem


def test_numbers_up_to_the_limit_still_load() -> None:
    text = valid_yaml().replace("title: Test Show", "year: 0x7E8\ntitle: Test Show")
    assert parse_show(text, "x.yaml").year == 2024
    longest = "0x" + "0" * (MAX_NUMBER_CHARS - 5) + "7E8"
    assert len(longest) == MAX_NUMBER_CHARS
    text = valid_yaml().replace("title: Test Show", f"year: {longest}\ntitle: Test Show")
    assert parse_show(text, "x.yaml").year == 2024


def test_a_quoted_long_number_is_text() -> None:
    digits = "7" * 5_000
    text, _ = with_verdict(f'"{digits}"')
    assert parse_show(text, "x.yaml").verdict == digits


def test_a_long_number_in_a_list_is_found_with_the_others() -> None:
    text = valid_yaml() + "tags: [fine, " + "1" * 5_000 + ", 0x" + "f" * 9_000 + "]\n"
    problems = problems_of(text)
    assert [p.split(": ")[1] for p in problems] == ["tags[1]", "tags[2]"]


@pytest.mark.parametrize(
    "plain", ["!!int", "!!int _", "!!int ''", "!!float", "!!float _", "!!bool"]
)
def test_an_explicit_tag_on_nothing_is_a_located_problem(plain: str) -> None:
    # PyYAML's constructors index the first character: an empty value raised IndexError.
    text, line = with_verdict(plain)
    (problem,) = problems_of(text)
    assert problem.startswith(f"x.yaml:{line}:10: verdict: ")
    assert "is not a valid !!" in problem


def test_digits_of_other_scripts_are_not_numbers() -> None:
    # Python's int() reads "١٢" as 12; YAML's !!int does not.
    text, line = with_verdict("!!int ١٢")
    (problem,) = problems_of(text)
    assert problem == f"x.yaml:{line}:10: verdict: '١٢' is not a valid !!int"


def test_a_long_bad_value_is_shortened_in_its_problem() -> None:
    text, _ = with_verdict("!!bool " + "maybe" * 10)
    (problem,) = problems_of(text)
    shown = ("maybe" * 8)[:37] + "…"
    assert problem.endswith(f"verdict: '{shown}' is not a valid !!bool")


def test_one_huge_integer_does_not_stop_the_other_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shows = tmp_path / "shows"
    shows.mkdir()
    write_show(shows, show_dict(id="good", title="Good Show"), "good.yaml")
    bad, _ = with_verdict("7" * 5_000)
    write_show(shows, bad, "bad.yaml")
    for command in (["list"], ["print", "good"], ["validate"]):
        result = run_cli(capsys, "--data", str(shows), *command)
        assert "internal error" not in result.err, command
        assert "Traceback" not in result.err
    listed = run_cli(capsys, "--data", str(shows), "list")
    assert "Good Show" in listed.out
    checked = run_cli(capsys, "--data", str(shows), "validate")
    assert checked.code == 2
    assert any(
        "bad.yaml:" in line and "a number 5,000 characters long" in line
        for line in checked.out.splitlines()
    )


# -- random number-like scalars, long and short ------------------------------------------

#: Pieces YAML 1.1 builds its numbers, dates and booleans from.
_UNITS = ["7", "0", "_", ":59", ":5", ".", "e", "e+", "-", "+", "f", "x", "b", "1", " ", "T"]
_PREFIXES = ["", "-", "+", "0x", "0b", "0", "0o", ".", "2024-01-01", "!!int ", "!!float "]
_SUFFIXES = ["", ".", ".5", "e+10", "e", ":0", "Z", "x", ".inf", "_"]


@st.composite
def number_like(draw: st.DrawFn) -> str:
    """A plain scalar made of number pieces, sometimes thousands of them long."""
    units = draw(st.lists(st.sampled_from(_UNITS), min_size=1, max_size=4))
    repeat = draw(st.one_of(st.integers(1, 30), st.integers(4_000, 20_000)))
    return (
        draw(st.sampled_from(_PREFIXES))
        + "".join(units) * repeat
        + draw(st.sampled_from(_SUFFIXES))
    ).strip()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(number_like())
def test_any_number_like_scalar_loads_or_is_a_located_problem(plain: str) -> None:
    text, line = with_verdict(plain)
    try:
        show = parse_show(text, "x.yaml")
    except ShowDataError as error:
        for problem in error.problems:
            rendered = str(problem)
            assert rendered.startswith(f"x.yaml:{line}:"), rendered[:300]
            assert len(rendered) < 300, rendered[:300]
        return
    assert isinstance(show.verdict, str)


def test_a_bug_met_reading_one_file_is_that_file_s_problem_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever the next such bug is, it must cost one file, not every command.
    from showguide.core import loader

    shows = tmp_path / "shows"
    shows.mkdir()
    write_show(shows, show_dict(id="good", title="Good Show"), "good.yaml")
    write_show(shows, show_dict(id="trap", title="Trap"), "trap.yaml")
    real = loader.load_show

    def failing(path: Path | str, **options: object) -> object:
        if Path(path).name == "trap.yaml":
            raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")
        return real(path)

    monkeypatch.setattr(loader, "load_show", failing)
    monkeypatch.delenv("SHOWGUIDE_DEBUG", raising=False)
    listed = run_cli(capsys, "--data", str(shows), "list")
    assert "Good Show" in listed.out
    assert "internal error" not in listed.err
    checked = run_cli(capsys, "--data", str(shows), "validate")
    assert checked.code == 2
    (line,) = [line for line in checked.out.splitlines() if "trap.yaml" in line]
    assert line.endswith(
        "trap.yaml:1:1: (file): cannot be read because of a bug in showguide"
        " (ValueError: Exceeds the limit (4300 digits) for integer string conversion);"
        " please report it"
    )


@settings(max_examples=2_000, deadline=None)
@given(st.text(alphabet="0123456789_:.+-eEbBxXoacdfACDFinINaT ", max_size=16))
@example("1:59:59")
@example("1:5")
@example("1:555")
@example("-1:59.5")
@example("0x_F")
@example(".5e+10")
@example("-.inf")
def test_long_number_pattern_agrees_with_the_yaml_resolver(text: str) -> None:
    # The loader asks _LONG_NUMBER, not PyYAML's resolver, for plain scalars
    # over MAX_NUMBER_CHARS (the resolver's patterns cost memory per repeat).
    resolved = yaml.SafeLoader("").resolve(yaml.ScalarNode, text, (True, False))
    is_number = resolved in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    assert (showguide.core.yamlnodes._LONG_NUMBER.fullmatch(text) is not None) == is_number


@pytest.mark.slow
def test_a_long_base_60_number_is_refused_in_little_memory() -> None:
    import tracemalloc

    text, _ = with_verdict("1" + ":59" * 300_000)
    tracemalloc.start()
    try:
        problems_of(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The text itself is 900 KB; PyYAML's resolver took 40 MB for it.
    assert peak < 15 * 1024 * 1024


@pytest.mark.parametrize(
    "plain",
    [
        "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24.25.26.27",
        "2024-01-01 10:00:00." + "5" * 60,
        "1" * 70 + " and some words",
    ],
)
def test_long_plain_text_that_is_no_number_stays_text(plain: str) -> None:
    text, _ = with_verdict(plain)
    assert parse_show(text, "x.yaml").verdict == plain
