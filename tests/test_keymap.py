"""The command table and the user's keymap, without the app."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from textual.keys import Keys, _character_to_key, key_to_character

from showguide.cli import main
from showguide.core.keymap import check_keymap
from showguide.core.keynames import (
    NAMED_KEYS,
    character_key,
    key_character,
    key_label,
    normalize,
)
from showguide.core.keytable import BY_ID, COMMANDS, NAMESPACES, PLACE_TITLES, clashes
from showguide.core.prefs import load_preferences, preferences_path

SOURCE = "/home/me/.config/showguide/preferences.json"


# --- key names follow Textual's ------------------------------------------------


def test_every_key_textual_names_is_a_key_here() -> None:
    bases = {key.value.rpartition("+")[2] for key in Keys if not key.value.startswith("<")}
    for base in bases:
        if len(base) > 1 and base not in ("ctrl-at",):
            assert normalize(base) == base, base


def test_named_keys_are_textual_keys() -> None:
    textual = {key.value.rpartition("+")[2] for key in Keys}
    assert textual | {f"f{n}" for n in range(1, 25)} >= NAMED_KEYS


@pytest.mark.parametrize("character", "?/!@#$%^&*()-_=+[]{};:'\",.<>\\|`~aZ9é한")
def test_a_typed_character_has_the_key_textual_gives_it(character: str) -> None:
    key = _character_to_key(character)
    assert character_key(character) == key
    assert normalize(character) == key
    assert normalize(key) == key
    if len(key) > 1:  # a name: the character can be found from it, as Textual does
        assert key_character(key) == character
        if key_to_character(key) is not None:
            assert key_to_character(key) == character


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("ctrl+r", "ctrl+r"),
        ("Ctrl+R", "ctrl+r"),
        ("shift+ctrl+left", "ctrl+shift+left"),
        ("F5", "f5"),
        ("esc", "escape"),
        ("?", "question_mark"),
        ("S", "S"),
        ("+", "plus"),
        ("ctrl++", "ctrl+plus"),
    ],
)
def test_key_names_are_normalized_as_textual_writes_them(written: str, key: str) -> None:
    assert normalize(written) == key


@pytest.mark.parametrize("written", ["", "ctlr+r", "foo", "f25", "ctrl+", "a b", "ctrl+ctrl+a"])
def test_names_textual_does_not_know_are_refused(written: str) -> None:
    assert normalize(written) is None


@pytest.mark.parametrize(
    ("key", "shown"),
    [("ctrl+r", "Ctrl+R"), ("question_mark", "?"), ("escape", "Esc"), ("f1", "F1"), ("q", "q")],
)
def test_keys_are_shown_one_way(key: str, shown: str) -> None:
    assert key_label(key) == shown


# --- the table --------------------------------------------------------------------


def test_command_ids_are_unique_and_well_formed() -> None:
    ids = [command.id for command in COMMANDS]
    assert len(ids) == len(set(ids))
    for command_id in ids:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)?", command_id), command_id


def test_one_wording_style() -> None:
    """Every description a sentence; every footer label and palette title short and capitalised."""
    for command in COMMANDS:
        assert command.description[0].isupper() and command.description.endswith("."), command
        assert command.place in PLACE_TITLES
        for title in (command.label, command.palette):
            if title:
                assert title[0].isupper() and not title.endswith("."), command
                assert len(title) <= 30
    titles = [command.palette for command in COMMANDS if command.palette]
    assert len(titles) == len(set(titles))


def test_every_command_keys_are_textual_key_names() -> None:
    for command in COMMANDS:
        for key in command.keys:
            assert normalize(key) == key, (command.id, key)


def test_no_key_is_bound_twice_in_one_place() -> None:
    for homes in NAMESPACES:
        assert clashes(homes) == {}, homes


def test_every_home_is_in_a_namespace() -> None:
    in_namespaces = {home for homes in NAMESPACES for home in homes}
    assert {command.home for command in COMMANDS} <= in_namespaces


# --- the keymap -------------------------------------------------------------------


def test_a_keymap_remaps_commands_by_id() -> None:
    keymap = check_keymap({"faq.next": "x", "reload": ["F5", "ctrl+r"]}, SOURCE)
    assert keymap.notices == ()
    assert keymap.keys == {"faq.next": ("x",), "reload": ("f5", "ctrl+r")}
    assert keymap.for_textual() == {"faq.next": "x", "reload": "f5,ctrl+r"}


def test_two_keys_swapped_is_not_a_clash() -> None:
    keymap = check_keymap({"faq.next": "p", "faq.previous": "n"}, SOURCE)
    assert keymap.notices == ()
    assert keymap.keys == {"faq.next": ("p",), "faq.previous": ("n",)}


def test_bad_entries_give_notices_and_the_rest_still_applies() -> None:
    keymap = check_keymap(
        {
            "no.such": "x",
            "faq.next": "ctlr+n",
            "faq.previous": "f",  # the FAQ's filter key
            "theme": "ctrl+t",  # the palette runs it: a key of its own is welcome
            "help": 5,
            "pane.cast": "c",
        },
        SOURCE,
    )
    assert keymap.keys == {"pane.cast": ("c",), "theme": ("ctrl+t",)}
    assert list(keymap.notices) == [
        f'{SOURCE}: keymap entry "no.such": no command has this id'
        " (showguide keys lists them); it is ignored",
        f'{SOURCE}: keymap entry "faq.next": "ctlr+n" is not a key name Textual knows'
        " (names look like q, ctrl+r, f5, escape, question_mark); it is ignored",
        f'{SOURCE}: keymap entry "help": give a key, "ctrl+r", or a list of keys,'
        ' ["f5", "ctrl+r"]; it is ignored',
        f'{SOURCE}: keymap entry "faq.previous": f is already the key of "faq.filter"'
        " (FAQ); it is ignored",
    ]


def test_two_entries_on_one_key_are_both_left_out() -> None:
    keymap = check_keymap({"pane.cast": "c", "pane.faq": "c", "pane.plot": "x"}, SOURCE)
    assert keymap.keys == {"pane.plot": ("x",)}
    assert len(keymap.notices) == 2
    assert all("C is already the key of" not in notice for notice in keymap.notices)
    assert all(" c is already the key of" in notice for notice in keymap.notices)


def test_a_keymap_that_is_not_a_mapping_is_ignored_with_a_notice() -> None:
    keymap = check_keymap(["faq.next", "x"], SOURCE)
    assert keymap.keys == {}
    assert keymap.notices == (
        f"{SOURCE}: the keymap should map command ids to keys, like"
        ' {"faq.next": "j"}; it is ignored',
    )


def test_a_bad_keymap_never_costs_the_other_preferences() -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"theme": "nord", "keymap": [1, 2]}))
    loaded = load_preferences(path)
    assert loaded.notice is None
    assert loaded.value.theme == "nord"
    assert check_keymap(loaded.value.keymap, str(path)).keys == {}


# --- showguide keys ---------------------------------------------------------------


def test_showguide_keys_lists_every_command_with_its_keys_and_place(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["keys"]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert re.search(rf"^{re.escape(command.id)} ", out, re.MULTILINE), command.id
    for title in PLACE_TITLES.values():
        assert re.search(rf"^{re.escape(title)}\s*$", out, re.MULTILINE), title
    assert re.search(r"^reload\s+r, Ctrl\+R\s+Read the show files again", out, re.MULTILINE)
    assert re.search(r"^theme\s+palette only\s+", out, re.MULTILINE)
    assert "\x1b" not in out  # piped: plain text


def test_showguide_keys_shows_the_users_keys_and_the_bad_entries(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    path: Path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"keymap": {"faq.next": "x", "nope": "y"}}))
    assert main(["keys"]) == 0
    captured = capsys.readouterr()
    assert re.search(r"^faq\.next\s+x \(yours\)\s+Show the next", captured.out, re.MULTILINE)
    assert captured.err == (
        f'showguide: {path}: keymap entry "nope": no command has this id'
        " (showguide keys lists them); it is ignored\n"
    )


def test_the_table_names_each_command_once() -> None:
    assert set(BY_ID) == {command.id for command in COMMANDS}


def test_the_documented_keymap_applies_without_a_notice() -> None:
    from tests.conftest import REPO

    doc = (REPO / "docs" / "shows-and-preferences.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Your keys: the keymap") :]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    assert block is not None
    keymap = check_keymap(json.loads(block[1])["keymap"], SOURCE)
    assert keymap.notices == () and len(keymap.keys) == 3
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    inline = re.search(r'`"keymap": (\{.*?\})`', readme, re.S)
    assert inline is not None
    assert check_keymap(json.loads(inline[1]), SOURCE).notices == ()


def test_a_key_group_shares_its_key_and_moves_it_together() -> None:
    """s reveals, hides again or goes to the next spoiler in the Plot (the pane
    enables one at a time): not a clash; and a keymap moving one moves all
    three, as Textual drops every binding of a key it moves one binding from."""
    group = ("plot.reveal", "plot.conceal", "plot.next-spoiler")
    assert all(BY_ID[command_id].keys == ("s",) for command_id in group)
    assert clashes(("scroll", "plot")) == {}
    moved = check_keymap({"plot.reveal": "x"}, SOURCE)
    assert moved.notices == ()
    assert moved.keys == dict.fromkeys(group, ("x",))
    clash = check_keymap({"plot.conceal": "j"}, SOURCE)  # j scrolls the Plot pane
    assert clash.keys == {}
    assert clash.notices == (
        f'{SOURCE}: keymap entry "plot.conceal": j is already the key of "text.down"'
        " (Reading text); it is ignored",
    )
