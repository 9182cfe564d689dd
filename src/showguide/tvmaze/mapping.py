"""The one place where TVmaze's data becomes show-file fields.

:func:`guide_data` turns a :class:`~.shapes.FullShow` into the plain data of a
show file, in the file's key order, in two parts:

- ``owned``: everything that comes from TVmaze. ``import --update`` fetches it
  again and merges it into the user's file (see :mod:`.update`).
- ``placeholders``: required fields TVmaze has nothing for (who the show
  suits, the verdict). The setting is optional and left to a comment. They are written once, for the user to
  replace, and never touched again.

The mapping writes the whole format as the team is extending it (sources with
an ``id``, a retrieval date and a licence; ``seasons`` of ``episodes``; the
show's ``runtime`` and ``end_date``). :func:`fit_to_model` then keeps only what
the running showguide's model has a place for, and says what it left out, so
the written guide always validates, and gains the new fields as soon as the
model does.
"""

from __future__ import annotations

import datetime
import functools
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

import msgspec

from showguide.core.export import SHOW_KEY_ORDER
from showguide.core.model import Show as ShowModel
from showguide.core.starter import show_id_for
from showguide.tvmaze import shapes
from showguide.tvmaze.htmltext import html_to_text, plain_line

SITE: Final = "https://www.tvmaze.com"
LICENCE: Final = "CC BY-SA 4.0"
LICENCE_URL: Final = "https://creativecommons.org/licenses/by-sa/4.0/"
#: The id of the source entry that records where a guide came from.
SOURCE_ID: Final = "tvmaze"
_PAGE_URL: Final = re.compile(r"^https?://(?:www\.)?tvmaze\.com/shows/(\d+)(?:[/?#]|$)")
_WEB_URL: Final = re.compile(r"^https?://[^\s\x00-\x1f\x7f<>\"]{1,2000}$")
PLACEHOLDER: Final = "Not written yet."

#: TVmaze's show status -> the guide's. "To Be Determined" is a show between
#: seasons whose future is open: it has aired and is not over.
_STATUS: Final = {
    "Running": "airing",
    "Ended": "ended",
    "To Be Determined": "airing",
    "In Development": "announced",
}

#: The order of a show file's top-level keys: export's, so an imported file
#: reads like an exported one; :mod:`.update` inserts new keys by it.
KEY_ORDER: Final = SHOW_KEY_ORDER
#: Every block that comes from TVmaze names it (issue 13's per-block sources):
#: a guide with more than one source attributes unnamed blocks to no one, and
#: the placeholders the user fills in are theirs, not TVmaze's.
_FROM_TVMAZE: Final = [SOURCE_ID]


def page_url(tvmaze_id: int) -> str:
    """The show's page on TVmaze (it redirects to the page with the show's name)."""
    return f"{SITE}/shows/{tvmaze_id}"


def tvmaze_id_of(url: object) -> int | None:
    """The TVmaze id in a show page's URL, or None."""
    if not isinstance(url, str):
        return None
    match = _PAGE_URL.match(url.strip())
    return int(match.group(1)) if match else None


def _date(text: str | None) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _minutes(value: int | None) -> int | None:
    """A running time in minutes, if it is a believable one (TVmaze's data has slips)."""
    return value if value is not None and 0 < value <= 24 * 60 else None


