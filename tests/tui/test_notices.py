"""Notifications, titles and Ctrl+C: data never acts on the terminal or the app.

Notifications carry show titles, problem lines and file and folder names.
Each test puts markup and terminal control into those and checks the frame
as the terminal would receive it: no raw control character, no markup read,
the app still running.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from textual.widgets._toast import Toast

import showguide
from showguide.core.catalog import load_catalog
from showguide.tui.app import ShowGuideApp
from showguide.tui.guide import GuideScreen
from tests.hostile import RAW_CONTROL
from tests.showdata import show_dict
from tests.tui.shows import ballerina, screen_output

SIZE = (160, 50)
TEXTUAL_SEQUENCES = re.compile(r"\x1b\[[0-9;:]*[mH]")
#: A title that is valid YAML and a valid show title, yet as markup would
#: plant a click action, restyle the toast and, with its stray closing tag,
#: raise a markup error inside the app.
HOSTILE_TITLE = "[@click=app.quit]Q[/] [$error on $accent]V[/] [/x] \x1b]52;c;aGk=\x07"
#: A file name that would set the terminal's title.
HOSTILE_NAME = "\x1b]0;pwned\x07[b]F.yaml"


def raw_controls(app: ShowGuideApp) -> list[str]:
    _, terminal = screen_output(app)
    leftover = TEXTUAL_SEQUENCES.sub("", terminal)
    return sorted({f"U+{ord(c):04X}" for c in leftover if c in RAW_CONTROL and c != "\n"})


def toast_texts(app: ShowGuideApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query(Toast)]


async def test_a_notification_shows_data_literally_and_never_raw() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.notify(f"Reloaded {HOSTILE_TITLE}.", title=HOSTILE_NAME)
        app.screen.notify("[/unclosed] \x9b2J")  # a screen's notify is the app's
        await pilot.pause()
        texts = "\n".join(toast_texts(app))
        assert "[@click=app.quit]Q[/]" in texts
        assert "[$error on $accent]V[/]" in texts
        assert "␛]52;c;aGk=␇" in texts
        assert "␛]0;pwned␇[b]F.yaml" in texts
        assert "[/unclosed] <U+009B>2J" in texts
        assert raw_controls(app) == []
        assert app.is_running


@pytest.fixture
def hostile_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "\x1b]2;folder\x07[red]shows"
    folder.mkdir()
    for name, show_id, title in (
        (HOSTILE_NAME, "hostile", HOSTILE_TITLE),
        ("other.yaml", "other", "Other"),
    ):
        data = show_dict(id=show_id, title=title)
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


async def test_reload_notices_about_a_hostile_show_and_file_stay_literal(
    hostile_folder: Path,
) -> None:
    app = ShowGuideApp(catalog=load_catalog([hostile_folder]))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(*"[@click", "enter")
        await pilot.pause()
        guide = app.screen
        assert isinstance(guide, GuideScreen) and guide.show.title == HOSTILE_TITLE
        await pilot.press("r")  # "Reloaded: TITLE has not changed."
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert raw_controls(app) == []
        # The file breaks: the notice names it and quotes its problems.
        (hostile_folder / HOSTILE_NAME).write_text("id: [unclosed\n", encoding="utf-8")
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        texts = "\n".join(toast_texts(app))
        assert "[@click=app.quit]Q[/] [$error on $accent]V[/] [/x]" in texts
        assert "␛]0;pwned␇[b]F.yaml has problems" in texts
        assert raw_controls(app) == []
        # A click on the toast's text must not run the planted action.
        await pilot.click(Toast)
        await pilot.pause()
        assert app.is_running and app.screen is guide


async def test_the_terminal_title_cannot_carry_control_codes() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE):
        app.title = "\x1b]0;pwned\x07"
        app.sub_title = "\x1b]52;c;aGk=\x07"
        assert app.title == "␛]0;pwned␇"
        assert app.sub_title == "␛]52;c;aGk=␇"


async def test_ctrl_c_quits_like_other_terminal_tools(tmp_path: Path) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running


def test_no_code_asks_for_markup() -> None:
    """Markup is never asked for: the app's notify ignores it, and no widget may parse data."""
    package = Path(showguide.__file__).parent
    offenders = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                literal_false = isinstance(keyword.value, ast.Constant) and not keyword.value.value
                if keyword.arg == "markup" and not literal_false:
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
