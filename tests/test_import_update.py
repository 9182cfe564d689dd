"""``showguide import --update``: TVmaze's changes come in, the user's work stays."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from showguide.core.loader import load_show
from showguide.core.userdirs import user_shows_dir
from showguide.tvmaze import client, emit
from showguide.tvmaze.mapping import supports
from showguide.tvmaze.snapshots import snapshot_path
from showguide.tvmaze.update import dump_document, load_document, merge
from tests.cli import plain_terminal, run_cli
from tests.tvmaze_server import PROXY_VARIABLES, FakeTvmaze, make_show

USER_PARTS = """\
# My own note about this guide: keep it.
highlights:
  - id: the-lighthouse
    title: The lighthouse scenes   # my favourite
    category: visuals
    description: Every scene at the lighthouse is lit like a painting.
faq:
  - id: is-it-scary
    question: Is it scary?
    answer: Tense rather than scary.
"""


@pytest.fixture
def tvmaze(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTvmaze]:
    fake = FakeTvmaze()
    monkeypatch.setenv("SHOWGUIDE_TVMAZE_URL", fake.start())
    monkeypatch.setattr(client, "SETTINGS", client.Settings(read_timeout=2.0, retries=0))
    plain_terminal(monkeypatch)
    for variable in PROXY_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    yield fake
    fake.stop()


def imported(tvmaze: FakeTvmaze, capsys: pytest.CaptureFixture[str]) -> Path:
    """Harbour Lights imported, then edited by hand as a user would."""
    tvmaze.add(make_show(7, "Harbour Lights", seasons=2, episodes_per_season=2))
    assert run_cli(capsys, "import", "tvmaze", "--id", "7").code == 0
    path = user_shows_dir() / "harbour-lights.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("verdict: Not written yet.", "verdict: A quiet gem.  # mine")
    text = text.replace("# Your verdict on the show", USER_PARTS + "\n# Your verdict on the show")
    path.write_text(text, encoding="utf-8")
    load_show(path)  # the hand-edited file is valid
    return path


def tvmaze_moves_on(tvmaze: FakeTvmaze) -> None:
    """A new episode, a new cast member, and the show has ended."""
    data = make_show(
        7,
        "Harbour Lights",
        seasons=2,
        episodes_per_season=2,
        status="Ended",
        ended="2021-04-02",
        cast=[("Ada Fenwick", "Maren Holt"), ("Tom Ashby", "Inspector Vale"), ("Lin Cole", "Rhea")],
    )
    extra = dict(
        data["episodes"][-1], id=999, number=3, name="The Last Light", airdate="2021-04-02"
    )
    data["episodes"].append(extra)
    tvmaze.add(data)


def test_update_brings_tvmaze_changes_and_keeps_the_users_work(
    tvmaze: FakeTvmaze, capsys: pytest.CaptureFixture[str]
) -> None:
    path = imported(tvmaze, capsys)
    tvmaze_moves_on(tvmaze)
    result = run_cli(capsys, "import", "--update", str(path))
    assert result.code == 0, result.err
    assert "changed status: 'airing' → 'ended'" in result.out
    assert "added characters[rhea]: 'Rhea'" in result.out
    assert f"Updated {path} from TVmaze." in result.out
    text = path.read_text(encoding="utf-8")
    # The user's words, comments and order are all still there.
    assert "# My own note about this guide: keep it." in text
    assert "title: The lighthouse scenes   # my favourite" in text
    assert "verdict: A quiet gem.  # mine" in text
    assert text.index("highlights:") < text.index("faq:") < text.index("verdict:")
    show = load_show(path)
    assert [h.id for h in show.highlights] == ["the-lighthouse"]
    assert [f.answer for f in show.faq] == ["Tense rather than scary."]
    assert show.verdict == "A quiet gem."
    # TVmaze's changes came in.
    assert show.status == "ended"
    assert show.end_date == datetime.date(2021, 4, 2)
    assert [c.name for c in show.characters] == ["Maren Holt", "Inspector Vale", "Rhea"]
    if supports("seasons"):
        data = yaml.safe_load(text)
        assert [e["title"] for e in data["seasons"][1]["episodes"]][-1] == "The Last Light"
        assert "added seasons[2].episodes[3]: 'The Last Light'" in result.out


def test_a_value_the_user_edited_is_kept_and_reported(
    tvmaze: FakeTvmaze, capsys: pytest.CaptureFixture[str]
) -> None:
    path = imported(tvmaze, capsys)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("logline: An invented show for tests.", "logline: My own logline."),
        encoding="utf-8",
    )
    changed = make_show(7, "Harbour Lights", seasons=2, episodes_per_season=2)
    changed["show"]["summary"] = "<p>TVmaze rewrote the summary. Entirely.</p>"
    tvmaze.add(changed)
    result = run_cli(capsys, "import", "--update", str(path))
    assert result.code == 0, result.err
    assert "kept your edit of logline" in result.out
    show = load_show(path)
    assert show.logline == "My own logline."
    assert show.plot.synopsis == "TVmaze rewrote the summary. Entirely."  # not edited: updated


def test_a_character_the_user_deleted_stays_deleted(
    tvmaze: FakeTvmaze, capsys: pytest.CaptureFixture[str]
) -> None:
    path = imported(tvmaze, capsys)
    document = load_document(path.read_text(encoding="utf-8"))
    del document["characters"][1]
    path.write_text(dump_document(document, ""), encoding="utf-8")
    result = run_cli(capsys, "import", "--update", str(path))
    assert result.code == 0, result.err
    assert [c.name for c in load_show(path).characters] == ["Maren Holt"]


def test_dry_run_prints_the_changes_and_writes_nothing(
    tvmaze: FakeTvmaze, capsys: pytest.CaptureFixture[str]
) -> None:
    path = imported(tvmaze, capsys)
    before = path.read_bytes()
    tvmaze_moves_on(tvmaze)
    result = run_cli(capsys, "import", "--update", str(path), "--dry-run")
    assert result.code == 0, result.err
    assert "changed status: 'airing' → 'ended'" in result.out
    assert "nothing written (--dry-run)" in result.out
    assert path.read_bytes() == before
    # And the real update still sees the same changes: the dry run recorded nothing.
    assert "changed status" in run_cli(capsys, "import", "--update", str(path)).out


def test_an_unchanged_show_is_up_to_date(
    tvmaze: FakeTvmaze, capsys: pytest.CaptureFixture[str]
) -> None:
    path = imported(tvmaze, capsys)
    before = path.read_bytes()
    result = run_cli(capsys, "import", "--update", str(path))
    assert result.code == 0, result.err
    assert "is up to date with TVmaze" in result.out
    assert path.read_bytes() == before


def test_update_of_a_file_not_from_tvmaze_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run_cli(capsys, "new", "Harbour Lights", "-o", str(tmp_path / "h.yaml")).code == 0
    result = run_cli(capsys, "import", "--update", str(tmp_path / "h.yaml"))
    assert result.code == 2
    assert "records no TVmaze show" in result.err
    assert result.err.count("\n") == 1


def test_update_when_tvmaze_is_unreachable_changes_nothing(
    tvmaze: FakeTvmaze, capsys: pytest.CaptureFixture[str]
) -> None:
    path = imported(tvmaze, capsys)
    before = path.read_bytes()
    tvmaze.stop()
    result = run_cli(capsys, "import", "--update", str(path))
    assert result.code == 2
    assert "cannot reach" in result.err
    assert path.read_bytes() == before


# -- the merge itself, on the extended format, whatever the model supports ----------

MINE = """\
# top comment
title: Old Title
status: airing   # status comment
seasons:
  - number: 1
    episodes:
      - number: 1
        title: One
      # a comment between episodes
      - number: 2
        title: My own title for two
