"""The footer: the keys that work where the focus is, in one line.

Textual's Footer builds a widget per key and rebuilds them on every focus
change, which cost a third of the guide's first frame. This bar renders the
same information (the screen's live bindings marked ``show=True``) as one
line of text; each key stays clickable through an ``@click`` action.

When the line is too narrow, the hints the command table ranks lowest drop
first (how to quit and get help last), and a hint is never cut in half.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Static

from showguide.tui.bindings import command_of

GAP = "  "
#: A binding not made from the command table (none should be) goes first.
FOOTER_RANK_UNKNOWN = 9


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
        padding: 0 1;
        link-style: none;
        link-style-hover: reverse;
    }
    """

    _shown: Content | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.refresh_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh_keys()

    def on_resize(self) -> None:
        self.refresh_keys()

    def refresh_keys(self) -> None:
        app = self.app
        key_style = Style.parse("bold $footer-key-foreground")
        hints: list[tuple[int, Content]] = []
        shown: set[str] = set()
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            command = command_of(binding)
            name = binding.id or binding.action
            if not binding.show or name in shown:
                continue
            shown.add(name)
            rank = command.footer_rank if command is not None else FOOTER_RANK_UNKNOWN
            content = self.key_content(
                key, app.get_key_display(binding), binding.description, key_style, enabled
            )
            hints.append((rank, content))
        keys = Content(GAP).join(fit(hints, self.content_size.width))
        if keys != self._shown:
            self._shown = keys
            # One line docked at the bottom: new keys never change its size,
            # so skip the layout pass that a plain update would ask for.
            self.update(keys, layout=False)

    @staticmethod
    def key_content(
        key: str, display: str, description: str, key_style: Style, enabled: bool
    ) -> Content:
        # Clicking a key does exactly what pressing it does.
        click = Style.from_meta({"@click": f"app.simulate_key({key!r})"})
        content = Content.assemble((display, key_style), " ", description).stylize(click)
        return content.stylize(Style(dim=True)) if not enabled else content


def fit(hints: list[tuple[int, Content]], width: int) -> list[Content]:
    """The hints that fit in ``width`` cells, in their order: while they do
    not, the one ranked highest goes (the last of equals); a hint is never
    cut. ``width`` 0 (not laid out yet) keeps them all."""
    kept = list(hints)
    if width <= 0:
        return [content for _rank, content in kept]

    def length() -> int:
        return sum(content.cell_length for _rank, content in kept) + len(GAP) * (len(kept) - 1)

    while kept and length() > width:
        worst = max(range(len(kept)), key=lambda index: (kept[index][0], index))
        del kept[worst]
    return [content for _rank, content in kept]
