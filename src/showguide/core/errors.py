"""The one exception type for bad show data, and the problems it carries."""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

#: The field path used for problems that concern the whole file.
WHOLE_FILE = "(file)"

#: A file is reported by at most this many problems. A hostile file can hold
#: hundreds of thousands; nobody reads them, and listing them takes seconds.
MAX_PROBLEMS = 100


class Problem(msgspec.Struct, frozen=True, order=True):
    """One thing wrong with a show file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.path}: {self.message}"


class ShowDataError(Exception):
    """A show file could not be loaded; ``problems`` says every reason found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        ordered = sorted(problems)
        if not ordered:
            raise ValueError("ShowDataError needs at least one problem")
        if len(ordered) > MAX_PROBLEMS:
            first_left_out = ordered[MAX_PROBLEMS]
            ordered[MAX_PROBLEMS:] = [
                Problem(
                    first_left_out.file,
                    first_left_out.line,
                    first_left_out.column,
                    WHOLE_FILE,
                    f"more problems from here on; fix the {MAX_PROBLEMS} above and check again",
                )
            ]
        self.problems: tuple[Problem, ...] = tuple(ordered)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @property
    def file(self) -> str:
        return self.problems[0].file
