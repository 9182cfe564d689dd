"""Seasons, episodes, ``reveals`` and the viewer's progress: the format, the rule,
``showguide watched``, and ``print``/``export`` following the progress."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import msgspec
import pytest
import yaml

from showguide.core.episodes import EpisodeOrder, parse_code, progress_label, relative_day
from showguide.core.errors import ShowDataError
from showguide.core.loader import parse_show
from showguide.core.model import Show
from showguide.core.prefs import State, load_state, save_state
from showguide.core.progress import resolve, shield_for, visible_show
from showguide.core.search import SearchIndex
from tests.cli import plain_terminal, run_cli
from tests.showdata import FULL, series_dict, show_dict, write_show


def load(data: dict[str, object]) -> Show:
    return parse_show(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "show.yaml")


def problems(data: dict[str, object] | str) -> list[str]:
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
    with pytest.raises(ShowDataError) as caught:
        parse_show(text, "show.yaml")
    return [str(problem) for problem in caught.value.problems]


# --- the format ----------------------------------------------------------------


def test_a_series_lists_its_episodes_in_watching_order() -> None:
    show = load(series_dict(2, 3, []))
    order = EpisodeOrder(show)
    assert len(order) == 6
    assert [order.code(n) for n in (1, 3, 4, 6)] == ["S1E1", "S1E3", "S2E1", "S2E3"]
    assert order.position("S02E01") == 4
    assert order.position("s2e3") == 6
    assert order.position("S3E1") is None


def test_format_1_files_without_episodes_still_load() -> None:
    show = load(show_dict())
    assert (show.seasons, show.runtime, show.released) == ([], None, None)


def test_a_film_gives_its_runtime_and_release_date_and_reveals_true() -> None:
    data = show_dict(format="film", runtime=118, released="2030-10-02")
    data["plot"] = {
        "synopsis": "S.",
        "setting": "S.",
        "threads": [{"id": "end", "title": "End", "description": "D.", "reveals": True}],
    }
    show = load(data)
    assert (show.runtime, show.released) == (118, datetime.date(2030, 10, 2))
    # reveals: true is spoiler: true.
    shield = shield_for(show, 0)
    assert shield.is_hidden(("plot", "threads:end"), False, True)
    assert not shield_for(show, 0, spoilers=True).is_hidden(("plot", "threads:end"), False, True)


@pytest.mark.parametrize("code", ["S1E4", "S01E04", "s1e4"])
def test_reveals_accepts_both_spellings_of_an_episode(code: str) -> None:
    data = series_dict(1, 4, [code])
    show = load(data)
    assert EpisodeOrder(show).reveals_at(show.plot.threads[0].reveals) == 4


def test_a_repeated_season_or_episode_is_a_located_error() -> None:
    text = """\
format_version: 1
id: t
title: T
format: series
status: airing
country: X
original_language: Y
audience: {summary: All.}
logline: L.
plot: {synopsis: S., setting: S.}
verdict: V.
seasons:
  - number: 1
    episodes:
      - {number: 1, title: One}
      - {number: 1, title: One again}
  - number: 1
