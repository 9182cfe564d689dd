"""A warm start never shows a file as the parse cache remembers it rather than as it is.

A catalog's start looks every file up in the parse cache in one loop of its
own (``_Reader.start``): its stamp (size, modification time, inode), the
comparison with the cached entry and the entry are written out there, not
shared with ``validate``'s path. This property holds it to the files.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showguide.core.catalog import Catalog, load_catalog
from tests.test_validate_cache import MTIMES, VERSIONS, _write

FILES = ("a.yaml", "b.yaml")
#: An edit: which file, then the version written to it (None: the file
#: removed), its modification time, and whether it is replaced (a new inode).
EDITS = st.lists(
    st.tuples(
        st.sampled_from(range(len(FILES))),
        st.one_of(st.none(), st.sampled_from(range(len(VERSIONS)))),
        MTIMES,
        st.booleans(),
    ),
    min_size=1,
    max_size=8,
)


def _seen(catalog: Catalog) -> list[tuple[str, str, object, tuple[object, ...]]]:
    """What a user is shown of each file: its name, label, show and problems."""
    return [
        (entry.path.name, entry.label, entry.show, entry.problems)
        for entry in catalog.entries
        if entry.origin != "bundled"
    ]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS)
def test_a_warm_start_shows_every_file_as_it_is_now(
    edits: list[tuple[int, int | None, int | None, bool]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After every edit (a file changed, added or removed), a start with the
    cache shows what a start without it shows, and the cache is then warm.

    As in the validate property: a file rewritten to the same size, on the
    same inode, and given back another version's modification time to the
    nanosecond is beyond what a stamp can see; the time is then moved on.
    """
    with tempfile.TemporaryDirectory(prefix="warm-start-") as temp:
        folder = Path(temp) / "shows"
        folder.mkdir()
        monkeypatch.setenv("SHOWGUIDE_HOME", str(Path(temp) / "home"))
        contents: dict[tuple[str, int, int, int], bytes] = {}
        for which, version, mtime_ns, replace in edits:
            path = folder / FILES[which]
            if version is None:
                path.unlink(missing_ok=True)
            else:
                _write(path, version, mtime_ns, replace)
                info = path.stat()
                stamp = (path.name, info.st_size, info.st_mtime_ns, info.st_ino)
                while contents.get(stamp, path.read_bytes()) != path.read_bytes():
                    os.utime(path, ns=(info.st_mtime_ns + 1, info.st_mtime_ns + 1))
                    info = path.stat()
                    stamp = (path.name, info.st_size, info.st_mtime_ns, info.st_ino)
                contents[stamp] = path.read_bytes()

            fresh = _seen(load_catalog([folder], use_cache=False))
            first = _seen(load_catalog([folder]))  # may fill the cache
            warm = _seen(load_catalog([folder]))  # from the cache where it can

            assert first == fresh, f"after edit {(which, version, mtime_ns, replace)}"
            assert warm == fresh, f"after edit {(which, version, mtime_ns, replace)}"
