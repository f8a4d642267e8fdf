"""A vertical bar chart's values are paired with the numbered axis under the bars by the place each
stands over (``chart.axis_pairs``), and a chart value already in the chart's format is not read
again for its box alone (``chart.settle_chart_numbers``)."""

from __future__ import annotations

import numpy as np

from extractors.ocr.chart import chart_pairs, settle_chart_numbers
from extractors.ocr.lost_values import LOST_DOUBT, recover_lost_values
from schemas import BBox, Line, Word

PITCH = 31.0  #: the bars' pitch (page points)
VALUE_WIDTH = 18.0


def _word(text: str, x0: float, top: float, width: float = VALUE_WIDTH, height: float = 6.0) -> Word:
    return Word(text, text, BBox(x0, top, x0 + width, top + height), 0.9)


def _line(*words: Word) -> Line:
    box = words[0].box
    for w in words[1:]:
        box = box.union(w.box)
    return Line(" ".join(w.text for w in words), "", box, tuple(words))


def _centre(place: int) -> float:
    """The centre of axis place ``place`` (1-based)."""
    return 100.0 + PITCH * place


def _value(text: str, place: int, top: float) -> Word:
    return _word(text, _centre(place) - VALUE_WIDTH / 2, top)


def _axis(n: int = 10, top: float = 200.0) -> Line:
    return _line(*(_word(str(k), _centre(k) - 2, top, 4 + 4 * (k >= 10)) for k in range(1, n + 1)))


def _pairs(lines: list[Line]) -> tuple[dict[str, str], str]:
    pairs, how = chart_pairs(lines)
    return {p.label.text: p.value.text for p in pairs}, how


def test_a_value_not_read_leaves_its_place_empty_and_the_others_keep_theirs() -> None:
    """Values at the bars' tops, one of them read as specks (``ซู``): each value is paired with
    the number under its own bar, not shifted onto the next bar's (the values' own spacing, with
    a gap where the value was lost, says nothing of which bar is which)."""
    tall = _line(_value("63.93", 2, 100), _value("55.00", 6, 104), _value("69.87", 8, 100))
    low = _line(
        _value("49.19", 1, 120),
        _word("ซู", _centre(1) + 12, 120, 6),  # a speck of the bar's corner, beside its value
        _value("47.65", 3, 120),
        _word("ซู", _centre(4) - 3, 121, 6),  # bar 4's value, read as specks
        _value("68.82", 5, 118),
        _value("50.49", 7, 121),
        _value("63.68", 9, 118),
        _value("65.28", 10, 116),
    )
    found, how = _pairs([tall, low, _axis()])
    assert how == "columns"
    assert found == {
        "1": "49.19",
        "2": "63.93",
        "3": "47.65",
        "5": "68.82",
        "6": "55.00",
        "7": "50.49",
        "8": "69.87",
        "9": "63.68",
        "10": "65.28",
    }


def test_two_values_read_as_one_word_go_to_their_two_places() -> None:
    """``68826597``: the values over two neighbouring bars read as one word, as wide as two; each
    end goes to its own place, its point lost (for the table reader to put back, doubted)."""
    both = _word("68826597", _centre(4) - VALUE_WIDTH / 2, 110, PITCH + VALUE_WIDTH)
    row = _line(_value("49.19", 1, 112), _value("63.93", 2, 112), _value("47.65", 3, 112), both)
    pairs, how = chart_pairs([row, _axis(6)])
    got = {p.label.text: (p.value.text, p.value.point_lost) for p in pairs}
    assert how == "columns"
    assert got["4"] == ("6882", True) and got["5"] == ("6597", True)


def test_a_title_year_over_an_empty_place_is_no_value() -> None:
    """The chart's title stands over the bars; its year, standing alone and set larger than the
    values, is no value of the bar under it whose own value was not read."""
    title = _line(_word("ผลคะแนน", 200, 40, 50, 12), _word("2567", _centre(5) - 12, 40, 24, 12))
    row = _line(*(_value(f"7{k}.25", k, 110) for k in (1, 2, 3, 4, 6)))
    found, how = _pairs([title, row, _axis(6)])
    assert how == "columns"
    assert "5" not in found and sorted(found, key=int) == ["1", "2", "3", "4", "6"]


def test_a_score_in_a_sentence_is_no_bar_value() -> None:
    """A sentence over the chart giving a score (``ได้คะแนน 61.06 คะแนน``) names no bar, even when
    its number stands over a place whose value was not read."""
    sentence = _line(
        _word("ได้คะแนน", _centre(3) - 60, 60, 50),
        _value("61.06", 3, 60),
        _word("คะแนน", _centre(3) + 12, 60, 30),
    )
    row = _line(*(_value(f"8{k}.40", k, 110) for k in (1, 2, 4, 5, 6)))
    found, how = _pairs([sentence, row, _axis(6)])
    assert how == "columns" and "3" not in found


def test_a_value_in_the_charts_format_is_not_read_again_for_a_wide_box() -> None:
    """``89.69`` in a box wider than five characters (a speck beside it taken into the box): as many
    characters as the chart's values have, and their decimals, it is read as it stands; a second
    reading of the wider box (``88.60``) is never asked for."""
    values = [_word(f"7{k}.2{k}", 30 * k, 0) for k in range(5)]
    wide = _word("89.69", 160, 0, VALUE_WIDTH + 4)
    line = _line(*values, wide)

    def reread(box: BBox) -> tuple[str, float | None]:
        raise AssertionError(f"read again at {box}")

    out, doubts = settle_chart_numbers([line], reread)
    assert [w.text for w in out[0].words][-1] == "89.69" and doubts == []


