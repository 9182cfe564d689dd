"""How the palette shows and matches data text: literally, on one line, in linear time."""

from __future__ import annotations

from showguide.tui.palette import PALETTE_TEXT_LIMIT, letters_in_order, palette_text


def test_a_contiguous_match_wins() -> None:
    assert letters_in_order("mina", "Cast: Mina (미나)") == [6, 7, 8, 9]
    assert letters_in_order("cast: m", "Cast: Mina") == [0, 1, 2, 3, 4, 6]


def test_otherwise_each_letter_takes_its_first_place_in_order() -> None:
    assert letters_in_order("cm", "Cast: Mina") == [0, 6]
    assert letters_in_order("mc", "Cast: Mina") == []
    assert letters_in_order("미", "Cast: Mina (미나)") == [12]


def test_letters_that_repeat_everywhere_are_matched_at_once() -> None:
    # Textual's matcher would try every placement of ten l's among fifty.
    text = "lo" * 50
    assert letters_in_order("l" * 10, text) == list(range(0, 20, 2))
    assert letters_in_order("l" * 51, text) == []


def test_long_titles_are_cut_to_a_line_and_controls_made_visible() -> None:
    shown = palette_text("FAQ: " + "x" * 100_000)
    assert len(shown) == PALETTE_TEXT_LIMIT and shown.endswith("x…")
    assert palette_text("Cast: \x1b[31mRed") == "Cast: ␛[31mRed"
