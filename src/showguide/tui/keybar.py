"""The footer: the keys that work where the focus is, in one line.

Textual's Footer builds a widget per key and rebuilds them on every focus
change, which cost a third of the guide's first frame. This bar renders the
same information (the screen's live bindings marked ``show=True``) as one
line of text; each key stays clickable through an ``@click`` action.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Static


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

    def refresh_keys(self) -> None:
        app = self.app
        key_style = Style.parse("bold $footer-key-foreground")
        parts: list[Content] = []
        shown: set[str] = set()
        active = self.screen.active_bindings
        palette = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if (
                not binding.show
                or binding.action in shown
                or binding is getattr(palette, "binding", None)
            ):
                continue
            shown.add(binding.action)
            parts.append(
                self.key_content(
                    key, app.get_key_display(binding), binding.description, key_style, enabled
                )
            )
        if palette is not None:
            display = app.get_key_display(palette.binding)
            parts.append(
                self.key_content(app.COMMAND_PALETTE_BINDING, display, "Commands", key_style, True)
            )
        keys = Content("  ").join(parts)
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
