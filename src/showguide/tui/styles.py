"""The stylesheets read after start-up, when what they style is first built.

The app reads its CSS_PATH as it starts, and parsing a stylesheet costs in
the guide's first frame whether or not anything drawn uses its rules. The
styles of the panes the first frame does not draw (the master lists and
their detail, the Plot's threads, the Highlights) are read when the first
of them is built, just before it mounts: their rules style nothing already
on screen, so nothing is styled again (a screen's own CSS_PATH, by contrast,
makes Textual restyle the whole app).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

_HERE = Path(__file__).resolve().parent

#: In the order they were read when they all came with the app's CSS_PATH.
PANE_STYLES = (_HERE / "panes.tcss", _HERE / "panes" / "highlights.tcss")


def read_pane_styles(app: App[object]) -> None:
    """Add :data:`PANE_STYLES` to ``app``'s stylesheet, once."""
    stylesheet = app.stylesheet
    for path in PANE_STYLES:
        if not stylesheet.has_source(str(path), ""):
            stylesheet.read(path)
