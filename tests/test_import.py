"""``showguide import``: the real client against a TVmaze-shaped server on 127.0.0.1.

Every show served is invented (tests/tvmaze_server.py); nothing leaves the
machine. Waits are shortened through ``client.SETTINGS``: the retry tests
record how long the client asked to sleep instead of sleeping it.
"""

from __future__ import annotations

import datetime
import io
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
import yaml

from showguide import __version__
from showguide.core.loader import load_show
from showguide.core.userdirs import user_shows_dir
from showguide.tvmaze import client
from showguide.tvmaze.mapping import supports
from tests.cli import plain_terminal, run_cli
from tests.tvmaze_server import PROXY_VARIABLES, FakeTvmaze, Scripted, channel, make_show

KOREAN = dict(
    language="Korean",
    network=channel("Invented KBC", "Korea, Republic of", "KR"),
    akas=[
        ("Moonlight Orchard", "United States", "US"),
        ("달빛 과수원", "Korea, Republic of", "KR"),
    ],
)


class Server(FakeTvmaze):
    waits: list[float]


@pytest.fixture
def tvmaze(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    fake = Server()
    fake.waits = []
    url = fake.start()
    monkeypatch.setenv("SHOWGUIDE_TVMAZE_URL", url)
    monkeypatch.setattr(
        client,
        "SETTINGS",
        client.Settings(
            connect_timeout=2.0,
            read_timeout=0.4,
            retries=2,
            backoff=0.5,
            max_wait=30.0,
            max_bytes=200_000,
            sleep=fake.waits.append,
        ),
    )
    plain_terminal(monkeypatch)
    for variable in PROXY_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    yield fake
    fake.stop()


def shows_folder() -> list[Path]:
    folder = user_shows_dir()
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def import_ok(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    result = run_cli(capsys, "import", *args)
    assert result.code == 0, result.err
    return result.out


# -- importing --------------------------------------------------------------------


def test_one_match_is_written_to_the_shows_folder_and_says_where(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(make_show(7, "Harbour Lights", official_site="https://example.org/harbour"))
    out = import_ok(capsys, "tvmaze", "harbour")
    path = user_shows_dir() / "harbour-lights.yaml"
    assert shows_folder() == [path]
    assert f"to {path}" in out
    assert "Open it with: showguide harbour-lights" in out
    show = load_show(path)
    assert show.title == "Harbour Lights"
    assert show.network == "Invented Broadcasting"
    assert show.premiere_date == datetime.date(2021, 3, 5)
    assert show.status == "airing"
    assert show.genres == ["Drama", "Mystery"]
    assert show.plot.synopsis == "An invented show for tests. It has two sentences."
    assert [(c.name, c.actor.name) for c in show.characters if c.actor != "not yet announced"] == [
        ("Maren Holt", "Ada Fenwick"),
        ("Inspector Vale", "Tom Ashby"),
    ]
    tvmaze_source = show.sources[0]
    assert tvmaze_source.url == "https://www.tvmaze.com/shows/7"
    assert tvmaze_source.note is not None and "CC BY-SA 4.0" in tvmaze_source.note
    assert str(datetime.date.today()) in tvmaze_source.note
    assert show.sources[1].url == "https://example.org/harbour"
    text = path.read_text(encoding="utf-8")
    assert "# highlights:" in text and "# faq:" in text  # placeholders for the user
    # The client names itself.
    agents = {headers.get("User-Agent", "") for _, headers in tvmaze.requests}
    assert agents == {f"showguide/{__version__} (+https://www.tvmaze.com/api)"}


def test_the_written_guide_opens_with_print(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    import_ok(capsys, "tvmaze", "--id", "7")
    result = run_cli(capsys, "print", "harbour-lights")
    assert result.code == 0, result.err
    assert "Harbour Lights" in result.out
    assert "Maren Holt" in result.out


def test_several_matches_list_them_and_say_how_to_pick(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(make_show(7, "Harbour Lights", premiered="2019-01-01"))
    tvmaze.add(
        make_show(
            8, "Harbour Lights Revisited", premiered=None, web=channel("StreamCo", None, None)
        )
    )
    result = run_cli(capsys, "import", "tvmaze", "harbour")
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0] == "showguide: 2 shows on TVmaze match 'harbour':"
    assert "1. Harbour Lights (2019, Invented Broadcasting)  --id 7" in lines[1]
    assert "2. Harbour Lights Revisited (year unknown, StreamCo)  --id 8" in lines[2]
    assert "showguide import tvmaze --id N" in lines[-1]
    assert shows_folder() == []


def test_an_exact_name_among_several_matches_is_clear(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    tvmaze.add(make_show(8, "Harbour Lights Revisited"))
    import_ok(capsys, "tvmaze", "harbour", "lights")  # the words of a name, unquoted
    assert load_show(user_shows_dir() / "harbour-lights.yaml").sources[0].url.endswith("/7")


def test_no_match_is_one_line(tvmaze: Server, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "import", "tvmaze", "nothing like it")
    assert result.code == 2
    assert (
        result.err
        == "showguide: TVmaze has no show matching 'nothing like it'; check the spelling\n"
    )


def test_a_korean_show_gets_its_hangul_title(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(make_show(11, "Moonlit Orchard", **KOREAN))
    import_ok(capsys, "tvmaze", "--id", "11")
    show = load_show(user_shows_dir() / "moonlit-orchard.yaml")
    assert show.native_title == "달빛 과수원"
    assert show.original_language == "Korean"
    assert show.country == "Korea, Republic of"


def test_several_seasons_are_imported_in_order(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(make_show(12, "Three Winters", seasons=3, episodes_per_season=4))
    out = import_ok(capsys, "tvmaze", "--id", "12")
    path = user_shows_dir() / "three-winters.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if supports("seasons"):
        assert [s["number"] for s in data["seasons"]] == [1, 2, 3]
        assert [e["number"] for e in data["seasons"][2]["episodes"]] == [1, 2, 3, 4]
        assert data["seasons"][0]["episodes"][0] == {
            "number": 1,
            "title": "Chapter 1",
            "aired": datetime.date(2021, 3, 1),
            "runtime": 50,
            "summary": "Something happens in episode 1.",
        }
        assert "3 seasons, 12 episodes" in out
    else:  # until the episodes format lands: said, not silently dropped
        assert "seasons" not in data
        assert "no place yet for:" in out and "seasons" in out


def test_embeds_the_server_leaves_out_are_fetched_on_their_own(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.embeds = ()
    tvmaze.add(make_show(11, "Moonlit Orchard", **KOREAN))
    import_ok(capsys, "tvmaze", "--id", "11")
    paths = [path for path, _ in tvmaze.requests]
    assert paths == [
        "/shows/11",
        "/shows/11/cast",
        "/shows/11/episodes",
        "/shows/11/seasons",
        "/shows/11/akas",
    ]
    assert load_show(user_shows_dir() / "moonlit-orchard.yaml").native_title == "달빛 과수원"


def test_html_and_escape_sequences_in_summaries_are_plain_and_harmless(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(
        make_show(
            13,
            "Loud Colours",
            summary="<p>A <b>bold</b> &amp; <i>strange</i> show\x1b[31m red\x1b]52;c;aGk=\x07"
            " \u202eevil\u202c.</p><script>alert(1)</script><p>Second&nbsp;part.</p>",
            episode_summary="<p>Part {n}: \x1b[2J<br>cleared?</p>",
        )
    )
    import_ok(capsys, "tvmaze", "--id", "13")
    path = user_shows_dir() / "loud-colours.yaml"
    raw = path.read_bytes()
    # No raw control or bidirectional character in the file: they are escapes.
    for hidden in ("\x1b", "\x07", "\u202e", "\u202c"):
        assert hidden.encode() not in raw
    show = load_show(path)
    assert show.plot.synopsis == (
        "A bold & strange show\x1b[31m red\x1b]52;c;aGk=\x07 \u202eevil\u202c.\n\nSecond\xa0part."
    )
    assert "alert" not in raw.decode()
    if supports("seasons"):
        data = yaml.safe_load(raw)
        assert data["seasons"][0]["episodes"][0]["summary"] == "Part 1: \x1b[2J\n\ncleared?"
    # Shown as for any show file: visible stand-ins, never the sequences.
    result = run_cli(capsys, "print", "loud-colours")
    assert result.code == 0
    assert "\x1b" not in result.out and "\u202e" not in result.out
    assert "␛[31m" in result.out


# -- a careful client ---------------------------------------------------------------


def test_429_is_retried_after_the_time_retry_after_asks(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    tvmaze.script(
        "/shows/7", Scripted(429, {"Retry-After": "3"}), Scripted(429, {"Retry-After": "1"})
    )
    import_ok(capsys, "tvmaze", "--id", "7")
    assert tvmaze.waits == [3.0, 1.0]
    assert len(shows_folder()) == 1


def test_500_then_success_backs_off_and_imports(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    tvmaze.script("/shows/7", Scripted(500), Scripted(503))
    import_ok(capsys, "tvmaze", "--id", "7")
    assert tvmaze.waits == [0.5, 1.0]  # doubling from SETTINGS.backoff


def test_retries_are_bounded(tvmaze: Server, capsys: pytest.CaptureFixture[str]) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    tvmaze.script("/shows/7", *[Scripted(502) for _ in range(5)])
    result = run_cli(capsys, "import", "tvmaze", "--id", "7")
    assert result.code == 2
    assert result.err == (
        "showguide: TVmaze answered 502 for /shows/7 after 3 tries; try again in a minute;"
        " nothing written\n"
    )
    assert len(tvmaze.waits) == 2
    assert shows_folder() == []


def test_a_retry_after_beyond_the_limit_is_not_waited_for(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    tvmaze.script("/shows/7", Scripted(429, {"Retry-After": "3600"}))
    result = run_cli(capsys, "import", "tvmaze", "--id", "7")
    assert result.code == 2
    assert "asks us to wait 3600 s" in result.err
    assert tvmaze.waits == []


def one_line_failure(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    result = run_cli(capsys, "import", *args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("showguide: ")
    assert result.err.endswith("nothing written\n")
    assert shows_folder() == []
    return result.err


def test_a_timeout_is_one_line(tvmaze: Server, capsys: pytest.CaptureFixture[str]) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    tvmaze.script("/shows/7", Scripted(200, body=b"{}", delay=1.5))
    assert "timed out waiting for" in one_line_failure(capsys, "tvmaze", "--id", "7")


def test_malformed_json_is_one_line(tvmaze: Server, capsys: pytest.CaptureFixture[str]) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    tvmaze.script("/shows/7", Scripted(200, body=b'{"id": 7, "name": "Harb'))
    assert "malformed JSON for /shows/7" in one_line_failure(capsys, "tvmaze", "--id", "7")


def test_json_of_an_unexpected_shape_is_one_line(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.script("/search/shows", Scripted(200, body=b'{"error": "not a list"}'))
    err = one_line_failure(capsys, "tvmaze", "harbour")
    assert "unexpected shape for /search/shows" in err


def test_an_episode_number_that_is_text_is_an_unexpected_shape(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tvmaze.add(make_show(7, "Harbour Lights"))
    data["episodes"][0]["number"] = "one"
    assert "unexpected shape for /shows/7" in one_line_failure(capsys, "tvmaze", "--id", "7")


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "streamed"])
def test_an_oversized_body_is_refused(
    tvmaze: Server, capsys: pytest.CaptureFixture[str], declared: bool
) -> None:
    body = b'{"id": 7, "name": "' + b"x" * 300_000 + b'"}'
    tvmaze.script("/shows/7", Scripted(200, body=body, no_length=not declared))
    err = one_line_failure(capsys, "tvmaze", "--id", "7")
    assert "over the limit of 200,000 bytes" in err


def test_a_404_is_one_line(tvmaze: Server, capsys: pytest.CaptureFixture[str]) -> None:
    assert "TVmaze has nothing at /shows/99 (404)" in one_line_failure(
        capsys, "tvmaze", "--id", "99"
    )


def test_the_server_gone_is_one_line(tvmaze: Server, capsys: pytest.CaptureFixture[str]) -> None:
    tvmaze.stop()
    err = one_line_failure(capsys, "tvmaze", "--id", "7")
    assert "cannot reach http://127.0.0.1:" in err
    assert "SHOWGUIDE_TVMAZE_URL" in err


def test_a_name_that_does_not_resolve_is_one_line(
    tvmaze: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The resolver fails as it does for an unknown name, without asking any
    # DNS server: nothing in the tests leaves the machine.
    def no_such_name(*args: object, **kwargs: object) -> NoReturn:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    monkeypatch.setenv("SHOWGUIDE_TVMAZE_URL", "http://api.tvmaze.example")
    err = one_line_failure(capsys, "tvmaze", "--id", "7")
    assert err.startswith(
        "showguide: cannot reach http://api.tvmaze.example (Name or service not known);"
    )


@pytest.mark.parametrize(
    "url", ["ftp://mirror.example", "api.tvmaze.com", "http://[::1", "http://a b"]
)
def test_a_base_url_that_is_not_http_is_one_line(
    tvmaze: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.setenv("SHOWGUIDE_TVMAZE_URL", url)
    err = one_line_failure(capsys, "tvmaze", "--id", "7")
    assert "SHOWGUIDE_TVMAZE_URL must be an http:// or https:// address" in err or (
        "cannot ask" in err
    )


def test_retry_after_as_an_http_date() -> None:
    now = 1_700_000_000.0
    assert client.retry_after("Tue, 14 Nov 2023 22:13:40 GMT", now=now) == 20.0
    assert client.retry_after("7") == 7.0
    assert client.retry_after("soon") is None
    assert client.retry_after(None) is None


# -- files: where and whether --------------------------------------------------------


def test_an_existing_file_is_kept_without_force(
    tvmaze: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    target = tmp_path / "mine.yaml"
    target.write_text("precious\n", encoding="utf-8")
    result = run_cli(capsys, "import", "tvmaze", "--id", "7", "-o", str(target))
    assert result.code == 2
    assert "already exists; use --force to replace it" in result.err
    assert target.read_text(encoding="utf-8") == "precious\n"
    out = import_ok(capsys, "tvmaze", "--id", "7", "-o", str(target), "--force")
    assert f"Open it with: showguide --data {target} harbour-lights" in out
    assert load_show(target).title == "Harbour Lights"


def test_output_to_standard_output(tvmaze: Server, capsys: pytest.CaptureFixture[str]) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    out = import_ok(capsys, "tvmaze", "--id", "7", "-o", "-")
    assert yaml.safe_load(out)["title"] == "Harbour Lights"
    assert shows_folder() == []


def test_dry_run_of_an_import_writes_nothing(
    tvmaze: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    out = import_ok(capsys, "tvmaze", "--id", "7", "--dry-run")
    assert out.startswith("would write Harbour Lights")
    assert shows_folder() == []


def test_usage_mistakes_are_one_line(tvmaze: Server, capsys: pytest.CaptureFixture[str]) -> None:
    for args, message in [
        (["tvmaze"], "give either a show's name or --id N"),
        (["tvmaze", "x", "--id", "3"], "give either a show's name or --id N"),
        (["imdb", "x"], "say where to import from"),
        (["tvmaze", "--id", "0"], "--id takes a TVmaze show id"),
        (["tvmaze", "x", "--update", "f.yaml"], "--update FILE takes no source"),
        (["--update", "f.yaml", "-o", "g.yaml"], "-o and --force do not apply"),
    ]:
        result = run_cli(capsys, "import", *args)
        assert result.code == 2, args
        assert message in result.err, args
    assert tvmaze.requests == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_and_not_in_a_pipe(
    tvmaze: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tvmaze.add(make_show(7, "Harbour Lights"))
    tvmaze.script("/shows/7", Scripted(200, delay=0.3))  # slow enough for a frame
    result = run_cli(capsys, "import", "tvmaze", "--id", "7", "-o", "-", "--dry-run")
    assert result.err == ""  # not a terminal: nothing on stderr
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    tvmaze.script("/shows/7", Scripted(200, delay=0.3))
    assert run_cli(capsys, "import", "tvmaze", "--id", "7", "-o", "-", "--dry-run").code == 0
    assert "fetching show 7 from TVmaze…" in screen.getvalue()


def test_with_tvmaze_the_only_source_only_its_blocks_are_attributed_to_it(
    tvmaze: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # No official site: TVmaze is the guide's one source. The one-source
    # default must not hand it the placeholders, nor what the user writes.
    tvmaze.add(make_show(7, "Harbour Lights"))
    import_ok(capsys, "tvmaze", "--id", "7")
    path = user_shows_dir() / "harbour-lights.yaml"
    show = load_show(path)
    assert len(show.sources) == 1
    assert show.plot.setting is None
    assert "# Where and when the story takes place" in path.read_text(encoding="utf-8")
    with path.open("a", encoding="utf-8") as file:
        file.write(
            "highlights:\n"
            "  - id: my-own\n"
            "    title: The harbour at night\n"
            "    category: visuals\n"
            "    description: My own words about the harbour scenes.\n"
        )
    monkeypatch.setenv("COLUMNS", "200")
    result = run_cli(capsys, "print", "harbour-lights")
    assert result.code == 0, result.err
    lines = result.out.splitlines()

    def line_after(text: str) -> str:
        index = next(i for i, line in enumerate(lines) if text in line)
        return next(line for line in lines[index + 1 :] if line.strip())

    assert "on TVmaze, retrieved" in line_after("It has two sentences.")
    assert "per " not in line_after("My own words about the harbour scenes.")
    assert "per " not in line_after("Not written yet.")
    assert "Setting" not in result.out
