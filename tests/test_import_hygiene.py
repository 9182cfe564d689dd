"""The non-interactive commands never import Textual or the app's code, and
only ``import`` loads the network client (httpx) and ruamel.yaml.

Importing Textual costs more than every command's whole time budget, so a
stray import would make ``showguide --help`` visibly slow. Each command runs in
a fresh interpreter (so nothing imported by the test run can hide or fake an
import) and reports which forbidden modules ended up in ``sys.modules``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import cli_env
from tests.conftest import REPO

SRC = REPO / "src" / "showguide"

#: Runs ``showguide.cli.main(ARGS)``, then reports on stderr's last line the
#: exit code and every forbidden module that was imported. argv: the JSON list
#: of arguments, then optionally a module to import first (the control case).
PROBE = """\
import json, sys
if len(sys.argv) > 2:
    __import__(sys.argv[2])
from showguide.cli import main
try:
    code = main(json.loads(sys.argv[1]))
except SystemExit as stop:  # --help and --version end through argparse
    code = stop.code
forbidden = sorted(
    name for name in sys.modules
    if name.partition(".")[0] in ("textual", "httpx", "ruamel")
    or name == "showguide.tui" or name.startswith("showguide.tui.")
    or name == "showguide.tvmaze" or name.startswith("showguide.tvmaze.")
)
sys.stdout.flush()
print("\\n" + json.dumps({"code": code, "forbidden": forbidden}), file=sys.stderr)
"""


def probe(args: list[str], cwd: Path, import_first: str | None = None) -> dict[str, object]:
    extra = [import_first] if import_first else []
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args), *extra],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=cli_env(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stderr.strip().splitlines()[-1])
    return report


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["validate"],
        ["list"],
        ["schema"],
        ["print", "ballerina"],
        ["print", "ballerina", "--section", "cast", "--spoilers"],
        ["export", "ballerina", "--format", "markdown"],
        ["export", "ballerina", "--format", "json"],
        ["export", "ballerina", "--format", "yaml"],
        ["new", "Harbour Lights"],
        ["import", "--help"],
    ],
    ids=" ".join,
)
def test_command_imports_neither_textual_nor_the_app(args: list[str], tmp_path: Path) -> None:
    report = probe(args, tmp_path)
    assert report == {"code": 0, "forbidden": []}


def test_the_probe_does_see_the_network_client_when_it_is_imported(tmp_path: Path) -> None:
    report = probe(["--version"], tmp_path, import_first="showguide.tvmaze.client")
    forbidden = report["forbidden"]
    assert isinstance(forbidden, list)
    assert "showguide.tvmaze.client" in forbidden


def test_the_probe_does_see_textual_when_it_is_imported(tmp_path: Path) -> None:
    # The control case: if this passes, an empty list above means "not imported",
    # not "the probe looks in the wrong place".
    report = probe(["--version"], tmp_path, import_first="showguide.tui.app")
    forbidden = report["forbidden"]
    assert isinstance(forbidden, list)
    assert "textual" in forbidden
    assert "showguide.tui.app" in forbidden


def imported_modules(path: Path, *, top_level_only: bool = False) -> set[str]:
    """Absolute module names imported by ``path`` (anywhere, or at module level)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    nodes = tree.body if top_level_only else ast.walk(tree)
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_core_module_imports_textual() -> None:
    core_files = sorted((SRC / "core").rglob("*.py"))
    assert SRC / "core" / "model.py" in core_files  # the scan looks where the code is
    offenders = {
        f"{path.relative_to(SRC)}: {name}"
        for path in core_files
        for name in imported_modules(path)
        if name.partition(".")[0] == "textual" or name.startswith("showguide.tui")
    }
    assert offenders == set()


def test_cli_module_imports_only_cheap_modules_at_the_top() -> None:
    # Commands import their own needs when they run; cli.py itself stays light
    # so that --help and --version answer quickly.
    # showguide.exitcodes holds only numbers and imports nothing.
    allowed = {
        "__future__",
        "argparse",
        "os",
        "sys",
        "collections.abc",
        "showguide",
        "showguide.exitcodes",
    }
    assert imported_modules(SRC / "cli.py", top_level_only=True) <= allowed
