"""A long series and the viewer's progress: the Episodes view, progress and search at scale.

    python benchmarks/episodes_speed.py [--rounds N]

The show is ``episodic_show()``: 40 seasons of 40 episodes, each with a
summary, and 2,000 items (threads, characters, highlights, questions) that
each reveal a random episode. Measured, against a small series (2 x 5
episodes, 20 items) and against the floors of pane_speed.py:

- opening the Episodes view (key 7) until it is drawn: pane_speed's open target;
- changing progress (Space on an episode) until every built pane is redrawn:
  the open target too, with only the Episodes view built, and with every
  pane built (the FAQ's 1,000 rows must follow the new progress);
- a search keystroke with progress half way: search_speed's p95 target;
- peak memory at the first frame of this show's guide: 1.3x the bare app's.

Times in process are CPU milliseconds, as pane_speed.py measures them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App

from benchmarks.first_frame import BARE_APP, isolated_environment
from benchmarks.generate import episodic_show, write_show
from benchmarks.memory import TARGET_RATIO, peak_rss_mb
from benchmarks.pane_speed import (
    KEY_TARGET_MS,
    OPEN_TARGET_MS,
    BareSwitcher,
    Samples,
    keystrokes,
    open_pane,
    timed,
)
from benchmarks.search_speed import KEYSTROKE_P95_TARGET_MS, _cpu, _p95, _time_ms, _wall
from benchmarks.search_speed import keystrokes as prefixes
from benchmarks.timing import Row, print_rows, python
from showguide.commands.launch import settle
from showguide.core.episodes import EpisodeOrder
from showguide.core.model import Show
from showguide.core.search import SearchIndex
from showguide.core.spoilers import SpoilerShield
from showguide.tui.app import ShowGuideApp

SIZE = (120, 40)


async def progress_changes(show: Show, setup: list[str], rounds: int) -> Samples:
    """Time Space (mark watched) on episodes further and further down the list."""
    samples = []
    app = ShowGuideApp(show)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*setup, "7")
        await pilot.pause()
        for _ in range(rounds):
            await pilot.press("pagedown")
            await pilot.pause()

            async def step() -> None:
                await pilot.press("space")
                await pilot.pause()

            samples.append(await timed(step))
    return Samples(samples)


def guide(show: Show) -> App[None]:
    return ShowGuideApp(show)


async def in_process(big: Show, small: Show, rounds: int) -> list[Row]:
    bare_open = await open_pane(BareSwitcher, "3", rounds)
    bare_keys = await keystrokes(BareSwitcher, ["tab"], ["down"] * 30)
    small_open = await open_pane(partial(guide, small), "7", rounds)
    big_open = await open_pane(partial(guide, big), "7", rounds)
    small_change = await progress_changes(small, [], rounds)
    big_change = await progress_changes(big, [], rounds)
    every_pane = await progress_changes(big, ["2", "3", "4", "5", "6"], rounds)
    moves = await keystrokes(partial(guide, big), ["7"], ["down"] * 40 + ["pagedown"] * 10)
    total = len(EpisodeOrder(big))
    return [
        Row("switch pane: bare app median", bare_open.median, "ms"),
        Row("move in list: bare app median", bare_keys.median, "ms"),
        Row("open Episodes (10 episodes) median", small_open.median, "ms"),
        Row(
            f"open Episodes ({total:,} episodes) median",
            big_open.median,
            "ms",
            OPEN_TARGET_MS,
            big_open.median / small_open.median,
            "small series",
        ),
        Row(f"key in Episodes list ({total:,}) median", moves.median, "ms", KEY_TARGET_MS),
        Row("change progress (10 episodes) median", small_change.median, "ms"),
        Row(
            "change progress, Episodes built, median",
            big_change.median,
            "ms",
            OPEN_TARGET_MS,
            big_change.median / small_change.median,
            "small series",
        ),
        Row("change progress, every pane built, median", every_pane.median, "ms", OPEN_TARGET_MS),
    ]


def search_rows(show: Show, rounds: int) -> list[Row]:
    order = EpisodeOrder(show)
    index = SearchIndex.for_show(show)
    queries = ["eun hye", "rehearsal", "발레", "choreography winter", "studio", "에피소드", "zzzz"]
    typed = list(prefixes(queries))
    steady = []
    for _ in range(rounds):
        shield = SpoilerShield().for_show(order, len(order) // 2)
        for text in typed:
            steady.append(_time_ms(partial(index.search, text, shield=shield)))
    # The first keystroke after progress changed works out what is hidden again.
    after_change = []
    shield = SpoilerShield().for_show(order, 0)
    for step, text in enumerate(typed):
        shield.set_watched((step * 37) % len(order))
        after_change.append(_time_ms(partial(index.search, text, shield=shield)))
    return [
        Row(
            "search per keystroke (progress half way), p95",
            _p95(_wall(steady)),
            "ms",
            KEYSTROKE_P95_TARGET_MS,
        ),
        Row("search per keystroke, p95 CPU", _p95(_cpu(steady)), "ms"),
        Row("search per keystroke, median", statistics.median(_wall(steady)), "ms"),
        Row(
            "search keystroke after a progress change, p95",
            _p95(_wall(after_change)),
            "ms",
            KEYSTROKE_P95_TARGET_MS,
        ),
    ]


def memory_rows(show: Show, runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="showguide-episodes-") as home:
        path = write_show(show, Path(home) / "long-series.yaml")
        # Dated a minute back, as a file a viewer has had for a while: the
        # parse cache never stores a file changed within RACY_SECONDS, so on
        # a fast machine the warm-up start below stored nothing and every
        # measured start parsed the YAML again (2 MiB more) instead of
        # reading the cache, while a loaded machine, slower, got past the
        # window: the row then measured load, not showguide.
        minute_ago = time.time() - 60
        os.utime(path, (minute_ago, minute_ago))
        guide_app = python(
            "import argparse, asyncio",
            "from showguide.commands.launch import prepare, settle",
            "async def main():",
            f"    args = argparse.Namespace(data=[{str(path)!r}], name={show.id!r})",
            "    catalog, chosen, remembered = prepare(args)",
            "    from showguide.tui.app import ShowGuideApp",
            "    settle()",
            "    app = ShowGuideApp(catalog=catalog, chosen=chosen, remembered=remembered)",
            "    async with app.run_test(size=(120, 40)) as pilot:",
            "        await pilot.pause()",
            "asyncio.run(main())",
        )
        env = isolated_environment(home)
        # One start first: every start after it reads the show from the parse cache.
        peak_rss_mb(guide_app, 1, env)
        bare = peak_rss_mb(BARE_APP, runs, env)
        peak = peak_rss_mb(guide_app, runs, env)
    return [
        Row("peak RSS: bare Textual app", bare, "MiB"),
        Row(
            "peak RSS: long series guide, first frame",
            peak,
            "MiB",
            TARGET_RATIO,
            peak / bare,
            "bare app",
            target_is_ratio=True,
        ),
    ]


def rows(rounds: int = 10) -> list[Row]:
    started = time.perf_counter()
    big = episodic_show()
    small = episodic_show(seasons=2, episodes=5, reveals=20)
    print(f"(generated the long series in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    # As showguide does once the shows are loaded (commands.launch.settle):
    # the loaded show is left out of every later garbage collection. Without
    # it, a collection of the 1,600 episodes' objects lands in some pane
    # opens (pane_speed.py measures without, for its own rows).
    settle()
    return [
        *asyncio.run(in_process(big, small, rounds)),
        *search_rows(big, max(1, rounds // 3)),
        *memory_rows(big, max(2, rounds // 3)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    print_rows("A long series: 40 x 40 episodes, 2,000 items that reveal one", rows(args.rounds))


if __name__ == "__main__":
    main()