"""
    assert problems(text) == [
        "show.yaml:16:18: seasons[0].episodes[1].number: episode 1 is listed twice in this"
        " season (also seasons[0].episodes[0])",
        "show.yaml:17:13: seasons[1].number: season 1 is listed twice (also seasons[0])",
    ]


def test_reveals_naming_an_episode_not_listed_is_a_located_error_with_a_hint() -> None:
    found = problems(series_dict(2, 8, ["S1E9", "S3E1", "S2E8"]))
    assert len(found) == 2
    assert "plot.threads[0].reveals: 'S1E9' is not an episode of this show;" in found[0]
    assert found[0].endswith("season 1 lists S1E1 to S1E8")
    assert found[1].endswith(
        "'S3E1' is not an episode of this show; there is no season 3 (seasons: 1, 2)"
    )
    assert all(line.startswith("show.yaml:") and line.split(":")[1].isdigit() for line in found)


def test_a_film_naming_an_episode_is_told_to_say_true() -> None:
    data = show_dict(format="film")
    data["highlights"] = [
        {"id": "h", "title": "H", "category": "story", "description": "D.", "reveals": "S1E1"}
    ]
    (line,) = problems(data)
    assert line.endswith("a film has no episodes: write reveals: true")


def test_a_film_with_seasons_is_an_error() -> None:
    data = show_dict(format="film", seasons=[{"number": 1, "episodes": []}])
    (line,) = problems(data)
    assert "a film has no seasons" in line


def test_a_malformed_code_says_what_an_episode_looks_like() -> None:
    (line,) = problems(series_dict(1, 1, ["episode 4"]))
    assert "must be an episode such as S1E4" in line


def test_the_full_test_show_round_trips_through_yaml_and_json() -> None:
    from showguide.core.export import to_json, to_yaml

    show = load(FULL)
    assert parse_show(to_yaml(show), "again.yaml") == show
    assert parse_show(to_json(show), "again.json") == show


# --- the rule ------------------------------------------------------------------


def test_progress_hides_exactly_what_lies_past_it() -> None:
    show = load(series_dict(1, 4, ["S1E1", "S1E2", "S1E3", None], spoilers=frozenset({3})))
    for watched in range(5):
        shield = shield_for(show, watched)
        shown = [
            not shield.is_hidden(("plot", f"threads:t{n}"), False, f"S1E{n + 1}") for n in range(3)
        ]
        assert shown == [n + 1 <= watched for n in range(3)]
    # spoiler: true stays hidden whatever the progress, until revealed.
    assert shield_for(show, 4).is_hidden(("faq", "q3"), True, None)


def test_one_item_can_be_revealed_and_the_whole_shield_lowered() -> None:
    show = load(series_dict(1, 4, ["S1E3"]))
    shield = shield_for(show, 1)
    key = ("plot", "threads:t0")
    assert shield.is_hidden(key, False, "S1E3")
    shield.reveal(key)
    assert not shield.is_hidden(key, False, "S1E3")
    shield.raise_shield()
    assert shield.is_hidden(key, False, "S1E3")
    shield.reveal_all()
    assert not shield.is_hidden(key, False, "S1E3")


def test_a_show_view_of_the_shield_shares_reveals_and_changes_its_version() -> None:
    from showguide.core.spoilers import SpoilerShield

    app_shield = SpoilerShield()
    show = load(series_dict(1, 4, ["S1E3"]))
    view = app_shield.for_show(EpisodeOrder(show), 0)
    before = view.version
    view.set_watched(3)
    assert view.version != before
    app_shield.reveal_all()
    assert not view.on


def test_search_counts_hidden_matches_and_never_shows_them() -> None:
    show = load(series_dict(2, 2, ["S1E1", "S2E2"]))
    index = SearchIndex.for_show(show)
    shield = shield_for(show, 1)
    found = index.search("itemword1", shield=shield)
    assert (found.total, found.hidden, found.results) == (0, 1, ())
    found = index.search("itemword0", shield=shield)
    assert (found.total, found.hidden) == (1, 0)
    # The summary of an episode not watched is hidden; its title is not.
    assert index.search("summaryword2x1", shield=shield).hidden == 1
    assert index.search("에피소드", shield=shield).total == 4
    shield.set_watched(4)
    assert index.search("summaryword2x1", shield=shield).total == 1


def test_labels_say_how_far_the_viewer_has_watched() -> None:
    order = EpisodeOrder(load(series_dict(2, 8, [])))
    assert progress_label(order, 4) == "Watched up to S1E4 of 16"
    assert progress_label(order, 0) == "Nothing watched yet of 16"
    assert progress_label(order, 16) == "Watched all 16 (up to S2E8)"


@pytest.mark.parametrize(
    ("days", "said"),
    [
        (0, "airs today"),
        (1, "airs tomorrow"),
        (3, "airs in 3 days"),
        (-1, "aired yesterday"),
        (-14, "aired 2 weeks ago"),
        (-20, "aired 2 weeks ago"),
        (45, "airs in 6 weeks"),
        (-90, "aired 3 months ago"),
        (800, "airs in 2 years"),
    ],
)
def test_air_dates_are_said_relative_to_today(days: int, said: str) -> None:
    today = datetime.date(2031, 5, 16)
    assert relative_day(today + datetime.timedelta(days=days), today) == said


def test_parse_code_refuses_what_is_not_a_code() -> None:
    assert parse_code("S1E4") == (1, 4)
    assert parse_code("1x4") is None
    assert parse_code("S1") is None


# --- remembered progress -------------------------------------------------------


def test_a_stale_remembered_episode_gives_a_notice_not_a_crash() -> None:
    show = load(series_dict(1, 4, []))
    progress = resolve(show, "S9E9")
    assert progress.watched == 0
    assert progress.notice is not None and "'S9E9' is not an episode" in progress.notice
    assert resolve(show, "junk").watched == 0
    assert resolve(show, "S1E3").watched == resolve(show, "S01E03").watched
    assert resolve(show, "S1E3").watched == 3


def test_progress_is_kept_per_show_in_the_state_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    assert save_state(State().with_progress("a", "S1E4").with_progress("b", None), path) is None
    assert load_state(path).value.progress == {"a": "S1E4", "b": None}
    assert json.loads(path.read_text())["progress"] == {"a": "S1E4", "b": None}


def test_a_corrupt_progress_entry_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"last_pane": "cast", "progress": {"a": 4, "b": ["x"], "c": "S1E2"}}')
    loaded = load_state(path)
    assert loaded.notice is None
    assert loaded.value.last_pane == "cast"
    show = load(series_dict(1, 4, []))
    for show_id in ("a", "b"):
        progress = resolve(show, loaded.value.progress_for(show_id))
        assert progress.watched == 0
        assert progress.notice is not None and "is not an episode the file lists" in progress.notice
    assert resolve(show, loaded.value.progress_for("c")).watched == 2


def test_a_state_file_that_is_not_json_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"progress": {"a": ')
    loaded = load_state(path)
    assert loaded.value == State()
    assert loaded.notice is not None and "It was moved to " in loaded.notice


# --- the command line ----------------------------------------------------------


@pytest.fixture
def series_file(tmp_path: Path, only_one: None) -> Path:
    data = series_dict(2, 2, ["S1E1", "S1E2", "S2E1", "S2E2"], show_id="ep")
    return write_show(tmp_path, data, "ep.yaml")


def test_watched_sets_prints_and_forgets_progress(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, series_file: Path
) -> None:
    plain_terminal(monkeypatch)
    data = ["--data", str(series_file)]
    result = run_cli(capsys, *data, "watched", "ep")
    assert (result.code, result.out) == (0, "Series ep: Nothing watched yet of 4\n")
    result = run_cli(capsys, *data, "watched", "ep", "S01E02")
    assert result.code == 0
    assert "Watched up to S1E2 of 4" in result.err
    assert load_state().value.progress == {"ep": "S1E2"}
    assert run_cli(capsys, *data, "watched", "ep").out == "Series ep: Watched up to S1E2 of 4\n"
    assert run_cli(capsys, *data, "watched", "ep", "--none").code == 0
    assert load_state().value.progress == {"ep": None}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["S3E1"], "has no episode S3E1 (it lists S1E1 to S2E2)"),
        (["four"], "'four' is not an episode; write it as S1E4"),
        (["S1E1", "--none"], "give an episode or --none, not both"),
    ],
)
def test_watched_refuses_what_is_not_an_episode(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    series_file: Path,
    args: list[str],
    said: str,
) -> None:
    plain_terminal(monkeypatch)
    result = run_cli(capsys, "--data", str(series_file), "watched", "ep", *args)
    assert result.code == 2
    assert said in result.err
    assert result.err.count("\n") == 1
    assert load_state().value.progress == {}


def test_print_follows_the_stored_progress_and_watched_overrides_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, series_file: Path
) -> None:
    plain_terminal(monkeypatch)
    data = ["--data", str(series_file)]
    out = run_cli(capsys, *data, "print", "ep").out
    assert "itemword0" not in out and "summaryword1x1" not in out
    assert "에피소드 2-2" in out  # titles always show
    run_cli(capsys, *data, "watched", "ep", "S1E2")
    out = run_cli(capsys, *data, "print", "ep").out
    assert "itemword1" in out and "summaryword1x2" in out
    assert "itemword2" not in out and "summaryword2x1" not in out
    out = run_cli(capsys, *data, "print", "ep", "--watched", "S1E1").out
    assert "itemword0" in out and "itemword1" not in out
    out = run_cli(capsys, *data, "print", "ep", "--spoilers").out
    assert "itemword3" in out and "summaryword2x2" in out


def test_export_leaves_out_what_lies_past_the_progress_and_still_loads(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, series_file: Path
) -> None:
    plain_terminal(monkeypatch)
    data = ["--data", str(series_file)]
    result = run_cli(capsys, *data, "export", "ep", "-f", "yaml", "--watched", "S1E2")
    assert result.code == 0
    exported = parse_show(result.out, "export.yaml")
    assert [t.title for t in exported.plot.threads] == ["itemword0"]
    assert [c.name for c in exported.characters] == ["itemword1"]
    assert exported.highlights == [] and exported.faq == []
    summaries = [e.summary for s in exported.seasons for e in s.episodes]
    assert summaries[:2] == ["In it summaryword1x1 happens.", "In it summaryword1x2 happens."]
    assert summaries[2:] == [None, None]
    full = run_cli(capsys, *data, "export", "ep", "-f", "json", "--spoilers").out
    assert parse_show(full, "full.json") == load(
        series_dict(2, 2, ["S1E1", "S1E2", "S2E1", "S2E2"], show_id="ep")
    )


def test_print_and_export_refuse_a_watched_episode_the_show_lacks(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, series_file: Path
) -> None:
    plain_terminal(monkeypatch)
    for command in (["print", "ep"], ["export", "ep", "-f", "json"]):
        result = run_cli(capsys, "--data", str(series_file), *command, "--watched", "S5E5")
        assert result.code == 2
        assert result.out == ""
        assert "--watched: Series ep has no episode S5E5" in result.err


def test_a_stale_stored_progress_prints_a_notice_and_hides_everything(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, series_file: Path
) -> None:
    plain_terminal(monkeypatch)
    save_state(State().with_progress("ep", "S7E1"))
    result = run_cli(capsys, "--data", str(series_file), "print", "ep")
    assert result.code == 0
    assert "the remembered progress 'S7E1' is not an episode" in result.err
    assert "itemword0" not in result.out


def test_visible_show_is_the_show_itself_with_the_shield_down() -> None:
    show = load(series_dict(1, 2, ["S1E2"]))
    assert visible_show(show, shield_for(show, 0, spoilers=True)) is show
    assert msgspec.structs.replace(show, seasons=[]) != show


def test_a_sources_list_names_only_what_the_progress_lets_through(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    only_one: None,
) -> None:
    plain_terminal(monkeypatch)
    data = series_dict(1, 2, ["S1E2"], show_id="cited")
    data["sources"] = [{"id": "paper", "title": "A paper"}]
    data["plot"]["threads"][0]["sources"] = ["paper"]
    path = write_show(tmp_path, data, "cited.yaml")
    hidden = run_cli(capsys, "--data", str(path), "print", "cited", "-s", "sources").out
    assert "A paper" in hidden and "itemword0" not in hidden
    shown = run_cli(
        capsys, "--data", str(path), "print", "cited", "-s", "sources", "--watched", "S1E2"
    )
    assert "itemword0" in shown.out
