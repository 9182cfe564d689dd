"""Showing long output through the user's pager, as git does.

``showguide print`` to a terminal, when the text is taller than the screen,
goes through ``$SHOWGUIDE_PAGER``, else ``$PAGER``, else ``less -FRX`` (quit
if it fits after all, keep colours, leave the text on the screen when done).
Output to a pipe or a file never does, nor does ``--no-pager``; a pager set
to nothing or to ``cat`` means none. A pager that cannot be started is not an
error: the text is written as it would have been without one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys

#: Used when neither SHOWGUIDE_PAGER nor PAGER is set: git's choice.
DEFAULT_PAGER = "less -FRX"
#: Pager settings that mean "no pager", as for git.
NO_PAGER = ("", "cat")


def pager_command() -> str | None:
    """The pager to use (a shell command), or None for none."""
    for name in ("SHOWGUIDE_PAGER", "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            value = value.strip()
            return None if value in NO_PAGER else value
    return DEFAULT_PAGER if shutil.which("less") else None


def wants_pager(text: str) -> bool:
    """True when ``text`` goes to a terminal and is taller than its screen."""
    try:
        if not (sys.stdout.isatty() and sys.stdin.isatty()):
            return False  # piped, redirected, or nobody to page it
        rows = os.get_terminal_size(sys.stdout.fileno()).lines
    except (AttributeError, OSError, ValueError):
        return False
    return rows > 0 and text.count("\n") >= rows


def page(text: str, command: str) -> bool:
    """Show ``text`` through ``command``; False if the pager could not be started.

    The pager owns the terminal until it exits: Ctrl+C goes to it (less uses
    it to stop a search), not to showguide, which waits, as git does.
    """
    environment = dict(os.environ)
    environment.setdefault("LESS", "FRX")  # for a PAGER of plain "less"
    environment.setdefault("LV", "-c")  # lv: keep colours
    sys.stdout.flush()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            # Through the shell, as git and man run $PAGER: it may hold options.
            pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environment)
        except OSError:
            return False
        assert pager.stdin is not None
        # A pager quit before reading it all (BrokenPipeError) lost nothing.
        with contextlib.suppress(BrokenPipeError):
            pager.stdin.write(text.encode("utf-8"))
        with contextlib.suppress(BrokenPipeError):
            pager.stdin.close()
        code = pager.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    # The shell's "command not found" (127) or "cannot run" (126): no pager ran.
    return code not in (126, 127)
