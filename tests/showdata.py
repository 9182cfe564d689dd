"""Synthetic show data for tests: small, valid, and easy to break on purpose."""

from __future__ import annotations

import copy
import typing
from pathlib import Path
from typing import Any

import msgspec
import yaml

MINIMAL: dict[str, Any] = {
    "format_version": 1,
    "id": "test-show",
    "title": "Test Show",
    "format": "series",
    "status": "airing",
    "country": "Nowhere",
    "original_language": "Esperanto",
    "audience": {"summary": "For anyone who runs tests."},
    "logline": "A show that exists only in a test.",
    "plot": {"synopsis": "Things happen.", "setting": "A test runner."},
    "verdict": "Passes.",
}


def show_dict(**changes: Any) -> dict[str, Any]:
    """A valid show as plain data, with top-level fields replaced by ``changes``."""
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    return data


def write_show(folder: Path, data: dict[str, Any] | str, name: str = "show.yaml") -> Path:
    """Write ``data`` (plain data, or YAML text as is) to ``folder/name``."""
    path = folder / name
    text = (
        data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    )
    path.write_text(text, encoding="utf-8")
    return path


#: A valid show that sets every field of every record at least once.
FULL: dict[str, Any] = show_dict(
    id="harbour-lights",
    title="Harbour Lights",
    native_title="항구의 불빛",
    romanized_title="Hangui Bulbit",
    format="series",
    network="Example Streamer",
    year=2031,
    premiere_date="2031-04-01",
    end_date="2032-06-30",
    status="announced",
    genres=["Drama"],
    tags=["sea", "family"],
    country="Testland",
    original_language="Korean",
    audience={
        "summary": "For teenagers and adults.",
        "advisories": ["Storms"],
        "ratings": [{"country": "KR", "system": "KCSC", "rating": "15"}],
        "sources": ["release"],
    },
    logline="A lighthouse keeper's daughter learns to sail.",
    plot={
        "synopsis": "Mina grows up beside a lighthouse.",
        "setting": "A fishing town.",
        "themes": ["Family"],
        "threads": [
            {
                "id": "storm",
                "title": "The storm",
                "description": "A storm comes.",
                "spoiler": True,
                "reveals": "S1E2",
                "sources": ["release"],
            }
        ],
        "sources": ["release", "listing"],
    },
    characters=[
        {
            "id": "mina",
            "name": "Mina",
            "native_name": "미나",
            "tier": "lead",
            "group": "family",
            "description": "The keeper's daughter.",
            "actor": {"name": "Test Actor", "native_name": "테스트 배우"},
            "dance_double": "not yet announced",
            "spoiler": False,
            "sources": ["release"],
        },
        {
            "id": "crew",
            "name": "The crew",
            "tier": "supporting",
            "ensemble": True,
            "description": "Sailors.",
            "actor": "not named by the source",
            "dance_double": {"name": "Test Double"},
            "spoiler": True,
            "reveals": "S01E02",
        },
    ],
    highlights=[
        {
            "id": "sea",
            "title": "The sea",
            "category": "visuals",
            "description": "Waves.",
            "spoiler": False,
            "reveals": "S1E1",
            "sources": ["listing"],
        }
    ],
    faq=[
        {
            "id": "boat",
            "question": "Does she sail?",
            "answer": "Yes.",
            "tags": ["ending"],
            "spoiler": True,
            "reveals": True,
            "sources": ["release"],
        }
    ],
    verdict="Worth a look.",
    sources=[
        {
            "id": "release",
            "title": "A synthetic press release",
            "kind": "press-release",
            "publisher": "Nobody",
            "url": "https://example.invalid/harbour-lights",
            "published": "2030-12-01",
            "note": "Made up for tests.",
        },
        {
            "id": "listing",
            "publisher": "A synthetic listings site",
            "kind": "database",
            "url": "https://example.invalid/listing/1",
            "retrieved": "2031-05-02",
            "licence": "CC BY-SA 4.0",
            "license": "CC BY-SA 4.0",
        },
    ],
    seasons=[
        {
            "number": 1,
            "title": "The first summer",
            "episodes": [
                {
                    "number": 1,
                    "title": "Low tide",
                    "aired": "2031-04-01",
                    "runtime": 60,
                    "summary": "Mina finds a boat.",
                },
                {"number": 2, "title": "첫 항해"},
            ],
        }
    ],
    runtime=60,
    released="2031-04-01",
    as_of="2031-03-01",
    attribution={
        "title": ["release"],
        "logline": ["release"],
        "verdict": ["listing"],
        "status": ["release"],
    },
    source_check={
        "summary": "The press release came before the listing.",
        "findings": [
            {
                "id": "premiere",
                "topic": "Premiere",
                "claimed": "April 2031.",
                "claimed_by": ["release"],
                "record": "May 2031.",
                "sources": ["listing"],
            }
        ],
    },
)


