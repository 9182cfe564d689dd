"""Which Chromium the browser tests use, and what happens without one."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.web import browser


def _playwright(executable: Path) -> SimpleNamespace:
    return SimpleNamespace(chromium=SimpleNamespace(executable_path=str(executable)))


def test_playwrights_own_chromium_comes_first(tmp_path: Path) -> None:
    own = tmp_path / "chrome"
    own.touch()
    assert browser.chromium_path(_playwright(own)) is None  # Playwright's default


def test_else_the_system_chromium_by_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = tmp_path / "chromium"
    system.touch()
    monkeypatch.setattr(browser, "SYSTEM_CHROMIUM", (str(system),))
    assert browser.chromium_path(_playwright(tmp_path / "missing")) == str(system)


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), (None, pytest.skip.Exception)]
)
def test_without_any_chromium_ci_fails_and_elsewhere_skips(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ci: str | None, outcome: type[BaseException]
) -> None:
    monkeypatch.setattr(browser, "SYSTEM_CHROMIUM", ())
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="no Chromium"):
        browser.chromium_path(_playwright(tmp_path / "missing"))
