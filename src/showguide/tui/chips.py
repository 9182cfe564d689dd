"""Tags drawn as chips: the Plot pane's themes and the FAQ's tags.

Shared by two panes, so it lives outside both: panes do not import each
other (an import-linter contract in pyproject.toml).
"""

from __future__ import annotations

from showguide.tui.prose import Chips


def theme_chips(themes: list[str]) -> Chips:
    """Themes as tags: each one highlighted, a line breaking only between them."""
    return Chips(themes)
