"""Cast: characters grouped by tier and group, with the highlighted one's detail."""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from showguide.core.arrange import cast_groups, label
from showguide.core.model import Character, Show
from showguide.core.provenance import attribution
from showguide.core.spoilers import SpoilerShield
from showguide.display import literal, performer_text
from showguide.tui.rows import ListRow
from showguide.tui.sections import GuideScroll
from showguide.tui.widgets import (
    REVEALED_MARK,
    MasterDetail,
    MasterList,
    heading,
    hidden_notice,
    revealed_mark,
    revealed_note,
)

NAME_WIDTH_LIMIT = 24


def grouped(characters: list[Character]) -> Iterator[tuple[str, list[Character]]]:
    """(heading, characters) in tier order, then by group in order of appearance."""
    for tier, group, members in cast_groups(characters):
        title = label(tier) if group is None else f"{label(tier)} · {group.capitalize()}"
        yield title, members


def character_row(character: Character, name_width: int, revealed: bool = False) -> Text:
    """One line of the list: the name padded to ``name_width`` terminal cells
    (Hangul takes two cells a syllable), then the actor, so columns line up.
    A revealed spoiler's mark goes inside the name's cells."""
    name = literal(character.name, "bold" if character.tier == "lead" else "")
    if revealed:
        name = Text.assemble(revealed_mark(), name)
    if character.native_name:
        name.append(" ")
        name.append_text(literal(character.native_name))
    name.truncate(name_width, overflow="ellipsis", pad=True)
    row = Text.assemble(name, "  ", performer_text(character.actor))
    row.no_wrap = True
    row.overflow = "ellipsis"
    return row


def character_row_hidden(name_width: int) -> Text:
    row = hidden_notice("Spoiler character")
    row.no_wrap = True
    return row


def character_detail(
    character: Character, hidden: bool, per: str = "", revealed: bool = False
) -> Group:
    if hidden:
        return Group(hidden_notice("Spoiler character"))
    title = literal(character.name, "bold")
    if character.native_name:
        title.append("  ")
        title.append_text(literal(character.native_name))
    role = character.tier.capitalize() + (f" · {character.group}" if character.group else "")
    if character.ensemble:
        role += " · a group of characters"
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("Role", literal(role))
    facts.add_row("Actor", performer_text(character.actor))
    if character.dance_double is not None:
        facts.add_row("Dance double", performer_text(character.dance_double))
    if per:
        facts.add_row("Source", literal(per.removeprefix("per "), "dim"))
    parts: list[Text | Table] = [title, Text(), facts, Text(), literal(character.description)]
    if revealed:
        parts += [Text(), revealed_note("Spoiler character")]
    return Group(*parts)


class CastPane(MasterDetail):
    pane = "cast"

    def __init__(self, show: Show, shield: SpoilerShield) -> None:
        super().__init__(
            shield, {c.id: c for c in show.characters}, id="cast-pane", classes="master-detail"
        )
        self.show = show
        names = [
            cell_len(c.name)
            + (cell_len(c.native_name) + 1 if c.native_name else 0)
            # Room for the mark of a revealed spoiler.
            + (len(REVEALED_MARK) if c.spoiler or c.reveals else 0)
            for c in show.characters
        ]
        self.name_width = min(max(names, default=8), NAME_WIDTH_LIMIT)

    def prompt(self, item_id: str, hidden: bool) -> Text:
        if hidden:
            return character_row_hidden(self.name_width)
        return character_row(self.items[item_id], self.name_width, self.revealed(item_id))

    def compose(self) -> ComposeResult:
        rows: list[ListRow | None] = []
        for title, members in grouped(self.show.characters):
            if rows:
                rows.append(None)  # a rule between groups
            rows.append(heading(title))
            rows.extend(self.row(c.id) for c in members)
        yield MasterList(*rows, id="cast-list", classes="master")
        with GuideScroll(id="cast-detail", classes="detail") as detail:
            detail.border_title = "Character"
            yield Static(Text("No characters are listed yet.", style="italic"), id="cast-body")

    def on_mount(self) -> None:
        cast_list = self.list_widget()
        cast_list.action_first()

    def show_detail(self, item_id: str | None) -> None:
        if item_id in self.items:
            character = self.items[item_id]
            per = attribution(self.show, list(character.sources))
            body = character_detail(character, self.hidden(item_id), per, self.revealed(item_id))
            self.query_one("#cast-body", Static).update(body)
