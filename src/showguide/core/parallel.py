"""Parsing many show files at once, on every core, saying how far it has got.

Parsing YAML is the slow part of a cold start: under a millisecond a file
(most of it libyaml's events, see core/yamlplain.py), about nine seconds of
CPU for ten thousand. Parsing is pure computation on
independent files, so above :data:`PARALLEL_MIN_FILES` the files are shared
among worker processes, each parsing a chunk and sending back the show
encoded with msgpack (far cheaper to send and decode than to parse again).
Below it, or on one core, they are parsed here: starting a worker costs
about a tenth of a second.

Workers are spawned, not forked: the app loads its catalog in a thread, and
forking a process that runs threads can leave a lock held for ever in the
child.

``progress(done, total)`` is called as files are parsed, at most every
:data:`PROGRESS_SECONDS`; it may raise (for instance :class:`LoadCancelled`
when the user leaves) to stop the parse, and the workers are stopped too.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Callable, Sequence

import msgspec

from showguide.core.errors import Problem
from showguide.core.model import Show
from showguide.core.summary import ShowSummary

Progress = Callable[[int, int], None]
#: What parsing one file gives: the encoded show and its summary (None when
#: it did not load), and its problems.
Parsed = tuple[bytes | None, ShowSummary | None, tuple[Problem, ...]]

#: Fewer files than this are parsed in this process.
PARALLEL_MIN_FILES = 200
#: Files a worker parses before it reports back: progress moves often enough,
#: and each round trip costs little beside the tens of milliseconds of parsing.
CHUNK_FILES = 64
MAX_WORKERS = 8
PROGRESS_SECONDS = 0.1


def progress_text(done: int, total: int) -> str:
    """``Reading show files 3,412 / 10,000``: what the command line and the app say."""
    return f"Reading show files {done:,} / {total:,}"


class WorkersFailed(Exception):
    """A worker process died before it finished: the files are parsed here instead."""


class LoadCancelled(Exception):
    """Raised by a progress callback to stop loading (the user left)."""


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def parse_one(path: str) -> Parsed:
    """Parse the show file at ``path`` (as named), in whatever process runs this."""
    from showguide.core.loader import load_show_or_problems

    show, problems = load_show_or_problems(path)
    if show is None:
        return None, None, problems
    return _encoder.encode(show), ShowSummary.of(show), ()


def parse_chunk(paths: Sequence[str]) -> list[Parsed]:
    """What a worker does: parse each file of its chunk."""
    return [parse_one(path) for path in paths]


_encoder = msgspec.msgpack.Encoder()


@functools.cache
def _decoder() -> msgspec.msgpack.Decoder[Show]:
    # Made when first needed: building it for the whole model takes a while.
    return msgspec.msgpack.Decoder(Show)


def decode(data: bytes) -> Show:
    return _decoder().decode(data)


class _Throttle:
    """Calls ``progress`` at most every PROGRESS_SECONDS, and always at the end."""

    def __init__(self, progress: Progress | None, done: int, total: int) -> None:
        self.progress = progress
        self.done = done
        self.total = total
        self.last = 0.0

    def advance(self, count: int) -> None:
        self.done += count
        if self.progress is None:
            return
        now = time.monotonic()
        if now - self.last >= PROGRESS_SECONDS or self.done >= self.total:
            self.last = now
            self.progress(self.done, self.total)


def parse_files(
    paths: Sequence[str],
    *,
    progress: Progress | None = None,
    done_before: int = 0,
    total: int | None = None,
    workers: int | None = None,
) -> list[Parsed]:
    """Parse every file, in order of ``paths``; on several cores when there are many.

    ``progress`` counts from ``done_before`` to ``total`` (default: all of
    ``paths``): a catalog counts the files its cache already had as done.
    """
    total = total if total is not None else done_before + len(paths)
    throttle = _Throttle(progress, done_before, total)
    if progress is not None:
        progress(done_before, total)
    workers = workers if workers is not None else min(usable_cores(), MAX_WORKERS)
    if workers >= 2 and len(paths) >= PARALLEL_MIN_FILES:
        try:
            return _parse_in_workers(paths, workers, throttle)
        except (OSError, ValueError, WorkersFailed):
            # No worker could be started, or one died (out of memory, say):
            # slower, but the files are still read, here.
            throttle.done = done_before
    results = []
    for path in paths:
        results.append(parse_one(path))
        throttle.advance(1)
    return results


def prepare_workers() -> None:
    """Start what worker processes need, even where standard error was replaced.

    multiprocessing starts a resource tracker with the first pool, passing it
    standard error's file descriptor; under Textual, ``sys.stderr`` is a
    stand-in with none, and starting it fails ("bad value(s) in
    fds_to_keep"). The real standard error is lent to it for that moment.
    """
    from multiprocessing import resource_tracker

    replaced = sys.stderr
    try:
        if sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    finally:
        sys.stderr = replaced


def _parse_in_workers(paths: Sequence[str], workers: int, throttle: _Throttle) -> list[Parsed]:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    prepare_workers()
    chunks = [paths[start : start + CHUNK_FILES] for start in range(0, len(paths), CHUNK_FILES)]
    results: list[list[Parsed] | None] = [None] * len(chunks)
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        pending: dict[Future[list[Parsed]], int] = {
            executor.submit(parse_chunk, chunk): index for index, chunk in enumerate(chunks)
        }
        while pending:
            finished, _ = wait(pending, timeout=PROGRESS_SECONDS, return_when=FIRST_COMPLETED)
            for future in finished:
                index = pending.pop(future)
                results[index] = future.result()
                throttle.advance(len(chunks[index]))
            if not finished:
                throttle.advance(0)  # lets the callback cancel while nothing finishes
    except BrokenProcessPool as error:
        executor.shutdown(wait=False, cancel_futures=True)
        raise WorkersFailed from error
    except BaseException:
        # Stopped (the user left, or Ctrl+C): drop the chunks not yet started
        # and end the workers now rather than when they are done.
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        raise
    executor.shutdown()
    return [parsed for chunk in results if chunk is not None for parsed in chunk]
