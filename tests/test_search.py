"""Search finds what a viewer types, ranks names above prose, and never leaks a spoiler."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from showguide.core.items import ItemKey, show_items
from showguide.core.model import Show
from showguide.core.search import MatchKind, SearchIndex, SearchResult
from showguide.core.spoilers import SpoilerShield
from showguide.core.textfold import WORD, compact, fold
from tests.showdata import show_dict

OPEN = SpoilerShield(on=False)


def character(id: str, name: str, description: str, **more: Any) -> dict[str, Any]:
    return {"id": id, "name": name, "tier": "supporting", "description": description, **more}


def highlight(id: str, title: str, description: str, **more: Any) -> dict[str, Any]:
    return {"id": id, "title": title, "category": "dance", "description": description, **more}


def question(id: str, text: str, answer: str, **more: Any) -> dict[str, Any]:
    return {"id": id, "question": text, "answer": answer, **more}


def make_show(**changes: Any) -> Show:
    return msgspec.convert(show_dict(**changes), Show)


LONG_ANSWER = (
    "The company rehearses every morning in a cold hall by the river, and the teachers "
    "say little. Only after the winter gala does anyone mention the mirror room, where "
    "the youngest dancers practise alone until late at night and nobody watches them."
)

SHOW = make_show(
    logline="A young dancer finds her way in Seoul.",
    plot={
        "synopsis": "Eun-hye trains hard for the stage.",
        "setting": "A ballet school in Seoul.",
        "threads": [{"id": "the-dream", "title": "Eun-hye's dream", "description": "She works."}],
    },
    characters=[
        character(
            "eun-hye",
            "Eun-hye",
            "A gifted dancer from Seoul who dreams of the stage.",
            native_name="은혜",
            tier="lead",
        ),
        character(
            "rival-dancers",
            "Rival dancers",
            "Dancers competing with Eun-hye.",
            ensemble=True,
            group="rivals",
        ),
        character(
            "min-ji", "Min-ji", "She runs the Café Rivalry near the studio.", native_name="민지"
        ),
        character("girl-in-glass", "The girl in the mirror", "A figure Eun-hye imagines."),
    ],
    highlights=[
        highlight("mirror-work", "Mirror work", "Long takes of dancers watching themselves."),
        highlight("ballet", "Ballet scenes", "The 발레 company performs in full costume."),
    ],
    faq=[
        question("cold-hall", "Where do they rehearse?", LONG_ANSWER),
        question("mirror", "Mirror?", "A one-word question, to match a one-word query."),
        question("mirror-room", "Where is the mirror room?", "Behind the main hall."),
    ],
)
INDEX = SearchIndex.for_show(SHOW)


def keys(query: str, **options: Any) -> list[ItemKey]:
    return [result.key for result in INDEX.search(query, shield=OPEN, **options).results]


def first(query: str) -> SearchResult:
    return INDEX.search(query, shield=OPEN).results[0]


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


# Ranking


def test_exact_name_ranks_above_prefix_above_title_words_above_body_text() -> None:
    # Panes run overview, plot, cast, highlights, faq: this order is the reverse
    # of pane order, so only the kind of match can explain it.
    found = INDEX.search("mirror", shield=OPEN).results
    assert [(r.key, r.match) for r in found[:4]] == [
        (("faq", "mirror"), MatchKind.EXACT),
        (("highlights", "mirror-work"), MatchKind.TITLE_START),
        (("cast", "girl-in-glass"), MatchKind.TITLE_WORDS),
        (("faq", "mirror-room"), MatchKind.TITLE_WORDS),
    ]
    assert found[4].key == ("faq", "cold-hall")
    assert found[4].match < MatchKind.TITLE_WORDS


def test_a_question_match_ranks_above_an_answer_match() -> None:
    # "cold-hall" comes first in the file, but only its answer mentions the room.
    assert keys("mirror room")[:2] == [("faq", "mirror-room"), ("faq", "cold-hall")]
    assert first("mirror room").match == MatchKind.TITLE_WORDS


def test_a_word_prefix_of_a_title_finds_it() -> None:
    assert first("rival").key == ("cast", "rival-dancers")
    assert ("cast", "rival-dancers") in keys("danc")
    assert first("rival").match == MatchKind.TITLE_START


def test_ties_follow_pane_order_then_file_order() -> None:
    seoul = keys("seoul")
    assert seoul == [("overview", "logline"), ("plot", "setting"), ("cast", "eun-hye")]


@pytest.mark.parametrize("query", ["eun-hye", "eunhye", "Eun hye", "EUN-HYE", "eun–hye"])
def test_a_romanized_name_finds_its_character_however_it_is_spelled(query: str) -> None:
    result = first(query)
    assert (result.key, result.match) == (("cast", "eun-hye"), MatchKind.EXACT)
    assert marked(result.title, result.title_spans) == ["Eun-hye"]


def test_a_partly_typed_name_already_finds_the_character() -> None:
    found = INDEX.search("eunh", shield=OPEN).results
    # Both start with "Eun-hye": the name it spells most of comes first,
    # although the plot comes before the cast in pane order.
    assert [(r.key, r.match) for r in found] == [
        (("cast", "eun-hye"), MatchKind.TITLE_START),
        (("plot", "threads:the-dream"), MatchKind.TITLE_START),
    ]


def test_a_name_ranks_above_a_longer_title_and_both_above_prose() -> None:
    found = [r.key for r in INDEX.search("eun", shield=OPEN).results]
    assert found[:2] == [("cast", "eun-hye"), ("plot", "threads:the-dream")]
    # The synopsis and the rivals' description mention Eun-hye in their text only.
    assert found.index(("plot", "synopsis")) > 1
    assert found.index(("cast", "rival-dancers")) > 1


def test_titles_of_the_same_length_keep_pane_and_file_order() -> None:
    show = make_show(
        characters=[
            character("b", "Mina Bell", "One."),
            character("a", "Mina Ames", "Two."),
            character("c", "Minari", "Three."),
        ]
    )
    found = SearchIndex.for_show(show).search("min", shield=OPEN).results
    assert [r.key.id for r in found] == ["c", "b", "a"]


@pytest.mark.parametrize("query", ["cafe", "CAFÉ", "café", "Cafe\u0301"])
def test_accents_and_case_are_ignored(query: str) -> None:
    result = first(query)
    assert result.key == ("cast", "min-ji")
    assert result.snippet is not None
    assert marked(result.snippet.text, result.snippet.spans) == ["Café"]


def test_text_without_accents_is_found_by_an_accented_query() -> None:
    assert ("plot", "setting") in keys("ballét")


def test_a_hangul_query_finds_hangul_text_and_marks_it_in_the_original() -> None:
    result = first("발레")
    assert result.key == ("highlights", "ballet")
    assert result.snippet is not None
    assert result.snippet.text == "The 발레 company performs in full costume."
    assert marked(result.snippet.text, result.snippet.spans) == ["발레"]


@pytest.mark.parametrize("typed", ["ㅂ", "바", "발", "발레"])
def test_hangul_typed_syllable_by_syllable_keeps_finding_it(typed: str) -> None:
    # An input method shows a half-built syllable ("바" on the way to "발").
    result = first(typed)
    assert result.key == ("highlights", "ballet")
    assert result.snippet is not None
    # The mark covers whole syllables of the original text, never half of one.
    assert marked(result.snippet.text, result.snippet.spans)[0] in {"발", "발레"}


def test_a_native_name_is_an_exact_match_for_its_character() -> None:
    result = first("은혜")
    assert (result.key, result.match) == (("cast", "eun-hye"), MatchKind.EXACT)
    assert result.snippet is not None
    assert (result.snippet.field, result.snippet.text) == ("native name", "은혜")


def test_every_word_of_a_query_must_match() -> None:
    assert set(keys("dancer seoul")) == {("overview", "logline"), ("cast", "eun-hye")}
    assert keys("dancer nowhere-to-be-found") == []


def test_multi_word_query_marks_each_word() -> None:
    result = first("gifted stage")
    assert result.key == ("cast", "eun-hye")
    assert result.snippet is not None
    assert marked(result.snippet.text, result.snippet.spans) == ["gifted", "stage"]


def test_a_query_with_no_letters_or_digits_finds_nothing() -> None:
    for query in ["", "   ", "-", "?!"]:
        results = INDEX.search(query, shield=OPEN)
        assert (results.results, results.total) == ((), 0)


# Results: panes, keys, snippets


def test_results_carry_the_pane_and_the_key_to_jump_to() -> None:
    assert first("dream").key == ("plot", "threads:the-dream")
    assert first("dream").pane == "plot"
    assert first("synopsis").key == ("plot", "synopsis")
    assert first("verdict").key == ("overview", "verdict")
    assert first("costume").pane == "highlights"


def test_a_snippet_is_a_window_of_the_original_text_around_the_first_match() -> None:
    result = INDEX.search("gala", shield=OPEN).results[0]
    snippet = result.snippet
    assert snippet is not None
    assert (snippet.field, result.key) == ("answer", ("faq", "cold-hall"))
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert snippet.text.strip("…") in LONG_ANSWER
    assert len(snippet.text) < len(LONG_ANSWER)
    assert marked(snippet.text, snippet.spans) == ["gala"]
    assert "".join(piece for piece, _ in snippet.segments()) == snippet.text
    assert [piece for piece, is_match in snippet.segments() if is_match] == ["gala"]


def test_a_short_field_is_shown_whole() -> None:
    snippet = first("costume").snippet
    assert snippet is not None
    assert snippet.text == "The 발레 company performs in full costume."


def test_a_match_in_the_title_alone_marks_the_title_and_has_no_snippet() -> None:
    result = first("rehearse")
    assert result.key == ("faq", "cold-hall")
    assert marked(result.title, result.title_spans) == ["rehearse"]


def test_results_group_by_pane_in_pane_order() -> None:
    groups = INDEX.search("mirror", shield=OPEN).by_pane()
    assert list(groups) == ["cast", "highlights", "faq"]
    assert [r.key for r in groups["faq"]][:2] == [("faq", "mirror"), ("faq", "mirror-room")]


def test_limit_caps_results_but_total_counts_every_match() -> None:
    results = INDEX.search("mirror", shield=OPEN, limit=2)
    assert len(results.results) == 2
    assert results.total == len(keys("mirror", limit=100)) > 2


def test_panes_restrict_the_search() -> None:
    assert {key.pane for key in keys("mirror", panes={"faq"})} == {"faq"}
    assert INDEX.matching_keys("mirror", shield=OPEN, panes={"faq"}) == {
        ("faq", "mirror"),
        ("faq", "mirror-room"),
        ("faq", "cold-hall"),
    }


# The spoiler shield

SECRETS = {
    "thread": "zeppelin",
    "character": "quartzite",
    "highlight": "marmalade",
    "faq": "obsidian",
}
SPOILER_SHOW = make_show(
    plot={
        "synopsis": "Eun-hye dances.",
        "setting": "Seoul.",
        "threads": [
            {
                "id": "twist",
                "title": "The zeppelin twist",
                "description": "Eun-hye leaves on a zeppelin.",
                "spoiler": True,
            }
        ],
    },
    characters=[
        character("eun-hye", "Eun-hye", "A dancer."),
        character(
            "sister",
            "Quartzite sister",
            "Eun-hye's secret quartzite twin.",
            native_name="석영",
            spoiler=True,
        ),
    ],
    highlights=[
        highlight("finale", "Marmalade finale", "Eun-hye dances the marmalade solo.", spoiler=True),
    ],
    faq=[
        question(
            "ending", "Does Eun-hye win?", "No: the obsidian prize goes to her rival.", spoiler=True
        ),
        question("open", "Is Eun-hye a dancer?", "Yes."),
    ],
)
SPOILER_INDEX = SearchIndex.for_show(SPOILER_SHOW)
SPOILER_KEYS = {item.key for item in show_items(SPOILER_SHOW) if item.spoiler}
SPOILER_WORDS = {
    word
    for item in show_items(SPOILER_SHOW)
    if item.spoiler
    for field in item.fields
    for word in WORD.findall(field.text)
}


def shown_text(query: str, shield: SpoilerShield) -> str:
    """Everything a search for ``query`` would put on screen."""
    results = SPOILER_INDEX.search(query, shield=shield)
    parts = [f"{results.total}"]
    for result in results.results:
        parts.append(result.title)
        if result.snippet is not None:
            parts.append(result.snippet.text)
    return "\n".join(parts)


def test_with_the_shield_on_no_spoiler_text_appears_in_any_result() -> None:
    shield = SpoilerShield()
    queries = [*SPOILER_WORDS, "eun-hye", "e", "석", "석영", "the", "no"]
    for query in queries:
        results = SPOILER_INDEX.search(query, shield=shield)
        assert not {result.key for result in results.results} & SPOILER_KEYS, query
        assert not SPOILER_INDEX.matching_keys(query, shield=shield) & SPOILER_KEYS
        screen = shown_text(query, shield).casefold()
        for secret in [*SECRETS.values(), "석영", "twin", "prize"]:
            assert secret not in screen, (query, secret)


def test_hidden_spoilers_are_not_counted_either() -> None:
    # A count of "2 matches" for a word shown nowhere would give the secret away.
    assert SPOILER_INDEX.search("obsidian", shield=SpoilerShield()).total == 0
    assert SPOILER_INDEX.search("eun-hye", shield=SpoilerShield()).total == 3


def test_revealing_one_spoiler_makes_only_that_one_findable() -> None:
    shield = SpoilerShield()
    assert SPOILER_INDEX.search("obsidian", shield=shield).total == 0  # fills the cache
    shield.reveal(("faq", "ending"))
    assert [r.key for r in SPOILER_INDEX.search("obsidian", shield=shield).results] == [
        ("faq", "ending")
    ]
    assert "obsidian" in shown_text("obsidian", shield)
    assert SPOILER_INDEX.search("zeppelin", shield=shield).total == 0


def test_revealing_all_then_raising_the_shield_again() -> None:
    shield = SpoilerShield()
    shield.reveal_all()
    for secret in SECRETS.values():
        assert SPOILER_INDEX.search(secret, shield=shield).total == 1, secret
    assert first_key(SPOILER_INDEX, "석영", shield) == ("cast", "sister")
    shield.raise_shield()
    for secret in SECRETS.values():
        assert SPOILER_INDEX.search(secret, shield=shield).total == 0, secret


def first_key(index: SearchIndex, query: str, shield: SpoilerShield) -> ItemKey:
    return index.search(query, shield=shield).results[0].key


def test_two_shields_on_one_index_do_not_share_what_they_reveal() -> None:
    open_shield, closed_shield = SpoilerShield(on=False), SpoilerShield()
    assert SPOILER_INDEX.search("zeppelin", shield=open_shield).total == 1
    assert SPOILER_INDEX.search("zeppelin", shield=closed_shield).total == 0


# Folding


def test_folding_ignores_case_accents_and_compatibility_forms() -> None:
    assert fold("Café") == fold("CAFE") == "cafe"
    assert fold("ﬁlm") == "film"
    assert compact(fold("Eun-hye")) == compact(fold("eun hye")) == "eunhye"
