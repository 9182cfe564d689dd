"""In the app, Hangul typed as syllables finds Hangul saved decomposed (NFD), and the reverse.

The FAQ filter's ``#tag`` words, ``/`` search, the command palette and the
catalog's filter, each driven by keys.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import msgspec
import pytest
import yaml
from textual.widgets import Input

from showguide.core.catalog import load_catalog
from showguide.core.model import Show
from showguide.tui.app import ShowGuideApp
from showguide.tui.catalog import CatalogScreen
from tests.showdata import FULL, show_dict
from tests.tui.shows import shown_text

SIZE = (100, 30)
TITLE = "발레리나 이야기"
CHARACTER = "김은혜"
TAG = "무용"
FORMS = [
    pytest.param(("NFD", "NFC"), id="NFD data, NFC keys"),
    pytest.param(("NFC", "NFD"), id="NFC data, NFD keys"),
]


def form(text: str, name: str) -> str:
    return unicodedata.normalize(name, text)  # type: ignore[arg-type]


def show_data(data_form: str) -> dict[str, object]:
    faqs = [
        {
            **FULL["faq"][0],
            "id": "who-dances",
            "spoiler": False,
            "reveals": None,  # not hidden until an episode is watched
            "question": "Who dances?",
            "tags": [form(TAG, data_form)],
        },
        {
            **FULL["faq"][0],
            "id": "when",
            "spoiler": False,
            "reveals": None,  # not hidden until an episode is watched
            "question": "When is it on?",
            "tags": ["dates"],
        },
    ]
    character = {**FULL["characters"][0], "id": "kim-eun-hye", "name": form(CHARACTER, data_form)}
    return show_dict(
        id="ballerina-story",
        title=form(TITLE, data_form),
        characters=[character],
        faq=faqs,
        sources=FULL["sources"],  # the character and questions cite them
    )


@pytest.mark.parametrize("forms", FORMS)
async def test_the_faq_tag_filter_finds_a_tag_in_either_form(forms: tuple[str, str]) -> None:
    data_form, key_form = forms
    app = ShowGuideApp(msgspec.convert(show_data(data_form), Show))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "f", "#", *form(TAG, key_form))
        await pilot.pause()
        assert app.screen.query_one("#faq-filter", Input).value == "#" + form(TAG, key_form)
        questions = shown_text(app.screen.query_one("#faq-list"))
        assert "Who dances?" in questions
        assert "When is it on?" not in questions


@pytest.mark.parametrize("forms", FORMS)
async def test_slash_search_finds_a_name_in_either_form(forms: tuple[str, str]) -> None:
    data_form, key_form = forms
    app = ShowGuideApp(msgspec.convert(show_data(data_form), Show))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *form("김은", key_form))
        await pilot.pause()
        results = shown_text(app.screen.query_one("#search-results"))
        # Shown as the file wrote it.
        assert form(CHARACTER, data_form) in results or CHARACTER in unicodedata.normalize(
            "NFC", results
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current_pane == "cast"


@pytest.mark.parametrize("forms", FORMS)
async def test_the_catalog_filter_finds_a_title_in_either_form(
    forms: tuple[str, str], tmp_path: Path
) -> None:
    data_form, key_form = forms
    folder = tmp_path / "shows"
    folder.mkdir()
    (folder / "story.yaml").write_text(
        yaml.safe_dump(show_data(data_form), allow_unicode=True), encoding="utf-8"
    )
    (folder / "other.yaml").write_text(
        yaml.safe_dump(show_dict(id="other", title="Another Show")), encoding="utf-8"
    )
    app = ShowGuideApp(catalog=load_catalog([folder]))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CatalogScreen)
        await pilot.press(*form("이야", key_form))
        await pilot.pause()
        titles = [row.title for row in app.screen.shown]
        assert titles == [form(TITLE, data_form)]


@pytest.mark.parametrize("forms", FORMS)
async def test_the_palette_jumps_to_a_name_in_either_form(forms: tuple[str, str]) -> None:
    data_form, key_form = forms
    app = ShowGuideApp(msgspec.convert(show_data(data_form), Show))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *form("김은혜", key_form))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current_pane == "cast"
