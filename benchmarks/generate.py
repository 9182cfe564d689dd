"""Synthetic shows for benchmarks and tests, the same every time for the same seed.

Nothing here describes a real show. Names mix Hangul with their romanizations
(hyphenated given names, as in "Kim Eun-hye" / "김은혜") and accented Latin
names, and the text mixes English with accented and Korean words, so that
search, layout and loading are measured on the kinds of text real guides hold.

    big_show(faq=5000, characters=2000)     # one huge Show, in memory
    episodic_show(seasons=40, episodes=40)  # a long series whose items reveal episodes
    write_show(show, path)                  # as a YAML show file
    many_shows(200, folder)                 # 200 small show files in a folder
    write_catalog(folder, 1000, seed=0)     # a catalog: 1,000 varied show files
"""

from __future__ import annotations

import datetime
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import yaml

from showguide.core.model import Show

# libyaml's dumper is several times faster for the big show; PyYAML may lack it.
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

#: (Hangul, romanization) pairs that combine into family and given names.
FAMILY_NAMES = [
    ("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"),
    ("강", "Kang"), ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("한", "Han"),
]  # fmt: skip
GIVEN_SYLLABLES = [
    ("은", "eun"), ("혜", "hye"), ("민", "min"), ("지", "ji"), ("수", "su"), ("서", "seo"),
    ("현", "hyeon"), ("준", "jun"), ("영", "yeong"), ("하", "ha"), ("나", "na"), ("유", "yu"),
    ("진", "jin"), ("희", "hui"), ("성", "seong"), ("우", "u"), ("예", "ye"), ("린", "rin"),
]  # fmt: skip
LATIN_NAMES = [
    "Zoé", "Renée", "José", "Chloé", "Björn", "Søren", "Inès", "Mateo", "Anaïs", "Łukasz",
    "Noémie", "Dmitri", "Olga", "Priya", "Tomás", "Agnès", "Hélène", "Jürgen",
]  # fmt: skip
WORDS = [
    "dancer", "stage", "studio", "rehearsal", "audition", "company", "teacher", "rival",
    "friend", "secret", "ambition", "competition", "performance", "injury", "scholarship",
    "mother", "sister", "brother", "contract", "premiere", "season", "lesson", "mirror",
    "costume", "music", "orchestra", "ticket", "letter", "promise", "dream", "night",
    "morning", "winter", "summer", "Seoul", "Busan", "Paris", "theatre", "corridor",
    "choreography", "partner", "solo", "duet", "spotlight", "applause", "silence",
    "pointe", "shoes", "ribbon", "training", "discipline", "victory", "failure", "hope",
    "café", "élan", "naïve", "fouetté", "jeté", "plié", "développé", "arabesque",
    "발레", "무대", "연습실", "꿈", "경쟁", "선생님", "친구", "공연",
]  # fmt: skip
VERBS = [
    "finds", "loses", "hides", "wins", "remembers", "questions", "chooses", "leaves",
    "joins", "trains with", "argues with", "forgives", "follows", "watches", "rebuilds",
]  # fmt: skip
TAGS = [
    "cast", "story", "dance", "music", "ending", "romance", "rivalry", "family", "audience",
    "production", "culture", "발레",
]  # fmt: skip
TIERS = ["lead", "supporting", "recurring", "guest"]
CATEGORIES = ["dance", "visuals", "costume", "sets", "music", "culture", "cast", "story"]


