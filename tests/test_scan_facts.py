"""Document facts and prose lines of scanned pages: the line reading steps that lost or damaged the
title and its year, each with the geometry measured on a scanned twin (``bench/scan_twins.py``,
kind ``scan200``) of a development draw's document, page 1, read by Tesseract through
:class:`extractors.ocr.page.PageReader` (symbol boxes in page pixels at 200 dpi)."""

from __future__ import annotations

from extractors.ita.facts import Passage, read_facts
from extractors.ita.title import join_title, title_block
from extractors.ocr.engine import OcrLine, OcrSymbol
from extractors.ocr.page import (
    MIN_SPACE_PT,
    SPACE_GAP,
    _latin_abbreviations,
    _level_letters_across,
    _noise,
    _space_gap,
    _text_lines,
    _tokens,
)
from extractors.ocr.text import clean_ocr_text, join_abbreviation_spaces
from schemas import BBox, Line, PageKind, PageText, Word

DPI = 200


def _symbols(spec: str) -> list[OcrSymbol]:
    """``"พ[755-778] .[785-793]"`` (as measured) as symbols on one line."""
    out = []
    for part in spec.split():
        text, span = part[:-1].split("[")
        x0, x1 = (int(v) for v in span.split("-"))
        out.append(OcrSymbol(text, (x0, 0, x1, 40), 95.0))
    return out


def _words(symbols: list[OcrSymbol], height: int) -> list[str]:
    gap = max(SPACE_GAP * height, MIN_SPACE_PT * DPI / 72)
    return [t.text for t in _tokens(symbols, _space_gap(symbols, gap))]


# --- spaces from the line's own letter spacing ---------------------------------------------------

#: A bold, letter-spaced title line printed ``พ.ศ.๒๕๖๖`` (no space): 14 px after the last stop, its
#: letters 4-9 px apart; a fixed share of the line's height (48 px) made a space of it.
SPREAD_YEAR = (
    "พ[755-778] .[785-793] ศ[802-818] .[823-830] ๒[844-861] ๕[868-893] ๒[897-922] ๐[922-934] ๒[934-953]"
)
#: The line above it, printed ``ประจำปีงบประมาณ``: gaps of 10-12 px between letters (54 px high).
SPREAD_WORD = (
    "ป[688-708] ร[715-725] ะ[724-745] จ[744-753] ํ[765-775] า[785-793] ป[805-820] ี[823-839] ง[842-863]"
    " บ[869-884] ป[883-904] ร[903-927] ะ[927-948] ม[947-963] า[970-981] ณ[991-1021]"
)
#: A title line of another document, printed ``ประจำปีงบประมาณ พ.ศ. 2566`` in a font spaced wide
#: throughout: letters 7-12 px apart, the spaces 26 and 22 px (61 px high).
WIDE_FONT = (
    "ป[586-605] ร[612-624] ะ[633-643] จ[643-663] ํ[662-672] า[681-690] ป[700-717] ี[719-736] ง[739-758]"
    " บ[766-781] ป[793-804] ร[814-823] ะ[822-846] ม[845-860] า[867-878] ณ[890-914] พ[940-960] .[970-978]"
    " ศ[982-1002] .[1008-1016] 2[1038-1059] 5[1060-1080] 6[1082-1103] 6[1104-1125]"
)
#: A body line in a plain font (62 px high): letters 0-10 px apart, spaces 15 and 20 px.
BODY = (
    "โ[395-413] ร[412-428] ง[430-445] เ[450-459] ร[458-476] ี[480-496] ย[500-512] น[511-531] บ[530-546]"
    " ้[546-562] า[564-581] น[580-597] ห[596-612] น[615-632] อ[631-651] ง[650-660] บ[670-677] ั[681-698]"
    " ว[702-717] อ[732-748] ํ[747-758] า[763-774] เ[778-794] ภ[779-810] อ[814-825] ศ[825-845] ร[835-855]"
    " ี[859-874] บ[877-891] ุ[890-907] ญ[906-922] เ[932-938] ร[941-953] ื[963-973] อ[972-988] ง[987-998]"
    " จ[1018-1031] ั[1036-1050] ง[1053-1066] ห[1065-1081] ว[1080-1097] ั[1096-1112] ด[1118-1132]"
)


def test_a_spread_title_line_gets_no_space_from_its_letter_gaps() -> None:
    assert _words(_symbols(SPREAD_YEAR), 48) == ["พ.ศ.๒๕๒๐๒"]  # Tesseract's digits, fixed later
    assert _words(_symbols(SPREAD_WORD), 54) == ["ประจําปีงบประมาณ"]


