"""README.md stays true: its first two commands, the Python it names, the slow marker, the commands."""

from __future__ import annotations

import re

from showguide.cli import COMMANDS
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
#: Read as text: tomllib is only in Python 3.11 and later, and the tests run on 3.10 too.
PYPROJECT = (REPO / "pyproject.toml").read_text(encoding="utf-8")
INSTALL_AND_RUN = "pip install . && showguide"
TEST_COMMAND = 'pip install -e ".[test]" && python -m pytest'


def test_the_readme_starts_with_exactly_the_two_commands() -> None:
    assert README.startswith(
        f"# showguide\n\n```sh\n{INSTALL_AND_RUN}\n```\n\n```sh\n{TEST_COMMAND}\n```\n"
    )


def test_ci_runs_the_readme_s_test_command_word_for_word() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert f"\n{TEST_COMMAND}\n" in ci


def test_the_python_versions_named_are_the_ones_the_package_accepts() -> None:
    minimum = re.search(r'^requires-python = ">=(\d+\.\d+)"$', PYPROJECT, re.M)
    assert minimum is not None
    assert f"Python {minimum[1]} or newer" in README


def test_the_slow_tests_the_readme_skips_are_marked() -> None:
    assert 'python -m pytest -m "not slow"' in README
    assert re.search(r'^markers = \[\s*"slow: ', PYPROJECT, re.M)
    marked = [
        path.name
        for path in (REPO / "tests").rglob("test_*.py")
        if "pytest.mark.slow" in path.read_text(encoding="utf-8")
    ]
    assert len(marked) >= 2, marked


def test_every_command_is_in_the_commands_table() -> None:
    for name in COMMANDS:
        assert f"| `showguide {name}" in README, name
    assert "`showguide help [COMMAND]`" in README
