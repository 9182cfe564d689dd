"""The parse cache speeds up loading and is never trusted over the files themselves."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest

from showguide.core import cache as cache_module
from showguide.core.cache import CACHE_FILE, ParseCache
from showguide.core.catalog import Catalog, load_catalog
from showguide.core.userdirs import cache_dir
from tests.loading import ParseCounter, settled
from tests.showdata import show_dict, write_show


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> ParseCounter:
    return ParseCounter(monkeypatch)


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    folder = tmp_path / "shelf"
    folder.mkdir()
    for number in range(3):
        settled(
            write_show(
                folder, show_dict(id=f"show-{number}", title=f"Show {number}"), f"{number}.yaml"
            )
        )
    return folder


def titles(catalog: Catalog) -> list[str]:
    return [entry.label for entry in catalog.entries]


def test_a_warm_load_parses_nothing_and_gives_equal_shows(
    shelf: Path, parses: ParseCounter
) -> None:
    cold = load_catalog([shelf])
    assert parses.take() == ["0.yaml", "1.yaml", "2.yaml", "ballerina.yaml"]
    assert (cache_dir() / CACHE_FILE).is_file()

    warm = load_catalog([shelf])

    assert parses.take() == []
    assert warm == cold


def test_without_the_cache_nothing_is_written_or_read(shelf: Path, parses: ParseCounter) -> None:
    load_catalog([shelf], use_cache=False)
    load_catalog([shelf], use_cache=False)
    assert len(parses.take()) == 8
    assert not (cache_dir() / CACHE_FILE).exists()


def revise_show_1(shelf: Path, title: str = "Show 1, revised") -> None:
    write_show(shelf, show_dict(id="show-1", title=title), "1.yaml")
    settled(shelf / "1.yaml", seconds_ago=30)


def test_a_changed_file_is_parsed_again(shelf: Path, parses: ParseCounter) -> None:
    load_catalog([shelf])
    parses.take()
    revise_show_1(shelf)

    catalog = load_catalog([shelf])

    assert parses.take() == ["1.yaml"]
    assert "Show 1, revised" in titles(catalog)


def same_length(title: str) -> dict[str, object]:
    """Show 1 with another title of the same length: the file keeps its size."""
    assert len(title) == len("Show 1")
    return show_dict(id="show-1", title=title)


def test_a_file_whose_size_changed_is_parsed_again_even_with_the_same_time(
    shelf: Path, parses: ParseCounter
) -> None:
    path = shelf / "1.yaml"
    info = path.stat()
    load_catalog([shelf])
    parses.take()
    write_show(shelf, show_dict(id="show-1", title="Show 1, longer"), "1.yaml")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))

    catalog = load_catalog([shelf])

    assert parses.take() == ["1.yaml"]
    assert "Show 1, longer" in titles(catalog)


def test_a_file_whose_time_changed_is_parsed_again_even_with_the_same_size(
    shelf: Path, parses: ParseCounter
) -> None:
    path = shelf / "1.yaml"
    size = path.stat().st_size
    load_catalog([shelf])
    parses.take()
    write_show(shelf, same_length("Show 9"), "1.yaml")
    settled(path, seconds_ago=30)  # a later time than the cached one, but old enough to trust
    assert path.stat().st_size == size

    catalog = load_catalog([shelf])

    assert parses.take() == ["1.yaml"]
    assert "Show 9" in titles(catalog)


def test_a_file_replaced_by_another_of_the_same_size_and_time_is_parsed_again(
    shelf: Path, parses: ParseCounter
) -> None:
    # What an editor that saves by writing a new file and renaming it can leave.
    path = shelf / "1.yaml"
    info = path.stat()
    load_catalog([shelf])
    parses.take()
    replacement = write_show(shelf.parent, same_length("Show X"), "replacement.yaml")
    os.utime(replacement, ns=(info.st_atime_ns, info.st_mtime_ns))
    replacement.replace(path)
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (info.st_size, info.st_mtime_ns)

    catalog = load_catalog([shelf])

    assert parses.take() == ["1.yaml"]
    assert "Show X" in titles(catalog)


def test_a_file_saved_twice_within_one_clock_tick_is_not_mistaken_for_unchanged(
    tmp_path: Path, parses: ParseCounter
) -> None:
    # Same size, same modification time: only the content differs. This is what
    # two saves within the file system's timestamp granularity look like.
    path = write_show(tmp_path, show_dict(id="tick", title="Before"))
    info = path.stat()
    assert titles(load_catalog([path]))[-1] == "Before"
    write_show(tmp_path, show_dict(id="tick", title="After!"))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size

    assert titles(load_catalog([path]))[-1] == "After!"


def test_problems_come_from_the_cache_under_the_name_used_this_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: ParseCounter
) -> None:
    settled(write_show(tmp_path, show_dict(status="maybe"), "bad.yaml"))
    first = load_catalog([tmp_path / "bad.yaml"]).entries[-1]
    assert first.problems[0].file == str(tmp_path / "bad.yaml")
    parses.take()

    monkeypatch.chdir(tmp_path)
    again = load_catalog(["bad.yaml"]).entries[-1]

    assert parses.take() == []
    assert [str(p) for p in again.problems] == [
        str(p).replace(str(tmp_path / "bad.yaml"), "bad.yaml") for p in first.problems
    ]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"not msgpack at all",
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"",
    ],
    ids=["garbage", "truncated", "empty"],
)
def test_a_damaged_cache_file_is_ignored_and_rebuilt(
    shelf: Path, parses: ParseCounter, damage: object
) -> None:
    expected = load_catalog([shelf])
    path = cache_dir() / CACHE_FILE
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    parses.take()

    assert load_catalog([shelf]) == expected
    assert len(parses.take()) == 4
    load_catalog([shelf])
    assert parses.take() == []  # rebuilt: warm again


ENTRY_SUMMARY, ENTRY_START, ENTRY_LENGTH, ENTRY_CHECKSUM = 5, 7, 8, 9


def read_index() -> Any:
    """The index as plain data, its checksum checked and taken off."""
    data = (cache_dir() / CACHE_FILE).read_bytes()
    payload, checksum = data[:-4], data[-4:]
    assert zlib.crc32(payload).to_bytes(4, "big") == checksum
    return msgspec.msgpack.decode(payload)


def write_index(stored: Any) -> None:
    """Write an index as a crafter would: with a checksum that holds."""
    payload = msgspec.msgpack.encode(stored)
    (cache_dir() / CACHE_FILE).write_bytes(payload + zlib.crc32(payload).to_bytes(4, "big"))


def tamper(change: Callable[[list[Any]], None]) -> None:
    """Edit the index entry of 1.yaml:
    [key, size, mtime_ns, inode, name, summary, problems, start, length, checksum]."""
    stored = read_index()
    (entry,) = [entry for entry in stored["entries"] if entry[0].endswith("1.yaml")]
    change(entry)
    write_index(stored)


def tamper_show(change: Callable[[dict[str, Any]], None]) -> None:
    """Edit the cached show of 1.yaml, in the shows file that the index names,
    with a checksum that holds: what the model's checks are left to catch."""
    shows = cache_dir() / read_index()["shows_file"]

    def edit(entry: list[Any]) -> None:
        data = shows.read_bytes()
        start, length = entry[ENTRY_START], entry[ENTRY_LENGTH]
        show = msgspec.msgpack.decode(data[start : start + length])
        change(show)
        encoded = msgspec.msgpack.encode(show)
        shows.write_bytes(data + encoded)
        entry[ENTRY_START], entry[ENTRY_LENGTH] = len(data), len(encoded)
        entry[ENTRY_CHECKSUM] = zlib.crc32(encoded)

    tamper(edit)


