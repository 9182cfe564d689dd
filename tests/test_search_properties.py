"""Properties of search over generated shows: everything is findable, marks are honest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from showguide.core.items import PANES, Field, Item, key_for, show_items
from showguide.core.model import Show
from showguide.core.search import MatchKind, SearchIndex, SearchResult
from showguide.core.spoilers import SpoilerShield
from showguide.core.textfold import WORD, compact, fold, fold_with_offsets, original_span
from tests.search_strategies import shows

OPEN = SpoilerShield(on=False)
examples = settings(max_examples=75, deadline=None)


@examples
@given(shows())
def test_every_item_is_found_by_its_exact_title_or_name(show: Show) -> None:
    index = SearchIndex.for_show(show)
    for item in show_items(show):
        for field in item.fields:
            if not field.is_title:
                continue
            results = index.search(field.text, shield=OPEN, limit=len(index)).results
            assert results[0].match == MatchKind.EXACT, field
            exact = [r.key for r in results if r.match == MatchKind.EXACT]
            assert item.key in exact, (field, exact)


def check_marks(text: str, spans: tuple[tuple[int, int], ...], query: str) -> None:
    """Spans are in order, inside the text, and each covers text that matches the query."""
    query_words = WORD.findall(fold(query))
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        position = end
        marked = compact(fold(text[start:end]))
        assert any(marked.startswith(w) for w in [*query_words, "".join(query_words)]), (
            text[start:end],
            query_words,
        )


def check_result(result: SearchResult, query: str) -> None:
    check_marks(result.title, result.title_spans, query)
    assert result.title_spans or result.snippet is not None
    if result.snippet is not None:
        check_marks(result.snippet.text, result.snippet.spans, query)
        assert result.snippet.spans


def draw_query(items: list[Item], data: st.DataObject) -> tuple[Item, Field, str]:
    """An item, one of its fields, and the start of a word of that field."""
    item: Item = data.draw(st.sampled_from(items))
    field = data.draw(st.sampled_from(item.fields))
    word = data.draw(st.sampled_from(WORD.findall(fold(field.text)) or ["x"]))
    return item, field, word[: data.draw(st.integers(1, len(word)))]


@examples
@given(shows(), st.data())
def test_a_word_of_any_item_finds_it_and_every_mark_is_a_match(
    show: Show, data: st.DataObject
) -> None:
    items = show_items(show)
    item, field, query = draw_query(items, data)
    index = SearchIndex.for_show(show)
    if WORD.search(fold(field.text)):
        assert item.key in index.matching_keys(query, shield=OPEN)
    results = index.search(query, shield=OPEN, limit=len(index))
    assert {r.key for r in results.results} == index.matching_keys(query, shield=OPEN)
    assert [r.match for r in results.results] == sorted(
        (r.match for r in results.results), reverse=True
    )
    for result in results.results:
        check_result(result, query)


@examples
@given(shows(), st.data())
def test_the_shield_keeps_every_unrevealed_spoiler_out(show: Show, data: st.DataObject) -> None:
    items = show_items(show)
    spoilers = [item for item in items if item.spoiler]
    shield = SpoilerShield()
    for item in data.draw(st.lists(st.sampled_from(spoilers))) if spoilers else []:
        shield.reveal(item.key)
    hidden = {item.key for item in spoilers if item.key not in shield.revealed}
    index = SearchIndex.for_show(show)
    queries = [word for item in spoilers for f in item.fields for word in WORD.findall(f.text)]
    for query in queries[:20]:
        found = {r.key for r in index.search(query, shield=shield, limit=len(index)).results}
        assert not found & hidden
        assert not index.matching_keys(query, shield=shield) & hidden


@examples
@given(shows())
def test_item_keys_are_unique_and_in_pane_order(show: Show) -> None:
    items = show_items(show)
    assert len({item.key for item in items}) == len(items)
    order = [PANES.index(item.key.pane) for item in items]
    assert order == sorted(order)
    assert all(item.fields[0].is_title for item in items)


@given(st.text())
def test_folding_in_one_go_agrees_with_folding_character_by_character(text: str) -> None:
    folded, offsets = fold_with_offsets(text)
    assert folded == fold(text)
    assert len(offsets) == len(folded) + 1
    for match in WORD.finditer(folded):
        start, end = original_span(offsets, *match.span())
        assert match.group() in fold(text[start:end])


@examples
@given(shows())
def test_key_for_names_the_item_of_every_model_object_that_can_spoil(show: Show) -> None:
    spoiler_flags = {item.key: item.spoiler for item in show_items(show)}
    things = [*show.plot.threads, *show.characters, *show.highlights, *show.faq]
    assert [spoiler_flags[key_for(thing)] for thing in things] == [t.spoiler for t in things]


def _named_by(item: Item, query: str) -> bool:
    """Whether ``query`` begins a word of one of the item's names, titles or
    questions, or the start of one with its words run together."""
    for field in item.fields:
        if field.is_title:
            words = WORD.findall(fold(field.text))
            if any(w.startswith(query) for w in words) or "".join(words).startswith(query):
                return True
    return False


@examples
@given(shows(), st.data())
def test_a_match_on_a_name_or_title_ranks_above_a_match_inside_prose(
    show: Show, data: st.DataObject
) -> None:
    items = show_items(show)
    _item, _field, query = draw_query(items, data)
    index = SearchIndex.for_show(show)
    by_key = {item.key: item for item in items}

    results = index.search(query, shield=OPEN, limit=len(index)).results

    named = [_named_by(by_key[result.key], query) for result in results]
    assert named == sorted(named, reverse=True), [(r.title, r.match) for r in results]
    # Of the titles that start with the query, the one it spells most of first.
    starts = [r for r in results if r.match == MatchKind.TITLE_START]
    shortest = [
        min(
            len(compact(fold(f.text)))
            for f in by_key[r.key].fields
            if f.is_title and compact(fold(f.text)).startswith(compact(query))
        )
        for r in starts
    ]
    assert shortest == sorted(shortest)
