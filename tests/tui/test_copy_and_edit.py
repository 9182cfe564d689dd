"""``y`` copies the item under the cursor; ``e`` edits the show's file at it and reloads."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import SuspendNotSupported

from showguide.core.catalog import load_catalog
from showguide.tui.app import ShowGuideApp
from showguide.tui.catalog import CatalogScreen
from showguide.tui.focused import editor_arguments
from showguide.tui.guide import GuideScreen
from showguide.tui.widgets import ItemList
from tests.loading import settled
from tests.showdata import show_dict, write_show
from tests.tui.shows import on_screen

SIZE = (100, 30)


def guide_show() -> dict[str, Any]:
    return show_dict(
        id="harbour",
        title="Harbour [b]Lights[/b]",
        characters=[
            {
                "id": "mina",
                "name": "Mina",
                "native_name": "미나",
                "tier": "lead",
                "description": "The keeper's daughter.",
            },
            {
                "id": "keeper",
                "name": "The keeper",
                "tier": "supporting",
                "description": "Her grandfather, long lost at sea.",
                "spoiler": True,
            },
        ],
        plot={
            "synopsis": "Things happen.",
            "setting": "A harbour.",
            "threads": [
                {"id": "voyage", "title": "The voyage", "description": "She sails north."},
                {"id": "wreck", "title": "The wreck", "description": "It sinks.", "spoiler": True},
            ],
        },
        faq=[
            {"id": "dock", "question": "Where is the dock?", "answer": "North."},
            {"id": "sail", "question": "Does she sail?", "answer": "Yes, [red]at dawn[/red]."},
            {"id": "storm", "question": "Who drowns?", "answer": "Nobody.", "spoiler": True},
        ],
        sources=[
            {
                "id": "listing",
                "kind": "database",
                "publisher": "Example Listings",
                "url": "https://example.org/harbour",
            }
        ],
    )


@pytest.fixture
def show_file(tmp_path: Path, only_one: None) -> Path:
    folder = tmp_path / "shows"
    folder.mkdir()
    return settled(write_show(folder, guide_show(), "harbour.yaml"))


def guide_app(show_file: Path) -> ShowGuideApp:
    """The app open on the show's guide, with the catalog of shows below it."""
    catalog = load_catalog([show_file.parent])
    return ShowGuideApp(catalog=catalog, chosen=catalog.resolve("harbour"))


def notices(app: ShowGuideApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def open_at(app: ShowGuideApp, pilot: Any, pane_key: str, item_id: str | None) -> None:
    await pilot.press(pane_key)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, GuideScreen)
    if pane_key == "2":  # the Plot: n moves the cursor from thread to thread
        for _ in range(["voyage", "wreck"].index(item_id or "voyage") + 1):
            await pilot.press("n")
        await pilot.pause()
    elif item_id is not None:
        pane = screen.pane_content(screen.current_pane)
        assert isinstance(pane, ItemList) and pane.jump_to(item_id)
        await pilot.pause()


