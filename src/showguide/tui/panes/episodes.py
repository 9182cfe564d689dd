"""Episodes: every season's episodes, how far you have watched, and each episode's detail.

Space or ``w`` marks the highlighted episode watched, and every episode before
it; ``W`` unmarks it and every episode after it. The line above the list says
where you are ("Watched up to S1E4 of 16"). A summary past your progress is
hidden like any spoiler: ``s`` reveals it, ``S`` lowers the whole shield.

A show can list 1,600 episodes, so the list is a LineList: its rows are plain
data whose text is made only when a row is drawn, from the current progress,
and a change of progress redraws the rows on screen, not 1,600 of them.
"""

from __future__ import annotations

import datetime
from functools import partial
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Static

from showguide.core.episodes import EpisodeOrder, progress_label, relative_day
from showguide.core.items import summary_key
from showguide.core.model import Episode, Season, Show
from showguide.core.spoilers import SpoilerShield
from showguide.display import literal
from showguide.tui.bindings import bindings
from showguide.tui.rows import ListRow
from showguide.tui.sections import GuideScroll
from showguide.tui.widgets import (
    MasterDetail,
    MasterList,
    heading,
    hidden_notice,
    notice,
    revealed_note,
)

WATCHED_MARK = "✓"


def today() -> datetime.date:
    """The day air dates are told from (a function, so tests can fix it)."""
    return datetime.date.today()


class EpisodeList(MasterList):
    """The list of episodes; its keys mark progress."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("episode-list")

    def action_mark_watched(self) -> None:
        pane = self.parent.parent if self.parent is not None else None
        if isinstance(pane, EpisodesPane):
            pane.mark_watched()

    def action_unmark_watched(self) -> None:
        pane = self.parent.parent if self.parent is not None else None
        if isinstance(pane, EpisodesPane):
            pane.unmark_watched()


class EpisodesPane(MasterDetail):
    pane = "episodes"

    def __init__(self, show: Show, shield: SpoilerShield) -> None:
        self.order = shield.order if shield.order is not None else EpisodeOrder(show)
        entries: dict[str, tuple[int, Season, Episode]] = {}
        for position, (season, episode) in enumerate(self.order.episodes, start=1):
            entries[f"S{season.number}E{episode.number}"] = (position, season, episode)
        super().__init__(shield, entries, id="episodes-pane", classes="master-detail")
        self.show = show
        self.today = today()

    # --- what is hidden -----------------------------------------------------

    def hidden(self, item_id: str) -> bool:
        """Whether the episode's summary is hidden (its title never is)."""
        position, season, episode = self.items[item_id]
        if not episode.summary:
            return False
        # The summary reveals its own episode, whose position is known: the
        # same rule as reveals, without parsing the code again.
        beyond = position > self.shield.watched
        return self.shield.is_hidden(summary_key(season.number, episode.number), beyond)

    def revealed(self, item_id: str) -> bool:
        position, _season, episode = self.items[item_id]
        beyond = position > self.shield.watched
        return bool(episode.summary) and self.shield.is_revealed(self.reveal_key(item_id), beyond)

    def reveal_key(self, item_id: str) -> tuple[str, str]:
        _, season, episode = self.items[item_id]
        return summary_key(season.number, episode.number)

    # --- drawing ------------------------------------------------------------

    def episode_row(self, item_id: str) -> Text:
        position, _season, episode = self.items[item_id]
        watched = position <= self.shield.watched
        row = Text()
        row.append(f"{WATCHED_MARK if watched else ' '} ", style="bold green")
        row.append(f"{item_id:<8}", style="dim" if watched else "bold")
        row.append_text(literal(episode.title, "" if not watched else "dim"))
        if episode.aired:
            row.append(f"  · {relative_day(episode.aired, self.today)}", style="dim")
        return row

    def prompt(self, item_id: str, hidden: bool) -> Text:
        # The title shows whatever the progress; only the summary can be hidden.
        return self.episode_row(item_id)

    def detail(self, item_id: str) -> Group:
        position, season, episode = self.items[item_id]
        title = Text(f"{item_id}  ", style="bold")
        title.append_text(literal(episode.title, "bold"))
        parts: list[Text] = [title]
        if season.title:
            parts.append(literal(f"Season {season.number}: {season.title}", "dim"))
        facts = []
        if episode.aired:
            facts.append(f"{episode.aired.isoformat()} ({relative_day(episode.aired, self.today)})")
        if episode.runtime:
            facts.append(f"{episode.runtime} min")
        if facts:
            parts.append(Text(" · ".join(facts), style="dim"))
        parts.append(Text())
        if not episode.summary:
            parts.append(Text("No summary yet.", style="italic"))
        elif self.hidden(item_id):
            parts.append(hidden_notice("Summary"))
        else:
            parts.append(literal(episode.summary))
            if self.revealed(item_id):
                parts.append(revealed_note("Summary"))
        watched = position <= self.shield.watched
        status = "✓ Watched" if watched else "Not watched yet · Space marks it watched"
        parts += [Text(), Text(status, style="italic")]
        return Group(*parts)

    def compose(self) -> ComposeResult:
        rows: list[ListRow] = []
        episode_row = self.episode_row
        for season in self.show.seasons:
            name = f"Season {season.number}" + (f": {season.title}" if season.title else "")
            rows.append(heading(name))
            rows.extend(
                ListRow(partial(episode_row, code), code)
                for code in (f"S{season.number}E{e.number}" for e in season.episodes)
            )
        with Vertical(classes="master"):
            yield Static(self.progress_line(), id="episodes-progress")
            yield EpisodeList(*(rows or [notice("No episodes are listed.")]), id="episodes-list")
        with GuideScroll(id="episodes-detail", classes="detail") as detail:
            detail.border_title = "Episode"
            yield Static(Text("No episode chosen.", style="italic"), id="episodes-body")

    def progress_line(self) -> Text:
        return Text(progress_label(self.order, self.shield.watched), style="bold")

    def on_mount(self) -> None:
        if len(self.order):
            # Open on the next episode to watch: that is what a viewer looks for.
            upcoming = min(self.shield.watched + 1, len(self.order))
            self.jump_to_quietly(self.order.code(upcoming))

    def jump_to_quietly(self, item_id: str) -> None:
        episodes = self.list_widget()
        episodes.highlighted = episodes.get_index(item_id)

    def jump_to(self, item_id: str) -> bool:
        # A search result for a summary ("S1E4:summary") shows its episode.
        return super().jump_to(item_id.partition(":")[0])

    def show_detail(self, item_id: str | None) -> None:
        if item_id in self.items:
            self.query_one("#episodes-body", Static).update(self.detail(item_id))

    def refresh_spoilers(self) -> None:
        self.query_one("#episodes-progress", Static).update(self.progress_line())
        super().refresh_spoilers()

    # --- progress -----------------------------------------------------------

    def mark_watched(self) -> None:
        item_id = self.highlighted_id()
        if item_id is not None:
            self.set_watched(self.items[item_id][0])

    def unmark_watched(self) -> None:
        item_id = self.highlighted_id()
        if item_id is not None:
            self.set_watched(self.items[item_id][0] - 1)

    def set_watched(self, watched: int) -> None:
        set_progress = getattr(self.screen, "set_progress", None)
        if set_progress is not None:
            set_progress(watched)
