"""The progress rule as a property, on every surface that shows content outside the app.

For random series and random progress, nothing that reveals an episode past
the progress appears in print, in an export (Markdown, JSON, YAML), in a search
result or its snippet, or in a palette entry; and everything at or before the
progress does. (tests/tui/test_episodes_pane.py checks the same on screen.)

Every item and summary carries a word of its own (see ``series_dict``), so
"appears" is "its word is in the text".
"""

from __future__ import annotations

import io

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from showguide.commands.render import SECTIONS, header
from showguide.core.episodes import EpisodeOrder
from showguide.core.export import to_json, to_yaml
from showguide.core.loader import parse_show
from showguide.core.markdown import to_markdown
from showguide.core.model import Show
from showguide.core.progress import shield_for, visible_show
from showguide.core.search import SearchIndex
from showguide.core.spoilers import SpoilerShield
from showguide.tui.palette import palette_entries
from tests.showdata import series_dict


@st.composite
def series_and_progress(draw: st.DrawFn) -> tuple[Show, int, dict[str, bool]]:
    """A series, a progress, and for each item's or summary's word whether it may show."""
    seasons = draw(st.integers(1, 3))
    episodes = draw(st.integers(1, 4))
    codes = [f"S{s}E{e}" for s in range(1, seasons + 1) for e in range(1, episodes + 1)]
    spelled = st.sampled_from(codes).map(lambda code: code.replace("S", "S0").replace("E", "E0"))
    reveals = draw(
        st.lists(st.one_of(st.none(), st.sampled_from(codes), spelled, st.just(True)), max_size=12)
    )
    spoilers = frozenset(draw(st.sets(st.integers(0, max(len(reveals) - 1, 0)), max_size=3)))
    show = parse_show(
        yaml.safe_dump(series_dict(seasons, episodes, reveals, spoilers=spoilers), sort_keys=False),
        "series.yaml",
    )
    watched = draw(st.integers(0, len(codes)))
    order = EpisodeOrder(show)
    may_show: dict[str, bool] = {}
    for number, reveal in enumerate(reveals):
        position = order.reveals_at(reveal) if isinstance(reveal, str) else None
        beyond = reveal is True or (position is not None and position > watched)
        may_show[f"itemword{number}"] = not beyond and number not in spoilers
    for position, code in enumerate(codes, start=1):
        season, episode = code[1:].split("E")
        may_show[f"summaryword{season}x{episode}"] = position <= watched
    return show, watched, may_show


def printed(show: Show, shield: SpoilerShield) -> str:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(header(show))
    for section in SECTIONS.values():
        console.print(section(show, shield))
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def check(text: str, may_show: dict[str, bool], where: str) -> None:
    for word, allowed in may_show.items():
        # "itemword1" is inside "itemword10": match whole words.
        present = any(piece == word for piece in text.replace(".", " ").replace("?", " ").split())
        assert present == allowed, f"{word} {'missing from' if allowed else 'leaks into'} {where}"


@settings(max_examples=60, deadline=None)
@given(series_and_progress())
def test_print_and_every_export_follow_the_progress(
    case: tuple[Show, int, dict[str, bool]],
) -> None:
    show, watched, may_show = case
    shield = shield_for(show, watched)
    check(printed(show, shield), may_show, "print")
    visible = visible_show(show, shield)
    check(to_markdown(visible), may_show, "the Markdown export")
    check(to_json(visible), may_show, "the JSON export")
    check(to_yaml(visible), may_show, "the YAML export")
    everything = {word: True for word in may_show}
    check(printed(show, shield_for(show, watched, spoilers=True)), everything, "print --spoilers")


@settings(max_examples=60, deadline=None)
@given(series_and_progress())
def test_search_and_the_palette_follow_the_progress(
    case: tuple[Show, int, dict[str, bool]],
) -> None:
    show, watched, may_show = case
    shield = SpoilerShield().for_show(EpisodeOrder(show), watched)
    index = SearchIndex.for_show(show)
    for word, allowed in may_show.items():
        found = index.search(word, shield=shield)
        shown = " ".join(
            f"{result.title} {result.snippet.text if result.snippet else ''}"
            for result in found.results
        )
        assert (word in shown.replace("?", " ").replace(".", " ").split()) == allowed, word
        if not allowed:
            assert found.hidden >= 1, f"{word}: a hidden match is counted"
    palette = "\n".join(title for title, _help, _target in palette_entries(show, shield))
    words = set(palette.replace("?", " ").split())
    for word, allowed in may_show.items():
        # The palette lists characters, questions and highlights (items 1, 2
        # and 3 of every 4), never threads or summaries.
        listed = word.startswith("itemword") and int(word.removeprefix("itemword")) % 4 != 0
        assert (word in words) == (allowed and listed), word