@pytest.mark.parametrize(
    ("pane_key", "item_id", "copied", "said"),
    [
        ("5", "sail", "Yes, [red]at dawn[/red].", "Copied the answer to “Does she sail?”"),
        ("3", "mina", "Mina 미나", "Copied the character Mina"),
        ("6", "source-0", "https://example.org/harbour", "Copied the link to Example Listings"),
        ("1", None, "harbour", "Copied the id of Harbour [b]Lights[/b]"),
        ("2", "voyage", "The voyage\n\nShe sails north.", "Copied the story thread The voyage"),
    ],
)
async def test_y_copies_the_item_under_the_cursor_and_says_so(
    show_file: Path, pane_key: str, item_id: str | None, copied: str, said: str
) -> None:
    app = guide_app(show_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_at(app, pilot, pane_key, item_id)
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == copied
        assert notices(app)[-1] == f"{said} to the clipboard."


@pytest.mark.parametrize(("pane_key", "item_id"), [("3", "keeper"), ("5", "storm"), ("2", "wreck")])
async def test_y_never_copies_a_hidden_spoiler(
    show_file: Path, pane_key: str, item_id: str
) -> None:
    app = guide_app(show_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_at(app, pilot, pane_key, item_id)
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == ""
        assert notices(app)[-1] == "That is a hidden spoiler: reveal it with s to copy it."
        await pilot.press("s", "y")  # revealed, it can be copied
        await pilot.pause()
        assert app.clipboard != ""


# --- e: the editor -------------------------------------------------------------------

#: A fake editor: records its arguments, then renames the show in the file.
FAKE_EDITOR = """\
import pathlib, sys
args = sys.argv[1:]
pathlib.Path(sys.argv[0]).with_name("arguments").write_text("\\n".join(args))
path = pathlib.Path(args[-1])
path.write_text(path.read_text().replace("{old}", "{new}"))
"""


def fake_editor(tmp_path: Path, old: str, new: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(FAKE_EDITOR.format(old=old, new=new), encoding="utf-8")
    return f"{sys.executable} {script}"


@contextlib.contextmanager
def handed_over() -> Iterator[None]:
    """Stands in for App.suspend: a test's headless terminal cannot be handed over."""
    yield


async def test_e_opens_the_editor_at_the_item_and_reloads_when_it_exits(
    show_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", fake_editor(tmp_path, "Does she sail?", "Does she row?"))
    monkeypatch.setenv("EDITOR", "not-this-one")
    app = guide_app(show_file)
    monkeypatch.setattr(app, "suspend", handed_over)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_at(app, pilot, "5", "sail")
        await pilot.press("e")
        for _ in range(30):
            await pilot.pause(0.1)
            if "Reloaded Harbour [b]Lights[/b]." in notices(app):
                break
        await pilot.pause()  # the new guide screen mounts
        arguments = (tmp_path / "arguments").read_text().splitlines()
        line = show_file.read_text().splitlines().index("- id: sail") + 1
        assert arguments == [f"+{line}", str(show_file)]
        screen = app.screen
        assert isinstance(screen, GuideScreen)
        assert screen.show.faq[1].question == "Does she row?"
        assert screen.current_pane == "faq"  # the same pane, read again
        assert screen.query_one("#faq-pane", ItemList).highlighted_id() == "sail"


async def test_e_keeps_the_last_good_version_when_the_edit_breaks_the_file(
    show_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "status: airing", "status: maybe"))
    monkeypatch.delenv("VISUAL", raising=False)
    app = guide_app(show_file)
    monkeypatch.setattr(app, "suspend", handed_over)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        for _ in range(30):
            await pilot.pause(0.1)
            if any("has problems" in notice for notice in notices(app)):
                break
        await pilot.pause()
        assert "status: maybe" in show_file.read_text()
        assert (tmp_path / "arguments").read_text().splitlines() == ["+1", str(show_file)]
        screen = app.screen
        assert isinstance(screen, GuideScreen) and screen.show.status == "airing"
        assert any(
            notice.startswith("harbour.yaml has problems; still showing the last good")
            for notice in notices(app)
        )


async def test_e_without_an_editor_says_how_to_set_one(
    show_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "  ")
    app = guide_app(show_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert notices(app)[-1] == (
            "Set VISUAL or EDITOR to the editor to use (export EDITOR=nano);"
            f" the file is {show_file}"
        )


async def test_e_where_the_terminal_cannot_be_handed_over_says_where_the_item_is(
    show_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "vi")
    app = guide_app(show_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        with pytest.raises(SuspendNotSupported), app.suspend():  # as a test's terminal is
            pass
        await open_at(app, pilot, "3", "mina")
        await pilot.press("e")
        await pilot.pause()
        line = show_file.read_text().splitlines().index("- id: mina") + 1
        assert notices(app)[-1] == (
            f"An editor cannot take over this terminal; the item is at {show_file}:{line}"
        )


def test_each_kind_of_editor_is_told_the_line_its_way() -> None:
    path = Path("/shows/a b.yaml")
    assert editor_arguments(["nvim"], path, 7) == ["nvim", "+7", "/shows/a b.yaml"]
    assert editor_arguments(["emacs", "-nw"], path, 7) == ["emacs", "-nw", "+7", str(path)]
    assert editor_arguments(["/usr/bin/hx"], path, 7) == ["/usr/bin/hx", "/shows/a b.yaml:7"]
    assert editor_arguments(["code"], path, 7) == ["code", "--wait", "--goto", f"{path}:7"]
    assert editor_arguments(["code", "-w"], path, 7) == ["code", "-w", "--goto", f"{path}:7"]


async def test_r_reloads_the_only_show_again_and_again(show_file: Path) -> None:
    # The guide is then the app's default screen, which Textual cannot switch
    # away: the first reload of a changed show ended the app.
    app = guide_app(show_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        for number in (1, 2, 3):
            text = show_file.read_text(encoding="utf-8")
            show_file.write_text(re.sub(r"verdict: .*", f"verdict: Take {number}.", text))
            await pilot.press("r")
            for _ in range(30):
                await pilot.pause(0.1)
                if notices(app).count("Reloaded Harbour [b]Lights[/b].") == number:
                    break
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, GuideScreen)
            assert screen.show.verdict.startswith(f"Take {number}")
        assert len(app.screen_stack) == 2  # one idle below, not one more a reload


# --- files changed on disk while the app runs ----------------------------------------


def watching(show_file: Path) -> ShowGuideApp:
    app = guide_app(show_file)
    app.watches_files = True
    app.poll_seconds = 0.2
    return app


async def wait_for(pilot: Any, done: Any, seconds: float = 8) -> None:
    for _ in range(int(seconds / 0.1)):
        await pilot.pause(0.1)
        if done():
            break
    await pilot.pause()


async def test_a_file_changed_on_disk_is_read_again_without_asking(show_file: Path) -> None:
    app = watching(show_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("5")
        await pilot.pause(0.5)  # the first poll takes the stamps
        text = show_file.read_text(encoding="utf-8")
        show_file.write_text(text.replace("Does she sail?", "Does she row?"), encoding="utf-8")
        await wait_for(pilot, lambda: "Reloaded Harbour [b]Lights[/b]." in notices(app))
        screen = app.screen
        assert isinstance(screen, GuideScreen)
        assert screen.show.faq[1].question == "Does she row?"
        assert screen.current_pane == "faq"


async def test_a_file_changed_before_the_first_poll_is_read_again(show_file: Path) -> None:
    """Between reading the files and the first poll there are no stamps to
    compare with yet; a save in that window must not become the baseline."""
    app = watching(show_file)
    text = show_file.read_text(encoding="utf-8")
    # Read already (the catalog was loaded with the app), not yet polled.
    show_file.write_text(text.replace("Does she sail?", "Does she row?"), encoding="utf-8")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: "Reloaded Harbour [b]Lights[/b]." in notices(app))
        screen = app.screen
        assert isinstance(screen, GuideScreen)
        assert screen.show.faq[1].question == "Does she row?"


async def test_a_file_broken_on_disk_keeps_its_last_good_version(show_file: Path) -> None:
    app = watching(show_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause(0.5)
        text = show_file.read_text(encoding="utf-8")
        show_file.write_text(text.replace("status: airing", "status: maybe"), encoding="utf-8")
        await wait_for(pilot, lambda: any("has problems" in n for n in notices(app)))
        screen = app.screen
        assert isinstance(screen, GuideScreen) and screen.show.status == "airing"
        assert notices(app)[-1].startswith("harbour.yaml has problems; still showing the last good")


async def test_an_editors_swap_file_beside_the_show_is_no_news(show_file: Path) -> None:
    app = watching(show_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause(0.5)
        read = app.catalog
        (show_file.parent / ".harbour.yaml.swp").write_bytes(b"\0" * 10)
        await wait_for(pilot, lambda: app.catalog is not read)
        assert app.catalog is not read  # the folder changed: the files were looked at again
        assert notices(app) == []  # and nothing of them changed
        assert isinstance(app.screen, GuideScreen)


# --- the same from the catalog, where y and e type into the filter: in the palette ---


def catalog_app(show_file: Path) -> ShowGuideApp:
    """The app on the catalog: the show and one other."""
    write_show(show_file.parent, show_dict(id="other", title="Other"), "other.yaml")
    return ShowGuideApp(catalog=load_catalog([show_file.parent]))


async def run_from_palette(app: ShowGuideApp, pilot: Any, words: str, title: str) -> None:
    await pilot.press("ctrl+p", *words)
    await wait_for(pilot, lambda: title in on_screen(app))  # the palette searches in a task
    await pilot.press("enter")
    await pilot.pause(0.2)


async def test_the_catalogs_palette_copies_the_highlighted_shows_id(show_file: Path) -> None:
    app = catalog_app(show_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(*"harbour")
        await run_from_palette(app, pilot, "copy the show", "Copy the show's id")
        assert app.clipboard == "harbour"
        assert notices(app)[-1] == "Copied the id of Harbour [b]Lights[/b] to the clipboard."


async def test_the_catalogs_palette_edits_the_highlighted_shows_file(
    show_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", fake_editor(tmp_path, "title: Harbour", "title: Port"))
    app = catalog_app(show_file)
    monkeypatch.setattr(app, "suspend", handed_over)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(*"lights")
        await run_from_palette(app, pilot, "edit the show file", "Edit the show file")
        await wait_for(pilot, lambda: any(n.startswith("Reloaded") for n in notices(app)))
        assert (tmp_path / "arguments").read_text().splitlines() == ["+1", str(show_file)]
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        assert [row.title for row in screen.shown] == ["Port [b]Lights[/b]"]
