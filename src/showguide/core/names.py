"""Which show a name typed on the command line means.

``showguide print NAME`` (and ``export``, ``watched``, ``serve``, the app's
launch) accepts what a user would type: the id, the title, the native title
(``발레리나``) or the romanized one, the start of any of them (``bal``), or
words of a title (``orchard`` for "Moonlit Orchard"), as the catalog
filter finds them. Names are folded (:func:`~showguide.core.textfold.fold`):
any case, and Hangul written as syllables (NFC) or as jamo (NFD) alike.

The rules are tried from the most to the least precise, and the first that
matches anything decides: a whole name, then the start of a name, then every
word typed being a whole word of a name, then every word typed starting a
word of a name. So an exact id always wins over a longer id it begins, and
``night`` over a show merely containing "Nightingale".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final, Generic, Protocol, TypeVar

from showguide.core.summary import ShowSummary
from showguide.core.textfold import WORD, fold


class Entry(Protocol):
    """What naming needs of a catalog entry (core.catalog.CatalogEntry), named here
    rather than imported: the catalog imports this module."""

    summary: ShowSummary | None

    @property
    def path(self) -> Path: ...

    @property
    def id(self) -> str: ...


E = TypeVar("E", bound=Entry)

#: What separates the words of folded text (see textfold.WORD): one space each.
_NOT_WORD: Final = re.compile(r"\W+")
#: At most this many shows are named in the one line saying a name fits several.
MAX_LISTED = 8


class UnknownShow(LookupError):
    """No show, or more than one, answers to a name; the message says which."""


class AmbiguousName(UnknownShow):
    """More than one show answers to a name; the message lists them."""


class _Names(Generic[E]):
    """One entry's names, folded for comparing; the words in them worked out when needed.

    A name is resolved against every show of a catalog of thousands: the
    whole-name and start-of-name rules, which decide most names, need only
    the folded names.
    """

    __slots__ = ("_words", "entry", "folded", "written")

    def __init__(self, entry: E) -> None:
        self.entry = entry
        summary = entry.summary
        if summary is None:
            self.written: tuple[str, ...] = (entry.path.stem,)
        else:
            self.written = tuple(
                name
                for name in (
                    summary.id,
                    summary.title,
                    summary.native_title,
                    summary.romanized_title,
                )
                if name
            )
        self.folded = tuple(fold(name) for name in self.written)
        self._words: str | None = None

    @property
    def words(self) -> str:
        """`` word1 word2 ... ``: a typed word is one of them when `` word `` occurs
        here, and begins one when `` word`` does (one search in C, as the catalog
        filter does, not a loop in Python over the words)."""
        if self._words is None:
            self._words = f" {_NOT_WORD.sub(' ', ' '.join(self.folded)).strip()} "
        return self._words

    def shown(self, count: int) -> dict[str, str]:
        """The first ``count`` names: folded name -> how a hint shows it (composed, lower case)."""
        return {
            folded: name.lower()
            if name.isascii()
            else unicodedata.normalize("NFC", name).casefold()
            for folded, name in zip(self.folded[:count], self.written[:count], strict=True)
        }


def _whole_name(wanted: str, _words: Sequence[str]) -> Callable[[_Names[E]], bool]:
    return lambda names: wanted in names.folded


def _name_start(wanted: str, _words: Sequence[str]) -> Callable[[_Names[E]], bool]:
    return lambda names: any(name.startswith(wanted) for name in names.folded)


def _whole_words(_wanted: str, words: Sequence[str]) -> Callable[[_Names[E]], bool]:
    needles = [f" {word} " for word in words]
    return lambda names: bool(needles) and all(needle in names.words for needle in needles)


def _word_starts(_wanted: str, words: Sequence[str]) -> Callable[[_Names[E]], bool]:
    needles = [f" {word}" for word in words]
    return lambda names: bool(needles) and all(needle in names.words for needle in needles)


#: From the most precise rule to the least: the first that matches anything decides.
RULES = (_whole_name, _name_start, _whole_words, _word_starts)


def resolve_name(entries: Sequence[E], name: str) -> E:
    """The one entry ``name`` means (see the module's docstring).

    Raises :class:`UnknownShow` when it means none (with the closest names as
    a hint) or several (listing them, on one line).
    """
    wanted = fold(name)
    # Most names typed are an id: found without folding every show's titles.
    by_id = [entry for entry in entries if entry.id == wanted]
    if len(by_id) == 1:
        return by_id[0]
    words = WORD.findall(wanted)
    every = [_Names(entry) for entry in entries]
    for rule in RULES:
        test: Callable[[_Names[E]], bool] = rule(wanted, words)
        matches = [names.entry for names in every if test(names)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousName(_several(name, matches))
    import difflib  # only an unknown name needs it

    # Near misses among ids and titles (the native and romanized titles would
    # double difflib's work on a large catalog, for hints rarely wanted).
    known = {folded: shown for names in every for folded, shown in names.shown(2).items()}
    close = difflib.get_close_matches(wanted, sorted(known), n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(repr(known[c]) for c in close)}?" if close else ""
    raise UnknownShow(f"no show called {name!r}{hint}")


def _several(name: str, matches: Sequence[Entry]) -> str:
    ids = sorted({entry.id for entry in matches})
    listed = [repr(show_id) for show_id in ids[:MAX_LISTED]]
    if len(ids) > MAX_LISTED:
        more = len(ids) - MAX_LISTED
        return (
            f"{name!r} matches {len(ids)} shows; did you mean {', '.join(listed)}"
            f" or {more} more? ('showguide list' shows them all)"
        )
    return f"{name!r} matches more than one show; did you mean {' or '.join(listed)}?"
