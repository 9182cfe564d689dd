"""Command-palette entries for the items of the show on screen.

Characters, FAQ questions and highlights can be jumped to by name, and the
FAQ filtered by tag. Items hidden by the spoiler shield are left out: their
names and questions are spoiler text too.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.style import Style

from showguide.core.items import ItemKey, character_key, episode_key, faq_key, highlight_key
from showguide.core.model import Show
from showguide.core.spoilers import SpoilerShield
from showguide.core.text import visible
from showguide.core.textfold import fold, fold_with_offsets
from showguide.tui.textual_internals import MendedCommandPalette


class GuidePalette(MendedCommandPalette):
    """Textual's command palette (mended: see tui/textual_internals.py), paging by keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]


def palette_entries(show: Show, shield: SpoilerShield) -> Iterator[tuple[str, str, ItemKey | str]]:
    """(title, help, what to do) for every item ``shield`` lets through: an item
    key to jump to, or a tag to filter the FAQ by."""
    for character in show.characters:
        key = character_key(character.id)
        if not shield.is_hidden(key, character.spoiler, character.reveals):
            native = f" {character.native_name}" if character.native_name else ""
            yield f"Cast: {character.name}{native}", "Show this character", key
    for entry in show.faq:
        key = faq_key(entry.id)
        if not shield.is_hidden(key, entry.spoiler, entry.reveals):
            yield f"FAQ: {entry.question}", "Show this question and its answer", key
    for highlight in show.highlights:
        key = highlight_key(highlight.id)
        if not shield.is_hidden(key, highlight.spoiler, highlight.reveals):
            yield f"Highlight: {highlight.title}", "Show this highlight", key
    tags = sorted(
        {
            tag
            for entry in show.faq
            if not shield.is_hidden(faq_key(entry.id), entry.spoiler, entry.reveals)
            for tag in entry.tags
        }
    )
    for tag in tags:
        yield f"FAQ tag: #{tag}", "Show only the questions with this tag", tag
    # Episode titles show whatever the progress; their summaries are never here.
    for season in show.seasons:
        for episode in season.episodes:
            key = episode_key(season.number, episode.number)
            yield f"Episode {key.id}: {episode.title}", "Show this episode", key


class GuideItems(Provider):
    def entries(self) -> Iterator[tuple[str, str, ItemKey | str]]:
        """(title, help, what to do): an item key to jump to, or a tag to filter by."""
        from showguide.tui.guide import GuideScreen

        screen = self.screen
        if not isinstance(screen, GuideScreen):
            return
        yield from palette_entries(screen.show, screen.shield)

    def run(self, target: ItemKey | str) -> None:
        from showguide.tui.guide import GuideScreen

        screen = self.screen
        if isinstance(screen, GuideScreen):
            if isinstance(target, str):
                self.app.call_later(screen.filter_faq_by_tag, target)
            else:
                self.app.call_later(screen.jump_to, target)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, target in self.entries():
            shown = palette_text(title)
            offsets = letters_in_order(query, shown)
            if offsets:
                yield Hit(
                    _SCORER.score(shown, offsets),
                    highlighted(shown, offsets, matcher.match_style),
                    partial(self.run, target),
                    text=shown,
                    help=help_text,
                )

    async def discover(self) -> Hits:
        for title, help_text, target in self.entries():
            shown = palette_text(title)
            yield DiscoveryHit(
                Content(shown), partial(self.run, target), text=shown, help=help_text
            )


#: Scores matches on the same scale as Textual's own palette commands.
_SCORER = FuzzySearch()
#: Longer titles are cut: the palette shows one line of each, and a
#: 100,000-character name would otherwise fill it (and slow every keystroke).
PALETTE_TEXT_LIMIT = 100


def palette_text(title: str) -> str:
    """``title`` as the palette shows it: control characters visible, cut to a line."""
    shown = visible(title)
    if len(shown) > PALETTE_TEXT_LIMIT:
        shown = shown[: PALETTE_TEXT_LIMIT - 1] + "…"
    return shown


def letters_in_order(query: str, text: str) -> list[int]:
    """Where the query's letters are in ``text``, in order (empty when they are not all there).

    Both are folded first (:func:`~showguide.core.textfold.fold`), so case,
    accents and the Unicode form do not matter: a Hangul name saved
    decomposed (NFD) is found by the syllables a keyboard types, and the
    reverse. The offsets are of ``text`` as written.

    A contiguous match wins; otherwise each letter takes its first place after
    the one before. Textual's matcher tries every placement instead, which for
    a long text full of the same letters never finishes; this is linear.
    """
    wanted = fold(query)
    folded, original = fold_with_offsets(text)
    found: list[int] = []
    start = folded.find(wanted) if wanted.strip() else -1
    if start >= 0:
        found = [original[i] for i in range(start, start + len(wanted)) if not folded[i].isspace()]
    else:
        position = 0
        for char in wanted:
            if char.isspace():
                continue
            position = folded.find(char, position)
            if position < 0:
                return []
            found.append(original[position])
            position += 1
    # Several folded letters can come from one character ("발" is three jamo).
    return sorted(set(found))


def highlighted(text: str, offsets: list[int], style: Style) -> Content:
    """``text`` exactly as it is (a str given to the palette is parsed as
    markup), with the letters at ``offsets`` in ``style``."""
    content = Content(text)
    for offset in offsets:
        content = content.stylize(style, offset, offset + 1)
    return content
