"""Where shows come from, which one wins, and how a name finds a show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from showguide.core.catalog import Catalog, CatalogEntry, UnknownShow, load_catalog
from showguide.core.userdirs import user_shows_dir
from tests.conftest import BALLERINA
from tests.showdata import show_dict, write_show


def load(*data: Path | str) -> Catalog:
    return load_catalog(list(data), use_cache=False)


def ids_and_origins(catalog: Catalog) -> list[tuple[str, str]]:
    return [(entry.id, entry.origin) for entry in catalog.entries]


@pytest.fixture
def user_shows() -> Path:
    folder = user_shows_dir()
    folder.mkdir(parents=True)
    return folder


def folder(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.mkdir()
    return path


# --- discovery ----------------------------------------------------------------


def test_bundled_show_is_found_and_says_where_it_came_from() -> None:
    catalog = load()
    assert ids_and_origins(catalog) == [("ballerina", "bundled")]
    assert catalog.entries[0].path == BALLERINA
    assert catalog.notices == ()
    assert catalog.problems == ()


def test_sources_are_read_bundled_then_user_then_data_then_showguide_path(
    tmp_path: Path, user_shows: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_show(user_shows, show_dict(id="alpha", title="Alpha"))
    data = folder(tmp_path, "data")
    write_show(data, show_dict(id="beta", title="Beta"))
    env = folder(tmp_path, "env")
    write_show(env, show_dict(id="gamma", title="Gamma"))
    monkeypatch.setenv("SHOWGUIDE_PATH", str(env))

    assert ids_and_origins(load(data)) == [
        ("ballerina", "bundled"),
        ("alpha", "user"),
        ("beta", "--data"),
        ("gamma", "SHOWGUIDE_PATH"),
    ]


def test_a_user_show_overrides_the_bundled_one_and_says_so(user_shows: Path) -> None:
    mine = write_show(user_shows, show_dict(id="ballerina", title="My Ballerina"), "mine.yaml")
    catalog = load()

    assert ids_and_origins(catalog) == [("ballerina", "user")]
    assert catalog.resolve("ballerina").label == "My Ballerina"
    assert catalog.notices == (f"{mine} (user) overrides the bundled show 'ballerina'",)
    assert [entry.path for entry in catalog.overridden] == [BALLERINA]


def test_the_last_source_wins_and_each_override_is_reported(
    tmp_path: Path, user_shows: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_copy = write_show(user_shows, show_dict(id="ballerina", title="User"))
    data_copy = write_show(folder(tmp_path, "data"), show_dict(id="ballerina", title="Data"))
    env_copy = write_show(folder(tmp_path, "env"), show_dict(id="ballerina", title="Env"))
    monkeypatch.setenv("SHOWGUIDE_PATH", str(env_copy))

    catalog = load(data_copy)

    assert [entry.label for entry in catalog.entries] == ["Env"]
    assert catalog.notices == (
        f"{user_copy} (user) overrides the bundled show 'ballerina'",
        f"{data_copy} (--data) overrides the user show 'ballerina' from {user_copy}",
        f"{env_copy} (SHOWGUIDE_PATH) overrides the --data show 'ballerina' from {data_copy}",
    )


def test_a_broken_copy_does_not_hide_the_show_it_meant_to_override(user_shows: Path) -> None:
    write_show(user_shows, "id: ballerina\ntitle: [unclosed\n", "ballerina.yaml")
    catalog = load()
    assert ids_and_origins(catalog) == [("ballerina", "bundled"), ("ballerina", "user")]
    assert catalog.entries[0].ok
    assert not catalog.entries[1].ok


def test_data_takes_a_file_of_any_name_and_folders_in_the_order_given(tmp_path: Path) -> None:
    single = write_show(tmp_path, show_dict(id="single", title="Single"), "notes.txt")
    shelf = folder(tmp_path, "shelf")
    write_show(shelf, show_dict(id="b-show", title="B"), "b.yaml")
    write_show(shelf, show_dict(id="a-show", title="A"), "a.yaml")

    catalog = load(shelf, single)

    assert ids_and_origins(catalog)[1:] == [
        ("a-show", "--data"),
        ("b-show", "--data"),
        ("single", "--data"),
    ]


def test_a_folder_gives_its_yaml_and_yml_files_but_not_hidden_or_nested_ones(
    tmp_path: Path,
) -> None:
    shelf = folder(tmp_path, "shelf")
    write_show(shelf, show_dict(id="long-suffix", title="Long"), "one.yaml")
    write_show(shelf, show_dict(id="short-suffix", title="Short"), "two.yml")
    write_show(shelf, show_dict(id="hidden", title="Hidden"), ".hidden.yaml")
    write_show(shelf, show_dict(id="text", title="Text"), "readme.txt")
    write_show(folder(shelf, "nested"), show_dict(id="nested", title="Nested"))
    folder(shelf, "folder.yaml")

    assert [entry.id for entry in load(shelf).entries] == [
        "ballerina",
        "long-suffix",
        "short-suffix",
    ]


def test_showguide_path_holds_several_paths_separated_by_the_os_separator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = folder(tmp_path, "first")
    write_show(first, show_dict(id="first", title="First"))
    second = write_show(tmp_path, show_dict(id="second", title="Second"), "second.yaml")
    monkeypatch.setenv("SHOWGUIDE_PATH", os.pathsep.join(["", str(first), "", str(second), ""]))

    assert ids_and_origins(load())[1:] == [
        ("first", "SHOWGUIDE_PATH"),
        ("second", "SHOWGUIDE_PATH"),
    ]


def test_a_missing_data_path_is_a_problem_but_a_missing_showguide_path_entry_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOWGUIDE_PATH", str(tmp_path / "gone"))
    catalog = load(tmp_path / "typo")

    assert [str(problem) for problem in catalog.problems] == [
        f"{tmp_path / 'typo'}:1:1: (file): no such file or folder"
    ]
    assert catalog.notices == ()
    assert ids_and_origins(catalog) == [("ballerina", "bundled")]


@pytest.mark.parametrize("named", [".", "./", "shelf/", "shelf"])
def test_files_are_named_as_the_folder_joined_with_their_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    shelf = folder(tmp_path, "shelf")
    write_show(shelf, show_dict(id="good", title="Good"), "good.yaml")
    (shelf / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    monkeypatch.chdir(shelf if named.startswith(".") else tmp_path)

    entries = {entry.id: entry for entry in load(named).entries}

    # As Path(named) / name prints: "good.yaml" in ".", never "./good.yaml".
    for name, entry in (("good.yaml", entries["good"]), ("bad.yaml", entries["bad"])):
        assert entry.file == str(Path(named) / name)
        assert entry.path == Path(named) / name
    assert {problem.file for problem in entries["bad"].problems} == {str(Path(named) / "bad.yaml")}


def test_a_folder_that_loops_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    monkeypatch.setenv("SHOWGUIDE_PATH", str(loop))

    catalog = load(loop)

    # Named with --data: a problem (exit 2); found through SHOWGUIDE_PATH: a notice.
    assert len(catalog.problems) == 1
    assert catalog.problems[0].message.startswith("cannot read:")
    assert catalog.notices == (f"{loop} (SHOWGUIDE_PATH): {catalog.problems[0].message}; skipped",)


def test_a_file_that_loops_is_listed_with_its_problem_and_the_others_load(
    tmp_path: Path,
) -> None:
    shelf = folder(tmp_path, "shelf")
    write_show(shelf, show_dict(id="fine", title="Fine"))
    (shelf / "loop.yaml").symlink_to(shelf / "loop.yaml")
    (shelf / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")

    entries = {entry.path.name: entry for entry in load(shelf).entries}

    assert entries["show.yaml"].ok
    assert "cannot read" in entries["loop.yaml"].problems[0].message
    assert entries["dangling.yaml"].problems[0].message == "no such file"


def test_links_in_a_folder_reached_through_a_link_resolve_from_that_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Folders are listed, and their files stat'ed, through a descriptor: a
    # relative link in one must still be followed from the folder it is in,
    # not from the current directory, and named by where it leads.
    shelf = folder(tmp_path, "shelf")
    elsewhere = folder(tmp_path, "elsewhere")
    write_show(shelf, show_dict(id="plain", title="Plain"), "plain.yaml")
    far = write_show(elsewhere, show_dict(id="far", title="Far"), "far.yaml")
    (shelf / "linked.yaml").symlink_to(Path("..") / "elsewhere" / "far.yaml")
    alias = tmp_path / "alias"
    alias.symlink_to(shelf)
    monkeypatch.chdir(elsewhere)

    catalog = load(alias, far)

    entries = {entry.id: entry for entry in catalog.entries}
    assert sorted(entries) == ["ballerina", "far", "plain"]  # far once: the same file
    assert entries["far"].file == str(alias / "linked.yaml")
    assert entries["far"].key == str(far.resolve())
    assert entries["plain"].file == str(alias / "plain.yaml")
    assert entries["plain"].key == str(shelf.resolve() / "plain.yaml")
    assert entries["far"].ok and entries["plain"].ok


def test_an_empty_data_folder_gets_a_notice(tmp_path: Path) -> None:
    empty = folder(tmp_path, "empty")
    assert load(empty).notices == (
        f"{empty} (--data): no show files (*.yaml, *.yml) in this folder",
    )


def test_the_same_file_reached_twice_is_loaded_once(tmp_path: Path) -> None:
    shelf = folder(tmp_path, "shelf")
    show = write_show(shelf, show_dict(id="once", title="Once"))
    (tmp_path / "link.yaml").symlink_to(show)

    catalog = load(shelf, show, tmp_path / "link.yaml")

    assert [entry.id for entry in catalog.entries] == ["ballerina", "once"]
    assert catalog.notices == ()


def test_invalid_files_are_listed_with_their_problems_and_valid_ones_still_load(
    tmp_path: Path,
) -> None:
    shelf = folder(tmp_path, "shelf")
    write_show(shelf, show_dict(id="good", title="Good"), "a-good.yaml")
    bad = write_show(shelf, show_dict(id="bad", title="Bad", status="maybe"), "b-bad.yaml")

    catalog = load(shelf)

    assert [entry.label for entry in catalog.entries] == ["Ballerina", "Good", "b-bad.yaml"]
    broken = catalog.entries[2]
    assert broken.show is None
    assert [p.path for p in broken.problems] == ["status"]
    assert broken.problems[0].file == str(bad)
    assert [show.id for show in catalog.shows] == ["ballerina", "good"]


# --- names --------------------------------------------------------------------


def catalog_of(*titles: tuple[str, str]) -> Catalog:
    from showguide.core.model import Show

    def entry(show_id: str, title: str) -> CatalogEntry:
        import msgspec

        show = msgspec.convert(show_dict(id=show_id, title=title), Show)
        return CatalogEntry(Path(f"{show_id}.yaml"), "--data", show=show)

    return Catalog(tuple(entry(show_id, title) for show_id, title in titles))


SHOWS = catalog_of(
    ("ballerina", "Ballerina"),
    ("ball", "The Ball"),
    ("night-train", "Night Train"),
    ("night-shift", "Night Shift"),
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ballerina", "ballerina"),  # exact id
        ("NIGHT TRAIN", "night-train"),  # exact title, any case
        ("the ball", "ball"),  # exact title
        ("ball", "ball"),  # an exact id beats a longer id it is a prefix of
        ("baller", "ballerina"),  # unique prefix of an id
        ("Night T", "night-train"),  # unique prefix of a title
    ],
)
def test_a_name_finds_a_show_by_id_or_title(name: str, expected: str) -> None:
    assert SHOWS.resolve(name).id == expected


def test_an_ambiguous_name_lists_what_it_could_mean() -> None:
    with pytest.raises(UnknownShow) as caught:
        SHOWS.resolve("night")
    assert str(caught.value) == (
        "'night' matches more than one show; did you mean 'night-shift' or 'night-train'?"
    )


def test_an_unknown_name_suggests_a_near_miss() -> None:
    with pytest.raises(UnknownShow) as caught:
        SHOWS.resolve("balerina")
    # The closest first.
    assert str(caught.value) == "no show called 'balerina'; did you mean 'ballerina' or 'ball'?"


def test_an_unknown_name_with_nothing_close_just_says_so() -> None:
    with pytest.raises(UnknownShow) as caught:
        SHOWS.resolve("zzz")
    assert str(caught.value) == "no show called 'zzz'"


# --- the command line -----------------------------------------------------------


def showguide(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the command in a fresh process, as a user would (the environment is the test's)."""
    return subprocess.run(
        [sys.executable, "-m", "showguide", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
    )


def test_list_shows_data_shows_with_their_origin_and_the_override_notice(tmp_path: Path) -> None:
    mine = write_show(tmp_path, show_dict(id="ballerina", title="Mine"), "mine.yaml")
    extra = write_show(tmp_path, show_dict(id="extra", title="Extra"), "extra.yaml")

    # --data before the command and after it both count, in the order given.
    result = showguide("--data", mine, "list", "--data", extra)

    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines() if "--data" in line]
    assert [(row[0], row[1], row[6]) for row in rows] == [
        ("ballerina", "Mine", "--data"),
        ("extra", "Extra", "--data"),
    ]
    assert f"{mine} (--data) overrides the bundled show 'ballerina'" in result.stderr