def test_a_cached_show_that_breaks_the_model_is_not_trusted(
    shelf: Path, parses: ParseCounter
) -> None:
    load_catalog([shelf])
    parses.take()

    def break_the_show(show: dict[str, Any]) -> None:
        show["title"] = 1984  # a title must be text
        show["id"] = "NOT AN ID"

    tamper_show(break_the_show)
    catalog = load_catalog([shelf])
    assert parses.take() == []  # shows are decoded when opened, not when listed

    opened = catalog.resolve("show-1").show

    assert parses.take() == ["1.yaml"]
    assert opened is not None
    assert opened.title == "Show 1"


def test_a_cached_summary_that_breaks_the_model_is_not_trusted(
    shelf: Path, parses: ParseCounter
) -> None:
    expected = load_catalog([shelf])
    parses.take()

    def break_the_summary(entry: list[Any]) -> None:
        entry[ENTRY_SUMMARY][1] = 1984  # the title

    tamper(break_the_summary)
    catalog = load_catalog([shelf])

    # The index is decoded in one go, with the model's checks: one bad entry
    # makes none of it trusted, and every file is parsed again.
    assert parses.take() == ["0.yaml", "1.yaml", "2.yaml", "ballerina.yaml"]
    assert catalog == expected
    load_catalog([shelf])
    assert parses.take() == []  # rebuilt: warm again