def test_a_value_with_a_zero_before_its_whole_digits_is_read_again() -> None:
    """``06.44`` is how no score is printed (the ``8`` of ``86.44`` misread): it is read again, and
    the reading that differs carries a doubt naming the first."""
    values = [_word(f"7{k}.2{k}", 30 * k, 0) for k in range(5)]
    line = _line(*values, _word("06.44", 160, 0))
    out, doubts = settle_chart_numbers([line], lambda box: ("86.44", 0.9))
    assert out[0].words[-1].text == "86.44"
    assert [(d.text, d.other) for d in doubts] == [("86.44", "06.44")]


def test_a_lost_values_ink_read_without_its_point_is_read_again_enlarged() -> None:
    """The ink over an empty place read as ``7866`` (its point, a speck, lost in the binary image)
    among values printed ``xx.xx`` is read again from the grey image enlarged, which keeps the
    point: ``78.66``, with the doubt of a value read from its place's ink."""
    axis = _line(*(_word(str(i), 40 * i - 2, 150, 4) for i in range(1, 6)))
    row = _line(*(_word(f"8{i}.10", 40 * i - 12, 60, 24) for i in (1, 2, 4, 5)))
    page = np.zeros((200, 260), np.uint8)
    page[60:68, 110:118] = 255  # the lost value's digits over place 3
    page[60:68, 121:129] = 255
    lines, doubts = recover_lost_values(
        [row, axis], page, 72, lambda box: ("7866", 0.8), lambda box: ("78.66", 0.9)
    )
    added = [w for ln in lines for w in ln.words if w.text == "78.66"]
    assert len(added) == 1 and [(d.text, d.reason) for d in doubts] == [("78.66", LOST_DOUBT)]


def test_a_lost_values_digits_read_twice_without_the_point_are_kept_as_read() -> None:
    """Both readings of the ink give ``7748`` (no point either way): the value is kept as read, with
    its doubt, and pairs with its place as a value whose point was lost (the table reader puts the
    point back, doubted); one reading alone keeps nothing (``test_lost_values``)."""
    axis = _line(*(_word(str(i), 40 * i - 2, 150, 4) for i in range(1, 6)))
    row = _line(*(_word(f"8{i}.10", 40 * i - 12, 60, 24) for i in (1, 2, 4, 5)))
    page = np.zeros((200, 260), np.uint8)
    page[60:68, 108:118] = 255  # digits as wide as the values over the other places
    page[60:68, 122:132] = 255
    lines, doubts = recover_lost_values(
        [row, axis], page, 72, lambda box: ("7748", 0.8), lambda box: ("7748", 0.7)
    )
    assert [d.text for d in doubts] == ["7748"]
    pairs, how = chart_pairs(lines)
    got = {p.label.text: (p.value.text, p.value.point_lost) for p in pairs}
    assert how == "columns" and got["3"] == ("7748", True)


def test_a_row_end_value_shorter_than_the_charts_values_is_read_again() -> None:
    """Horizontal bars, each row's value at its end: ``3.51`` among values printed ``xx.xx`` lost a
    digit (its box may hold specks of the bar, so its length says so, not its box); read again,
    ``80.51`` replaces it, with a doubt naming the first reading."""
    texts = ["83.18", "3.51", "82.27", "85.66"]
    lines = [
        _line(_word(f"{k + 1}. การปฏิบัติ", 0, 20 * k, 60), _word(text, 200, 20 * k))
        for k, text in enumerate(texts)
    ]
    out, doubts = settle_chart_numbers(lines, lambda box: ("80.51", 0.9))
    assert [ln.words[-1].text for ln in out] == ["83.18", "80.51", "82.27", "85.66"]
    assert [(d.text, d.other) for d in doubts] == [("80.51", "3.51")]


def test_an_axis_whose_first_number_was_lost_and_last_misread_still_places_the_values() -> None:
    """A photo's axis read ``2 3 … 9 า0`` (the ``1`` lost, the ``10`` read with a letter) was no
    axis: no value could be placed, and the chart gave no pair (0/10 on the twin).  The run that
    counts up is the axis; its places at the pitch before and after it are numbered by place."""
    words = [_word(str(k), _centre(k) - 2, 200.0, 4) for k in range(2, 10)]
    axis = _line(*words, _word("า0", _centre(10) - 4, 200.0, 8))
    values = _line(*(_value(f"{60 + k}.{10 + k}", k, 120) for k in range(1, 11)))
    pairs, how = _pairs([values, axis])
    assert how == "columns"
    assert pairs == {str(k): f"{60 + k}.{10 + k}" for k in range(1, 11)}


def test_a_line_of_numbers_not_counting_up_is_no_axis() -> None:
    """Most of its words must count up: ``1 7 1 4 1`` (specks) or a short run among words is none."""
    from extractors.ocr.chart import chart_axis

    assert (
        chart_axis([_line(*(_word(t, 10 * k, 200.0, 4) for k, t in enumerate(["1", "7", "1", "4", "1"])))])
        is None
    )
    run = ["ก", "ข", "2", "3", "4", "ค", "ง"]
    assert chart_axis([_line(*(_word(t, 10 * k, 200.0, 4) for k, t in enumerate(run)))]) is None
