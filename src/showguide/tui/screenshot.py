"""The palette's "Screenshot": an SVG of the screen saved where it can be, and said where.

Textual saves to the Downloads folder and, when that folder is missing, says
only "Failed to save screenshot". Here the screenshot goes to Downloads when
there is one, else to the current folder, else to showguide's own data
folder; the notice names the file written, or every folder tried and why
each refused.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
from pathlib import Path
from typing import TYPE_CHECKING, Any

from showguide.core.atomic import write_atomic

if TYPE_CHECKING:
    from textual.app import App


def downloads_folder() -> Path:
    """The user's Downloads folder, as platformdirs finds it (XDG_DOWNLOAD_DIR...)."""
    import platformdirs

    return platformdirs.user_downloads_path()


def screenshot_folders() -> list[Path]:
    """Where a screenshot may go, best first: Downloads (only if it exists:
    showguide does not make folders in the home it was not asked to), the
    current folder, showguide's data folder (made if need be)."""
    from showguide.core.userdirs import user_dir

    folders: list[Path] = []
    downloads = downloads_folder()
    if downloads.is_dir():
        folders.append(downloads)
    with contextlib.suppress(OSError):  # the current folder may have been deleted
        folders.append(Path.cwd())
    folders.append(user_dir("data") / "screenshots")
    return folders


def screenshot_name(when: datetime.datetime) -> str:
    """``showguide 2026-11-30 20.15.02.svg``: sorts by time, and no character
    any file system refuses (no colon)."""
    return f"showguide {when:%Y-%m-%d %H.%M.%S}.svg"


def reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def save_screenshot(svg: str, filename: str, folders: list[Path]) -> tuple[Path | None, str]:
    """Write ``svg`` as ``filename`` in the first of ``folders`` that takes it.

    A file of that name is never replaced: the new one is called
    ``NAME (2).svg`` and so on. Returns (the path written, the notice to
    show): the path is None when no folder took it, and the notice then says
    why for each.
    """
    refusals: list[str] = []
    data = svg.encode("utf-8")
    for folder in folders:
        if folder.exists() and not folder.is_dir():
            refusals.append(f"{folder}: not a folder")
            continue
        try:
            path = _write_new(folder, filename, data)
        except OSError as error:
            refusals.append(f"{folder}: {reason(error)}")
            continue
        return path, f"Saved the screenshot to {path}"
    return None, "Could not save the screenshot. " + "; ".join(refusals)


def _write_new(folder: Path, filename: str, data: bytes) -> Path:
    stem, suffix = Path(filename).stem, Path(filename).suffix
    for number in range(1, 100):
        path = folder / (filename if number == 1 else f"{stem} ({number}){suffix}")
        try:
            write_atomic(path, data, replace=False, mode=0o644, make_folder=True)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(errno.EEXIST, "too many screenshots of that name")


def take_screenshot(app: App[Any], filename: str | None = None) -> Path | None:
    """Save an SVG of ``app``'s screen and tell the user where (or why not)."""
    name = filename or screenshot_name(datetime.datetime.now())
    path, notice = save_screenshot(app.export_screenshot(), name, screenshot_folders())
    app.notify(
        notice,
        title="Screenshot",
        severity="information" if path is not None else "error",
        timeout=8,
    )
    return path
