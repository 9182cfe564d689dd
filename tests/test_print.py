"""``showguide print``: the guide as text, for reading, piping and screen readers."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from rich.cells import cell_len

from showguide.core.model import Show
from tests.cli import cli_env, plain_terminal, run_cli, terminal
from tests.golden import assert_golden
from tests.showdata import show_dict, write_show
from tests.strategies import shows

ESC = "\x1b"


def character(
    item_id: str, name: str, actor: object = "not yet announced", **more: object
) -> dict[str, object]:
    return {
        "id": item_id,
        "name": name,
        "tier": "lead",
        "description": f"About {name}.",
        "actor": actor,
        **more,
    }


@pytest.mark.parametrize("width", [60, 120])
def test_the_bundled_guide_matches_its_golden_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    plain_terminal(monkeypatch, COLUMNS=str(width))
    result = run_cli(capsys, "print", "ballerina")
    assert (result.code, result.err) == (0, "")
    assert_golden(f"ballerina-print-{width}.txt", result.out)
    assert max(cell_len(line) for line in result.out.splitlines()) <= width


def test_the_sections_offered_are_the_sections_printed() -> None:
    # cli.py lists them itself so that --help imports nothing but argparse.
    from showguide.cli import PRINT_SECTIONS
    from showguide.commands.render import SECTIONS

    assert tuple(SECTIONS) == PRINT_SECTIONS


def test_piped_output_is_plain_text_even_without_no_color(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    monkeypatch.delenv("NO_COLOR")
    result = run_cli(capsys, "print", "ballerina")
    assert result.code == 0
    assert ESC not in result.out
    assert "Ballerina  발레리나" in result.out


def test_a_terminal_gets_styles_unless_no_color_is_set(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal(monkeypatch)
    assert ESC in run_cli(capsys, "print", "ballerina").out
    monkeypatch.setenv("NO_COLOR", "1")
    assert ESC not in run_cli(capsys, "print", "ballerina").out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("no_color", "escapes"), [("", True), ("1", False)])
def test_on_a_real_terminal_no_color_removes_every_escape_code(
    no_color: str, escapes: bool
) -> None:
    leader, follower = pty.openpty()
    env = cli_env()
    env.update(NO_COLOR=no_color, COLUMNS="80", TERM="xterm-256color")
    process = subprocess.Popen(
        [sys.executable, "-m", "showguide", "print", "ballerina", "--section", "faq"],
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0
    assert b"Is Ballerina suitable for all audiences?" in output
    assert (ESC.encode() in output) is escapes


def test_the_width_follows_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for width in (40, 100):
        plain_terminal(monkeypatch, COLUMNS=str(width))
        lines = run_cli(capsys, "print", "ballerina").out.splitlines()
        assert max(cell_len(line) for line in lines) == width  # the section rules fill it


def test_one_section_prints_the_header_and_that_section_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    out = run_cli(capsys, "print", "ballerina", "--section", "faq").out
    assert out.startswith("Ballerina  발레리나\n")
    assert "FAQ ─" in out
    assert "Q Is Ballerina suitable for all audiences?" in out
    for other in ("Overview ─", "Plot ─", "Cast ─", "Highlights ─"):
        assert other not in out


def test_markup_and_escape_sequences_in_data_are_printed_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = show_dict(
        title="[bold red]x[/]",
        logline="\x1b[31mred\x1b[0m and \x1b]8;;https://example.invalid\x1b\\a link\x1b]8;;\x1b\\",
        verdict="\x1b]52;c;ZXZpbA==\x07 clipboard",
        characters=[character("a", "[link=https://example.invalid]click[/link]")],
    )
    path = write_show(tmp_path, data)
    terminal(monkeypatch)
    out = run_cli(capsys, "--data", str(path), "print", "test-show").out
    assert "[bold red]x[/]" in out
    assert "[link=https://example.invalid]click[/link]" in out
    assert "␛[31mred␛[0m" in out
    assert "␛]8;;https://example.invalid␛\\a link" in out
    assert "␛]52;c;ZXZpbA==␇ clipboard" in out
    for sequence in ("\x1b[31m", "\x1b]", "\x07", "\x1b[0m and"):
        assert sequence not in out


def test_spoilers_are_hidden_with_a_notice_until_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = {"spoiler": True}
    data = show_dict(
        plot={
            "synopsis": "Open.",
            "setting": "Here.",
            "threads": [
                {"id": "t", "title": "SECRET-THREAD", "description": "SECRET-TWIST", **secret}
            ],
        },
        characters=[
            character("twin", "SECRET-TWIN", **secret),
            character("open", "Open Person"),
        ],
        highlights=[
            {
                "id": "h",
                "title": "SECRET-SCENE",
                "category": "story",
                "description": "d",
                **secret,
            }
        ],
        faq=[
            {"id": "f", "question": "Who dies?", "answer": "SECRET-ANSWER", **secret},
            {"id": "g", "question": "Is it long?", "answer": "No."},
        ],
    )
    data_option = ["--data", str(write_show(tmp_path, data))]
    plain_terminal(monkeypatch, COLUMNS="200")
    hidden = run_cli(capsys, *data_option, "print", "test-show").out
    for word in ("SECRET-THREAD", "SECRET-TWIST", "SECRET-TWIN", "SECRET-SCENE", "Who dies?"):
        assert word not in hidden
    assert "SECRET-ANSWER" not in hidden
    for what in ("a story thread", "a character", "a highlight", "a question and its answer"):
        assert f"[spoiler hidden: {what}; run with --spoilers to show it]" in hidden
    assert "Open Person" in hidden
    assert "Is it long?" in hidden

    shown = run_cli(capsys, *data_option, "print", "test-show", "--spoilers").out
    for word in ("SECRET-THREAD", "SECRET-TWIST", "SECRET-TWIN", "SECRET-SCENE", "SECRET-ANSWER"):
        assert word in shown
    assert "spoiler hidden" not in shown


def test_an_actor_not_yet_announced_says_so_and_a_known_one_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = show_dict(
        characters=[
            character("a", "Unknown Role"),
            character("b", "Known Role", {"name": "Kim Actor", "native_name": "김배우"}),
        ]
    )
    path = write_show(tmp_path, data)
    plain_terminal(monkeypatch, COLUMNS="100")
    lines = run_cli(capsys, "print", "test-show", "--section", "cast", "--data", str(path)).out
    lines = lines.splitlines()
    unknown = next(line for line in lines if "Unknown Role" in line)
    known = next(line for line in lines if "Known Role" in line)
    assert unknown.rstrip().endswith("not yet announced")
    assert known.rstrip().endswith("Kim Actor 김배우")


def test_hangul_lines_up_in_the_cast_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = show_dict(
        characters=[
            character("a", "은혜", {"name": "김민지"}, group="발레단"),
            character("b", "Mina", {"name": "Lee"}, group="rivals"),
            character("c", "서희 Seo-hee", {"name": "박 Park"}, group="친구"),
        ]
    )
    path = write_show(tmp_path, data)
    plain_terminal(monkeypatch, COLUMNS="80")
    lines = run_cli(capsys, "print", "test-show", "--section", "cast", "--data", str(path)).out
    lines = lines.splitlines()
    heading = next(line for line in lines if line.startswith("Role"))
    group_at = cell_len(heading[: heading.index("Group")])
    actor_at = cell_len(heading[: heading.index("Played by")])
    for group, actor in (("발레단", "김민지"), ("rivals", "Lee"), ("친구", "박 Park")):
        row = next(line for line in lines if actor in line and group in line)
        assert cell_len(row[: row.index(group)]) == group_at, row
        assert cell_len(row[: row.index(actor)]) == actor_at, row


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(show=shows())
def test_any_show_prints_within_the_width_with_no_control_characters(show: Show) -> None:
    from rich.console import Console

    from showguide.commands.render import SECTIONS, header
    from showguide.core.spoilers import SpoilerShield

    console = Console(width=50, color_system=None, highlight=False, force_terminal=False)
    with console.capture() as captured:
        console.print(header(show))
        for section in SECTIONS.values():
            console.print(section(show, SpoilerShield(on=False)))
    out = captured.get()
    assert all(cell_len(line) <= 50 for line in out.splitlines())
    assert not any(ord(char) < 0x20 and char != "\n" for char in out)
    assert not any(0x7F <= ord(char) <= 0x9F for char in out)


@pytest.mark.usefixtures("only_one")
def test_without_a_name_the_only_show_is_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_show(tmp_path, show_dict(title="Only One"))
    plain_terminal(monkeypatch)
    result = run_cli(capsys, "print", "--data", str(path))
    assert result.code == 0
    assert result.out.startswith("Only One\n")


def test_without_a_name_and_several_shows_it_asks_for_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_show(tmp_path, show_dict(id="one"), "one.yaml")
    write_show(tmp_path, show_dict(id="two"), "two.yaml")
    plain_terminal(monkeypatch)
    result = run_cli(capsys, "print", "--data", str(tmp_path))
    assert (result.code, result.out) == (2, "")
    # Two from --data, and the bundled one.
    assert (
        result.err == "showguide: 3 shows are available; name one ('showguide list' shows them)\n"
    )


def test_an_unknown_name_exits_2_with_a_suggestion(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_terminal(monkeypatch)
    result = run_cli(capsys, "print", "balerina")
    assert (result.code, result.out) == (2, "")
    assert result.err == "showguide: no show called 'balerina'; did you mean 'ballerina'?\n"


def test_a_show_that_does_not_load_reports_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_show(tmp_path, show_dict(status="finished"), "broken.yaml")
    plain_terminal(monkeypatch)
    result = run_cli(capsys, "print", "broken", "--data", str(path))
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines() == [
        f"{path}:5:9: status: 'finished' is not one of 'announced', 'upcoming', 'airing', 'ended'",
        f"showguide: {path} could not be loaded (1 problem)",
    ]


def test_data_adds_shows_to_print_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    write_show(shelf, show_dict(id="night-train", title="Night Train"), "night-train.yaml")
    plain_terminal(monkeypatch)
    before = run_cli(capsys, "--data", str(shelf), "print", "night train", "--section", "plot")
    after = run_cli(capsys, "print", "night", "--section", "plot", "--data", str(shelf))
    assert (before.code, before.err) == (0, "")
    assert before.out.startswith("Night Train\n")
    assert after == before
    assert run_cli(capsys, "print", "ballerina", "--data", str(shelf)).code == 0


def test_a_name_that_fits_several_shows_or_a_missing_data_path_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_show(tmp_path, show_dict(id="night-train", title="Night Train"), "a.yaml")
    write_show(tmp_path, show_dict(id="night-bus", title="Night Bus"), "b.yaml")
    plain_terminal(monkeypatch)
    several = run_cli(capsys, "print", "night", "--data", str(tmp_path))
    assert (several.code, several.out) == (2, "")
    assert several.err == (
        "showguide: 'night' matches more than one show; did you mean 'night-bus' or 'night-train'?\n"
    )
    missing = tmp_path / "nowhere"
    absent = run_cli(capsys, "print", "ballerina", "--data", str(missing))
    assert (absent.code, absent.out) == (2, "")
    assert absent.err.startswith(f"{missing}:1:1: ")
    assert len(absent.err.splitlines()) == 1


def test_an_ended_series_says_when_it_ended_in_print_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = show_dict(status="ended", premiere_date="2031-04-01", end_date="2032-06-30")
    path = write_show(tmp_path, data)
    plain_terminal(monkeypatch)
    out = run_cli(capsys, "--data", str(path), "print", "test-show", "-s", "overview").out
    assert re.search(r"Premieres +2031-04-01\nEnded +2032-06-30\n", out), out
    markdown = run_cli(capsys, "--data", str(path), "export", "test-show", "-f", "markdown").out
    assert "- **Ended:** 2032-06-30" in markdown
