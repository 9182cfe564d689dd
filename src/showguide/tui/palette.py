"""Command-palette entries for the items of the show on screen.

Characters, FAQ questions and highlights can be jumped to by name, and the
FAQ filtered by tag. Items hidden by the spoiler shield are left out: their
names and questions are spoiler text too.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from showguide.core.items import ItemKey, character_key, faq_key, highlight_key
from showguide.core.text import visible


class GuideItems(Provider):
    def entries(self) -> Iterator[tuple[str, str, ItemKey | str]]:
        """(title, help, what to do): an item key to jump to, or a tag to filter by."""
        from showguide.tui.guide import GuideScreen

        screen = self.screen
        if not isinstance(screen, GuideScreen):
            return
        show, shield = screen.show, screen.shield
        for character in show.characters:
            key = character_key(character.id)
            if not shield.is_hidden(key, character.spoiler):
                native = f" {character.native_name}" if character.native_name else ""
                yield f"Cast: {character.name}{native}", "Show this character", key
        for entry in show.faq:
            key = faq_key(entry.id)
            if not shield.is_hidden(key, entry.spoiler):
                yield f"FAQ: {entry.question}", "Show this question and its answer", key
        for highlight in show.highlights:
            key = highlight_key(highlight.id)
            if not shield.is_hidden(key, highlight.spoiler):
                yield f"Highlight: {highlight.title}", "Show this highlight", key
        tags = sorted(
            {
                tag
                for entry in show.faq
                if not shield.is_hidden(faq_key(entry.id), entry.spoiler)
                for tag in entry.tags
            }
        )
        for tag in tags:
            yield f"FAQ tag: #{tag}", "Show only the questions with this tag", tag

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
            # visible(): palette text is markup-free Content, but control
            # characters in data must still not reach the terminal.
            shown = visible(title)
            score = matcher.match(shown)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(shown), partial(self.run, target), help=help_text
                )

    async def discover(self) -> Hits:
        for title, help_text, target in self.entries():
            yield DiscoveryHit(visible(title), partial(self.run, target), help=help_text)
