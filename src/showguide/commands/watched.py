"""``showguide watched``: how far you have watched a show, shown or set.

``showguide watched NAME S1E4`` remembers S1E4 as the last episode watched;
``--none`` forgets it (nothing watched); with neither, it prints the progress.
The progress is kept with the rest of the state and followed by the app,
``print`` and ``export``.
"""

from __future__ import annotations

import argparse

from showguide.commands.choose import chosen_show
from showguide.commands.output import print_error, stderr, stdout
from showguide.core.episodes import EpisodeOrder, progress_label
from showguide.core.model import Show
from showguide.core.prefs import load_state, save_state
from showguide.core.progress import parse_watched, resolve
from showguide.display import literal
from showguide.exitcodes import EXIT_BAD_INPUT, EXIT_OK


def stored_watched(show: Show, order: EpisodeOrder | None = None) -> int:
    """The stored progress in ``show``, saying on standard error when it is unusable."""
    loaded = load_state()
    if loaded.notice:
        print_error(loaded.notice)
    progress = resolve(show, loaded.value.progress_for(show.id), order)
    if progress.notice:
        print_error(progress.notice)
    return progress.watched


def watched_from_args(show: Show, watched: str | None) -> int | None:
    """``--watched`` when given, else the stored progress; None after an error."""
    order = EpisodeOrder(show)
    if watched is None:
        return stored_watched(show, order)
    position = parse_watched(show, watched, order)
    if isinstance(position, str):
        print_error(f"--watched: {position}")
        return None
    return position


def run(args: argparse.Namespace) -> int:
    show = chosen_show(args.data, args.name)
    if show is None:
        return EXIT_BAD_INPUT
    order = EpisodeOrder(show)
    if args.none and args.episode:
        print_error("give an episode or --none, not both")
        return EXIT_BAD_INPUT
    if not args.none and not args.episode:
        watched = stored_watched(show, order)
        stdout().print(literal(f"{show.title}: {progress_label(order, watched)}"))
        return EXIT_OK
    code: str | None = None
    if args.episode:
        position = parse_watched(show, args.episode, order)
        if isinstance(position, str):
            print_error(position)
            return EXIT_BAD_INPUT
        code = order.code(position)
    loaded = load_state()
    if loaded.notice:
        print_error(loaded.notice)
    problem = save_state(loaded.value.with_progress(show.id, code))
    if problem is not None:
        print_error(problem)
        return EXIT_BAD_INPUT
    now = (order.position(code) or 0) if code else 0
    stderr().print(literal(f"{show.title}: {progress_label(order, now)}"))
    return EXIT_OK
