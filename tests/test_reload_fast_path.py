"""A reload with nothing changed costs a stat a file; it still misses no change.

:meth:`Catalog.reload` first compares every place it looks in (a folder's
times change when a file is added, removed or renamed) and every file's stamp
with what the catalog was loaded from, and gives the same catalog back when
all match. These tests drive it with random edits and check that it always
agrees with the full reload, which finds and compares every file again.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showguide.core import catalog as catalog_module
from showguide.core.catalog import Catalog, load_catalog
from tests.loading import ParseCounter, settled, settled_shelf
from tests.showdata import show_dict, write_show

NAMES = ("a.yaml", "b.yaml", "c.yaml", "d.yml", ".hidden.yaml", "notes.txt")
#: Longer than the coarsest timestamp tick of a Linux file system (a jiffy,
#: 4 ms): a change made after this sleep always gets a new ctime.
TICK_SECONDS = 0.02


@pytest.fixture
def trusting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust stamps at once, not only two seconds after a change.

    Folders cannot be dated back (their ctime is always now), so without this
    a folder the test has just written to would never be trusted, and the
    fast path never taken. The tests sleep a timestamp tick before each
    change instead, which is what the two seconds guard against.
    """
    monkeypatch.setattr(catalog_module, "RACY_SECONDS", 0)


def describe(catalog: Catalog) -> list[tuple[str, str, str, tuple[str, ...], bool, bool]]:
    """What a user sees of each entry: file, origin, label, problems, stale, ok."""
    return [
        (
            entry.path.name,
            entry.origin,
            entry.label,
            tuple(str(problem) for problem in entry.problems),
            entry.stale,
            entry.ok,
        )
        for entry in catalog.entries
    ]


def full_reload(catalog: Catalog) -> Catalog:
    """The reload without its fast path: every file found and compared again."""
    return msgspec.structs.replace(catalog, sources=None).reload()


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    return settled_shelf(tmp_path)


@pytest.mark.usefixtures("trusting")
def test_a_reload_with_nothing_changed_gives_the_same_catalog_and_parses_nothing(
    shelf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = load_catalog([shelf])
    parses = ParseCounter(monkeypatch)

    again = catalog.reload()

    assert again is catalog
    assert parses.take() == []


@pytest.mark.usefixtures("trusting")
def test_a_file_written_in_place_is_read_again_though_its_folder_did_not_change(
    shelf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = load_catalog([shelf])
    folder_before = shelf.stat().st_mtime_ns
    time.sleep(TICK_SECONDS)
    settled(write_show(shelf, show_dict(id="beta", title="Beta, revised"), "beta.yaml"), 30)
    assert shelf.stat().st_mtime_ns == folder_before  # written in place, as many editors do
    parses = ParseCounter(monkeypatch)

    again = catalog.reload()

    assert parses.take() == ["beta.yaml"]
    assert again.resolve("beta").label == "Beta, revised"
    assert again.changed == {again.resolve("beta").key}


def test_a_folder_changed_moments_ago_is_looked_in_again(shelf: Path) -> None:
    # Without the test's trust: a folder changed within the last two seconds
    # may change again within its timestamp's tick, unseen.
    catalog = load_catalog([shelf])
    write_show(shelf, show_dict(id="delta", title="Delta"), "delta.yaml")

    assert "Delta" in [entry.label for entry in catalog.reload().entries]


@pytest.mark.usefixtures("trusting")
def test_a_reload_after_a_reload_that_read_a_file_says_nothing_changed(
    shelf: Path,
) -> None:
    catalog = load_catalog([shelf])
    time.sleep(TICK_SECONDS)
    settled(write_show(shelf, show_dict(id="beta", title="Beta 2"), "beta.yaml"), 30)
    changed = catalog.reload()
    assert changed.changed

    again = changed.reload()

    assert again.changed == frozenset()
    assert describe(again) == describe(changed)


# --- random edits ---------------------------------------------------------------

Edit = tuple[str, str, int]
edits = st.lists(
    st.tuples(
        st.sampled_from(["write", "write broken", "touch", "remove", "rename", "same stamp"]),
        st.sampled_from(NAMES),
        st.integers(0, 2),  # which other name (rename), or which title (write)
    ),
    max_size=4,
)


class Shelf:
    """A folder of show files edited as people do, each change dated later than the last."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.clock = time.time() - 10_000

    def date(self, path: Path) -> None:
        self.clock += 7
        os.utime(path, (self.clock, self.clock))

    def apply(self, edit: Edit) -> None:
        kind, name, other = edit
        path = self.folder / name
        if kind == "write":
            self.date(write_show(self.folder, show_dict(id=name[0], title=f"T{other}"), name))
        elif kind == "write broken":
            self.date(write_show(self.folder, show_dict(id=name[0], status="maybe"), name))
        elif kind == "touch" and path.exists():
            self.date(path)
        elif kind == "remove" and path.exists():
            path.unlink()
        elif kind == "rename" and path.exists():
            path.rename(self.folder / NAMES[(NAMES.index(name) + 1 + other) % len(NAMES)])
        elif kind == "same stamp" and path.exists():
            # Another file of the same size and time in its place: only its
            # inode tells it apart (an editor saving by renaming a new file).
            info = path.stat()
            text = path.read_bytes()
            fresh = self.folder / ".swap"
            fresh.write_bytes(text.replace(b"title: ", b"title: X", 1)[: len(text)])
            os.utime(fresh, ns=(info.st_atime_ns, info.st_mtime_ns))
            fresh.replace(path)


def show_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name in NAMES[:4])


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rounds=st.lists(edits, min_size=1, max_size=3))
@pytest.mark.usefixtures("trusting")
def test_after_any_edits_the_reload_agrees_with_a_full_one(rounds: list[list[Edit]]) -> None:
    with tempfile.TemporaryDirectory(prefix="showguide-reload-") as temp:
        shelf = Shelf(Path(temp))
        for edit in (("write", "a.yaml", 0), ("write", "b.yaml", 1), ("write broken", "c.yaml", 0)):
            shelf.apply(edit)
        catalog = load_catalog([shelf.folder])
        for round_of_edits in rounds:
            time.sleep(TICK_SECONDS)
            for edit in round_of_edits:
                shelf.apply(edit)

            fast, full = catalog.reload(), full_reload(catalog)

            assert describe(fast) == describe(full)
            assert [e.file for e in fast.overridden] == [e.file for e in full.overridden]
            assert fast.changed == full.changed
            assert fast.notices == full.notices
            # Every show file is listed, or overridden by a later one with its id.
            found = (*fast.entries, *fast.overridden)
            listed = sorted(e.path.name for e in found if e.origin == "--data")
            assert listed == show_files(shelf.folder)
            catalog = fast


@pytest.mark.usefixtures("trusting")
def test_a_user_folder_made_after_the_load_is_looked_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from showguide.core.userdirs import user_shows_dir

    named = settled(write_show(tmp_path, show_dict(id="named", title="Named"), "named.yaml"))
    monkeypatch.setenv("SHOWGUIDE_PATH", str(named))  # a file, not a folder
    catalog = load_catalog()
    assert catalog.sources is not None  # the fast path is open to it
    time.sleep(TICK_SECONDS)
    user_shows_dir().mkdir(parents=True)
    settled(write_show(user_shows_dir(), show_dict(id="mine", title="Mine"), "mine.yaml"))
    settled(write_show(tmp_path, show_dict(id="named", title="Renamed"), "named.yaml"), 30)

    again = catalog.reload()

    assert [entry.label for entry in again.entries] == ["Ballerina", "Mine", "Renamed"]
