"""showguide: a keyboard-first terminal guide to TV series."""

__version__ = "0.1.0"
