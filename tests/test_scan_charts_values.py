"""Bar charts printed on scanned pages: the numbers under the bars lost as specks, the legend's
entry numbers falling under a few bars, an entry number read onto the previous entry's last word,
a page number among the bars' places, and values the page's reading damaged (read again alone).

The lines are built by hand in the shapes OCR gave them on scanned twins of generated documents
(200 dpi scans and photographs of draws made for debugging): no Tesseract is needed; the second
reading is a stub that answers per box and counts its calls.
"""

from __future__ import annotations

from extractors.ocr.chart import chart_pairs, segments, settle_chart_numbers
from schemas import BBox, Line
from tests.ocr_shapes import ocr_line

_SCORES = ["66.05", "71.92", "56.66", "56.63", "57.42", "79.12", "69.39", "75.76", "78.40", "64.83"]
_TOPS = [343, 343, 356, 356, 356, 331, 343, 331, 331, 356]  # the values stand at their bars' heights


def _values(scores: list[str]) -> list[Line]:
    """The values over ten bars 31 pt apart, as OCR groups them: one line per height."""
    words = [(s, 159 + 31 * i, _TOPS[i], 176 + 31 * i, _TOPS[i] + 5.4) for i, s in enumerate(scores) if s]
    return [ocr_line(*[w for w in words if w[2] == top]) for top in sorted({w[2] for w in words})]


def _legend() -> list[Line]:
    """A legend of seven entries on two lines (the rest cut off by the picture), the entry numbers
    ``5`` and ``6`` falling under bars; ``2`` read onto the end of ``หน้าที่``."""
    return [
        ocr_line(
            ("1", 126, 472, 129, 486),
            ("การปฏิบัติหน้าที่2", 135, 472, 216, 486),
            ("การใช้งบประมาณ", 223, 472, 295, 486),
            ("3การใช้อำนาจ", 305, 472, 368, 486),
            ("4", 376, 477, 381, 485),
            ("การใช้ทรัพย์สินของ", 386, 472, 469, 486),
        ),
        ocr_line(
            ("ราชการ", 125, 491, 157, 505),
            ("5", 162, 491, 168, 505),
            ("การแก้ไขปัญหาการทุจริต", 173, 491, 286, 505),
            ("6", 291, 496, 296, 504),
            ("คุณภาพการดำเนินงาน", 301, 491, 397, 505),
            ("7", 404, 496, 409, 504),
            ("ประสิทธิภาพการ", 414, 491, 485, 505),
        ),
    ]


def _page_number() -> Line:
    return ocr_line(("-", 296, 34, 300, 36), ("1", 306, 28, 310, 40), ("-", 316, 34, 320, 36))


def test_a_legends_entry_numbers_under_a_few_bars_are_not_the_bars_labels() -> None:
    pairs, how = chart_pairs([_page_number(), *_values(_SCORES), *_legend()])
    assert how == "legend"
    assert [p.value.text for p in pairs] == _SCORES
    labels = [p.label.text for p in pairs]
    assert labels[:7] == [
        "1 การปฏิบัติหน้าที่",
        "2 การใช้งบประมาณ",
        "3การใช้อำนาจ",
        "4 การใช้ทรัพย์สินของราชการ",  # its wrapped line joined, no space invented
        "5 การแก้ไขปัญหาการทุจริต",
        "6 คุณภาพการดำเนินงาน",
        "7 ประสิทธิภาพการ",
    ]
    assert labels[7:] == ["8", "9", "10"]  # past the legend's last entry: numbered by place


def test_a_page_number_above_the_chart_takes_no_bars_place() -> None:
    scores = list(_SCORES)
    scores[6] = ""  # a value OCR lost: its bar's place stays empty, the others keep theirs
    pairs, how = chart_pairs([_page_number(), *_values(scores), *_legend()])
    assert how == "legend"
    assert [(p.label.text.split()[0], p.value.text) for p in pairs][5:] == [
        ("6", "79.12"),
        ("8", "75.76"),
        ("9", "78.40"),
        ("10", "64.83"),
    ]


def _reread(answers: dict[int, str], calls: list[int]):  # type: ignore[no-untyped-def]
    def reread(box: BBox) -> tuple[str, float | None]:
        calls.append(round(box.x0))
        return answers.get(round(box.x0), ""), 0.9

    return reread


def test_values_the_page_misread_are_read_again_and_replaced_with_a_doubt() -> None:
    scores = list(_SCORES)
    scores[0], scores[3], scores[4] = "66.3", "5๖๓", "$7.42"  # a digit lost, Thai glyphs, a $ for a 5
    calls: list[int] = []
    answers = {159: "66.05", 252: "56.63", 283: "57.42"}
    lines, doubts = settle_chart_numbers(_values(scores), _reread(answers, calls))
    assert sorted(calls) == [159, 252, 283]  # the well-formed values are not read again
    read = {w.box.x0: w.text for ln in lines for w in ln.words}
    assert [read[159 + 31 * i] for i in range(10)] == _SCORES
    assert sorted((d.text, d.other) for d in doubts) == [
        ("56.63", "5๖๓"),
        ("57.42", "$7.42"),
        ("66.05", "66.3"),
    ]


def test_a_second_reading_in_no_format_of_the_chart_keeps_the_first_with_a_doubt() -> None:
    scores = list(_SCORES)
    scores[2] = "5๖๖"
    calls: list[int] = []
    lines, doubts = settle_chart_numbers(_values(scores), _reread({221: "5666.1"}, calls))
    assert calls == [221]
    assert any(w.text == "5๖๖" for ln in lines for w in ln.words)
    assert [(d.text, d.other) for d in doubts] == [("5๖๖", "5666.1")]


