"""Numbers the glyph reader was unsure of, settled where Tesseract read the same digits or a digit's
look-alike letter (issue 14, sixteenth round), and the prose and year phrases OCR damaged."""

from __future__ import annotations

from extractors.ita.facts import Passage, _stated_results
from extractors.ita.indicators import ProseSource, from_prose, prose_mentions
from extractors.ocr.digit_glyphs import Glyph, NumberRun, number_runs
from extractors.ocr.number_text import lookalikes_agree, unsure_confirmed, widened


def _sure(label: str, x0: int) -> Glyph:
    return Glyph(label, x0, x0 + 18, 0.9, 0.2)


def test_a_run_names_its_unsure_digits() -> None:
    glyphs = [_sure("๘", 0), _sure("๗", 20), Glyph(".", 41, 45, 1.0, 1.0), Glyph("๐", 50, 66, 0.9, 0.01, "L")]
    glyphs.append(_sure("๙", 70))
    (run,) = number_runs(glyphs)
    assert run.text == "๘๗.๐๙" and not run.trusted
    assert run.unsure == ((50, 66, "๐"),)


def test_unsure_digits_read_the_same_by_tesseract_confirm_the_glyphs() -> None:
    tesseract = [("๕", 9.0), ("ซ", 29.0), (".", 43.0), ("๐", 58.0), ("๕", 79.0)]
    assert unsure_confirmed([(50, 66, "๐")], tesseract)
    assert not unsure_confirmed([(50, 66, "๐")], [("๕", 9.0), ("o", 58.0)])
    assert not unsure_confirmed([(50, 66, "๐")], [("๐", 52.0), ("๑", 64.0)])


def test_a_lookalike_letter_is_the_digit_only_where_the_glyphs_read_that_digit() -> None:
    assert lookalikes_agree("อ๐.๕๕", "๖๐.๕๕")
    assert not lookalikes_agree("อ๐.๕๕", "๘๐.๕๕")
    assert not lookalikes_agree("ก๐.๕๕", "๖๐.๕๕")
    assert not lookalikes_agree("๖๐.๕๕", "๖๐.๕๕")  # nothing to settle


def test_a_lookalike_letter_under_an_added_digit_widens_the_run() -> None:
    wide = NumberRun("๖๑.๘๔", 6, 97, True, 0.82)
    run = NumberRun("๑.๘๔", 27, 97, True, 0.84, wider=wide, added=((6, 25),), added_digits=("๖",))
    tesseract = [("อ", 15.0), ("๑", 36.0), (".", 51.0), ("๕", 66.0), ("๕", 88.0)]
    assert widened(run, tesseract).text == "๖๑.๘๔"
    assert widened(run, [("ก", 15.0), *tesseract[1:]]).text == "๑.๘๔"
    other = NumberRun("๑.๘๔", 27, 97, True, 0.84, wider=wide, added=((6, 25),), added_digits=("๘",))
    assert widened(other, tesseract).text == "๑.๘๔"  # ``อ`` is no ``๘``


def test_a_prose_anchor_that_lost_its_first_letter_still_numbers_its_score() -> None:
    text = "ัวชีวัดที ๙-ฑโรเปิดเผยข้อมูล ได้คะแนน ๘๗.๖๐ คะแนน"
    assert [m[0] for m in prose_mentions(text)] == [9]
    (indicator,) = from_prose([ProseSource(text, 1, None)], 2563)
    assert (indicator.number, indicator.score) == (9, 87.6)


def test_ita_with_its_year_word_misread_still_names_the_result_year() -> None:
    assert _stated_results([Passage("ผลการประเมิน ITAขู ๒๕๖๖ รายตัวชี้วัด", 1, None)], []) == {2566}
    assert _stated_results([Passage("ผลการประเมิน ITA ๒๕๖๖ รายตัวชี้วัด", 1, None)], []) == {2566}
