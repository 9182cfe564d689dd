"""The terminal sizes the layout changes at, and the screen classes they give.

Kept apart from the screens so that the app, the guide and the catalog share
them without importing one another.
"""

from __future__ import annotations

from textual.app import App
from textual.geometry import Size

#: Below this width or height the guide asks for a larger terminal.
MIN_WIDTH = 60
MIN_HEIGHT = 15
#: At this width and wider, lists and their detail sit side by side.
WIDE_WIDTH = 100

HORIZONTAL_BREAKPOINTS = [
    (0, "-too-narrow"),
    (MIN_WIDTH, "-narrow"),
    (WIDE_WIDTH, "-wide"),
]
VERTICAL_BREAKPOINTS = [
    (0, "-too-short"),
    (MIN_HEIGHT, "-tall"),
]


def breakpoint_classes(app: App[object], size: Size) -> set[str]:
    """The classes Textual's breakpoints give a screen of ``size`` in ``app``.

    A screen sets them in its ``compose``, before Textual would on the first
    resize: changing a screen's classes restyles every widget on it, and this
    way the first frame is laid out and styled once, at its real size.
    """
    classes = set()
    for breakpoints, dimension in (
        (app.HORIZONTAL_BREAKPOINTS, size.width),
        (app.VERTICAL_BREAKPOINTS, size.height),
    ):
        for edge, name in sorted(breakpoints or [], reverse=True):
            if dimension >= edge:
                classes.add(name)
                break
    return classes
