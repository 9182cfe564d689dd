"""Standard input, output and error: made safe at start, and their failures reported.

Imported by :func:`showguide.cli.main` on every run, so it stays as cheap
as cli.py: nothing beyond what the interpreter has loaded already.
"""

from __future__ import annotations

import errno
import io
import os
import sys

from showguide.exitcodes import EXIT_OUTPUT_FAILED


class _ClosedOutput(io.TextIOBase):
    """Standard output or error when the process started with it closed.

    Writing fails as writing to a closed descriptor does, so a command that
    has something to say reports it (silently losing a listing is worse).
    """

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")


def guard_standard_streams() -> None:
    """Make standard input, output and error safe to use before anything else runs.

    A descriptor 0, 1 or 2 that is closed is taken by /dev/null, so that no
    file opened later (the parse cache, a show) lands on it and receives the
    output; writing to a closed output then fails with a clear message.

    Output is UTF-8 whatever encoding the locale asks for, as ``print`` and
    ``export`` always wrote it: under a Latin-1 or ASCII locale, a listing
    with Hangul in it would otherwise fail half-way.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: this one
            if fd == 1:
                sys.stdout = _ClosedOutput()
            elif fd == 2:
                sys.stderr = _ClosedOutput()
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not stream.encoding.lower().startswith("utf"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def report(message: str) -> None:
    """One line on standard error, made visible; nothing if even that fails."""
    from showguide.core.text import one_line

    try:
        sys.stderr.write(one_line(f"showguide: {message}") + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def output_failed(error: OSError) -> int:
    """The exit code for an output that cannot be written, after saying so."""
    quiet_stdout()
    report(f"cannot write the output: {error.strerror or error}")
    return EXIT_OUTPUT_FAILED


def quiet_stdout() -> None:
    """Point standard output at /dev/null: what is still buffered must not
    fail again when the interpreter flushes it at exit."""
    # No descriptor (closed at start): nothing is buffered either.
    try:  # noqa: SIM105 (contextlib would be one more import on every run)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def flush_stdout() -> None:
    if sys.stdout is not None:
        sys.stdout.flush()