def _web_url(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip()
    return text if _WEB_URL.match(text) else None


def status_of(show: shapes.Show, today: datetime.date) -> str:
    premiered = _date(show.premiered)
    if premiered is not None and premiered > today:
        return "upcoming"
    status = _STATUS.get(show.status or "")
    if status is not None:
        return status
    return "airing" if premiered is not None else "announced"


def native_title(show: shapes.Show, akas: Iterable[shapes.Aka], title: str) -> str | None:
    """The AKA for the show's own country (Hangul for a Korean show), if TVmaze has one.

    TVmaze gives an AKA with no country for the title in the show's original
    country; one in another script is preferred to a Latin spelling.
    """
    channel = show.network or show.webChannel
    code = channel.country.code if channel and channel.country else None
    candidates = []
    for aka in akas:
        name = plain_line(aka.name)
        if not name or name == title:
            continue
        aka_code = aka.country.code if aka.country else None
        if aka_code is None or (code is not None and aka_code == code):
            candidates.append(name)
    for name in candidates:
        if not name.isascii():
            return name
    return candidates[0] if candidates else None


def _first_sentence(text: str) -> str:
    paragraph = text.split("\n\n", 1)[0]
    match = re.match(r"(.+?[.!?])(?:\s|$)", paragraph)
    sentence = match.group(1) if match else paragraph
    return sentence if len(sentence) <= 300 else sentence[:297].rstrip() + "…"


def _characters(cast: Iterable[shapes.CastCredit]) -> list[dict[str, Any]]:
    characters: list[dict[str, Any]] = []
    used: set[str] = set()
    for credit in cast:
        actor = plain_line(credit.person.name)
        name = actor if credit.self_ else plain_line(credit.character.name)
        if not name or not actor:
            continue
        base = show_id_for(name)[0]
        character_id, n = base, 2
        while character_id in used:
            character_id, n = f"{base}-{n}", n + 1
        used.add(character_id)
        role = "themselves" if credit.self_ else ("a voice role" if credit.voice else "")
        described = f" ({role})" if role else ""
        characters.append(
            {
                "id": character_id,
                "name": name,
                "tier": "lead",
                "description": f"In TVmaze's main cast{described}.",
                "actor": {"name": actor},
                "sources": _FROM_TVMAZE,
            }
        )
    return characters


def _seasons(
    episodes: Iterable[shapes.Episode], seasons: Iterable[shapes.Season]
) -> tuple[list[dict[str, Any]], int]:
    """Seasons with their numbered episodes, and how many specials were left out."""
    titles = {s.number: plain_line(s.name) for s in seasons}
    by_season: dict[int, dict[int, dict[str, Any]]] = {}
    specials = 0
    for episode in episodes:
        if episode.number is None or episode.number < 1 or episode.season < 1:
            specials += 1
            continue
        entry: dict[str, Any] = {
            "number": episode.number,
            "title": plain_line(episode.name) or f"Episode {episode.number}",
        }
        aired = _date(episode.airdate)
        if aired is not None:
            entry["aired"] = aired
        runtime = _minutes(episode.runtime)
        if runtime is not None:
            entry["runtime"] = runtime
        summary = html_to_text(episode.summary)
        if summary:
            entry["summary"] = summary
        by_season.setdefault(episode.season, {}).setdefault(episode.number, entry)
    result = []
    for number in sorted(by_season):
        season: dict[str, Any] = {"number": number}
        if titles.get(number):
            season["title"] = titles[number]
        season["episodes"] = [by_season[number][n] for n in sorted(by_season[number])]
        result.append(season)
    return result, specials


@dataclass(frozen=True)
class GuideData:
    tvmaze_id: int
    #: Show-file data from TVmaze, in file order.
    owned: dict[str, Any]
    #: Required fields with no TVmaze data: the user's to write.
    placeholders: dict[str, Any]
    #: Episodes TVmaze lists outside the season numbering (specials).
    specials: int


def guide_data(full: shapes.FullShow, today: datetime.date) -> GuideData:
    """The show file TVmaze's data makes, before fitting it to the model."""
    show = full.show
    title = plain_line(show.name) or f"TVmaze show {show.id}"
    channel = show.network or show.webChannel
    premiered = _date(show.premiered)
    summary = html_to_text(show.summary)
    owned: dict[str, Any] = {
        "format_version": 1,
        "id": show_id_for(title)[0],
        "title": title,
        "native_title": native_title(show, full.akas, title),
        "format": "series",
        "network": plain_line(channel.name) if channel else None,
        "year": premiered.year if premiered else None,
        "premiere_date": premiered,
        "end_date": _date(show.ended),
        "status": status_of(show, today),
        "genres": [g for g in (plain_line(g) for g in show.genres) if g],
        "country": plain_line(channel.country.name if channel and channel.country else None)
        or "Not given by TVmaze",
        "original_language": plain_line(show.language) or "Not given by TVmaze",
        "runtime": _minutes(show.runtime) or _minutes(show.averageRuntime),
        "logline": _first_sentence(summary) if summary else "TVmaze gives no summary of this show.",
        "plot": {
            "synopsis": summary or "TVmaze gives no summary of this show.",
            "sources": _FROM_TVMAZE,
        },
        "characters": _characters(full.cast),
        "sources": _sources(show, title, today),
        "as_of": today,
        "attribution": {"title": _FROM_TVMAZE, "logline": _FROM_TVMAZE, "status": _FROM_TVMAZE},
    }
    seasons, specials = _seasons(full.episodes, full.seasons)
    if seasons:
        owned["seasons"] = seasons
    owned = {key: value for key, value in owned.items() if value not in (None, [], "")}
    placeholders = {
        "audience": {"summary": PLACEHOLDER},
        "verdict": PLACEHOLDER,
    }
    return GuideData(show.id, owned, placeholders, specials)


def _sources(show: shapes.Show, title: str, today: datetime.date) -> list[dict[str, Any]]:
    sources: list[dict[str, Any]] = [
        {
            "id": SOURCE_ID,
            "title": f"{title} on TVmaze",
            "kind": "database" if allows("sources[].kind", "database") else "other",
            "publisher": "TVmaze",
            "url": page_url(show.id),
            "retrieved": today,
            "licence": LICENCE,
            "note": f"Show, cast and episode data from TVmaze, retrieved {today.isoformat()},"
            f" under the {LICENCE} licence ({LICENCE_URL}).",
        }
    ]
    site = _web_url(show.officialSite)
    if site is not None:
        sources.append(
            {
                "id": "official-site",
                "title": f"{title}: official site",
                "kind": "official-site",
                "url": site,
            }
        )
    return sources


# -- fitting to the running model ------------------------------------------------


def fit_to_model(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``data`` without the keys this showguide's model has no place for, and their paths."""
    dropped: list[str] = []
    fitted = _fit(data, ShowModel, "", dropped)
    return fitted, sorted(set(dropped), key=dropped.index)


@functools.cache
def _fields(struct: type[msgspec.Struct]) -> dict[str, Any]:
    """A struct's fields by their name in files (msgspec works them out anew each call)."""
    return {field.encode_name: field for field in msgspec.structs.fields(struct)}


def _fit(value: Any, annotation: Any, path: str, dropped: list[str]) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _fit(value, typing.get_args(annotation)[0], path, dropped)
    if origin in (typing.Union, types.UnionType):
        structs = [
            m
            for m in typing.get_args(annotation)
            if isinstance(m, type) and issubclass(m, msgspec.Struct)
        ]
        if isinstance(value, dict) and structs:
            return _fit(value, structs[0], path, dropped)
        return value
    if origin is list and isinstance(value, list):
        (item_type,) = typing.get_args(annotation)
        return [_fit(item, item_type, f"{path}[]", dropped) for item in value]
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        if not isinstance(value, dict):
            return value
        fields = _fields(annotation)
        result = {}
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            if key in fields:
                result[key] = _fit(item, fields[key].type, where, dropped)
            else:
                dropped.append(where)
        return result
    return value


def allows(path: str, value: str) -> bool:
    """True when the model's field at the dotted ``path`` accepts ``value``."""
    annotation: Any = ShowModel
    for part in path.replace("[]", "").split("."):
        while typing.get_origin(annotation) in (
            list,
            typing.Annotated,
            typing.Union,
            types.UnionType,
        ):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = members[0]
        annotation = _fields(annotation)[part].type
    try:
        msgspec.convert(value, annotation)
    except msgspec.ValidationError:
        return False
    return True


def supports(path: str) -> bool:
    """True when the model has a place for the dotted ``path`` (``sources[].id``)."""
    probe: Any = {}
    node = probe
    parts = path.replace("[]", ".[]").split(".")
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "[]":
            continue
        nxt: Any = 1 if last else ([{}] if parts[index + 1] == "[]" else {})
        node[part] = nxt
        node = nxt[0] if isinstance(nxt, list) else nxt
    _, dropped = fit_to_model(probe)
    return not dropped
