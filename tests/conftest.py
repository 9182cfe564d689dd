from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Never read or write the real home: user folders point into a temp dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SHOWGUIDE_HOME", str(home))
    monkeypatch.delenv("SHOWGUIDE_PATH", raising=False)
    monkeypatch.delenv("SHOWGUIDE_MAX_FILE_BYTES", raising=False)
    return home


@pytest.fixture
def only_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """No bundled shows: the user's shows are all there is."""
    from showguide.core import discovery

    monkeypatch.setattr(discovery, "bundled_data_dir", lambda: Path("/nonexistent"))


@pytest.fixture(params=["libyaml", "pure-python"])
def both_yaml_readers(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test once with libyaml's reader (showguide's) and once with PyYAML's
    pure-Python one, which a machine without libyaml would use."""
    import yaml

    import showguide.core.yamlnodes

    if request.param == "pure-python":
        monkeypatch.setattr(showguide.core.yamlnodes, "SafeLoader", yaml.SafeLoader)


REPO = Path(__file__).resolve().parent.parent
BALLERINA = REPO / "data" / "shows" / "ballerina.yaml"
os.environ.setdefault("HYPOTHESIS_PROFILE", "default")