#: A title line printed ``ประจำปีงบประมาณ พ.ศ. 2563`` in a body font: 23 px after the last stop,
#: letters 2-13 px apart (59 px high).
SPACED_YEAR = (
    "ป[575-597] ร[603-616] ะ[623-634] จ[633-656] ํ[655-668] า[674-684] ป[696-714] ี[717-733] ง[737-756]"
    " บ[755-778] ป[777-792] ร[799-813] ะ[821-833] ม[843-861] า[866-880] ณ[891-914] พ[940-962] .[975-982]"
    " ศ[984-1007] .[1012-1019] 2[1042-1063] 5[1066-1086] 6[1090-1111] 3[1115-1134]"
)


def test_the_space_after_a_year_word_is_kept() -> None:
    line = " ".join(_words(_symbols(SPACED_YEAR), 59))
    assert clean_ocr_text(line)[0] == "ประจำปีงบประมาณ พ.ศ. 2563"


def test_a_wide_font_keeps_its_real_spaces() -> None:
    assert _words(_symbols(WIDE_FONT), 61) == ["ประจําปีงบประมาณ", "พ.ศ.", "2566"]


def test_a_body_line_keeps_its_spaces() -> None:
    assert _words(_symbols(BODY), 62) == ["โรงเรียนบ้านหนองบัว", "อําเภอศรีบุญเรือง", "จังหวัด"]


# --- what is noise ---------------------------------------------------------------------------------


def _line(words: list[str], box: BBox | None = None) -> Line:
    box = box or BBox(0, 0, 100, 16)
    return Line(" ".join(words), " ".join(words), box, tuple(Word(w, w, box) for w in words), confidence=0.95)


def test_a_bold_year_read_as_short_tokens_is_not_specks() -> None:
    """``พ.ศ.๒๕๖๗`` in a bold title, its digits fixed by the glyph reader: three of four words short."""
    assert not _noise(_line(["พ", ".", "ศ.", "๒๕๖๗"]))
    assert not _noise(_line(["หมายเหตุ:", "๑", "=", "การปฏิบัติหน้าที่๒", "=", "การใช้งบประมาณ", "๓", "=", "๔", "="]))
    assert _noise(_line(["อ,", "เ", "ศ", "ม/,", "v"]))
    assert _noise(_line(["1", "l", "ๆ", "ก.", "."]))


# --- text repairs ----------------------------------------------------------------------------------


def test_spaces_around_an_abbreviations_inner_stops_go() -> None:
    assert clean_ocr_text("ผลการประเมินรายตัวชี้วัด ประจำปี พ. ศ. ๒๕๖๘")[0] == (
        "ผลการประเมินรายตัวชี้วัด ประจำปี พ.ศ. ๒๕๖๘"
    )
    assert join_abbreviation_spaces("(สำนักงาน ป.ป.ช .) ได้กำหนด") == "(สำนักงาน ป.ป.ช.) ได้กำหนด"
    # the space after the last stop is the author's choice: kept
    assert join_abbreviation_spaces("พ.ศ. ๒๕๖๖") == "พ.ศ. ๒๕๖๖"


def test_latin_read_for_a_thai_abbreviation_before_a_year_is_found() -> None:
    symbols = [OcrSymbol(ch, (0, 0, 1, 1), 90.0) for ch in "ประจำปีงบประมาณWa.๒๕๖๖"]
    assert _latin_abbreviations(symbols) == [(15, 18)]
    english = [OcrSymbol(ch, (0, 0, 1, 1), 90.0) for ch in "งานภาครัฐ(ITA)"]
    assert _latin_abbreviations(english) == []


def test_a_level_letter_read_as_a_digit_after_a_line_break() -> None:
    lines = [_line(["ผลคะแนน", "๕๕.๔๑", "คะแนน", "ระดับ"]), _line(["ผลการประเมิน", "0"])]
    assert [ln.text for ln in _level_letters_across(lines)] == ["ผลคะแนน ๕๕.๔๑ คะแนน ระดับ", "ผลการประเมิน D"]
    assert _level_letters_across(lines)[1].raw == "ผลการประเมิน 0"


# --- the title -------------------------------------------------------------------------------------