def _structs_in(annotation: Any) -> list[type[msgspec.Struct]]:
    """The Struct types an annotation can hold (through lists, unions, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        return [annotation]
    return [s for arg in typing.get_args(annotation) for s in _structs_in(arg)]


def model_fields(root: type[msgspec.Struct]) -> set[str]:
    """Every ``Record.field`` reachable from ``root``."""
    found: set[str] = set()
    todo = [root]
    while todo:
        struct = todo.pop()
        for field in msgspec.structs.fields(struct):
            name = f"{struct.__name__}.{field.encode_name}"
            if name not in found:
                found.add(name)
                todo.extend(_structs_in(field.type))
    return found


def fields_set(data: Any, annotation: Any) -> set[str]:
    """Every ``Record.field`` that ``data`` gives a value, read against the model."""
    found: set[str] = set()
    if isinstance(data, list):
        for item in data:
            found |= fields_set(item, annotation)
    elif isinstance(data, dict):
        for struct in _structs_in(annotation)[:1]:
            for field in msgspec.structs.fields(struct):
                if field.encode_name in data:
                    found.add(f"{struct.__name__}.{field.encode_name}")
                    found |= fields_set(data[field.encode_name], field.type)
    return found


def series_dict(
    seasons: int,
    episodes: int,
    reveals: list[str | bool | None],
    *,
    show_id: str = "series",
    spoilers: frozenset[int] = frozenset(),
) -> dict[str, Any]:
    """A series of ``seasons`` x ``episodes`` episodes whose items each carry a
    word of their own: item *n* (a thread, character, highlight and question in
    turn) is named ``itemwordN`` and reveals ``reveals[n]``; the summary of
    S<s>E<e> reads ``summarywordSxE``. So a test can tell exactly what shows."""
    kinds: dict[str, list[dict[str, Any]]] = {
        "threads": [],
        "characters": [],
        "highlights": [],
        "faq": [],
    }
    for number, reveal in enumerate(reveals):
        word = f"itemword{number}"
        extra: dict[str, Any] = {"spoiler": number in spoilers}
        if reveal is not None:
            extra["reveals"] = reveal
        kind = ("threads", "characters", "highlights", "faq")[number % 4]
        if kind == "threads":
            item = {"id": f"t{number}", "title": word, "description": f"About {word}."}
        elif kind == "characters":
            item = {"id": f"c{number}", "name": word, "tier": "lead", "description": f"Is {word}."}
        elif kind == "highlights":
            item = {
                "id": f"h{number}",
                "title": word,
                "category": "story",
                "description": f"Shows {word}.",
            }
        else:
            item = {"id": f"q{number}", "question": f"What is {word}?", "answer": f"It is {word}."}
        kinds[kind].append({**item, **extra})
    return show_dict(
        id=show_id,
        title=f"Series {show_id}",
        plot={
            "synopsis": "Things happen.",
            "setting": "A test runner.",
            "threads": kinds["threads"],
        },
        characters=kinds["characters"],
        highlights=kinds["highlights"],
        faq=kinds["faq"],
        seasons=[
            {
                "number": season,
                "title": f"시즌 {season}",
                "episodes": [
                    {
                        "number": episode,
                        "title": f"에피소드 {season}-{episode}",
                        "summary": f"In it summaryword{season}x{episode} happens.",
                    }
                    for episode in range(1, episodes + 1)
                ],
            }
            for season in range(1, seasons + 1)
        ],
    )
