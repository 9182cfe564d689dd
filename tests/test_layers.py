"""The layers hold: import-linter's contracts in pyproject.toml, run in the suite.

The contracts say core imports neither Textual nor Rich, commands import the
app only to launch it, panes do not import each other, and no package's
modules import each other in a cycle. The first test runs them on the code as
it is; the second plants one break of each in a copy of the code and checks
that each contract catches it (a contract that names a module wrongly would
otherwise pass for ever).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(no_cache=True, no_logo=True))"
)

CONTRACT_IDS = {"layers", "core-is-plain", "commands-launch-the-app", "panes-apart", "no-cycles"}


def lint_imports(project: Path, source: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on ``project``'s pyproject.toml, importing showguide from ``source``."""
    env = dict(os.environ, PYTHONPATH=str(source))
    return subprocess.run(
        [sys.executable, "-c", LINT],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=project,
        env=env,
        timeout=120,
    )


def contract_names() -> dict[str, str]:
    from importlinter.api import read_configuration

    contracts = read_configuration(str(REPO / "pyproject.toml"))["contracts_options"]
    return {contract["id"]: contract["name"] for contract in contracts}


def verdicts(output: str) -> dict[str, str]:
    """Each contract's name (as printed, wrapped or not) -> KEPT or BROKEN."""
    flat = " ".join(output.split())
    return {
        contract_id: match.group(1)
        for contract_id, name in contract_names().items()
        if (match := re.search(re.escape(name) + r" (KEPT|BROKEN)", flat))
    }


def test_every_contract_is_declared_and_has_a_break_below() -> None:
    assert set(contract_names()) == CONTRACT_IDS
    assert set(BREAKS) == CONTRACT_IDS


def test_the_code_keeps_every_contract() -> None:
    result = lint_imports(REPO, REPO / "src")
    assert verdicts(result.stdout) == dict.fromkeys(CONTRACT_IDS, "KEPT"), result.stdout
    assert result.returncode == 0, result.stdout + result.stderr


#: One break of each contract: (file under src/showguide, the line added to its end).
BREAKS = {
    "core-is-plain": ("core/text.py", "import rich.text"),
    "commands-launch-the-app": ("commands/listing.py", "import showguide.tui.catalog"),
    "panes-apart": ("tui/panes/faq.py", "import showguide.tui.panes.plot"),
    # The two imported each other until the view's row stopped naming the entry.
    "no-cycles": ("core/catalog_view.py", "import showguide.core.catalog"),
    "layers": ("tui/catalog.py", "import showguide.commands.output"),
}


@pytest.mark.parametrize("contract_id", sorted(BREAKS))
def test_each_contract_catches_a_break(contract_id: str, tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(
        REPO / "src" / "showguide",
        source / "showguide",
        ignore=shutil.ignore_patterns("__pycache__", "*.tcss", "templates"),
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    file, line = BREAKS[contract_id]
    with (source / "showguide" / file).open("a", encoding="utf-8") as module:
        module.write(f"\n{line}  # planted by test_layers\n")
    result = lint_imports(tmp_path, source)
    assert verdicts(result.stdout).get(contract_id) == "BROKEN", result.stdout
    assert result.returncode != 0
