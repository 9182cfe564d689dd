"""Where showguide keeps the user's files: data, configuration, state and cache.

By default these are the platform's usual folders (``platformdirs``). Setting
``SHOWGUIDE_HOME`` puts all four under one folder instead, which the tests use
so that they never touch the real home, and which suits a portable install.

platformdirs is imported only when it is needed, so that commands that never
look at user folders do not pay for it at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from showguide.core.environment import (
    HOME_VARIABLE,
    XDG_DEFAULTS,
    ignored_xdg_variables,
    showguide_home,
)

APP_NAME = "showguide"
__all__ = [
    "HOME_VARIABLE",
    "SHOWS_FOLDER",
    "cache_dir",
    "config_dir",
    "data_dir",
    "state_dir",
    "user_dir",
    "user_shows_dir",
]
#: Show files found here are loaded along with the bundled ones.
SHOWS_FOLDER = "shows"

Kind = Literal["data", "config", "state", "cache"]


def user_dir(kind: Kind) -> Path:
    """The folder for one kind of file; it may not exist yet."""
    home = showguide_home()
    if home is not None:
        return home / kind
    variable, default = XDG_DEFAULTS[kind]
    if variable in ignored_xdg_variables():
        # platformdirs would take a relative XDG path as it is, relative to the
        # current folder; the spec says to ignore it.
        return Path.home() / default / APP_NAME
    import platformdirs

    # appauthor=False: no "showguide/showguide" nesting on Windows.
    if kind == "data":
        return platformdirs.user_data_path(APP_NAME, appauthor=False)
    if kind == "config":
        return platformdirs.user_config_path(APP_NAME, appauthor=False)
    if kind == "state":
        return platformdirs.user_state_path(APP_NAME, appauthor=False)
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return user_dir("data")


def config_dir() -> Path:
    return user_dir("config")


def state_dir() -> Path:
    return user_dir("state")


def cache_dir() -> Path:
    return user_dir("cache")


def user_shows_dir() -> Path:
    """The folder whose show files are loaded as the user's own shows."""
    return data_dir() / SHOWS_FOLDER
