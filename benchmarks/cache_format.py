"""The parse cache's format: the two-file format against the standard library's sqlite3.

    python benchmarks/cache_format.py [--shows 1000] [--runs 15]

Both hold the same 1,000 generated shows. What a warm start needs from the
cache is every file's entry (stamp, problems, the summary a list shows);
shows are read one at a time when opened. Each row is the median of whole
processes (``python -c``) that do only that, beside ``python -c pass``:

- two files: :meth:`ParseCache.open`, which reads and checks the index (the
  entries decoded in one typed call);
- sqlite3: ``import sqlite3``, connect, select every entry, decode each one
  with the same typed decoder (an entry a row, as a database would keep it);
- opening one show, in process: a read and decode of one entry from each.

This decided the format in issue 12 (see docs/performance.md).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import write_catalog
from benchmarks.timing import Row, print_rows, python, time_process

SQLITE_FILE = "parse-cache.sqlite3"


def build(home: Path, folder: Path, shows: int) -> Path:
    """Fill the two-file cache by loading the catalog, then copy it into sqlite."""
    write_catalog(folder, shows)
    env_home = os.environ.get("SHOWGUIDE_HOME")
    os.environ["SHOWGUIDE_HOME"] = str(home)
    try:
        from showguide.core import cache
        from showguide.core.catalog import load_catalog

        load_catalog([folder])
        opened = cache.ParseCache.open()
        assert opened._old_shows is not None
        shows_bytes = opened._old_shows.read_all()
        assert shows_bytes is not None
        database = home / "cache" / SQLITE_FILE
        with sqlite3.connect(database) as connection:
            connection.execute("create table entries (key text primary key, entry blob, show blob)")
            connection.executemany(
                "insert into entries values (?, ?, ?)",
                [
                    (
                        entry.key,
                        cache._encoder.encode(entry),
                        shows_bytes[entry.start : entry.start + entry.length],
                    )
                    for entry in opened._old.values()
                ],
            )
        return database
    finally:
        if env_home is None:
            os.environ.pop("SHOWGUIDE_HOME", None)
        else:
            os.environ["SHOWGUIDE_HOME"] = env_home


TWO_FILES = python(
    "from showguide.core.cache import ParseCache",
    "cache = ParseCache.open()",
    "assert len(cache._old) > 0",
)


def with_sqlite(database: Path) -> list[str]:
    return python(
        "import sqlite3, msgspec",
        "from showguide.core.cache import _Entry",
        "decoder = msgspec.msgpack.Decoder(_Entry)",
        f"connection = sqlite3.connect('file:{database}?mode=ro', uri=True)",
        "rows = connection.execute('select key, entry from entries').fetchall()",
        "entries = {key: decoder.decode(blob) for key, blob in rows}",
        "assert len(entries) > 0",
    )


def open_one(database: Path) -> tuple[float, float]:
    """Microseconds to read and decode one show: two files, then sqlite3."""
    import timeit

    from showguide.core import cache

    opened = cache.ParseCache.open()
    assert opened._old_shows is not None
    entry = next(iter(opened._old.values()))
    shows = opened._old_shows
    decoder = cache._show_decoder()
    connection = sqlite3.connect(database)

    def from_two_files() -> object:
        data = shows.read(entry.start, entry.length)
        assert data is not None
        return decoder.decode(data)

    def from_sqlite() -> object:
        (data,) = connection.execute(
            "select show from entries where key = ?", (entry.key,)
        ).fetchone()
        return decoder.decode(data)

    rounds = 2000
    two = min(timeit.repeat(from_two_files, number=rounds, repeat=5)) / rounds * 1e6
    sql = min(timeit.repeat(from_sqlite, number=rounds, repeat=5)) / rounds * 1e6
    return two, sql


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shows", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="showguide-cache-format-") as temp:
        home = Path(temp) / "home"
        database = build(home, Path(temp) / "shows", args.shows)
        env = {**os.environ, "SHOWGUIDE_HOME": str(home)}
        floor = time_process(python("pass"), runs=args.runs, env=env)
        sqlite_import = time_process(python("import sqlite3"), runs=args.runs, env=env)
        two = time_process(TWO_FILES, runs=args.runs, env=env)
        sql = time_process(with_sqlite(database), runs=args.runs, env=env)
        os.environ["SHOWGUIDE_HOME"] = str(home)
        one_two, one_sql = open_one(database)
        index_kib = (home / "cache" / "parse-cache.msgpack").stat().st_size / 1024
        sqlite_kib = database.stat().st_size / 1024
    n = args.shows
    print_rows(
        f"Parse cache formats, {n} shows (median of whole-process runs)",
        [
            Row("python -c pass", floor, "ms"),
            Row(
                "python -c 'import sqlite3'",
                sqlite_import,
                "ms",
                None,
                sqlite_import / floor,
                "pass",
            ),
            Row(f"two files: open the index ({n} entries)", two, "ms", None, two / floor, "pass"),
            Row(
                f"sqlite3: open, select, decode ({n} entries)", sql, "ms", None, sql / floor, "pass"
            ),
            Row("sqlite3 / two files, above the floor", (sql - floor) / (two - floor), "x"),
            Row("two files: open one show", one_two, "µs"),
            Row("sqlite3: open one show", one_sql, "µs"),
            Row("two files: index size", index_kib, "KiB"),
            Row("sqlite3: database size", sqlite_kib, "KiB"),
        ],
    )


if __name__ == "__main__":
    main()