def test_a_title_line_cut_by_ocr_inside_its_first_word_still_wraps() -> None:
    """``…ความโปร่งใสใน`` / ``การดำเนินงาน`` (measured, points): OCR cut the second line's first
    word (``การดำเนินง`` ``าน``); the line left room for ``การ`` but not for a space before it."""
    first = _line(["รายงานผลการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสใน"], BBox(90.0, 130, 526.3, 150))
    box = BBox(261.0, 154, 355.3, 172)
    pieces = (
        Word("การดำเนินง", "", BBox(261.0, 154, 340.0, 172)),
        Word("าน", "", BBox(343.0, 154, 355.3, 172)),
    )
    second = Line("การดำเนินงาน", "การดำเนินง าน", box, pieces)
    assert join_title([first, second], 462.2) == (
        "รายงานผลการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน"
    )


def _page(rows: list[tuple[float, float, float, str]]) -> PageText:
    lines = [_line(text.split(), BBox(x0, top, x1, top + 19)) for x0, x1, top, text in rows]
    return PageText(1, 595.8, 842.0, PageKind.SCANNED, lines)


#: Page 1 of a scanned announcement (measured, points): a centred title of three lines, then an
#: indented paragraph whose first line ends at the right margin.
ANNOUNCEMENT = [
    (202, 414, 66, "ประกาศโรงพยาบาลสว่างแดนดิน"),
    (96, 520, 89, "เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
    (206, 410, 113, "ประจำปีงบประมาณ พ.ศ.๒๕๖๓"),
    (113, 539, 136, "เพื่อให้การดำเนินงานของโรงพยาบาลสว่างแดนดินเป็นไปด้วยความโปร่งใส"),
    (77, 539, 157, "มีคุณธรรม และตอบสนองต่อ ความต้องการของประชาชน จึงได้นำผลการประเมิน"),
    (77, 368, 178, "ITA มาวิเคราะห์ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อน"),
]


def test_the_title_block_ends_before_an_indented_paragraph() -> None:
    block = title_block(_page(ANNOUNCEMENT))
    assert [ln.text for ln in block][-1] == "ประจำปีงบประมาณ พ.ศ.๒๕๖๓"


def test_a_title_year_read_as_short_tokens_gives_the_fiscal_year() -> None:
    rows = [
        (150, 450, 66, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
        (230, 370, 89, "ประจำปีงบประมาณ"),
        (265, 335, 112, "พ.ศ.๒๕๖๗"),
        (77, 539, 160, "โรงเรียนบ้านหนองบัวมีผลคะแนน ๗๑.๕๒ คะแนน"),
    ]
    page = _page(rows)
    facts = read_facts([page], [Passage(ln.text, 1, ln.box) for ln in page.lines[3:]])
    assert facts.title == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ.๒๕๖๗"
    assert facts.fiscal_year == 2567


def test_a_word_wrapped_alone_from_a_title_is_not_taken_for_marks() -> None:
    """``งาน`` (no marks, 32 px high) wrapped from a title whose lines carry marks (76-87 px high):
    as low as a row of marks Tesseract split off a bold line, but a word."""

    def ocr_line(text: str, box: tuple[int, int, int, int]) -> OcrLine:
        step = (box[2] - box[0]) // len(text)
        symbols = tuple(
            OcrSymbol(ch, (box[0] + k * step, box[1], box[0] + (k + 1) * step, box[3]), 99.0)
            for k, ch in enumerate(text)
        )
        return OcrLine(symbols, box)

    title = [
        ocr_line("ประกาศเทศบาลตำบลเชิงดอย", (300, 200, 900, 278)),
        ocr_line("เรื่องมาตรการส่งเสริมคุณธรรม", (150, 300, 1100, 387)),
        ocr_line("ประจำปีงบประมาณ", (350, 420, 850, 496)),
    ]
    word = ocr_line("งาน", (816, 530, 894, 562))
    marks = ocr_line("alry", (400, 600, 480, 632))
    kept = _text_lines([*title, word, marks])
    assert word in kept and marks not in kept


def test_a_level_letter_read_back_from_a_digit_carries_a_doubt() -> None:
    """The words chose the letter, not the glyph: the value is kept with a check, never silently."""
    from extractors.ocr.page import LEVEL_DOUBT, PageReader
    from extractors.ocr.text import clean_ocr_text
    from schemas import BBox

    reader = PageReader(engine=None, page=None, dpi=200)  # type: ignore[arg-type]
    text, notes = clean_ocr_text("อยู่ในระดับ 8 เพิ่มขึ้น")
    reader._level_doubts(notes, text, "อยู่ในระดับ 8 เพิ่มขึ้น", BBox(0, 0, 10, 10))
    assert text == "อยู่ในระดับ B เพิ่มขึ้น"
    assert [(d.text, d.other, d.reason) for d in reader.doubts] == [(text, "อยู่ในระดับ 8 เพิ่มขึ้น", LEVEL_DOUBT)]
    text, notes = clean_ocr_text("ระดับ 3 ขึ้นไป")
    reader._level_doubts(notes, text, text, BBox(0, 0, 10, 10))
    assert len(reader.doubts) == 1


# --- a year before the first ITA is a misread year ------------------------------------------------


def test_a_year_before_the_first_ita_is_never_the_assessed_year() -> None:
    """A scanned twin of a development draw read ``๒๕๖๖`` as ``๒๕๒๒`` in the overall score's clause,
    and every indicator of the document was dated 2522; the year is left out (a fact missing, and
    checked), and the reading stays a candidate with why it lost."""
    misread = "ผลการประเมิน ITA ประจำปี พ.ศ. ๒๕๒๒ ได้คะแนน ๘๕.๑๒ คะแนน อยู่ในระดับ A"
    facts = read_facts([], [Passage(misread, 1, None)])
    assert facts.overall_score == 85.12 and facts.assessed_year is None
    candidates = facts.candidates["assessed_year"]
    assert candidates and all(c.value == 2522 and not c.chosen for c in candidates)
    assert all("before the first ITA" in c.why for c in candidates)
    read_right = misread.replace("๒๕๒๒", "๒๕๖๖")
    assert read_facts([], [Passage(read_right, 1, None)]).assessed_year == 2566


def test_a_year_before_the_first_ita_is_never_the_fiscal_year() -> None:
    """A rotated scanned twin of a development document read the fiscal year ``2569`` as ``2469``;
    it lost to the year the measures' sentence names, and with no other reading it is missing."""
    misread = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ 2469"
    facts = read_facts([], [Passage(misread, 1, None)])
    assert facts.fiscal_year is None
    assert all(not c.chosen and "before the first ITA" in c.why for c in facts.candidates["fiscal_year"])
    measures = "จึงได้กำหนดมาตรการเพื่อดำเนินการในปีงบประมาณ 2569"
    assert read_facts([], [Passage(misread, 1, None), Passage(measures, 1, None)]).fiscal_year == 2569


def test_an_earlier_scores_year_does_not_outrank_a_phrase_naming_the_result_year() -> None:
    """OCR cut the overall score's sentence from its year (a line of its own); the earlier year's
    score, stated with its year, dated the result (and so every indicator) a year early."""
    plan = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ 2568"
    earlier = "เพิ่มขึ้นจากปี 2566 ซึ่งได้คะแนน 80.00 คะแนน อยู่ในระดับ B"
    texts = [plan, "ผลการประเมิน ITA ประจำปี 2567", "ได้คะแนน 85.12 คะแนน อยู่ในระดับ A", earlier]
    facts = read_facts([], [Passage(t, 1, None) for t in texts])
    assert (facts.overall_score, facts.assessed_year) == (85.12, 2567)
    assert [c.value for c in facts.candidates["assessed_year"]] == [2567, 2566]


# --- an address abbreviation glued to the name before it ----------------------------------------


def test_an_abbreviation_glued_to_a_name_is_cut_off_it() -> None:
    """A slide's agency line ``โรงเรียนชุมชนบ้านโพธิ์ อ.บ้านโพธิ์ จ.ฉะเชิงเทรา`` read with both
    spaces lost: the ``อ`` and ``จ`` of the abbreviations went into the agency and the district."""
    glued = "โรงเรียนชุมชนบ้านโพธิ์อ.บ้านโพธิ์จ.ฉะเชิงเทรา"
    facts = read_facts([], [Passage(glued, 1, None)])
    assert (facts.agency, facts.district, facts.province) == (
        "โรงเรียนชุมชนบ้านโพธิ์",
        "บ้านโพธิ์",
        "ฉะเชิงเทรา",
    )


def test_an_era_whose_stops_ocr_lost_still_names_the_year() -> None:
    """A screenshot's banner ``ผลการประเมิน ITA ประจำปี พ.ศ. 2565`` read with both stops lost."""
    banner = "ผลการประเมิน ITA ประจำปี พ ศ 2565"
    title = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ ศ 2566"
    facts = read_facts([], [Passage(title, 1, None), Passage(banner, 1, None)])
    assert (facts.fiscal_year, facts.assessed_year) == (2566, 2565)


# --- a result dated in the fiscal year itself, and a year read with a Latin letter ---------------


def test_a_result_named_in_the_fiscal_year_itself_is_the_assessed_year() -> None:
    """A slide deck analysing ITA 2565 in the fiscal year 2565 (the record is checked for the
    mismatch): its table caption ``ผลการประเมิน ITAปี2565 รายตัวชี้วัด`` was the only year of a
    result left once OCR lost the overall statement's; it had been ranked out, and every indicator
    went undated."""
    title = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ.2565"
    facts = read_facts([], [Passage(title, 1, None), Passage("ผลการประเมิน ITAปี2565 รายตัวชี้วัด", 2, None)])
    assert (facts.fiscal_year, facts.assessed_year) == (2565, 2565)


def test_a_result_the_measures_aim_at_is_not_the_assessed_year() -> None:
    title = "มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. 2566"
    aim = "เพื่อยกระดับผลการประเมิน ITA ปี 2566 ให้สูงขึ้น"
    facts = read_facts([], [Passage(title, 1, None), Passage(aim, 1, None)])
    assert (facts.fiscal_year, facts.assessed_year) == (2566, None)
    assert "aim at" in facts.candidates["assessed_year"][0].why


def test_a_year_read_with_a_latin_letter_does_not_hide_the_score_after_it() -> None:
    """``ITA ปี พ.ศ. 2565 เท่ากับ 72.38 คะแนน`` read ``256p เพ่ากับ``: the ``256`` of the year
    was taken for a number, so the score's cue (``ผลคะแนน``) was looked for only after it."""
    line = "ผลคะแนนภาพรวมของการประเมิน ITAปี พ.ศ. 256p เพ่ากับ72.38 คะแนน ระดับผลการประเมิน C"
    facts = read_facts([], [Passage(line, 1, None)])
    assert (facts.overall_score, facts.level, facts.assessed_year) == (72.38, "C", None)


# --- the agency line as OCR spaced it, and a province read with a look-alike letter -------------


def test_an_abbreviation_read_with_a_space_before_its_stop_still_names_the_district() -> None:
    """``อ.ภูเวียง`` read ``อ .ภูเวียง``: the district was lost (and the line, no longer an
    agency's, went into the title)."""
    line = "องค์การบริหารส่วนตำบลนาหว้า อ .ภูเวียง จ.ขอนแก่น"
    facts = read_facts([], [Passage(line, 1, None)])
    assert (facts.agency, facts.district, facts.province) == ("องค์การบริหารส่วนตำบลนาหว้า", "ภูเวียง", "ขอนแก่น")


def test_a_province_read_with_a_look_alike_letter_is_the_one_province_it_is_near() -> None:
    """``ชัยภูมิ`` read ``ขัยภูมิ`` (ข for ช) is no province; only ชัยภูมิ is near it.  The reading
    stays a candidate.  ``ขลุบรี`` (for ชลบุรี) is as near ลพบุรี: it stays as read."""
    facts = read_facts([], [Passage("เทศบาลตำบลบ้านเขว้า อำเภอบ้านเขว้า จังหวัดขัยภูมิ", 1, None)])
    assert facts.province == "ชัยภูมิ"
    assert [(c.value, c.chosen) for c in facts.candidates["province"]] == [("ชัยภูมิ", True), ("ขัยภูมิ", False)]
    facts = read_facts([], [Passage("เทศบาลตำบลนาป่า อำเภอเมืองชลบุรี จังหวัดขลุบรี", 1, None)])
    assert facts.province == "ขลุบรี" and "province" not in facts.candidates


def test_a_score_cue_read_with_an_extra_mark_still_makes_a_score() -> None:
    """``มีผลคะแนน ๘๐.๓๔ คะแนน`` read ``มีผลค่ะแนน``: no cue was left between the year before the
    score and the score, and the overall score was lost."""
    line = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๓ โรงพยาบาลปากพลีมีผลค่ะแนน ๘๐.๓๔ คะแนนอยู่ใน ระดับ B"
    facts = read_facts([], [Passage(line, 1, None)])
    assert (facts.overall_score, facts.level, facts.assessed_year) == (80.34, "B", 2563)


def test_a_latin_word_read_as_junk_with_a_digit_does_not_cut_the_statement() -> None:
    """``ของการประเมิน ITA ปี พ.ศ. 2565`` read ``|1#``: its ``1`` was a number, so the statement of
    the overall score began after it, without ``ผลคะแนนภาพรวม``; no total, no result: no score."""
    text = (
        "ในปี พ.ศ. 2564 ได้คะแนน 64.90 คะแนน และผลคะแนนภาพรวม"
        " ของการประเมิน |1# ปี พ.ศ. 2565 เท่ากับ 64.09 คะแนน ระดับผลการประเมิน D"
    )
    facts = read_facts([], [Passage(text, 1, None)])
    assert (facts.overall_score, facts.level, facts.assessed_year) == (64.09, "D", 2565)