class _Writer:
    """Random names and sentences drawn from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def korean_name(self) -> tuple[str, str]:
        """(romanized, Hangul), e.g. ("Kim Eun-hye", "김은혜")."""
        family_native, family = self.random.choice(FAMILY_NAMES)
        (first_native, first), (second_native, second) = self.random.sample(GIVEN_SYLLABLES, 2)
        given = f"{first.capitalize()}-{second}"
        return f"{family} {given}", f"{family_native}{first_native}{second_native}"

    def words(self, count: int) -> str:
        return " ".join(self.random.choice(WORDS) for _ in range(count))

    def sentence(self, name: str) -> str:
        first, second = self.words(self.random.randint(1, 3)), self.words(self.random.randint(1, 4))
        verb = self.random.choice(VERBS)
        return f"{name} {verb} the {first} before the {second}."

    def paragraph(self, names: list[str], sentences: int) -> str:
        return " ".join(self.sentence(self.random.choice(names)) for _ in range(sentences))

    def spoiler(self, rate: float) -> bool:
        return self.random.random() < rate


def _character(
    writer: _Writer, number: int, names: list[str], spoiler_rate: float
) -> dict[str, Any]:
    rng = writer.random
    if rng.random() < 0.8:
        name, native = writer.korean_name()
    else:
        name, native = f"{rng.choice(LATIN_NAMES)} {rng.choice(LATIN_NAMES)}", None
    ensemble = rng.random() < 0.05
    if ensemble:
        name, native = f"{writer.words(1).capitalize()} ensemble {number}", None
    names.append(name.split()[-1])
    actor: Any = "not yet announced"
    if rng.random() < 0.5:
        actor_name, actor_native = writer.korean_name()
        actor = {"name": actor_name, "native_name": actor_native}
    return {
        "id": f"character-{number}",
        "name": name,
        "native_name": native,
        "tier": rng.choice(TIERS),
        "group": rng.choice([None, "rivals", "mentors", "friends", "family"]),
        "ensemble": ensemble,
        "description": writer.paragraph(names, rng.randint(2, 4)),
        "actor": actor,
        "spoiler": writer.spoiler(spoiler_rate),
    }


def show_data(
    *,
    faq: int,
    characters: int,
    highlights: int,
    threads: int,
    seed: int = 0,
    spoiler_rate: float = 0.1,
    number: int = 0,
) -> dict[str, Any]:
    """A show as plain data (what a YAML file holds), reproducible from ``seed``."""
    writer = _Writer(seed)
    rng = writer.random
    names: list[str] = ["Eun-hye"]
    cast = [_character(writer, n, names, spoiler_rate) for n in range(characters)]
    title_word = writer.words(1).capitalize()
    return {
        "format_version": 1,
        "id": f"synthetic-{number}",
        "title": f"The {title_word} Studio {number}",
        "native_title": f"{rng.choice(WORDS[-8:])} 스튜디오 {number}",
        "format": "series",
        "network": "Synthetic Network",
        "year": 2000 + number % 30,
        "premiere_date": datetime.date(2000 + number % 30, 1 + number % 12, 1 + number % 28),
        "status": rng.choice(["announced", "upcoming", "airing", "ended"]),
        "genres": ["Drama", "Dance"],
        "tags": rng.sample(TAGS, 3),
        "country": "Nowhere",
        "original_language": "Korean",
        "audience": {"summary": writer.paragraph(names, 1), "advisories": ["Generated text"]},
        "logline": writer.paragraph(names, 2),
        "plot": {
            "synopsis": writer.paragraph(names, 5),
            "setting": writer.paragraph(names, 1),
            "themes": sorted({writer.words(1) for _ in range(6)}),
            "threads": [
                {
                    "id": f"thread-{n}",
                    "title": f"The {writer.words(2)}",
                    "description": writer.paragraph(names, rng.randint(2, 4)),
                    "spoiler": writer.spoiler(spoiler_rate * 2),
                }
                for n in range(threads)
            ],
        },
        "characters": cast,
        "highlights": [
            {
                "id": f"highlight-{n}",
                "title": writer.words(rng.randint(1, 3)).capitalize(),
                "category": rng.choice(CATEGORIES),
                "description": writer.paragraph(names, rng.randint(1, 3)),
                "spoiler": writer.spoiler(spoiler_rate),
            }
            for n in range(highlights)
        ],
        "faq": [
            {
                "id": f"question-{n}",
                "question": f"What happens when {rng.choice(names)} {rng.choice(VERBS)} the {writer.words(rng.randint(1, 2))}?",
                "answer": writer.paragraph(names, rng.randint(2, 4)),
                "tags": rng.sample(TAGS, rng.randint(0, 3)),
                "spoiler": writer.spoiler(spoiler_rate),
            }
            for n in range(faq)
        ],
        "verdict": writer.paragraph(names, 2),
        "sources": [{"title": "Generated for benchmarks", "kind": "other"}],
    }


def big_show(
    faq: int = 5000,
    characters: int = 2000,
    highlights: int = 500,
    threads: int = 200,
    *,
    seed: int = 0,
    spoiler_rate: float = 0.1,
) -> Show:
    """One very large show, checked against the model as any loaded show is."""
    data = show_data(
        faq=faq,
        characters=characters,
        highlights=highlights,
        threads=threads,
        seed=seed,
        spoiler_rate=spoiler_rate,
    )
    return msgspec.convert(data, Show)


def seasons_data(
    writer: _Writer, names: list[str], seasons: int, episodes: int, *, first_aired: datetime.date
) -> list[dict[str, Any]]:
    """``seasons`` seasons of ``episodes`` episodes, each with a summary; a
    weekly air date from ``first_aired``, some titles in Hangul."""
    rng = writer.random
    aired = first_aired
    result = []
    for season in range(1, seasons + 1):
        listed = []
        for episode in range(1, episodes + 1):
            if rng.random() < 0.3:
                title = f"{rng.choice(WORDS[-8:])} {episode}화"
            else:
                title = f"The {writer.words(rng.randint(1, 3))}"
            listed.append(
                {
                    "number": episode,
                    "title": title,
                    "aired": aired,
                    "runtime": rng.choice([45, 50, 60, 70]),
                    "summary": writer.paragraph(names, rng.randint(1, 3)),
                }
            )
            aired += datetime.timedelta(days=7)
        result.append({"number": season, "title": f"Season {writer.words(1)}", "episodes": listed})
    return result


def episodic_show(
    seasons: int = 40,
    episodes: int = 40,
    reveals: int = 2000,
    *,
    seed: int = 0,
    first_aired: datetime.date = datetime.date(2020, 1, 1),
) -> Show:
    """A long-running series: every episode with a summary, and ``reveals``
    items (threads, characters, highlights, questions) that each give away a
    random episode."""
    faq, characters, highlights = reveals // 2, reveals // 4, reveals // 8
    threads = reveals - faq - characters - highlights
    data = show_data(
        faq=faq,
        characters=characters,
        highlights=highlights,
        threads=threads,
        seed=seed,
        spoiler_rate=0.02,
    )
    writer = _Writer(seed + 1)
    data["seasons"] = seasons_data(
        writer, ["Eun-hye", "Min-ji"], seasons, episodes, first_aired=first_aired
    )
    rng = writer.random

    def code() -> str:
        return f"S{rng.randint(1, seasons)}E{rng.randint(1, episodes)}"

    for item in [*data["plot"]["threads"], *data["characters"], *data["highlights"], *data["faq"]]:
        item["reveals"] = code()
    return msgspec.convert(data, Show)


def show_yaml(show: Show | dict[str, Any]) -> str:
    """A show as the text of a show file."""
    data = (
        show
        if isinstance(show, dict)
        else msgspec.to_builtins(show, builtin_types=(datetime.date,))
    )
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return text


def write_show(show: Show | dict[str, Any], path: Path | str) -> Path:
    """Write ``show`` as a YAML show file at ``path``; returns the path."""
    path = Path(path)
    path.write_text(show_yaml(show), encoding="utf-8")
    return path


def many_shows(
    n: int, folder: Path | str, *, seed: int = 0, size: Callable[[int], int] | None = None
) -> list[Path]:
    """Write ``n`` small, distinct show files into ``folder`` (created if needed).

    Each has its own id (``synthetic-<k>``) and title. ``size(k)`` sets how many
    characters and FAQ entries show ``k`` has (default: 4 to 12).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        count = size(k) if size is not None else 4 + (k * 7) % 9
        data = show_data(
            faq=count, characters=count, highlights=3, threads=2, seed=seed * 100_003 + k, number=k
        )
        paths.append(write_show(data, folder / f"synthetic-{k:05d}.yaml"))
    return paths


