"""One list of a show's listed fields: ShowSummary, which rows and ``list`` read."""

from __future__ import annotations

import msgspec

from showguide.commands.listing import LISTED, record
from showguide.core.catalog import CatalogEntry
from showguide.core.catalog_view import CatalogRow
from showguide.core.loader import load_show
from showguide.core.summary import FROM_SHOW, ShowSummary
from tests.conftest import BALLERINA


def test_every_field_the_show_has_is_copied_into_its_summary() -> None:
    show = load_show(BALLERINA)
    summary = ShowSummary.of(show)
    for name in FROM_SHOW:
        value = getattr(show, name)
        assert getattr(summary, name) == (tuple(value) if isinstance(value, list) else value)
    # The others are worked out from the show; none is left at its default by mistake.
    worked_out = set(ShowSummary.__struct_fields__) - set(FROM_SHOW)
    assert worked_out == {"sort_title", "episodes"}
    assert summary.sort_title == "ballerina"


def test_a_row_reads_the_show_through_its_summary() -> None:
    entry = CatalogEntry(BALLERINA, "bundled", load_show(BALLERINA))
    row = CatalogRow.of(entry)
    assert row.summary is entry.summary  # held, not copied
    assert (row.id, row.title, row.sort_title) == ("ballerina", "Ballerina", "ballerina")
    assert msgspec.structs.fields(CatalogRow)  # a Struct: cheap to make for 10,000 shows


def test_list_prints_summary_fields_in_its_order() -> None:
    assert set(LISTED) <= set(ShowSummary.__struct_fields__)
    entry = CatalogEntry(BALLERINA, "bundled", load_show(BALLERINA))
    data = record(entry)
    assert list(data) == [*LISTED, "origin", "file", "problems"]
    assert data["native_title"] == "발레리나"
    broken = record(CatalogEntry("broken.yaml", "user"))
    assert [broken[name] for name in LISTED] == [None] * len(LISTED)
