"""``showguide import``: a guide from TVmaze, and updates that keep what the user wrote.

The only command that touches the network, and only this module imports the
client (and, through it, httpx); ``cli.py`` imports this module lazily.
"""

from __future__ import annotations

import argparse
import datetime
import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from showguide.commands.files import STDOUT_NAME, write_stdout
from showguide.commands.output import literal, one_line, print_error, stderr, stdout
from showguide.core.errors import ShowDataError
from showguide.core.loader import max_file_bytes, parse_show
from showguide.core.userdirs import user_shows_dir
from showguide.exitcodes import EXIT_BAD_INPUT, EXIT_OK
from showguide.tvmaze import mapping
from showguide.tvmaze.client import Client, TvmazeError
from showguide.tvmaze.shapes import SearchResult


class _Failed(Exception):
    """Stop the command: the message has been printed."""


def _fail(message: str) -> _Failed:
    print_error(message)
    return _Failed()


class _Progress:
    """One status line on standard error while fetching, on a terminal only."""

    def __init__(self, status: Any) -> None:
        self.status = status
        self.text = ""

    def step(self, text: str) -> None:
        self.text = text
        if self.status is not None:
            self.status.update(literal(f"{text}…"))

    def bytes_read(self, size: int) -> None:
        if self.status is not None and size > 256 * 1024:
            self.status.update(literal(f"{self.text}… {size / 1_048_576:.1f} MB"))


@contextmanager
def _progress() -> Iterator[_Progress]:
    if not sys.stderr.isatty():
        yield _Progress(None)
        return
    with stderr().status("", spinner="dots") as status:
        yield _Progress(status)


def _today() -> datetime.date:
    return datetime.date.today()


def _pick_list(query: str, results: list[SearchResult]) -> None:
    out = stderr()
    out.print(
        literal(f"showguide: {len(results)} shows on TVmaze match {query!r}:"), soft_wrap=True
    )
    for number, result in enumerate(results[:10], 1):
        show = result.show
        year = (show.premiered or "")[:4] or "year unknown"
        channel = show.network or show.webChannel
        where = channel.name if channel else "no network"
        out.print(
            literal(
                f"  {number:>2}. {one_line(show.name)} ({year}, {one_line(where)})  --id {show.id}"
            ),
            soft_wrap=True,
        )
    if len(results) > 10:
        out.print(literal(f"  … and {len(results) - 10} more; make the name more precise"))
    out.print(literal("showguide: pick one with: showguide import tvmaze --id N"), soft_wrap=True)


def _combined(owned: dict[str, Any], placeholders: dict[str, Any]) -> dict[str, Any]:
    """TVmaze's data and the placeholders as one show, in the file's key order."""
    merged: dict[str, Any] = {}
    for key in mapping.KEY_ORDER:
        mine, theirs = placeholders.get(key), owned.get(key)
        if isinstance(mine, dict) and isinstance(theirs, dict):
            merged[key] = {**theirs, **mine}
        elif theirs is not None:
            merged[key] = theirs
        elif mine is not None:
            merged[key] = mine
    return merged


def _validated(text: str, name: str, tvmaze_id: int) -> None:
    try:
        parse_show(text, name)
    except ShowDataError as error:
        first = error.problems[0]
        raise _fail(
            f"TVmaze's data for show {tvmaze_id} does not make a valid guide"
            f" ({first.path}: {first.message}); nothing written"
        ) from None
    size = len(text.encode("utf-8"))
    if size > max_file_bytes():
        raise _fail(
            f"the guide would be {size:,} bytes, over showguide's limit of {max_file_bytes():,}"
            " (set SHOWGUIDE_MAX_FILE_BYTES to raise it); nothing written"
        )


def _write(path: Path, text: str) -> None:
    from showguide.core.atomic import write_atomic

    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise _fail(f"cannot write {path}: {error.strerror or error}") from None


def _remember(tvmaze_id: int, owned: dict[str, Any]) -> None:
    from showguide.tvmaze.snapshots import write_snapshot

    try:
        write_snapshot(tvmaze_id, owned)
    except OSError as error:
        print_error(
            f"note: cannot record this import ({error.strerror or error}); the next"
            " --update will treat TVmaze's values in the file as unedited"
        )


#: What a left-out field is, in words; the fields of one feature share a name.
_LEFT_OUT_NAMES = {
    "seasons": "seasons and episodes",
    "runtime": "the runtime",
    "end_date": "the end date",
}


def _described(paths: list[str]) -> str:
    names: list[str] = []
    for path in paths:
        name = _LEFT_OUT_NAMES.get(path, "source ids, dates and attribution")
        if name not in names:
            names.append(name)
    return ", ".join(names)


def _counts(owned: dict[str, Any]) -> str:
    seasons = owned.get("seasons", [])
    episodes = sum(len(season.get("episodes", [])) for season in seasons)
    cast = len(owned.get("characters", []))
    parts = [f"{cast} cast member{'' if cast == 1 else 's'}"]
    if seasons:
        parts.append(f"{len(seasons)} seasons, {episodes} episodes")
    return ", ".join(parts)