def test_listing_a_warm_catalog_decodes_no_show_until_one_is_opened(
    shelf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = load_catalog([shelf])
    decoded: list[str] = []
    real = cache_module.Cached.show

    def counting(self: cache_module.Cached) -> object:
        decoded.append(self.summary.id if self.summary else "-")
        return real(self)

    monkeypatch.setattr(cache_module.Cached, "show", counting)
    warm = load_catalog([shelf])

    assert [(e.id, e.label, e.ok, e.summary) for e in warm.entries] == [
        (e.id, e.label, e.ok, e.summary) for e in cold.entries
    ]
    assert decoded == []
    assert warm.resolve("Show 2").show == cold.resolve("Show 2").show
    assert decoded == ["show-2"]


def test_a_cache_from_another_version_is_not_used(
    shelf: Path, parses: ParseCounter, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog([shelf])
    parses.take()
    monkeypatch.setattr(cache_module, "__version__", "999.0")

    load_catalog([shelf])

    assert len(parses.take()) == 4


def test_a_cache_written_for_another_show_format_is_not_used(
    shelf: Path, parses: ParseCounter, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog([shelf])
    parses.take()
    monkeypatch.setattr(cache_module, "FORMAT_VERSION", 2)

    load_catalog([shelf])
    assert len(parses.take()) == 4
    load_catalog([shelf])
    assert parses.take() == []  # rewritten for the new format


def test_changing_the_file_size_limit_is_not_hidden_by_the_cache(
    shelf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert all(entry.ok for entry in load_catalog([shelf]).entries)
    monkeypatch.setenv("SHOWGUIDE_MAX_FILE_BYTES", "100")

    entries = load_catalog([shelf]).entries

    assert not any(entry.ok for entry in entries)
    assert "over the limit of 100" in entries[-1].problems[0].message


def test_shows_from_another_data_folder_stay_cached_until_their_file_goes(
    tmp_path: Path, shelf: Path, parses: ParseCounter
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    settled(write_show(other, show_dict(id="other", title="Other")))
    load_catalog([shelf])
    load_catalog([other])
    parses.take()

    load_catalog([shelf])
    assert parses.take() == []

    (shelf / "0.yaml").unlink()
    settled(write_show(shelf, show_dict(id="new", title="New"), "new.yaml"))
    load_catalog([shelf])  # saves the cache (new.yaml), dropping 0.yaml's entry
    assert parses.take() == ["new.yaml"]
    keys = ParseCache.open()._old
    assert not any(key.endswith("0.yaml") for key in keys)
    assert any(key.endswith("other/show.yaml") for key in keys)


def test_an_unwritable_cache_folder_only_costs_speed(shelf: Path, parses: ParseCounter) -> None:
    cache_dir().parent.mkdir(parents=True, exist_ok=True)
    cache_dir().write_text("a file where the cache folder should be")
    first = load_catalog([shelf])
    assert load_catalog([shelf]) == first
    assert len(parses.take()) == 8


def test_a_cache_save_killed_before_its_rename_leaves_the_old_cache_usable(
    shelf: Path, parses: ParseCounter
) -> None:
    load_catalog([shelf])
    before = (cache_dir() / CACHE_FILE).read_bytes()
    revise_show_1(shelf)
    killed = (
        "import os, signal\n"
        "os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from showguide.core.catalog import load_catalog\n"
        f"load_catalog([{str(shelf)!r}])\n"
    )

    result = subprocess.run([sys.executable, "-c", killed], timeout=60, check=False)

    assert result.returncode == -9  # it died saving the cache it had updated
    assert (cache_dir() / CACHE_FILE).read_bytes() == before
    parses.take()
    assert "Show 1, revised" in titles(load_catalog([shelf]))
    assert parses.take() == ["1.yaml"]  # the others still come from the old cache


def shows_files() -> list[str]:
    return sorted(path.name for path in cache_dir().glob("parse-cache-*.shows"))


def test_each_save_writes_a_new_shows_file_and_removes_the_old_one(
    shelf: Path, parses: ParseCounter
) -> None:
    load_catalog([shelf])
    (first,) = shows_files()
    revise_show_1(shelf)

    load_catalog([shelf])

    (second,) = shows_files()
    assert second != first
    parses.take()
    assert load_catalog([shelf]).resolve("show-2").show is not None
    assert parses.take() == []  # the unchanged shows were carried into the new file


def test_a_show_whose_shows_file_a_later_save_replaced_is_parsed_when_opened(
    shelf: Path, parses: ParseCounter
) -> None:
    load_catalog([shelf])
    listed = load_catalog([shelf])  # shows still to be read from the first shows file
    revise_show_1(shelf)
    load_catalog([shelf])  # another run: a new shows file, the first one removed
    parses.take()

    show = listed.resolve("show-2").show

    assert show is not None and show.title == "Show 2"
    assert parses.take() == ["2.yaml"]


def test_a_shows_file_from_another_save_is_not_read(shelf: Path, parses: ParseCounter) -> None:
    load_catalog([shelf])
    (name,) = shows_files()
    path = cache_dir() / name
    data = path.read_bytes()
    token = name.removeprefix("parse-cache-").removesuffix(".shows").encode()
    path.write_bytes(data.replace(token, bytes(reversed(token)), 1))
    parses.take()

    show = load_catalog([shelf]).resolve("show-0").show

    assert show is not None and show.title == "Show 0"
    assert parses.take() == ["0.yaml"]


@pytest.mark.parametrize("name", ["../parse-cache-0.shows", "elsewhere.shows", "/tmp/x.shows"])
def test_an_index_naming_a_shows_file_outside_the_cache_is_not_used(
    shelf: Path, parses: ParseCounter, name: str
) -> None:
    load_catalog([shelf])
    stored = read_index()
    stored["shows_file"] = name
    write_index(stored)
    parses.take()

    load_catalog([shelf])

    assert len(parses.take()) == 4


def test_an_index_whose_shows_file_is_gone_is_rebuilt_not_limped_along(
    shelf: Path, parses: ParseCounter
) -> None:
    load_catalog([shelf])
    (name,) = shows_files()
    (cache_dir() / name).unlink()
    parses.take()

    load_catalog([shelf])

    assert len(parses.take()) == 4  # the index alone is not trusted
    catalog = load_catalog([shelf])
    assert catalog.resolve("show-1").show is not None
    assert parses.take() == []  # mended: listed and opened from the cache again


def shows_file() -> Path:
    return cache_dir() / read_index()["shows_file"]


def test_an_edited_byte_in_the_shows_file_is_caught_and_the_cache_mends_itself(
    shelf: Path, parses: ParseCounter
) -> None:
    load_catalog([shelf])
    path = shows_file()
    data = path.read_bytes()
    # "Show 1" becomes "Show X" inside the encoded show: still a valid Show.
    at = data.index(b"Show 1")
    path.write_bytes(data[:at] + b"Show X" + data[at + 6 :])
    parses.take()

    show = load_catalog([shelf]).resolve("show-1").show

    assert show is not None and show.title == "Show 1"
    assert parses.take() == ["1.yaml"]
    # Mended at once: the next run opens it from the cache, as written.
    again = load_catalog([shelf]).resolve("show-1").show
    assert again == show
    assert parses.take() == []


@pytest.mark.parametrize(
    ("start", "length"),
    [
        (None, 2**62),  # a crafted length: must not allocate its size
        (None, 2**31),
        (2**62, None),
        (-5, None),
        (0, None),  # inside the header
        (None, 0),
        (None, -1),
    ],
)
def test_a_crafted_offset_or_length_is_a_miss_not_a_memory_error(
    shelf: Path, parses: ParseCounter, start: int | None, length: int | None
) -> None:
    load_catalog([shelf])
    parses.take()

    def craft(entry: list[Any]) -> None:
        if start is not None:
            entry[ENTRY_START] = start
        if length is not None:
            entry[ENTRY_LENGTH] = length

    tamper(craft)
    catalog = load_catalog([shelf])
    show = catalog.resolve("show-1").show

    assert show is not None and show.title == "Show 1"
    assert parses.take() == ["1.yaml"]
    # A save that copies the entries forward does not trust them either.
    revise_show_1(shelf)
    load_catalog([shelf])
    assert "Show 1, revised" in titles(load_catalog([shelf]))


def test_an_edited_byte_in_the_index_makes_none_of_it_trusted(
    shelf: Path, parses: ParseCounter
) -> None:
    expected = load_catalog([shelf])
    path = cache_dir() / CACHE_FILE
    data = bytearray(path.read_bytes())
    at = data.index(b"Show 1")
    data[at + 5] = ord("X")  # the title in the summary: the list would show it
    path.write_bytes(bytes(data))
    parses.take()

    assert load_catalog([shelf]) == expected
    assert len(parses.take()) == 4
    load_catalog([shelf])
    assert parses.take() == []  # rebuilt: warm again


def test_a_killed_save_leaves_temporary_files_that_the_next_save_removes(
    shelf: Path, parses: ParseCounter
) -> None:
    load_catalog([shelf])
    revise_show_1(shelf)
    killed = (
        "import os, signal\n"
        "os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from showguide.core.catalog import load_catalog\n"
        f"load_catalog([{str(shelf)!r}])\n"
    )
    assert subprocess.run([sys.executable, "-c", killed], timeout=60).returncode == -9
    (stray,) = [path for path in cache_dir().iterdir() if path.name.endswith(".tmp")]
    assert stray.stat().st_size > 0  # a full copy of the shows

    load_catalog([shelf])  # 1.yaml is parsed again and stored: a save

    assert sorted(path.name for path in cache_dir().iterdir() if path.name.endswith(".tmp")) == []


SAVING_AGAIN_AND_AGAIN = """
import os, sys
from showguide.core.cache import ParseCache

key = os.path.join(sys.argv[1], "0.yaml")
for _ in range(40):
    cache = ParseCache.open()
    cache.put(key, os.stat(key), "0.yaml", None)  # always something to save
    assert cache.save()
"""


@pytest.mark.slow
def test_two_processes_saving_the_cache_at_once_leave_a_usable_cache(
    shelf: Path, parses: ParseCounter
) -> None:
    load_catalog([shelf])
    writers = [
        subprocess.Popen([sys.executable, "-c", SAVING_AGAIN_AND_AGAIN, str(shelf)])
        for _ in range(2)
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    # The index names the one shows file left, which holds the other shows.
    assert shows_files() == [read_index()["shows_file"]]
    parses.take()
    catalog = load_catalog([shelf])
    assert catalog.resolve("show-2").show is not None
    assert parses.take() == []  # every other show still comes from the cache


@pytest.mark.parametrize("which", ["index", "shows"])
def test_a_fifo_in_place_of_a_cache_file_is_set_aside_with_a_notice(
    shelf: Path, parses: ParseCounter, which: str
) -> None:
    load_catalog([shelf])
    path = cache_dir() / CACHE_FILE if which == "index" else shows_file()
    path.unlink()
    os.mkfifo(path)
    parses.take()
    code = (
        "import sys\n"
        "from showguide.core.catalog import load_catalog\n"
        "catalog = load_catalog([sys.argv[1]])\n"
        "print(catalog.resolve('show-1').show.title)\n"
        "print(*catalog.notices, sep='\\n')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(shelf)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    title, notice = result.stdout.splitlines()
    assert title == "Show 1"
    assert notice.startswith(f"the parse cache file {path} was unusable (it is not a regular")
    (aside,) = cache_dir().glob(f"{path.name}.corrupt-*")
    assert aside.is_fifo()  # set aside, never deleted
    load_catalog([shelf])
    assert parses.take() == []  # a fresh cache took its place


def test_a_huge_index_is_set_aside_not_read(
    shelf: Path, parses: ParseCounter, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog([shelf])
    path = cache_dir() / CACHE_FILE
    with path.open("r+b") as stream:  # sparse: no room taken on disk
        stream.truncate(cache_module.MAX_INDEX_BYTES + 1)
    parses.take()

    catalog = load_catalog([shelf])

    assert len(parses.take()) == 4
    assert any(
        "parse cache file" in notice and "over the limit" in notice for notice in catalog.notices
    )
    assert list(cache_dir().glob(f"{CACHE_FILE}.corrupt-*"))
    load_catalog([shelf])
    assert parses.take() == []


def test_a_crafted_length_within_a_huge_shows_file_is_not_read_at_once(
    shelf: Path, parses: ParseCounter
) -> None:
    load_catalog([shelf])
    path = shows_file()
    with path.open("r+b") as stream:  # sparse: a 4 GiB shows file that takes no room
        stream.truncate(4 << 30)
    parses.take()

    def craft(entry: list[Any]) -> None:
        entry[ENTRY_LENGTH] = 3 << 30  # within the file: only the size of the show bounds it

    tamper(craft)
    catalog = load_catalog([shelf])
    show = catalog.resolve("show-1").show

    assert show is not None and show.title == "Show 1"
    assert parses.take() == ["1.yaml"]
