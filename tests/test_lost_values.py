"""A chart's value that the page's layout analysis never read is found over its empty place."""

from __future__ import annotations

import numpy as np
import pytest

from extractors.ocr.lost_values import LOST_DOUBT, recover_lost_values
from schemas import BBox, Line, Word

DPI = 72  # one pixel a point: boxes read the same in both


def _word(text: str, x: float, y: float, width: float = 4.0) -> Word:
    return Word(text, text, BBox(x, y, x + width, y + 8), 0.9)


def _chart(values: dict[int, str]) -> list[Line]:
    """Five places 40 pt apart (centres 40 … 200), values 24 pt wide over them, the axis below."""
    axis = tuple(_word(str(i), 40 * i - 2, 150) for i in range(1, 6))
    row = tuple(_word(text, 40 * i - 12, 60, 24) for i, text in values.items())
    return [Line("", "", BBox(0, 60, 240, 68), row), Line("", "", BBox(0, 150, 240, 158), axis)]


def _page(ink_at: tuple[int, int] | None) -> np.ndarray:
    """The page's binary image: each place's bar, and the lost value's digits at ``ink_at``."""
    page = np.zeros((200, 260), np.uint8)
    for i in range(1, 6):
        page[75:148, 40 * i - 14 : 40 * i + 14] = 255  # a bar, wider than a value
    if ink_at is not None:
        x, y = ink_at
        for k in range(4):  # four digits, 8 pt tall
            page[y : y + 8, x + 6 * k : x + 6 * k + 4] = 255
    return page


@pytest.mark.parametrize("axis_read", [True, False], ids=["by-the-axis", "axis-lost-by-the-values-pitch"])
def test_the_value_over_the_empty_place_is_read_and_carries_a_doubt(axis_read: bool) -> None:
    """Its place is the axis's empty one; with the axis never read, the values' own pitch gives it."""
    lines = _chart({1: "81.10", 2: "82.10", 3: "83.10", 5: "85.10"})
    lines = lines if axis_read else lines[:1]
    boxes: list[BBox] = []

    def read(box: BBox) -> tuple[str, float | None]:
        boxes.append(box)
        return "94.20", 0.8

    out, doubts = recover_lost_values(lines, _page((148, 40)), DPI, read)
    assert [ln.text for ln in out if ln.text == "94.20"] == ["94.20"]
    assert len(boxes) == 1 and boxes[0].x0 >= 146 and boxes[0].x1 <= 174  # over place 4 (centre 160)
    assert [(d.text, d.reason) for d in doubts] == [("94.20", LOST_DOUBT)]


def test_a_reading_that_is_no_score_of_the_charts_format_is_not_kept() -> None:
    lines = _chart({1: "81.10", 2: "82.10", 3: "83.10", 5: "85.10"})
    out, doubts = recover_lost_values(lines, _page((148, 40)), DPI, lambda box: ("9420", 0.8))
    assert out == lines and doubts == []


def test_no_ink_over_the_place_reads_nothing() -> None:
    lines = _chart({1: "81.10", 2: "82.10", 3: "83.10", 5: "85.10"})
    called: list[BBox] = []

    def read(box: BBox) -> tuple[str, float | None]:
        called.append(box)
        return "", None

    out, doubts = recover_lost_values(lines, _page(None), DPI, read)
    assert out == lines and doubts == [] and called == []


def test_a_chart_with_every_place_filled_is_left_alone() -> None:
    lines = _chart({i: f"8{i}.10" for i in range(1, 6)})
    out, doubts = recover_lost_values(lines, _page((148, 40)), DPI, lambda box: ("94.20", 0.8))
    assert out == lines and doubts == []


def _unread_chart() -> list[Line]:
    """Five places, a title with a year above, the values row read as junk, the axis below."""
    title = Line("ผลคะแนน ปี2566", "", BBox(20, 10, 210, 18), (_word("ผลคะแนนปี2566", 20, 10, 190),))
    junk = Line("wore ete", "", BBox(25, 60, 215, 68), (_word("wore", 25, 60, 90), _word("ete", 125, 60, 90)))
    axis = tuple(_word(str(i), 40 * i - 2, 150) for i in range(1, 6))
    return [title, junk, Line("1 2 3 4 5", "", BBox(0, 150, 240, 158), axis)]


def test_an_unread_chart_row_is_read_place_by_place_and_replaces_the_junk() -> None:
    got = {40: "83.72", 80: "7691", 120: "", 160: "80.19", 200: "85.18"}

    def enlarged(box: BBox) -> tuple[str, float | None]:
        if box.top < 50:  # the title's line: its year, no value
            return "2566", 0.9
        return got[round((box.x0 + box.x1) / 2)], 0.8

    lines = _unread_chart()
    out, doubts = recover_lost_values(lines, _page(None), DPI, lambda box: ("", None), enlarged)
    texts = [ln.text for ln in out]
    assert "83.72 76.91 80.19 85.18" in texts and "wore ete" not in texts
    assert texts[0] == "ผลคะแนน ปี2566"  # the title's year is no value, its line stays
    assert len(doubts) == 4


def test_an_unread_chart_stays_as_read_when_too_few_places_give_a_value() -> None:
    lines = _unread_chart()
    out, doubts = recover_lost_values(lines, _page(None), DPI, lambda box: ("", None), lambda box: ("8", 0.5))
    assert out == lines and doubts == []


def test_every_place_of_a_row_of_values_is_read_and_specks_on_the_bars_go() -> None:
    title = Line("ผลคะแนน", "", BBox(20, 10, 210, 18), (_word("ผลคะแนน", 20, 10, 190),))
    junk = Line("wore", "", BBox(25, 60, 100, 68), (_word("wore", 25, 60, 75),))  # over places 1-2 only
    specks = Line("be 4", "", BBox(30, 100, 60, 108), (_word("be", 30, 100, 10), _word("4", 50, 100)))
    places = tuple(_word(str(i), 40 * i - 2, 150) for i in range(1, 6))
    axis = Line("1 2 3 4 5", "", BBox(0, 150, 240, 158), places)
    got = {40: "83.72", 80: "76.91", 120: "84.03", 160: "", 200: "85.18"}

    def enlarged(box: BBox) -> tuple[str, float | None]:
        return (got[round((box.x0 + box.x1) / 2)], 0.8) if box.top == 60 else ("", None)  # the row only

    lines = [title, junk, specks, axis]
    out, doubts = recover_lost_values(lines, _page(None), DPI, lambda b: ("", None), enlarged)
    assert [ln.text for ln in out] == ["ผลคะแนน", "83.72 76.91 84.03 85.18", "1 2 3 4 5"]
    assert len(doubts) == 4


# --- the axis lost too: the values' own pitch gives the empty place ------------------------------


def test_with_no_axis_read_ink_a_word_was_read_from_is_no_lost_value() -> None:
    lines = _chart({1: "81.10", 2: "82.10", 3: "83.10", 5: "85.10"})[:1]
    misread = Line("ole in", "", BBox(146, 40, 172, 48), (_word("ole in", 146, 40, 26),))
    out, doubts = recover_lost_values([*lines, misread], _page((148, 40)), DPI, lambda box: ("94.20", 0.8))
    assert doubts == [] and [ln.text for ln in out] == ["", "ole in"]


def test_with_no_axis_read_no_place_past_the_last_value_is_guessed() -> None:
    lines = _chart({1: "81.10", 2: "82.10", 3: "83.10", 4: "84.10"})[:1]
    out, doubts = recover_lost_values(lines, _page((188, 40)), DPI, lambda box: ("94.20", 0.8))
    assert out == lines and doubts == []
