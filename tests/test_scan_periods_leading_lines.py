"""A period cell whose reading goes on with a stamp's arc read as letters (issue 14).

A round stamp crossing a period cell under its text is read as a line of letters after the period
(``ม.ค. -`` / ``เม.ย. ๖๔`` / ``ศก ภา -``): no reading parses whole, though its first lines do.  They
are kept, with a doubt; lines that hold a digit or a dot are a period's and are never dropped.
"""

from __future__ import annotations

from extractors.ocr.fields import settle

STAMPED = ("ม.ค. - เม.ย.64 ศก ภา -", "ม.ค. -\nเม.ย.64\nศก ภา -", 0.9)


def test_the_lines_before_a_stamps_marks_are_the_period_with_a_doubt() -> None:
    (text, _raw, _conf), others = settle(STAMPED, [lambda: ("ม.ค. - เม.ย.ส ศก ภา", "", 0.5)], lines=3)
    assert text == "ม.ค. - เม.ย.64"
    assert others is not None and "ม.ค. - เม.ย.64 ศก ภา -" in others


def test_a_reading_that_parses_whole_wins_over_the_first_lines_of_another() -> None:
    whole = ("ม.ค. - เม.ย. 64", "ม.ค. -\nเม.ย. 64", 0.8)
    assert settle(STAMPED, [lambda: whole], lines=3) == (whole, None)


def test_a_last_line_with_a_date_in_it_is_never_dropped() -> None:
    first = ("ไตรมาสที่ ๑ - ไตร ๒ ส", "ไตรมาสที่ ๑ -\nไตร ๒ ส", 0.9)
    (text, _raw, _conf), _others = settle(first, [lambda: ("", "", None)], lines=2)
    assert text == first[0]


def test_specks_of_dots_at_a_readings_edges_are_no_part_of_the_period() -> None:
    # ``มี.ค. - มิ.ย. 69`` under a stamp's arc: a speck before it, a dash and a dot after it
    first = ("Ale.-มิ.ย.", "Ale.-มิ.ย.", 0.9)
    (text, _raw, _conf), others = settle(first, [lambda: (".มีค.- มิ.ย. 69 -.", "", 0.6)])
    assert text == "มีค.- มิ.ย. 69"
    assert others is not None
