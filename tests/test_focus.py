"""Where an item starts in its show file, found in the file as it is now."""

from __future__ import annotations

import pytest

from showguide.core.focus import line_of

SHOW = """\
id: harbour
plot:
  synopsis: Things happen.
  threads:
    - id: voyage
      title: The voyage
characters:
  - id: mina
    name: Mina
  - id: keeper
    name: The keeper
faq:
  - id: sail
    question: Does she sail?
sources:
  - publisher: One
  - publisher: Two
seasons:
  - number: 1
    episodes:
      - {number: 1, title: Dusk}
      - number: 2
        title: Dawn
"""


@pytest.mark.parametrize(
    ("pane", "item_id", "line"),
    [
        ("cast", "keeper", 10),
        ("faq", "sail", 13),
        ("plot", "voyage", 5),
        ("sources", "source-1", 17),
        ("episodes", "S1E1", 21),
        ("episodes", "S1E2", 22),
        ("cast", "gone", 8),  # no longer in the file: where its list starts
        ("overview", None, 1),
    ],
)
def test_the_line_an_item_starts_on(pane: str, item_id: str | None, line: int) -> None:
    assert line_of(SHOW, "show.yaml", pane, item_id) == line


def test_a_file_that_no_longer_parses_opens_at_its_top() -> None:
    assert line_of("id: [unclosed\n", "show.yaml", "cast", "mina") == 1
