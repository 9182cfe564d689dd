"""Keys as data in the app: one table behind footer, help and palette; the
user's keymap; quitting and help from every screen; footers that fit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from benchmarks.generate import many_shows
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets import Input

from showguide.core.catalog import load_catalog
from showguide.core.keynames import key_label
from showguide.core.keytable import BY_ID, PLACE_TITLES
from showguide.core.prefs import load_remembered, preferences_path
from showguide.tui.app import ShowGuideApp
from showguide.tui.bindings import command_of
from showguide.tui.help import HelpScreen
from showguide.tui.keybar import KeyBar
from showguide.tui.palette import palette_commands
from tests.tui.shows import ballerina, on_screen, shown_text

SIZE = (100, 30)
#: Wording Textual's own palette entries use: the app's palette never shows it.
TEXTUAL_WORDING = (
    "Quit the application as soon as possible",
    "Change the current theme",
    "Show help for the focused widget and a summary of available keys",
    "Save an SVG 'screenshot' of the current screen",
    "Maximize the focused widget",
)


@pytest.fixture
def shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = Path("shows")
    many_shows(3, folder)
    return folder


def write_keymap(keymap: object) -> Path:
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"keymap": keymap}), encoding="utf-8")
    return path


def app_with_keymap(keymap: object) -> ShowGuideApp:
    write_keymap(keymap)
    return ShowGuideApp(ballerina(), remembered=load_remembered())


def help_text(app: App[object]) -> str:
    return shown_text(app.screen.query_one("#help-table"))


def help_row(app: App[object], description: str) -> str:
    """The help screen's row for ``description``: its keys, then it."""
    rows = [line for line in help_text(app).splitlines() if description in line]
    assert len(rows) == 1, (description, rows)
    return re.sub(r"\s+", " ", rows[0].strip())


def footer(app: App[object]) -> str:
    return on_screen(app, app.screen.query_one(KeyBar)).strip()


def footer_hints(app: App[object]) -> list[str]:
    return re.split(r"\s{2,}", footer(app))


def assert_live_bindings_come_from_the_table(screen: Screen[object]) -> None:
    for key, item in screen.active_bindings.items():
        if not type(item.node).__module__.startswith(("showguide", "tests")):
            continue  # the insides of Textual's command palette
        command = command_of(item.binding)
        assert command is not None, (key, item.binding)
        assert item.binding.tooltip == command.description
        assert item.binding.show == bool(command.label) or command.home == "app"
        if command.label:
            assert item.binding.description == command.label


# --- one table, no drift --------------------------------------------------------


async def test_every_live_binding_on_every_screen_comes_from_the_table(shows: Path) -> None:
    app = ShowGuideApp(catalog=load_catalog([shows]))
    async with app.run_test(size=SIZE) as pilot:
        assert_live_bindings_come_from_the_table(app.screen)  # the catalog, filter focused
        await pilot.press("tab")
        assert_live_bindings_come_from_the_table(app.screen)  # the list of shows
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        for pane in "123456":
            await pilot.press(pane)
            assert_live_bindings_come_from_the_table(app.screen)
            await pilot.press("tab")
            assert_live_bindings_come_from_the_table(app.screen)
        await pilot.press("5", "f")  # the FAQ filter: typing keys
        assert_live_bindings_come_from_the_table(app.screen)
        await pilot.press("escape", "slash")
        assert_live_bindings_come_from_the_table(app.screen)  # search
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert_live_bindings_come_from_the_table(app.screen)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert_live_bindings_come_from_the_table(app.screen)