faq:
  - id: mine
    question: Mine?
    answer: Yes.
"""


def test_merge_adds_an_episode_and_keeps_comments_and_edits() -> None:
    base = {
        "title": "Old Title",
        "status": "airing",
        "seasons": [
            {
                "number": 1,
                "episodes": [{"number": 1, "title": "One"}, {"number": 2, "title": "Two"}],
            }
        ],
    }
    theirs = {
        "title": "New Title",
        "status": "ended",
        "seasons": [
            {
                "number": 1,
                "episodes": [
                    {"number": 1, "title": "One"},
                    {"number": 2, "title": "Two, renamed"},
                    {"number": 3, "title": "Three", "summary": "Bold \x1b[1m and \u202e hidden."},
                ],
            }
        ],
    }
    document = load_document(MINE)
    changes = [str(change) for change in merge(document, base, theirs)]
    text = dump_document(document, MINE)
    assert changes == [
        "changed title: 'Old Title' → 'New Title'",
        "changed status: 'airing' → 'ended'",
        "kept your edit of seasons[1].episodes[2].title: TVmaze's value changed too",
        "added seasons[1].episodes[3]: 'Three'",
    ]
    assert "# top comment" in text
    assert re.search(r"^status: ended +# status comment$", text, re.MULTILINE)
    assert "# a comment between episodes" in text
    assert "\x1b" not in text and "\u202e" not in text
    # The new episode comes after the last one, above the comments that followed it.
    assert text.index("title: Three") < text.index("faq:")
    data = yaml.safe_load(text)
    assert data["faq"] == [{"id": "mine", "question": "Mine?", "answer": "Yes."}]
    assert data["seasons"][0]["episodes"] == [
        {"number": 1, "title": "One"},
        {"number": 2, "title": "My own title for two"},
        {"number": 3, "title": "Three", "summary": "Bold \x1b[1m and \u202e hidden."},
    ]


def test_an_item_added_at_the_end_goes_above_the_comments_after_the_list() -> None:
    mine = "characters:\n  - id: a\n    name: A   # eol\n\n# About the FAQ below.\nfaq: []\n"
    document = load_document(mine)
    merge(
        document,
        {"characters": [{"id": "a", "name": "A"}]},
        {"characters": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]},
    )
    assert dump_document(document, mine) == (
        "characters:\n  - id: a\n    name: A   # eol\n  - id: b\n    name: B\n\n# About the FAQ below.\nfaq: []\n"
    )


def test_update_of_a_file_with_problems_lists_them(
    tvmaze: FakeTvmaze, capsys: pytest.CaptureFixture[str]
) -> None:
    path = imported(tvmaze, capsys)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: airing", "status: paused"), encoding="utf-8")
    asked = len(tvmaze.requests)
    result = run_cli(capsys, "import", "--update", str(path))
    assert result.code == 2
    assert f"{path}:" in result.err and "status" in result.err
    assert len(tvmaze.requests) == asked  # nothing fetched for a file that must be fixed first


def test_a_corrupt_import_record_is_set_aside_with_a_notice(
    tvmaze: FakeTvmaze, capsys: pytest.CaptureFixture[str]
) -> None:
    path = imported(tvmaze, capsys)
    record = snapshot_path(7)
    record.write_text("{not json", encoding="utf-8")
    tvmaze_moves_on(tvmaze)
    result = run_cli(capsys, "import", "--update", str(path))
    assert result.code == 0, result.err
    assert (
        "import record" in result.err and "was unusable; kept it as 7.json.corrupt-" in result.err
    )
    assert [p.read_text(encoding="utf-8") for p in record.parent.glob("7.json.corrupt-*")] == [
        "{not json"
    ]
    assert json.loads(record.read_text(encoding="utf-8"))["status"] == "ended"  # a new record
    assert load_show(path).status == "ended"


def test_removing_the_last_item_keeps_the_comments_after_the_list() -> None:
    mine = "characters:\n  - id: a\n    name: A\n  - id: b\n    name: B\n\n# About the FAQ below.\nfaq: []\n"
    both = {"characters": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]}
    document = load_document(mine)
    changes = merge(document, both, {"characters": [{"id": "a", "name": "A"}]})
    assert [str(change) for change in changes] == ["removed characters[b]"]
    assert dump_document(document, mine) == (
        "characters:\n  - id: a\n    name: A\n\n# About the FAQ below.\nfaq: []\n"
    )


# -- the merge as a property ------------------------------------------------------

titles = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
episode_lists = st.dictionaries(st.integers(1, 6), titles, max_size=4).map(
    lambda eps: [{"number": n, "title": t} for n, t in sorted(eps.items())]
)
owned_data = st.fixed_dictionaries(
    {
        "status": st.sampled_from(["airing", "ended", "upcoming"]),
        "title": titles,
        "characters": st.dictionaries(
            st.sampled_from(["a", "b", "c", "d"]), titles, max_size=3
        ).map(lambda cs: [{"id": i, "name": n} for i, n in cs.items()]),
        "seasons": st.dictionaries(st.integers(1, 3), episode_lists, max_size=3).map(
            lambda ss: [{"number": n, "episodes": e} for n, e in sorted(ss.items())]
        ),
    }
)


def in_order(value: Any) -> Any:
    if isinstance(value, list):
        return sorted((in_order(item) for item in value), key=repr)
    if isinstance(value, dict):
        return {key: in_order(item) for key, item in value.items()}
    return value


@settings(max_examples=30, deadline=None)
@given(base=owned_data, theirs=owned_data)
def test_an_unedited_file_becomes_tvmazes_data_and_keeps_the_users_own(
    base: dict[str, Any], theirs: dict[str, Any]
) -> None:
    user_part = {"faq": [{"id": "mine", "question": "Q?", "answer": "A."}], "verdict": "Mine."}
    original = "# my comment\n" + emit.dump({**base, **user_part})
    document = load_document(original)
    merge(document, base, theirs)
    result = yaml.safe_load(dump_document(document, original))
    for key, value in theirs.items():
        # Items already in the file keep the place they have there (the user
        # may have ordered them): compare lists in a fixed order.
        assert in_order(result.get(key, [])) == in_order(value), key
    assert {key: result[key] for key in user_part} == user_part
    assert dump_document(document, original).startswith("# my comment\n")


def test_update_reads_and_writes_plain_values_as_showguides_loader_does() -> None:
    # ruamel's own YAML 1.1 rules read N as a bool and 0E0 as a float; PyYAML,
    # and so showguide, reads both as text. An update must agree with showguide,
    # or it takes a title such as "N" for the user's edit and never updates it.
    original = "title: N\nnative_title: 0E0\nlogline: no\nyear: 2031\n"
    document = load_document(original)
    assert (document["title"], document["native_title"]) == ("N", "0E0")
    assert (document["logline"], document["year"]) == (False, 2031)  # as PyYAML reads them
    document["title"], document["logline"] = "yes", "0E0"
    written = dump_document(document, original)
    assert yaml.safe_load(written) == yaml.safe_load(original) | {"title": "yes", "logline": "0E0"}
