"""Applying a reload (``r``) to the screens that are open, keeping the user's place.

The catalog lists the new files. A guide that is open is rebuilt from its
show's new version, on the same pane; but if the file has become invalid, or
has gone, the guide keeps the version it shows, and the user is told why.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from showguide.core.catalog import Catalog, CatalogEntry
from showguide.core.prefs import State
from showguide.core.text import one_line
from showguide.tui.catalog import CatalogScreen
from showguide.tui.guide import GuideScreen

#: How many problems a notification lists before "and N more".
PROBLEMS_SHOWN = 3


def entry_for(catalog: Catalog, show_id: str, key: str | None) -> CatalogEntry | None:
    """The entry that now holds ``show_id``: the file it came from, else any with its id."""
    found = catalog.find(key) if key is not None else None
    if found is not None:
        return found
    return next((entry for entry in catalog.entries if entry.id == show_id), None)


def problems_notice(entry: CatalogEntry, title: str) -> str:
    # One line each: a key or file name holding a line break cannot split a problem.
    lines = [one_line(str(problem)) for problem in entry.problems[:PROBLEMS_SHOWN]]
    more = len(entry.problems) - PROBLEMS_SHOWN
    if more > 0:
        lines.append(f"… and {more} more")
    return "\n".join(
        [f"{entry.path.name} has problems; still showing the last good {title}:", *lines]
    )


def apply_reload(
    app: App[Any],
    catalog: Catalog,
    show_keys: dict[str, str],
    state: State,
    *,
    quiet_if_unchanged: bool = False,
) -> None:
    """Show ``catalog`` on every open screen of ``app``.

    ``show_keys`` (the file each opened show was read from, updated here) and
    ``state`` (for the progress of a rebuilt guide) are the app's: given
    rather than read off it, so that this module does not depend on the app.
    ``quiet_if_unchanged``: say nothing about a guide whose show has not
    changed (a reload that the change of another file set off).
    """
    for screen in app.screen_stack:
        if isinstance(screen, CatalogScreen):
            screen.reload(catalog)
    guide = app.screen if isinstance(app.screen, GuideScreen) else None
    for notice in catalog.notices:
        app.notify(notice, timeout=8)
    if guide is None:
        app.notify(f"Reloaded {len(catalog.entries)} show files.", timeout=3)
        return
    show = guide.show
    entry = entry_for(catalog, show.id, show_keys.get(show.id))
    if entry is None:
        app.notify(
            f"{show.title} is no longer in the show files; still showing what was loaded.",
            severity="warning",
            timeout=8,
        )
        return
    if entry.problems:
        # The file broke: keep the version on screen, the last one that loaded.
        app.notify(problems_notice(entry, show.title), severity="error", timeout=12)
        return
    if entry.show is None or entry.show == show:
        if not quiet_if_unchanged:
            app.notify(f"Reloaded: {show.title} has not changed.", timeout=3)
        return
    from showguide.tui.focused import focused_item

    pane, item_id, _hidden = focused_item(guide)
    fresh = GuideScreen(
        entry.show,
        guide.shield,
        pane=guide.current_pane,
        can_go_back=guide.can_go_back,
        watched=state.progress_for(entry.id),
    )
    show_keys[entry.id] = entry.key
    if len(app.screen_stack) > 1:
        app.switch_screen(fresh)
    else:
        # The guide is the default screen (the only show): Textual cannot
        # switch that one away (the new screen mounts on an empty stack and
        # the app fails), so the new guide goes over it, which stays idle below.
        app.push_screen(fresh)
    if item_id is not None:
        # Back on the item that was under the cursor (the one just edited).
        fresh.call_after_refresh(fresh.jump_to, (pane, item_id))
    app.notify(f"Reloaded {show.title}.", timeout=3)
