"""Long lists: thousands of rows in one virtual list, one line a row, all reachable."""

from __future__ import annotations

import msgspec
from benchmarks.generate import big_show

from showguide.tui.app import ShowGuideApp
from showguide.tui.line_list import LineList
from tests.tui.shows import ballerina, on_screen


def list_rows(app: ShowGuideApp) -> list[str]:
    """The FAQ list's rows as shown, without its border."""
    text = on_screen(app, app.screen.query_one("#faq-list"))
    rows = (line.strip("▊▔▁▎│ ") for line in text.splitlines())
    return [row for row in rows if row]


async def test_a_faq_of_thousands_is_one_list_and_end_reaches_the_last_question() -> None:
    show = big_show(faq=3000, characters=20, highlights=5, threads=5, spoiler_rate=0.0)
    app = ShowGuideApp(show)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        questions = app.screen.query_one("#faq-list", LineList)
        assert questions.row_count == 3000
        # Rows are drawn, not built as widgets: the pane holds a handful of widgets.
        assert len(list(app.screen.query_one("#faq-pane").walk_children())) < 20
        await pilot.press("end")
        await pilot.pause()
        last = show.faq[-1].question
        assert questions.highlighted == 2999
        assert last[:20] in on_screen(app, questions)
        answer = on_screen(app, app.screen.query_one("#faq-answer"))
        assert " ".join(last.split()[:6]) in answer


async def test_a_question_too_long_for_the_list_ends_in_an_ellipsis_and_shows_whole_beside() -> (
    None
):
    app = ShowGuideApp(ballerina())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "down")
        await pilot.pause()
        question = "Does the series show Korean culture and traditions?"
        listed = list_rows(app)
        # One line a question: the long one is cut with "…", never wrapped.
        assert len(listed) == len(app.show.faq)
        assert listed[1].startswith("Does the series show Korean culture")
        assert listed[1].endswith("…") and question not in listed[1]
        assert question in on_screen(app, app.screen.query_one("#faq-answer"))


async def test_a_line_break_in_a_question_stays_on_its_row() -> None:
    show = big_show(faq=3, characters=3, highlights=1, threads=1, spoiler_rate=0.0)
    first = show.faq[0]
    broken = msgspec.structs.replace(first, question="First line\nsecond line")
    show = msgspec.structs.replace(show, faq=[broken, *show.faq[1:]])
    app = ShowGuideApp(show)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        listed = list_rows(app)
        assert len(listed) == 3
        assert listed[0] == "First line second line"
