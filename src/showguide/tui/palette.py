"""The command palette: the app's commands, and the items of the show on screen.

The commands are those of the command table (showguide.core.keytable) that
work where the focus is, each with its keys (:func:`palette_commands`).
Characters, FAQ questions and highlights can be jumped to by name, and the
FAQ filtered by tag. Items hidden by the spoiler shield are left out: their
names and questions are spoiler text too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, ClassVar

from textual.actions import parse
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.dom import DOMNode
from textual.fuzzy import FuzzySearch
from textual.screen import Screen
from textual.style import Style

from showguide.core.items import ItemKey, character_key, episode_key, faq_key, highlight_key
from showguide.core.keytable import BY_ID, Command, in_home
from showguide.core.model import Show
from showguide.core.spoilers import SpoilerShield
from showguide.core.text import visible
from showguide.core.textfold import fold, fold_with_offsets
from showguide.tui.bindings import bindings, keys_label
from showguide.tui.keybar import KeyBar
from showguide.tui.textual_internals import MendedCommandPalette


class GuidePalette(MendedCommandPalette, inherit_bindings=False):
    """Textual's command palette (mended: see tui/textual_internals.py), with
    the keys of the command table and the footer every screen has."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("palette")

    def compose(self) -> ComposeResult:
        yield from super().compose()
        # The footer every screen has: how to close, get help and quit.
        yield KeyBar()


def palette_commands(
    app: App[Any], screen: Screen[Any]
) -> Iterator[tuple[str, str, Callable[[], object]]]:
    """(title, help, run) for each command of the table that works on
    ``screen`` where its focus is, found in the bindings of the focused
    widget and its parents, keys that an input there takes included; then
    the commands only the palette runs (theme, screenshot...)."""
    keymap: dict[str, tuple[str, ...]] = dict(getattr(getattr(app, "keymap", None), "keys", {}))
    focused = screen.focused
    nodes: list[DOMNode] = list(focused.ancestors_with_self) if focused else [screen, app]
    seen: set[str] = set()
    for node in nodes:
        for cls in type(node).__mro__:
            for binding in cls.__dict__.get("BINDINGS", ()):
                command = (
                    BY_ID.get(binding.id)
                    if isinstance(binding, Binding) and binding.id is not None
                    else None
                )
                if command is None or not command.palette or command.id in seen:
                    continue
                if not _enabled(app, screen, node, binding.action):
                    continue
                seen.add(command.id)
                keys = keymap.get(command.id, command.keys)
                help_text = f"{command.description} Key: {keys_label(keys)}"
                yield command.palette, help_text, partial(app.run_action, binding.action, node)
    for command in in_home("app"):
        if not command.keys and command.palette and _palette_only_applies(command, screen):
            # The screen the palette was opened over, not the palette itself.
            target: DOMNode = screen if command.action.startswith("screen.") else app
            run = partial(app.run_action, command.action.removeprefix("screen."), target)
            keys = keymap.get(command.id, ())
            shown = (
                f"{command.description} Key: {keys_label(keys)}" if keys else command.description
            )
            yield command.palette, shown, run


def _enabled(app: App[Any], screen: Screen[Any], node: DOMNode, action: str) -> bool:
    namespace, name, parameters = parse(action)
    target = app if namespace == "app" else screen if namespace == "screen" else node
    return target.check_action(name, parameters) is not False


def _palette_only_applies(command: Command, screen: Screen[Any]) -> bool:
    if command.id == "maximize":
        focused = screen.focused
        return screen.maximized is None and focused is not None and focused.allow_maximize
    if command.id == "minimize":
        return screen.maximized is not None
    if command.action.startswith("screen."):
        # A screen's own command (the catalog's copy and edit): on that screen only.
        return hasattr(screen, "action_" + command.action.removeprefix("screen.").split("(")[0])
    return True


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
