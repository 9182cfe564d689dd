"""The wheel carries the bundled shows: build it, install it alone, run it elsewhere.

The fresh virtual environment gets showguide only from the wheel. Its
dependencies (Textual, Rich, ...) are borrowed from the environment running the
tests through a ``.pth`` file that lists that environment's site-packages: a
folder named in a ``.pth`` file is added to ``sys.path``, but ``.pth`` files
inside it are not processed, so the editable install of showguide that lives
there stays switched off. That keeps the test offline and fast.
"""

from __future__ import annotations

import importlib.util
import os
import site
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli import cli_env
from tests.conftest import REPO

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class InstalledWheel:
    wheel: Path
    venv: Path
    python: Path
    script: Path
    elsewhere: Path


def _run(
    command: list[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        cwd=cwd,
        env=env,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def _isolated_env() -> dict[str, str]:
    env = cli_env()
    for name in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV"):
        env.pop(name, None)
    return env


def _dependency_dirs() -> list[str]:
    dirs = list(site.getsitepackages())
    if site.ENABLE_USER_SITE:
        dirs.append(site.getusersitepackages())
    return [d for d in dirs if Path(d).is_dir()]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> InstalledWheel:
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    # With hatchling at hand, build without fetching it again (offline, faster);
    # otherwise let pip provide it, as `pip install .` would.
    isolation = (
        ["--no-build-isolation"] if importlib.util.find_spec("hatchling") is not None else []
    )
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", *isolation, "-w", dist, REPO])
    (wheel,) = dist.glob("showguide-*.whl")

    venv = root / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    pip = [sys.executable, "-m", "pip", "--python", python]
    _run([*pip, "install", "-q", "--no-deps", "--no-index", wheel])
    purelib = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        env=_isolated_env(),
    ).stdout.strip()
    (Path(purelib) / "borrowed_dependencies.pth").write_text(
        "".join(f"{d}\n" for d in _dependency_dirs()), encoding="utf-8"
    )
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    return InstalledWheel(wheel, venv, python, bin_dir / "showguide", elsewhere)


def run_installed(installed: InstalledWheel, *args: str) -> subprocess.CompletedProcess[str]:
    return _run([*args], cwd=installed.elsewhere, env=_isolated_env())


def test_the_wheel_contains_the_bundled_data(installed: InstalledWheel) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    assert "showguide/data/shows/ballerina.yaml" in names
    assert "showguide/data/show.schema.json" in names
    # showguide serve's own pages: without them, serve would fall over at the first tab.
    assert "showguide/web/templates/index.html" in names
    assert "showguide/web/templates/busy.html" in names


def test_showguide_comes_from_the_wheel_not_the_checkout(installed: InstalledWheel) -> None:
    probe = (
        "import sys, showguide, textual, showguide.core.paths as p;"
        "print(showguide.__file__); print(p.bundled_data_dir());"
        "print('\\n'.join(sys.path))"
    )
    lines = run_installed(installed, str(installed.python), "-c", probe).stdout.splitlines()
    module_file, data_dir, *search_path = (Path(line) for line in lines)
    assert module_file.resolve().is_relative_to(installed.venv.resolve())
    assert data_dir.resolve().is_relative_to(installed.venv.resolve())
    # The editable install's path hook was not processed: the checkout is out of sight.
    assert (REPO / "src").resolve() not in {p.resolve() for p in search_path if str(p)}


def test_installed_validate_passes_on_the_packaged_shows(installed: InstalledWheel) -> None:
    result = run_installed(installed, str(installed.script), "validate")
    (line,) = result.stdout.splitlines()
    assert line.startswith("ok ") and line.endswith("ballerina.yaml (Ballerina)")
    assert Path(line[3:].rsplit(" (", 1)[0]).resolve().is_relative_to(installed.venv.resolve())
    assert "all valid" in result.stderr


def test_installed_list_shows_ballerina(installed: InstalledWheel) -> None:
    result = run_installed(installed, str(installed.script), "list")
    assert "Ballerina" in result.stdout
    assert "발레리나" in result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_installed_completion_prints_its_script(installed: InstalledWheel, shell: str) -> None:
    # The scripts are data files beside commands/completion.py: a wheel without
    # them would fail 'showguide completion' with an internal error.
    result = run_installed(installed, str(installed.script), "completion", shell)
    assert "showguide _complete" in result.stdout
