"""How fast search answers while someone types, on a very large generated show.

    python -m benchmarks.search_speed [--faq 5000] [--characters 2000] [--rounds 3]

Builds the show from ``benchmarks.generate`` (5,000 FAQ entries, 2,000
characters by default), then simulates typing: every prefix of a set of
queries (names romanized and in Hangul, words with and without accents, several
words, words that match nothing) is searched as one keystroke, with the spoiler
shield on as in the app. Each round starts from a freshly built index so no
round profits from the caches of the one before. A naive scan (fold the query,
test every item's folded text) over the same keystrokes is the baseline.

:func:`rows` returns the measurements for a collecting script.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from benchmarks.generate import big_show
from showguide.core.items import show_items
from showguide.core.model import Show
from showguide.core.search import SearchIndex
from showguide.core.spoilers import SpoilerShield
from showguide.core.textfold import WORD, fold

KEYSTROKE_P95_TARGET_MS = 10.0
BUILD_TARGET_MS = 300.0


@dataclass(frozen=True)
class Row:
    metric: str
    value: float
    unit: str
    #: None when the row is for information only.
    target: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return None if self.target is None else self.value / self.target

    @property
    def passed(self) -> bool | None:
        return None if self.target is None else self.value <= self.target


def typing_queries(show: Show) -> list[str]:
    """What a person might type: names from the show, plain words, accents, Hangul."""
    names = [c.name for c in show.characters[:: max(1, len(show.characters) // 8)]]
    natives = [c.native_name for c in show.characters if c.native_name][:4]
    questions = [entry.question for entry in show.faq[:: max(1, len(show.faq) // 3)]]
    return [
        *(name.lower() for name in names),
        *natives,
        *(" ".join(question.split()[3:6]) for question in questions),
        "eunhye",
        "eun hye",
        "choreography",
        "rehearsal studio",
        "cafe",
        "développé",
        "developpe arabesque",
        "발레",
        "연습실",
        "scholarship winter",
        "highlight",
        "not in any show at all",
        "zzzz",
    ]


def keystrokes(queries: list[str]) -> Iterator[str]:
    """Every prefix of every query, as the search box holds it after each key."""
    for query in queries:
        for end in range(1, len(query) + 1):
            yield query[:end]


Timing = tuple[float, float]


def _time_ms(call: Callable[[], object]) -> Timing:
    """Wall-clock and CPU milliseconds of one call.

    The wall clock is what a user feels; CPU time is what the code costs, and
    stays meaningful when other work shares the machine.
    """
    wall, cpu = time.perf_counter_ns(), time.thread_time_ns()
    call()
    return (time.perf_counter_ns() - wall) / 1e6, (time.thread_time_ns() - cpu) / 1e6


def _wall(samples: list[Timing]) -> list[float]:
    return [sample[0] for sample in samples]


def _cpu(samples: list[Timing]) -> list[float]:
    return [sample[1] for sample in samples]


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def _naive_search(folded_items: list[str], query: str, limit: int = 50) -> list[int]:
    words = WORD.findall(fold(query))
    found = [n for n, text in enumerate(folded_items) if all(w in text for w in words)]
    return found[:limit]


def rows(faq: int = 5000, characters: int = 2000, rounds: int = 3) -> list[Row]:
    show = big_show(faq=faq, characters=characters)
    typed = list(keystrokes(typing_queries(show)))
    spoilers = [item.key for item in show_items(show) if item.spoiler]
    build: list[Timing] = []
    search: list[Timing] = []
    faq_filter: list[Timing] = []
    indexes: list[SearchIndex] = []
    for _ in range(rounds):
        build.append(_time_ms(lambda: indexes.append(SearchIndex.for_show(show))))
        index = indexes.pop()
        shield = SpoilerShield()
        for key in spoilers[::3]:  # a viewer who revealed some spoilers already
            shield.reveal(key)
        for text in typed:
            search.append(_time_ms(partial(index.search, text, shield=shield)))
            faq_filter.append(
                _time_ms(partial(index.matching_keys, text, shield=shield, panes={"faq"}))
            )
    folded_items = ["\n".join(fold(f.text) for f in item.fields) for item in show_items(show)]
    naive = _wall([_time_ms(partial(_naive_search, folded_items, text)) for text in typed])
    size = f"{faq} FAQ, {characters} characters, {len(index)} items"
    p95 = _p95(_wall(search))
    return [
        Row("index build, median", statistics.median(_wall(build)), "ms", BUILD_TARGET_MS, size),
        Row("index build, median CPU", statistics.median(_cpu(build)), "ms"),
        Row("keystrokes measured", len(search), "", None, f"{len(typed)} x {rounds} rounds"),
        Row("search per keystroke, median", statistics.median(_wall(search)), "ms"),
        Row("search per keystroke, p95", p95, "ms", KEYSTROKE_P95_TARGET_MS, "top 50, snippets"),
        Row("search per keystroke, p95 CPU", _p95(_cpu(search)), "ms"),
        Row("search per keystroke, max", max(_wall(search)), "ms"),
        Row("FAQ filter, p95", _p95(_wall(faq_filter)), "ms", KEYSTROKE_P95_TARGET_MS, "all keys"),
        Row(
            "naive scan baseline, p95", _p95(naive), "ms", None, f"index: {p95 / _p95(naive):.2f}x"
        ),
    ]


def print_table(table: list[Row]) -> None:
    print(f"{'metric':<32}{'value':>10}  {'target':>8}  {'ratio':>6}  {'':4}  notes")
    for row in table:
        value = f"{row.value:.2f} {row.unit}".strip() if row.unit else f"{row.value:.0f}"
        target = f"{row.target:g}" if row.target is not None else ""
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else ""
        verdict = {True: "pass", False: "FAIL", None: ""}[row.passed]
        print(f"{row.metric:<32}{value:>10}  {target:>8}  {ratio:>6}  {verdict:4}  {row.note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--faq", type=int, default=5000)
    parser.add_argument("--characters", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print_table(rows(args.faq, args.characters, args.rounds))


if __name__ == "__main__":
    main()