def test_list_marks_a_show_file_with_errors_and_still_lists_the_valid_ones(
    tmp_path: Path,
) -> None:
    write_show(tmp_path, show_dict(id="fine", title="Fine"), "fine.yaml")
    write_show(tmp_path, show_dict(id="bad", status="maybe", year="soon"), "bad.yaml")

    result = showguide("list", "--data", tmp_path)

    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines() if "--data" in line]
    assert [(row[1], row[7], row[8]) for row in rows] == [
        ("", str(tmp_path / "bad.yaml"), "2"),
        ("Fine", str(tmp_path / "fine.yaml"), "0"),
    ]
    assert "1 show file could not be loaded; 'showguide validate'" in result.stderr


def test_list_with_a_missing_data_folder_exits_2_with_a_problem_line(tmp_path: Path) -> None:
    result = showguide("--data", tmp_path / "missing", "list")
    assert result.returncode == 2
    assert f"{tmp_path / 'missing'}:1:1: (file): no such file or folder" in result.stderr


def test_validate_without_paths_checks_every_discovered_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_show(tmp_path, show_dict(id="from-data", title="From data"), "data.yaml")
    env = folder(tmp_path, "env")
    write_show(env, show_dict(id="from-env", title="From env"))
    monkeypatch.setenv("SHOWGUIDE_PATH", str(env))

    good = showguide("--data", tmp_path / "data.yaml", "validate")

    assert good.returncode == 0, good.stderr
    assert "3 show files checked: all valid" in good.stderr
    for path in (BALLERINA, tmp_path / "data.yaml", env / "show.yaml"):
        assert f"ok {path}" in good.stdout

    bad = write_show(env, show_dict(id="from-env-2", title=123), "bad.yaml")
    result = showguide("validate", "--data", tmp_path / "data.yaml")
    assert result.returncode == 2
    assert f"{bad}:3:8: title: expected text, got 123" in result.stdout


def test_naming_an_unknown_show_exits_2_with_a_suggestion_before_loading_textual() -> None:
    code = (
        "import sys; from showguide.cli import main; code = main(sys.argv[1:]); "
        "print('textual' in sys.modules); sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "balerina"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert (
        result.stderr.strip() == "showguide: no show called 'balerina'; did you mean 'ballerina'?"
    )
    assert result.stdout.strip() == "False"


def test_naming_an_ambiguous_show_exits_2(tmp_path: Path) -> None:
    write_show(tmp_path, show_dict(id="ballet-school", title="Ballet School"))
    result = showguide("--data", tmp_path, "ball")
    assert result.returncode == 2
    assert "'ball' matches more than one show; did you mean 'ballerina' or 'ballet-school'?" in (
        result.stderr
    )


def test_naming_a_show_that_does_not_load_prints_its_problems_and_exits_2(tmp_path: Path) -> None:
    broken = write_show(tmp_path, show_dict(status="maybe"), "broken.yaml")
    result = showguide("broken", "--data", broken)
    assert result.returncode == 2
    assert f"{broken}:" in result.stderr
    assert "status:" in result.stderr
