"""The pieces of an import that need no server: HTML to text, the YAML writer, the mapping."""

from __future__ import annotations

import datetime

import msgspec
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from showguide.core.loader import parse_show
from showguide.tvmaze import emit, mapping, shapes
from showguide.tvmaze.htmltext import _SURROGATES, _TextParser, html_to_text, plain_line
from tests.tvmaze_server import channel, make_show


def parsed(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    parser._break()
    return "\n\n".join(parser.paragraphs)


def test_html_becomes_plain_paragraphs() -> None:
    assert html_to_text("<p>One <b>bold</b> &amp; <i>two</i>.</p><p>Next&nbsp;one.</p>") == (
        "One bold & two.\n\nNext\xa0one."
    )
    assert html_to_text("<p>Line<br>break</p>") == "Line\n\nbreak"
    assert html_to_text('<p><a href="javascript:x">link</a> text</p>') == "link text"
    assert html_to_text("<p>a</p><script>alert('x')</script><style>p{}</style>") == "a"
    assert html_to_text("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2"
    assert html_to_text(None) == "" and html_to_text("<p> </p>") == ""
    assert html_to_text("broken \ud800 surrogate") == "broken \ufffd surrogate"


def test_plain_line_is_one_trimmed_line() -> None:
    assert plain_line("  A\n  name\t ") == "A name"


simple_html = st.lists(
    st.one_of(
        st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<br>", "<br />", "<BR/>"]),
        st.sampled_from(["&amp;", "&lt;", "&#233;", "&nbsp;", "&bogus;"]),
        st.text(st.characters(blacklist_characters="<&\x00"), max_size=12),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(simple_html)
def test_the_fast_path_reads_html_as_the_parser_does(markup: str) -> None:
    assert html_to_text(markup) == _SURROGATES.sub("\ufffd", parsed(markup))


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=120))
def test_every_text_reads_back_exactly(text: str) -> None:
    written = emit.dump({"key": text, "items": [text], "nested": {"deeper": text}})
    assert yaml.safe_load(written) == {"key": text, "items": [text], "nested": {"deeper": text}}


def test_texts_yaml_would_misread_are_quoted() -> None:
    for text in ["yes", "No", "on", "1:20", "2024-01-01", "0x1F", "~", "null", "- a", "a: b", "#x"]:
        assert yaml.safe_load(emit.dump({"k": text})) == {"k": text}
    assert emit.dump({"k": "Harbour Lights"}) == "k: Harbour Lights\n"


def test_long_prose_is_folded_and_paragraphs_are_literal() -> None:
    long = "word " * 30 + "end"
    assert emit.dump({"k": long}).startswith("k: >-\n  word word")
    assert emit.dump({"k": "One.\n\nTwo."}) == "k: |-\n  One.\n\n  Two.\n"


def test_hidden_characters_are_escapes_in_the_file() -> None:
    written = emit.dump({"k": "a\x1b[31m\u202eb\u200b\x85c"})
    assert written == 'k: "a\\u001b[31m\\u202eb\\u200b\\u0085c"\n'


def full_show(**options: object) -> shapes.FullShow:
    data = make_show(5, "Harbour Lights", **options)  # type: ignore[arg-type]
    return shapes.FullShow(
        show=msgspec.convert(data["show"], shapes.Show),
        cast=msgspec.convert(data["cast"], list[shapes.CastCredit]),
        episodes=msgspec.convert(data["episodes"], list[shapes.Episode]),
        seasons=msgspec.convert(data["seasons"], list[shapes.Season]),
        akas=msgspec.convert(data["akas"], list[shapes.Aka]),
    )


TODAY = datetime.date(2026, 11, 30)


def test_the_mapping_writes_the_extended_format() -> None:
    guide = mapping.guide_data(full_show(seasons=2, episodes_per_season=2), TODAY)
    owned = guide.owned
    assert owned["runtime"] == 50
    assert owned["sources"][0] == {
        "id": "tvmaze",
        "title": "Harbour Lights on TVmaze",
        "kind": "database" if mapping.allows("sources[].kind", "database") else "other",
        "publisher": "TVmaze",
        "url": "https://www.tvmaze.com/shows/5",
        "retrieved": TODAY,
        "licence": "CC BY-SA 4.0",
        "note": "Show, cast and episode data from TVmaze, retrieved 2026-11-30, under the"
        " CC BY-SA 4.0 licence (https://creativecommons.org/licenses/by-sa/4.0/).",
    }
    assert [s["number"] for s in owned["seasons"]] == [1, 2]
    assert owned["seasons"][1]["episodes"][1] == {
        "number": 2,
        "title": "Chapter 4",
        "aired": datetime.date(2021, 4, 2),
        "runtime": 50,
        "summary": "Something happens in episode 4.",
    }


def test_specials_are_left_out_and_counted() -> None:
    show = full_show(seasons=1, episodes_per_season=3)
    special = msgspec.structs.replace(
        show.episodes[0], id=1, number=None, type="significant_special"
    )
    guide = mapping.guide_data(
        msgspec.structs.replace(show, episodes=[*show.episodes, special]), TODAY
    )
    assert guide.specials == 1
    assert len(guide.owned["seasons"][0]["episodes"]) == 3


def test_status_follows_tvmaze_and_the_date() -> None:
    def status(**options: object) -> str:
        return mapping.guide_data(full_show(**options), TODAY).owned["status"]

    assert status(status="Running") == "airing"
    assert status(status="Ended") == "ended"
    assert status(status="To Be Determined") == "airing"
    assert status(status="In Development", premiered=None) == "announced"
    assert status(status="Running", premiered="2027-01-01") == "upcoming"


def test_native_title_is_the_aka_of_the_shows_own_country() -> None:
    korean = dict(network=channel("KBC", "Korea, Republic of", "KR"))
    akas = [("Harbour Nights", "United States", "US"), ("항구의 불빛", "Korea, Republic of", "KR")]
    assert (
        mapping.guide_data(full_show(akas=akas, **korean), TODAY).owned["native_title"]
        == "항구의 불빛"
    )
    # An AKA without a country is the title in the show's own country.
    assert (
        mapping.guide_data(full_show(akas=[("항구", None, None)]), TODAY).owned["native_title"]
        == "항구"
    )
    assert "native_title" not in mapping.guide_data(full_show(akas=akas[:1], **korean), TODAY).owned


def test_an_official_site_that_is_not_a_web_address_is_left_out() -> None:
    owned = mapping.guide_data(full_show(official_site="javascript:alert(1)"), TODAY).owned
    assert [s["id"] for s in owned["sources"]] == ["tvmaze"]


def test_fitting_keeps_what_the_model_has_and_names_the_rest() -> None:
    fitted, dropped = mapping.fit_to_model(
        {"title": "T", "bogus": 1, "sources": [{"title": "S", "bogus2": 2}]}
    )
    assert fitted == {"title": "T", "sources": [{"title": "S"}]}
    assert dropped == ["bogus", "sources[].bogus2"]


def test_the_written_guide_validates_with_this_model() -> None:
    guide = mapping.guide_data(full_show(seasons=3, episodes_per_season=5), TODAY)
    owned, _ = mapping.fit_to_model(guide.owned)
    placeholders, _ = mapping.fit_to_model(guide.placeholders)
    from showguide.commands.importing import _combined

    text = emit.guide_text(
        _combined(owned, placeholders), page="https://www.tvmaze.com/shows/5", today=TODAY
    )
    show = parse_show(text, "harbour-lights.yaml")
    assert show.title == "Harbour Lights"
    assert show.verdict == mapping.PLACEHOLDER


def test_tvmaze_id_of_a_page_url() -> None:
    assert mapping.tvmaze_id_of("https://www.tvmaze.com/shows/5") == 5
    assert mapping.tvmaze_id_of("https://www.tvmaze.com/shows/5/harbour-lights") == 5
    assert mapping.tvmaze_id_of("https://tvmaze.com.evil.example/shows/5") is None
    assert mapping.tvmaze_id_of(None) is None


any_text = st.text(st.characters(), max_size=40)
maybe_text = st.none() | any_text


@settings(max_examples=150, deadline=None)
@given(
    name=any_text,
    summary=maybe_text,
    language=maybe_text,
    genres=st.lists(any_text, max_size=3),
    cast=st.lists(st.tuples(any_text, any_text), max_size=4),
    episodes=st.lists(
        st.tuples(
            st.integers(-1, 3), st.none() | st.integers(-1, 5), maybe_text, maybe_text, maybe_text
        ),
        max_size=6,
    ),
    akas=st.lists(any_text, max_size=2),
    site=maybe_text,
    premiered=maybe_text,
)
def test_whatever_tvmaze_sends_the_guide_validates(
    name: str,
    summary: str | None,
    language: str | None,
    genres: list[str],
    cast: list[tuple[str, str]],
    episodes: list[tuple[int, int | None, str | None, str | None, str | None]],
    akas: list[str],
    site: str | None,
    premiered: str | None,
) -> None:
    show = shapes.Show(
        id=5,
        name=name,
        summary=summary,
        language=language,
        genres=genres,
        officialSite=site,
        premiered=premiered,
        network=shapes.Channel(name=name, country=shapes.Country(name=language, code="KR")),
    )
    full = shapes.FullShow(
        show=show,
        cast=[
            shapes.CastCredit(person=shapes.Person(id=i, name=a), character=shapes.Role(name=c))
            for i, (a, c) in enumerate(cast)
        ],
        episodes=[
            shapes.Episode(id=i, season=s, number=n, name=title, airdate=aired, summary=text)
            for i, (s, n, title, aired, text) in enumerate(episodes)
        ],
        seasons=[],
        akas=[shapes.Aka(name=a, country=None) for a in akas],
    )
    guide = mapping.guide_data(full, TODAY)
    owned, _ = mapping.fit_to_model(guide.owned)
    placeholders, _ = mapping.fit_to_model(guide.placeholders)
    from showguide.commands.importing import _combined

    text = emit.guide_text(
        _combined(owned, placeholders), page="https://www.tvmaze.com/shows/5", today=TODAY
    )
    parse_show(text, "fuzzed.yaml")  # raises ShowDataError if the guide is not valid
