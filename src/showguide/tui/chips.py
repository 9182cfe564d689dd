"""Tags drawn as chips: the Plot pane's themes and the FAQ's tags.

Shared by two panes, so it lives outside both: panes do not import each
other (an import-linter contract in pyproject.toml).
"""

from __future__ import annotations

from rich.text import Text

from showguide.display import literal


def theme_chips(themes: list[str]) -> Text:
    """Themes as tags: each one a highlighted word, wrapping like text."""
    chips = Text()
    for theme in themes:
        if chips:
            chips.append("  ")
        chips.append_text(literal(f" {theme} ", "reverse"))
    return chips
