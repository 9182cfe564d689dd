"""What ``showguide [NAME]`` opens, and what the app is handed to open it."""

from __future__ import annotations

from pathlib import Path

import pytest

from showguide.cli import main
from showguide.core.catalog import (
    Catalog,
    CatalogEntry,
    CatalogLoad,
    UnknownShow,
    load_catalog,
)
from showguide.core.launch import choose_start
from showguide.core.prefs import Preferences, Remembered, preferences_path, save_preferences
from tests.loading import settled
from tests.showdata import show_dict, write_show


def shelf_of(folder: Path, *shows: tuple[str, str]) -> Path:
    folder.mkdir()
    for show_id, title in shows:
        write_show(folder, show_dict(id=show_id, title=title), f"{show_id}.yaml")
    return folder


def test_with_several_shows_and_no_name_the_catalog_opens(tmp_path: Path) -> None:
    catalog = load_catalog([shelf_of(tmp_path / "s", ("night-train", "Night Train"))])

    start = choose_start(catalog, None)

    assert start.opens_catalog
    assert start.entry is None
    assert start.catalog is catalog


@pytest.mark.usefixtures("only_one")
def test_with_only_one_show_and_no_name_that_show_opens(tmp_path: Path) -> None:
    catalog = load_catalog([shelf_of(tmp_path / "s", ("solo", "Solo"))])

    start = choose_start(catalog, None)

    assert not start.opens_catalog
    assert start.entry is catalog.entries[0]
    assert start.entry.label == "Solo"


@pytest.mark.usefixtures("only_one")
def test_a_file_with_errors_counts_as_a_show_so_the_catalog_lists_it(tmp_path: Path) -> None:
    shelf = shelf_of(tmp_path / "s", ("solo", "Solo"))
    write_show(shelf, "title: [unclosed\n", "broken.yaml")

    assert choose_start(load_catalog([shelf]), None).opens_catalog


def test_a_name_opens_that_show_by_id_title_or_unique_prefix(tmp_path: Path) -> None:
    shelf = shelf_of(tmp_path / "s", ("night-train", "Night Train"), ("night-shift", "Night Shift"))
    catalog = load_catalog([shelf])

    for name in ("night-shift", "NIGHT SHIFT", "night s"):
        entry = choose_start(catalog, name).entry
        assert entry is not None
        assert entry.id == "night-shift"
    with pytest.raises(UnknownShow, match="did you mean 'night-shift' or 'night-train'"):
        choose_start(catalog, "night")
    with pytest.raises(UnknownShow, match="no show called 'nothing like it'"):
        choose_start(catalog, "nothing like it")