def test_a_lost_point_read_again_is_kept_for_the_table_reader_to_restore() -> None:
    scores = list(_SCORES)
    scores[1] = "7๑๙"
    lines, _doubts = settle_chart_numbers(_values(scores), _reread({190: "7192"}, []))
    assert any(w.text == "7192" for ln in lines for w in ln.words)
    pairs, _how = chart_pairs([*lines, *_legend()])
    value = pairs[1].value
    assert (value.text, value.point_lost) == ("7192", True)


def test_numbers_in_sentences_and_years_are_not_read_again() -> None:
    sentence = ocr_line(
        ("ผลคะแนนภาพรวม", 113, 195, 325, 210),
        ("ปี", 333, 195, 350, 210),
        ("2564", 360, 195, 398, 210),
        ("เท่ากับ", 409, 195, 450, 210),
        ("๖๒.๒๘", 500, 195, 539, 210),
    )
    calls: list[int] = []
    lines, doubts = settle_chart_numbers([sentence, *_values(_SCORES)], _reread({}, calls))
    assert calls == [] and doubts == []
    assert lines[0] is sentence


def _row(number: str, name: str, top: float, value: str, x0: float, x1: float) -> Line:
    return ocr_line(
        (number, 200, top, 206, top + 10), (name, 210, top, 283, top + 10), (value, x0, top, x1, top + 10)
    )


def test_a_horizontal_bars_value_after_specks_of_the_bar_is_read_from_its_own_width() -> None:
    rows = [
        _row("2.", "การใช้งบประมาณ", 91, "76.30", 436, 455),
        _row("3.", "การใช้อำนาจ", 105, "83.90", 454, 474),
        _row("4.", "การใช้ทรัพย์สิน", 121, "ๆ78.34", 417, 464),
    ]
    calls: list[int] = []
    lines, doubts = settle_chart_numbers(rows, _reread({444: "78.34"}, calls))
    assert calls == [444]  # the value's part of the box: the width of the chart's values
    last = lines[2].words[-1]
    assert (last.text, round(last.box.x0)) == ("78.34", 444)
    assert [(d.text, d.other) for d in doubts] == [("78.34", "ๆ78.34")]


def test_specks_of_a_bars_end_before_its_value_stand_apart_from_it() -> None:
    line = ocr_line(
        ("2.", 217, 91, 222, 101),
        ("การใช้งบ", 226, 91, 283, 101),
        ("]]", 424, 91, 431, 101),
        ("76.30", 436, 91, 455, 101),
    )
    assert [s.text for s in segments([line])][-2:] == ["]]", "76.30"]
    assert segments([line])[-1].is_value


def test_a_value_whose_box_holds_a_speck_takes_a_second_reading_as_long_as_the_charts_values() -> None:
    scores = list(_SCORES)
    scores[7] = "3.36"  # 75.76 read as 3.36 in a box widened by a speck: too wide for 4 characters
    lines = _values(scores)
    lines = [
        ln
        if not any(w.text == "3.36" for w in ln.words)
        else ocr_line(
            *[
                (
                    w.text,
                    w.box.x0 - (4 if w.text == "3.36" else 0),
                    w.box.top,
                    w.box.x1 + 4 * (w.text == "3.36"),
                    w.box.bottom,
                )
                for w in ln.words
            ]
        )
        for ln in lines
    ]
    settled, doubts = settle_chart_numbers(lines, _reread({372: "75.76"}, []))
    assert [w.text for ln in settled for w in ln.words if w.box.x0 == 372] == ["75.76"]
    assert [(d.text, d.other) for d in doubts] == [("75.76", "3.36")]
    _, none = settle_chart_numbers(lines, _reread({372: "5.76"}, []))  # a digit lost again: kept, doubted
    assert [(d.text, d.other) for d in none] == [("3.36", "5.76")]


def test_a_reading_with_the_point_lost_gives_way_to_a_later_reading_with_it() -> None:
    scores = list(_SCORES)
    scores[3] = "5๖๓"
    ink = _reread({252: "5663"}, [])
    calls: list[int] = []
    lines, _ = settle_chart_numbers(_values(scores), ink, _reread({252: "56.63"}, calls))
    assert [w.text for ln in lines for w in ln.words if w.box.x0 == 252] == ["56.63"] and calls == [252]
    lines, _ = settle_chart_numbers(_values(scores), ink, _reread({}, []))  # no later reading: point lost
    assert [w.text for ln in lines for w in ln.words if w.box.x0 == 252] == ["5663"]
    calls = []
    lines, _ = settle_chart_numbers(_values(scores), _reread({252: "56.63"}, []), _reread({}, calls))
    assert calls == []  # a first reading in the format settles it: no second one


def test_a_lone_digit_among_the_values_is_a_speck_and_takes_no_bars_place() -> None:
    scores = list(_SCORES)
    scores[6] = "69307"  # a value merged with a speck: its place stays empty
    values = _values(scores)
    speck = ocr_line(("4", 297, 343, 304, 348.4))  # between bars 5 and 6, at the values' height
    pairs, how = chart_pairs([*values, speck, *_legend()])
    assert how == "legend"
    assert [p.value.text for p in pairs] == [s for k, s in enumerate(_SCORES) if k != 6]
    assert [p.label.text.split()[0] for p in pairs][5:] == ["6", "8", "9", "10"]
