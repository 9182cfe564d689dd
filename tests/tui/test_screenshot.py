"""The palette's Screenshot saves an SVG somewhere that takes it, and says where or why not."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from showguide.tui.app import ShowGuideApp
from showguide.tui.screenshot import save_screenshot
from tests.tui.shows import ballerina

SIZE = (80, 24)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home with no Downloads folder, and the current folder elsewhere."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    return home


def recording(app: ShowGuideApp) -> list[str]:
    """The messages of every notification ``app`` shows from now on."""
    notices: list[str] = []
    real = app.notify

    def notify(message: str, **kwargs: object) -> None:
        notices.append(message)
        real(message, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return notices


async def screenshot_from_the_palette(app: ShowGuideApp) -> list[str]:
    notices = recording(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"screenshot")
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(20):  # Textual runs the command after a 0.1 s timer
            await pilot.pause(0.1)
            if notices:
                break
    return notices


async def test_without_a_downloads_folder_it_is_saved_in_the_current_one(home: Path) -> None:
    notices = await screenshot_from_the_palette(ShowGuideApp(ballerina()))
    saved = list(Path.cwd().glob("showguide *.svg"))
    assert len(saved) == 1
    assert saved[0].read_text(encoding="utf-8").startswith("<svg")
    assert notices == [f"Saved the screenshot to {saved[0]}"]
    assert not (home / "Downloads").exists()  # no folder made in the home


async def test_with_a_downloads_folder_it_is_saved_there(home: Path) -> None:
    downloads = home / "Downloads"
    downloads.mkdir()
    notices = await screenshot_from_the_palette(ShowGuideApp(ballerina()))
    saved = list(downloads.glob("showguide *.svg"))
    assert len(saved) == 1 and notices == [f"Saved the screenshot to {saved[0]}"]
    assert list(Path.cwd().iterdir()) == []


def test_when_no_folder_takes_it_the_notice_says_why_for_each(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    path, notice = save_screenshot("<svg/>", "s.svg", [not_a_folder, not_a_folder / "sub"])
    assert path is None
    assert notice == (
        f"Could not save the screenshot. {not_a_folder}: not a folder;"
        f" {not_a_folder / 'sub'}: {os.strerror(errno.ENOTDIR)}"
    )


def test_a_screenshot_never_replaces_a_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "s.svg").write_text("mine", encoding="utf-8")
    path, notice = save_screenshot("<svg/>", "s.svg", [first, second])
    assert path == first / "s (2).svg" and notice == f"Saved the screenshot to {path}"
    assert (first / "s.svg").read_text(encoding="utf-8") == "mine"