class AppSpy:
    """Stands in for the app: records what the command line handed it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from showguide.tui import app

        self.calls: list[tuple[Catalog, CatalogEntry | None, Remembered]] = []
        monkeypatch.setattr(app, "run_app", self.run_app)

    def run_app(
        self, catalog: Catalog, chosen: CatalogEntry | None, remembered: Remembered
    ) -> None:
        self.calls.append((catalog, chosen, remembered))


@pytest.fixture
def app_spy(monkeypatch: pytest.MonkeyPatch) -> AppSpy:
    return AppSpy(monkeypatch)


def test_showguide_hands_the_app_the_catalog_and_what_was_remembered(
    tmp_path: Path, app_spy: AppSpy
) -> None:
    shelf = shelf_of(tmp_path / "s", ("night-train", "Night Train"))
    assert save_preferences(Preferences(theme="nord", spoiler_shield=False)) is None

    assert main(["--data", str(shelf)]) == 0

    ((catalog, chosen, remembered),) = app_spy.calls
    assert [entry.id for entry in catalog.entries] == ["ballerina", "night-train"]
    assert chosen is None
    assert remembered.preferences == Preferences(theme="nord", spoiler_shield=False)
    assert remembered.notices == ()


def test_showguide_name_hands_the_app_that_show(tmp_path: Path, app_spy: AppSpy) -> None:
    shelf = shelf_of(tmp_path / "s", ("night-train", "Night Train"))

    assert main(["night t", "--data", str(shelf)]) == 0

    ((_, chosen, _),) = app_spy.calls
    assert chosen is not None
    assert chosen.show is not None
    assert chosen.show.title == "Night Train"


def test_corrupt_preferences_reach_the_app_as_defaults_and_a_notice(app_spy: AppSpy) -> None:
    preferences_path().parent.mkdir(parents=True)
    preferences_path().write_text("{ not json")

    assert main(["ballerina"]) == 0

    ((_, _, remembered),) = app_spy.calls
    assert remembered.preferences == Preferences()
    (notice,) = remembered.notices
    assert "was unusable" in notice
    assert not preferences_path().exists()


def test_a_name_that_matches_nothing_never_reaches_the_app(
    app_spy: AppSpy, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["balerina"]) == 2
    assert app_spy.calls == []
    assert "did you mean 'ballerina'?" in capsys.readouterr().err


# --- a cold start with many files: the app draws at once and reads them ------------------


def test_many_files_to_parse_open_the_loading_app_and_few_do_not(
    tmp_path: Path, app_spy: AppSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from showguide.commands import launch
    from showguide.tui import app

    shelf = shelf_of(tmp_path / "s", ("a", "A"), ("b", "B"), ("c", "C"))
    for path in shelf.iterdir():
        settled(path)  # old enough for the parse cache to keep
    loads: list[int] = []

    def loading_app(load: CatalogLoad, remembered: Remembered) -> None:
        loads.append(load.to_parse)
        load.finish()  # as the loading screen does: the cache is filled

    monkeypatch.setattr(app, "run_loading_app", loading_app)
    monkeypatch.setattr(launch, "LOADING_SCREEN_MIN_FILES", 4)

    assert main(["--data", str(shelf)]) == 0  # four files to parse, with the bundled one
    assert (loads, app_spy.calls) == ([4], [])

    assert main(["--data", str(shelf)]) == 0  # the same files, now in the parse cache
    assert loads == [4]
    ((catalog, chosen, _),) = app_spy.calls
    assert len(catalog.entries) == 4 and chosen is None


async def test_when_nothing_loads_the_loading_app_exits_2_and_the_problems_are_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from showguide.commands import launch
    from showguide.core import discovery
    from showguide.tui import app

    monkeypatch.setattr(discovery, "bundled_data_dir", lambda: Path("/nonexistent"))
    broken = tmp_path / "broken"
    broken.mkdir()
    write_show(broken, show_dict(status="maybe"), "a.yaml")
    write_show(broken, show_dict(year="soon"), "b.yaml")
    ran: list[int] = []

    def headless(load: CatalogLoad, remembered: Remembered) -> Catalog | None:
        # run_loading_app, with the app run headless here instead of on the terminal.
        shown = app.ShowGuideApp(loading=load, remembered=remembered)

        async def run() -> None:
            async with shown.run_test() as pilot:
                for _ in range(100):
                    if not shown.is_running:
                        break
                    await pilot.pause(0.05)

        import asyncio
        import threading

        thread = threading.Thread(target=lambda: asyncio.run(run()))
        thread.start()
        thread.join(60)
        ran.append(shown.return_code or 0)
        return shown.catalog if shown.return_code == 2 else None

    monkeypatch.setattr(app, "run_loading_app", headless)
    monkeypatch.setattr(launch, "LOADING_SCREEN_MIN_FILES", 1)

    assert main(["--data", str(broken)]) == 2

    assert ran == [2]
    err = capsys.readouterr().err
    assert f"{broken / 'a.yaml'}:" in err and "status" in err
    assert f"{broken / 'b.yaml'}:" in err and "year" in err
    assert err.rstrip().endswith("showguide: no show could be loaded")
