"""The exit statuses every ``showguide`` command returns.

A module of their own, so that the commands, the app and the stream guards
can name them without importing ``showguide.cli`` (which imports every
command: a cycle). It imports nothing, so that ``--help`` stays cheap.
"""

from __future__ import annotations

EXIT_OK = 0
#: A bug: reported in one line, without a traceback (``showguide.cli.main``).
EXIT_INTERNAL = 1
#: Standard output could not be written (a full disk, a closed output).
EXIT_OUTPUT_FAILED = 1
#: Bad input: a show file with problems, an unknown show, a bad argument.
EXIT_BAD_INPUT = 2
#: Ended by Ctrl+C at the command line (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130
