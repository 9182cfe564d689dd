"""How quickly the big panes open and answer keys, on a very large generated show.

    python -m benchmarks.pane_speed [--faq 5000] [--characters 2000] [--rounds 15]

The show comes from ``benchmarks.generate.big_show`` (5,000 FAQ entries, 2,000
characters). Everything runs headlessly at 120x40 in this process, and every
step is timed from the key press until the screen has been redrawn (the
Pilot's ``press`` then ``pause``):

* opening the Cast and FAQ panes for the first time (a fresh app each round,
  so each round builds the pane from nothing);
* moving down the Cast and FAQ lists, one key at a time;
* typing into the FAQ filter, one key at a time.

Pilot's ``pause`` polls until the process goes idle, which adds tens of
milliseconds of sleeping to every step; so each step is measured as the CPU
time the process spent on it (``time.process_time``): the work done between
the key and the redrawn frame, which is what a person waits for, since the app
does no I/O in between. Wall times are printed too, for information.

The targets are what a person perceives (see OPEN_TARGET_MS and the rest).
Two baselines are measured in the same run, for the ratios: the same steps
on a small generated show (10 characters, 10 questions), whose ratio is what
the show's size costs; and a bare Textual app doing the same kind of step
with almost no content (switch a ContentSwitcher to a one-line Static; move
down a 20-option OptionList): Textual's own floor.

:func:`rows` returns the measurements for a collecting script.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.widgets import ContentSwitcher, OptionList, Static

from benchmarks.generate import big_show
from benchmarks.timing import Row, print_rows
from showguide.core.model import Show
from showguide.tui.app import ShowGuideApp

SIZE = (120, 40)
#: Targets in CPU milliseconds from the key to the redrawn screen, set by what
#: a person perceives: a pane that opens within 150 ms feels immediate; a key
#: that moves the cursor within 33 ms (two frames at 60 Hz) feels direct, and
#: the filter, which redraws the whole list, within 50 ms.
OPEN_TARGET_MS = 150.0
KEY_TARGET_MS = 33.0
FILTER_TARGET_MS = 50.0
#: Items in the small show that the big one is compared with.
SMALL = 10


class BareSwitcher(App[None]):
    """The floor: one key switches to a one-line Static, another moves in a short list."""

    BINDINGS = [("3", "switch", "Switch")]

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="first"):
            yield Static("first", id="first")
            yield Static("second", id="second")
        yield OptionList(*(f"option {n}" for n in range(20)))

    def action_switch(self) -> None:
        self.query_one(ContentSwitcher).current = "second"


@dataclass
class Samples:
    """Milliseconds per step."""

    values: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        ordered = sorted(self.values)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def timed(step: Callable[[], Awaitable[None]]) -> float:
    """CPU milliseconds spent on ``step`` (see the module's docstring for why CPU)."""
    start = time.process_time()
    await step()
    return (time.process_time() - start) * 1000


async def open_pane(make_app: Callable[[], App[None]], key: str, rounds: int) -> Samples:
    """A fresh app each round; time the key that opens the pane until it is drawn."""
    samples = []
    for _ in range(rounds):
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()

            async def step() -> None:
                await pilot.press(key)
                await pilot.pause()

            samples.append(await timed(step))
    return Samples(samples)


async def keystrokes(
    make_app: Callable[[], App[None]], setup: list[str], keys: list[str]
) -> Samples:
    """Press ``setup``, then time each of ``keys`` until the screen is redrawn."""
    samples = []
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*setup)
        await pilot.pause()
        for key in keys:

            async def step(key: str = key) -> None:
                await pilot.press(key)
                await pilot.pause()

            samples.append(await timed(step))
    return Samples(samples)


@dataclass
class Runs:
    open_cast: Samples
    open_faq: Samples
    cast_keys: Samples
    faq_keys: Samples
    typing: Samples


MOVES = ["down"] * 60 + ["pagedown"] * 10 + ["end", "home"]


async def guide_runs(show: Show, rounds: int) -> Runs:
    def guide() -> App[None]:
        return ShowGuideApp(show)

    return Runs(
        open_cast=await open_pane(guide, "3", rounds),
        open_faq=await open_pane(guide, "5", rounds),
        cast_keys=await keystrokes(guide, ["3"], MOVES),
        faq_keys=await keystrokes(guide, ["5"], MOVES),
        typing=await keystrokes(guide, ["5", "f"], list("question tag")),
    )


def compared(metric: str, big: Samples, small: Samples, bare: Samples, target: float) -> list[Row]:
    return [
        Row(f"{metric} median", big.median, "ms", target, big.median / small.median, "small show"),
        Row(f"{metric} p95", big.p95, "ms", None, big.p95 / bare.p95, "bare app"),
    ]


async def measure(big: Show, small: Show, rounds: int) -> list[Row]:
    bare_open = await open_pane(BareSwitcher, "3", rounds)
    bare_keys = await keystrokes(BareSwitcher, ["tab"], ["down"] * len(MOVES))
    few = await guide_runs(small, rounds)
    many = await guide_runs(big, rounds)
    cast, faq = len(big.characters), len(big.faq)
    return [
        Row("switch pane: bare app median", bare_open.median, "ms"),
        Row("move in list: bare app median", bare_keys.median, "ms"),
        Row(f"open Cast ({SMALL} characters) median", few.open_cast.median, "ms"),
        Row(f"open FAQ ({SMALL} questions) median", few.open_faq.median, "ms"),
        *compared(
            f"open Cast ({cast:,} characters)",
            many.open_cast,
            few.open_cast,
            bare_open,
            OPEN_TARGET_MS,
        ),
        *compared(
            f"open FAQ ({faq:,} questions)",
            many.open_faq,
            few.open_faq,
            bare_open,
            OPEN_TARGET_MS,
        ),
        *compared("key in Cast list", many.cast_keys, few.cast_keys, bare_keys, KEY_TARGET_MS),
        *compared("key in FAQ list", many.faq_keys, few.faq_keys, bare_keys, KEY_TARGET_MS),
        *compared("key typed in FAQ filter", many.typing, few.typing, bare_keys, FILTER_TARGET_MS),
    ]


def rows(faq: int = 5000, characters: int = 2000, rounds: int = 15) -> list[Row]:
    big = big_show(faq=faq, characters=characters)
    small = big_show(faq=SMALL, characters=SMALL, highlights=SMALL, threads=SMALL)
    return asyncio.run(measure(big, small, rounds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--faq", type=int, default=5000)
    parser.add_argument("--characters", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    print_rows(
        "Big panes (in-process, key press to redrawn screen)",
        rows(args.faq, args.characters, args.rounds),
    )


if __name__ == "__main__":
    main()