def _import(args: argparse.Namespace) -> int:
    args.query = " ".join(args.query).strip() or None
    if args.source != "tvmaze":
        raise _fail("say where to import from: showguide import tvmaze QUERY (or --id N)")
    if (args.query is None) == (args.id is None):
        raise _fail("give either a show's name or --id N: showguide import tvmaze QUERY")
    if args.id is not None and args.id < 1:
        raise _fail("--id takes a TVmaze show id, a whole number from 1")
    from showguide.tvmaze.fetch import clear_match, fetch_show, search

    ambiguous: list[SearchResult] = []
    with _progress() as progress, Client() as client:
        client.on_bytes = progress.bytes_read
        tvmaze_id = args.id
        if tvmaze_id is None:
            progress.step("searching TVmaze")
            results = search(client, args.query)
            chosen = clear_match(args.query, results)
            if chosen is None:
                ambiguous = results
            else:
                tvmaze_id = chosen.id
        full = None if tvmaze_id is None else fetch_show(client, tvmaze_id, progress.step)
    if full is None:  # listed after the progress line is gone
        if not ambiguous:
            raise _fail(f"TVmaze has no show matching {args.query!r}; check the spelling")
        _pick_list(args.query, ambiguous)
        raise _Failed
    from showguide.tvmaze.emit import guide_text

    today = _today()
    guide = mapping.guide_data(full, today)
    owned, left_out = mapping.fit_to_model(guide.owned)
    placeholders, _ = mapping.fit_to_model(guide.placeholders)
    page = mapping.page_url(guide.tvmaze_id)
    text = guide_text(_combined(owned, placeholders), page=page, today=today)
    target = args.output
    if target is None:
        path = user_shows_dir() / f"{owned['id']}.yaml"
    elif target == STDOUT_NAME:
        _validated(text, "the guide", guide.tvmaze_id)
        if not args.dry_run:
            write_stdout(text)
        return EXIT_OK
    else:
        path = Path(target)
    _validated(text, str(path), guide.tvmaze_id)
    if path.is_dir():
        raise _fail(f"{path} is a folder; give the name of a file to write")
    if path.exists() and not args.force:
        raise _fail(
            f"{path} already exists; use --force to replace it,"
            f" or --update {path} to update it and keep your edits"
        )
    out = stdout()
    if args.dry_run:
        out.print(
            literal(f"would write {owned['title']} ({_counts(owned)}) to {path}"), soft_wrap=True
        )
        return EXIT_OK
    _write(path, text)
    _remember(guide.tvmaze_id, owned)
    out.print(literal(f"Wrote {owned['title']} ({_counts(owned)}) to {path}"), soft_wrap=True)
    if guide.specials:
        out.print(literal(f"Left out {guide.specials} specials, which have no episode number."))
    if left_out:
        out.print(
            literal(f"This showguide's format has no place yet for: {_described(left_out)}."),
            soft_wrap=True,
        )
    opener = owned["id"] if target is None else f"--data {shlex.quote(str(path))} {owned['id']}"
    out.print(literal(f"Open it with: showguide {opener}"), soft_wrap=True)
    return EXIT_OK


#: Keys an update never touches, though the import wrote them.
_USERS_KEYS = ("id", "format_version")


def _update(args: argparse.Namespace) -> int:
    from showguide.core.loader import decode_show_bytes, load_show, read_show_bytes
    from showguide.tvmaze.update import dump_document, load_document, merge

    path = Path(args.update)
    try:
        show = load_show(path)
    except ShowDataError as error:
        from showguide.commands.output import print_problems

        print_problems(stderr(), error.problems)
        raise _Failed from None
    ids = [mapping.tvmaze_id_of(source.url) for source in show.sources]
    tvmaze_id = next((i for i in ids if i is not None), None)
    if tvmaze_id is None:
        raise _fail(
            f"{path} records no TVmaze show: update works on a guide made by"
            f" 'showguide import', whose sources list {mapping.SITE}/shows/N"
        )
    with _progress() as progress, Client() as client:
        client.on_bytes = progress.bytes_read
        from showguide.tvmaze.fetch import fetch_show

        full = fetch_show(client, tvmaze_id, progress.step)
    from showguide.tvmaze.snapshots import read_snapshot

    guide = mapping.guide_data(full, _today())
    owned, _ = mapping.fit_to_model(guide.owned)
    # The file's id and format version are the user's: a new title on TVmaze
    # must not change the name the show is opened by.
    theirs = {k: v for k, v in owned.items() if k not in _USERS_KEYS}
    base, notice = read_snapshot(tvmaze_id)
    if notice is not None:
        print_error(f"note: {notice}")
    if base is not None:
        base = {k: v for k, v in base.items() if k not in _USERS_KEYS}
    original = decode_show_bytes(read_show_bytes(path), str(path))
    from ruamel.yaml.error import YAMLError

    try:
        document = load_document(original)
    except YAMLError as error:
        raise _fail(f"cannot edit {path}: {one_line(str(error).splitlines()[0])}") from None
    changes = merge(document, base, theirs)
    text = dump_document(document, original)
    _validated(text, str(path), tvmaze_id)
    out = stdout()
    for change in changes:
        out.print(literal(f"  {change}"), soft_wrap=True)
    if text == original:
        out.print(literal(f"{path} is up to date with TVmaze."), soft_wrap=True)
        if not args.dry_run:
            _remember(tvmaze_id, owned)
        return EXIT_OK
    if args.dry_run:
        out.print(literal(f"would update {path}; nothing written (--dry-run)"), soft_wrap=True)
        return EXIT_OK
    _write(path, text)
    _remember(tvmaze_id, owned)
    out.print(literal(f"Updated {path} from TVmaze."), soft_wrap=True)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    try:
        if args.update is not None:
            if args.source is not None or args.query or args.id is not None:
                raise _fail("--update FILE takes no source, name or --id: the file says which show")
            if args.output is not None or args.force:
                raise _fail("--update rewrites FILE itself; -o and --force do not apply")
            return _update(args)
        return _import(args)
    except TvmazeError as error:
        print_error(f"{error}; nothing written")
        return EXIT_BAD_INPUT
    except _Failed:
        return EXIT_BAD_INPUT
