"""Hypothesis strategies for valid shows, for any test that needs many of them.

``shows()`` draws a :class:`~showguide.core.model.Show` that the model accepts:
ids match their pattern and are unique within their list, optional fields are
sometimes present and sometimes absent, spoiler flags are set at random, and
text mixes plain words, Hangul, text that looks like Rich markup or Markdown,
escape sequences and arbitrary Unicode. ``msgspec.to_builtins(show)`` gives the
same show as plain data, e.g. to write as YAML.

(tests/search_strategies.py draws small shows with awkward *names* for
search; this one covers every field of the model, for round trips and
rendering.)
"""

from __future__ import annotations

import datetime
import typing
from typing import Any

from hypothesis import strategies as st

from showguide.core import model
from showguide.core.model import (
    NOT_ANNOUNCED,
    Audience,
    Character,
    FaqEntry,
    Highlight,
    Performer,
    Plot,
    Rating,
    Show,
    Source,
    StoryThread,
)

#: Text chosen to break things: markup Rich would act on, Markdown and HTML a
#: page would render, escape sequences (colour, OSC 8 link, OSC 52 clipboard),
#: YAML-significant text, bidirectional overrides, wide characters.
TRICKY_TEXT: tuple[str, ...] = (
    "[bold red]x[/]",
    "[link=https://example.invalid]click[/link]",
    ":warning: [/]",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;https://example.invalid\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]52;c;ZXZpbA==\x07",
    "a | b | c",
    "# not a heading",
    "- not a list",
    "1. not a list",
    "*not emphasis* and __not strong__",
    "<script>alert(1)</script>",
    "&amp; &lt;",
    "[text](https://example.invalid)",
    "`code` ~~strike~~ $x$",
    "back\\slash\\",
    "not yet announced",
    "yes",
    "null",
    "2023-01-01",
    "0x1F",
    "- item: value",
    "key: value # comment",
    "'quoted' \"double\"",
    "   leading and trailing spaces   ",
    "line one\nline two",
    "para one\n\npara two",
    "tab\there",
    "\u202eevil\u202c",
    "zero\u200bwidth",
    "발레리나",
    "은혜와 친구들",
    "バレリーナ",
    "😀 emoji",
    "e\u0301 combining",
)

_WORDS = st.sampled_from(
    ("ballet", "Seoul", "rival", "dream", "stage", "Eun-hye", "mentor", "finale", "the", "and")
)
_HANGUL = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1)


def texts(*, min_size: int = 1) -> st.SearchStrategy[str]:
    """Text as a show file may hold it; never empty when ``min_size`` is 1."""
    words = st.lists(st.one_of(_WORDS, _HANGUL), min_size=1, max_size=8).map(" ".join)
    arbitrary = st.text(
        alphabet=st.characters(exclude_categories=("Cs",)), min_size=min_size, max_size=40
    )
    return st.one_of(words, _HANGUL, st.sampled_from(TRICKY_TEXT), arbitrary).filter(
        lambda text: len(text) >= min_size
    )


def ids() -> st.SearchStrategy[str]:
    return st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,20}\Z")


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _literals(annotation: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(typing.get_args(annotation))


def _with_unique_ids(
    build: typing.Callable[[str], st.SearchStrategy[Any]], max_size: int = 4
) -> st.SearchStrategy[list[Any]]:
    return st.lists(ids(), max_size=max_size, unique=True).flatmap(
        lambda chosen: st.tuples(*(build(i) for i in chosen)).map(list)
    )


def performers() -> st.SearchStrategy[Performer]:
    return st.builds(Performer, name=texts(), native_name=_optional(texts()))


def characters(item_id: str) -> st.SearchStrategy[Character]:
    return st.builds(
        Character,
        id=st.just(item_id),
        name=texts(),
        native_name=_optional(_HANGUL),
        tier=_literals(model.Tier),
        group=_optional(st.sampled_from(("rivals", "mentors", "friends", "가족"))),
        ensemble=st.booleans(),
        description=texts(),
        actor=st.one_of(st.just(NOT_ANNOUNCED), performers()),
        dance_double=st.one_of(st.none(), st.just(NOT_ANNOUNCED), performers()),
        spoiler=st.booleans(),
    )


def _dates() -> st.SearchStrategy[datetime.date]:
    return st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 12, 31))


def shows() -> st.SearchStrategy[Show]:
    """A valid show, from nearly empty to one with every list filled."""
    short_lists = st.lists(texts(), max_size=3)
    threads = _with_unique_ids(
        lambda i: st.builds(
            StoryThread,
            id=st.just(i),
            title=texts(),
            description=texts(),
            spoiler=st.booleans(),
        )
    )
    highlights = _with_unique_ids(
        lambda i: st.builds(
            Highlight,
            id=st.just(i),
            title=texts(),
            category=_literals(model.HighlightCategory),
            description=texts(),
            spoiler=st.booleans(),
        )
    )
    faq = _with_unique_ids(
        lambda i: st.builds(
            FaqEntry,
            id=st.just(i),
            question=texts(),
            answer=texts(),
            tags=short_lists,
            spoiler=st.booleans(),
        )
    )
    ratings = st.lists(
        st.builds(
            Rating,
            country=st.from_regex(r"\A[A-Z]{2}\Z"),
            system=texts(),
            rating=texts(),
        ),
        max_size=2,
    )
    sources = st.lists(
        st.builds(
            Source,
            title=texts(),
            kind=_literals(model.SourceKind),
            publisher=_optional(texts()),
            url=_optional(st.one_of(st.just("https://example.invalid/a?b=c"), texts())),
            published=_optional(_dates()),
            note=_optional(texts()),
        ),
        max_size=2,
    )
    return st.builds(
        Show,
        format_version=st.just(1),
        id=ids(),
        title=texts(),
        native_title=_optional(_HANGUL),
        romanized_title=_optional(texts()),
        format=_literals(model.Format),
        network=_optional(texts()),
        year=_optional(st.integers(min_value=1900, max_value=2200)),
        premiere_date=_optional(_dates()),
        status=_literals(model.Status),
        genres=short_lists,
        tags=short_lists,
        country=texts(),
        original_language=texts(),
        audience=st.builds(Audience, summary=texts(), advisories=short_lists, ratings=ratings),
        logline=texts(),
        plot=st.builds(
            Plot, synopsis=texts(), setting=texts(), themes=short_lists, threads=threads
        ),
        characters=_with_unique_ids(characters),
        highlights=highlights,
        faq=faq,
        verdict=texts(),
        sources=sources,
    )