async def test_reload_is_described_the_same_in_catalog_guide_help_and_palette(
    shows: Path,
) -> None:
    """Ctrl+R once had one description in the catalog and another in the palette."""
    reload = BY_ID["reload"]
    app = ShowGuideApp(catalog=load_catalog([shows]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")  # ? would be typed into the filter
        # The filter takes r as text here: Ctrl+R is what reloads.
        assert help_row(app, reload.description) == f"Ctrl+R {reload.description}"
        await pilot.press("escape")
        palette = {title: text for title, text, _run in palette_commands(app, app.screen)}
        assert palette[reload.palette] == f"{reload.description} Key: r, Ctrl+R"
        assert "Ctrl+R Reload" in footer(app)
        await pilot.press("enter", "question_mark")  # in a guide
        assert help_row(app, reload.description) == f"r, Ctrl+R {reload.description}"


async def test_the_help_speaks_the_apps_language() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("5", "f1")  # focus in the FAQ's questions
        text = help_text(app)
        headings = [line for line in text.splitlines() if line in PLACE_TITLES.values()]
        assert headings == ["Everywhere", "Show guide", "Lists", "FAQ"]
        assert "focus: Questions" in shown_text(app.screen.query_one("#help-title"))
        await pilot.press("escape", "f", "f1")  # focus in the FAQ filter
        text = help_text(app)
        for internal in ("Screen", "ShowGuideApp", "Input", "OptionList", "_"):
            assert internal not in text
        # The twenty keys of a text box are one line.
        typing = [line for line in text.splitlines() if "Usual text editing keys" in line]
        assert len(typing) == 1
        assert "←, Ctrl+←, →" in typing[0]
        assert "Delete the word on the left." not in text
        assert "focus: FAQ filter" in shown_text(app.screen.query_one("#help-title"))


# --- the keymap -------------------------------------------------------------------


async def test_a_keymap_file_remaps_a_pane_key_and_palette_and_help_show_it() -> None:
    app = app_with_keymap({"pane.cast": "c", "faq.next": "x"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert app.screen.current_pane == "overview"  # 3 is no longer Cast's
        await pilot.press("c")
        assert app.screen.current_pane == "cast"
        await pilot.press("question_mark")
        assert help_row(app, "Show the Cast pane.") == "c Show the Cast pane."
        await pilot.press("escape", "ctrl+p")
        await pilot.press(*"go to cast")
        await pilot.pause(0.3)
        listed = on_screen(app, app.screen.query_one(CommandList))
        assert "Show the Cast pane. Key: c" in listed
        await pilot.press("escape", "5", "x")
        assert "Korean culture" in shown_text(app.screen.query_one("#faq-question"))
        await pilot.press("question_mark")
        assert help_row(app, "Show the next question's answer.") == (
            "x Show the next question's answer."
        )


async def test_bad_keymap_entries_give_notices_and_the_rest_applies() -> None:
    path = write_keymap({"pane.cast": "c", "faq.next": "f", "nope": "z", "quit": "ctlr+q"})
    app = ShowGuideApp(ballerina(), remembered=load_remembered())
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await pilot.pause()
        notices = [notification.message for notification in app._notifications]
        assert notices == [
            f'{path}: keymap entry "nope": no command has this id'
            " (showguide keys lists them); it is ignored",
            f'{path}: keymap entry "quit": "ctlr+q" is not a key name Textual knows'
            " (names look like q, ctrl+r, f5, escape, question_mark); it is ignored",
            f'{path}: keymap entry "faq.next": f is already the key of "faq.filter"'
            " (FAQ); it is ignored",
        ]
        await pilot.press("c")
        assert app.screen.current_pane == "cast"
        await pilot.press("5", "n")  # faq.next keeps its own key
        assert "Korean culture" in shown_text(app.screen.query_one("#faq-question"))
        await pilot.press("q")
        assert not app.is_running


# --- quitting, help, and the footer -----------------------------------------------


async def test_every_screen_footer_says_how_to_quit_and_get_help(shows: Path) -> None:
    app = ShowGuideApp(catalog=load_catalog([shows]))
    async with app.run_test(size=(60, 20)) as pilot:
        # The filter takes q and ?: the footer shows the keys that work.
        assert {"F1 Help", "Ctrl+Q Quit"} <= set(footer_hints(app))
        await pilot.press("enter")
        await pilot.pause()
        assert {"? Help", "q Quit"} <= set(footer_hints(app))
        await pilot.press("slash")
        assert {"Esc Close", "F1 Help", "Ctrl+Q Quit"} <= set(footer_hints(app))
        await pilot.press("escape", "question_mark")
        assert {"Esc Close", "q Quit"} <= set(footer_hints(app))


@pytest.mark.parametrize("width", [60, 80])
async def test_footers_drop_whole_hints_never_half_of_one(shows: Path, width: int) -> None:
    labels = {f"{key_label(key)} {c.label}" for c in BY_ID.values() if c.label for key in c.keys}
    app = ShowGuideApp(catalog=load_catalog([shows]))
    async with app.run_test(size=(width, 24)) as pilot:
        for keys in ((), ("enter",), ("5",), ("enter",), ("escape", "3")):
            await pilot.press(*keys)
            await pilot.pause()
            hints = footer_hints(app)
            assert set(hints) <= labels, hints  # each hint whole
            assert len(footer(app)) <= width - 2
            assert any(hint.endswith(" Quit") for hint in hints)
            assert any(hint.endswith(" Help") for hint in hints)


async def test_a_narrow_footer_drops_the_least_useful_hints_first() -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        wide = footer_hints(app)
        assert "Ctrl+P Commands" in wide and "r Reload" in wide
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        narrow = footer_hints(app)
        assert narrow == [hint for hint in wide if hint in narrow]  # same order
        assert "r Reload" not in narrow and "Ctrl+P Commands" not in narrow
        assert {"n Next", "? Help", "q Quit"} <= set(narrow)


async def test_q_quits_wherever_it_is_not_typed(shows: Path) -> None:
    app = ShowGuideApp(catalog=load_catalog([shows]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")  # typed into the filter
        assert app.is_running
        assert app.screen.query_one("#catalog-filter", Input).value == "q"
        await pilot.press("escape", "tab", "q")  # in the list of shows
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize("where", ["help", "search-results", "cast-list"])
async def test_q_quits_from_a_help_or_a_search(where: str) -> None:
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=SIZE) as pilot:
        if where == "help":
            await pilot.press("question_mark")
        elif where == "search-results":
            await pilot.press("slash", *"dance", "tab")
        else:
            await pilot.press("3")
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_c_copies_selected_text_and_otherwise_quits(shows: Path) -> None:
    app = ShowGuideApp(catalog=load_catalog([shows]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Studio", "shift+home", "ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert app.clipboard == "Studio"
        await pilot.press("end", "ctrl+c")  # nothing selected
        await pilot.pause()
        assert not app.is_running


# --- the palette ------------------------------------------------------------------


async def test_the_palette_has_one_help_and_only_the_apps_wording(shows: Path) -> None:
    app = ShowGuideApp(catalog=load_catalog([shows]))
    async with app.run_test(size=SIZE) as pilot:
        for keys in ((), ("enter",), ("5",)):
            await pilot.press(*keys)
            await pilot.pause()
            commands = list(palette_commands(app, app.screen))
            titles = [title for title, _text, _run in commands]
            assert len(titles) == len(set(titles))
            assert "Help" in titles and "Keys" not in titles
            texts = " ".join(text for _title, text, _run in commands)
            for wording in TEXTUAL_WORDING:
                assert wording not in texts
        await pilot.press("ctrl+p", *"help")
        await pilot.pause(0.3)
        listed = on_screen(app, app.screen.query_one(CommandList))
        assert "Show the keys that work here. Key: ?, F1" in listed
        assert "Keys" not in listed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_app_saving_a_preference_keeps_the_users_keymap() -> None:
    path = write_keymap({"pane.cast": "c"})
    app = ShowGuideApp(ballerina(), remembered=load_remembered())
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["theme"] == "nord"
    assert saved["keymap"] == {"pane.cast": "c"}


async def test_a_keymap_gives_a_palette_only_command_a_key() -> None:
    app = app_with_keymap({"theme": "ctrl+t"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert help_row(app, "Choose the colours of the app.") == (
            "Ctrl+T Choose the colours of the app."
        )
        await pilot.press("escape")
        palette = {title: text for title, text, _run in palette_commands(app, app.screen)}
        assert palette["Theme"] == "Choose the colours of the app. Key: Ctrl+T"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)  # Textual's theme picker