NETWORKS = [
    "Harbour TV", "Northlight", "Channel Nine Lanterns", "Studio Gwang", "Élan Plus", "Meridian",
    "Blue Pine", "KBC", "Orbit Stream", "Paper Moon", "Hanbit", "Cobalt One",
]  # fmt: skip
GENRES = [
    "Drama", "Comedy", "Romance", "Thriller", "Mystery", "Dance", "Music", "Family",
    "Historical", "Medical", "Legal", "Fantasy", "Documentary", "Sports",
]  # fmt: skip


def catalog_show(k: int, seed: int = 0) -> dict[str, Any]:
    """Show ``k`` of a synthetic catalog, as plain data: a small guide with varied metadata."""
    rng = random.Random(seed * 100_003 + k)
    count = rng.randint(4, 12)
    data = show_data(
        faq=count, characters=count, highlights=3, threads=2, seed=seed * 100_003 + k, number=k
    )
    first, second = rng.choice(WORDS), rng.choice(WORDS)
    data.update(
        {
            "id": f"show-{k:05d}",
            "title": f"{first.capitalize()} {second} {k}",
            "native_title": data["native_title"] if rng.random() < 0.6 else None,
            "network": rng.choice(NETWORKS) if rng.random() < 0.9 else None,
            "year": rng.randint(1995, 2030) if rng.random() < 0.95 else None,
            "status": rng.choice(["announced", "upcoming", "airing", "ended"]),
            "genres": rng.sample(GENRES, rng.randint(1, 3)),
        }
    )
    if data["year"] is None:
        del data["premiere_date"]  # a date without a year would not make sense
    return {key: value for key, value in data.items() if value is not None}


def _broken(k: int, data: dict[str, Any]) -> str:
    """A show file with a mistake an author could make: a bad value, or broken YAML."""
    if k % 2:
        return show_yaml({**data, "status": "maybe"})
    return show_yaml(data).replace("\ntitle: ", "\ntitle: [", 1)


def write_catalog(
    folder: Path | str,
    count: int,
    seed: int = 0,
    *,
    invalid: int = 0,
    age_seconds: float = 3600,
) -> list[Path]:
    """Write a catalog of ``count`` show files into ``folder`` (created if need be).

    The same ``count`` and ``seed`` always give the same files. Each is a small
    guide (4 to 12 characters and questions) with its own id, title, network,
    year, status and genres. ``invalid`` of them, spread through the catalog,
    have a mistake, as a catalog with files being edited has. The files are
    dated ``age_seconds`` ago: the parse cache does not trust a file modified
    in the last two seconds, so a fresh file would be parsed every time.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    broken = set(random.Random(seed).sample(range(count), invalid))
    when = time.time() - age_seconds
    paths = []
    for k in range(count):
        data = catalog_show(k, seed)
        path = folder / f"show-{k:05d}.yaml"
        path.write_text(_broken(k, data) if k in broken else show_yaml(data), encoding="utf-8")
        os.utime(path, (when, when))
        paths.append(path)
    return paths
