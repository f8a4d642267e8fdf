"""Pictures inside text pages: a pasted screenshot of the result page or a bar chart, read by OCR
as a region of its page.

The documents are made by ``tests/data/pictures/make_pictures.py``, their expected scores written
from its spec.  Each must give the ten (number, score) pairs, on its page, each score's box inside
the picture's box, with an OCR confidence; the record says which regions were read and how.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from extractors.ita.checks import check_pages
from extractors.ocr.chart import chart_pairs, pairs_table
from extractors.ocr.options import OcrOptions
from extractors.ocr.regions import read_page_regions
from extractors.pdf.images import find_pictures
from extractors.read import read_document, read_text
from pipeline.extract import extract
from schemas import BBox, OcrDoubt, OcrInfo, OcrRegion, OcrStatus, PageKind, PageText, Picture
from schemas.record import Check, Severity
from tests.conftest import SAMPLES
from tests.ocr_shapes import ocr_line
from tests.test_extract_samples import validate

DATA = Path(__file__).parent / "data" / "pictures"
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
#: What each document's picture must be read as.
KINDS = {"screenshot": "chart", "screenshot-ruled": "table", "barchart": "chart", "columnchart": "chart"}
ONE_PROCESS = OcrOptions(workers=1)


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    return {name: extract(DATA / f"{name}.pdf", ocr=ONE_PROCESS).to_dict() for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_picture_gives_the_ten_scores_with_page_box_and_confidence(
    records: dict[str, dict[str, Any]], name: str
) -> None:
    record, expected = records[name], EXPECTED[name]
    validate(record)
    got = sorted((i["number"], i["score"]) for i in record["indicators"])
    assert got == sorted((n, s) for n, s in expected["indicators"])
    (ocr,) = record["source"]["ocr"]
    assert ocr["page"] == expected["page"] and ocr["status"] == "read"
    (region,) = ocr["regions"]
    assert region["kind"] == KINDS[name]
    assert 0.5 <= region["confidence"] <= 1.0 and region["seconds"] > 0
    x0, top, x1, bottom = region["box"]
    for ind in record["indicators"]:
        assert ind["page"] == expected["page"]
        bx0, btop, bx1, bbottom = ind["box"]
        assert x0 <= bx0 < bx1 <= x1 and top <= btop < bbottom <= bottom, (ind["number"], ind["box"])
        assert ind["confidence"] is not None and 0.5 <= ind["confidence"] <= 1.0
        assert ind["origin"] == "table"


def test_the_page_keeps_its_text_layer_and_gains_the_pictures_other_lines() -> None:
    document = read_document(DATA / "screenshot.pdf", ocr=ONE_PROCESS)
    (page,) = document.pages
    assert page.kind is PageKind.TEXT
    layer = [ln for ln in page.lines if ln.confidence is None]
    read = [ln for ln in page.lines if ln.confidence is not None]
    assert any("มาตรการส่งเสริมคุณธรรม" in ln.text for ln in layer)
    # the badge above the table, with its score, is a line of the page (for the facts reader)
    assert any("87.45" in ln.text for ln in read), [ln.text for ln in read]
    (picture,) = page.pictures
    assert all(picture.box.contains_point(ln.box.x0, ln.box.top, 1.0) for ln in read)
    tops = [ln.box.top for ln in page.lines]
    assert tops == sorted(tops)  # lines in reading order, the picture's among the text layer's
    (table,) = document.tables
    assert table.quality.strategy == "picture"
    assert [c.text for c in table.cells if c.row == 0] == ["ตัวชี้วัด", "คะแนน"]
    assert all(c.confidence is not None for c in table.cells if c.row > 0)


def test_labels_are_thai_without_latin_guesses() -> None:
    document = read_document(DATA / "columnchart.pdf", ocr=ONE_PROCESS)
    (table,) = document.tables
    labels = [c.text for c in table.cells if c.row > 0 and c.col == 0]
    assert len(labels) == 10
    assert not [t for t in labels if re.search("[A-Za-z]", t)], labels
    assert "การปฏิบัติหน้าที่" in labels


def test_no_ocr_leaves_pictures_unread() -> None:
    record = extract(DATA / "barchart.pdf", ocr=OcrOptions(enabled=False)).to_dict()
    assert record["indicators"] == [] and record["source"]["ocr"] == []
    (page,) = read_text(DATA / "barchart.pdf", ocr=OcrOptions(enabled=False))
    assert len(page.pictures) == 1 and page.ocr is None


def test_text_pages_without_pictures_have_none() -> None:
    pages = read_text(SAMPLES / "santipatong-2565.pdf", ocr=OcrOptions(enabled=False))
    assert pages and all(p.pictures == [] for p in pages)


def test_a_picture_that_cannot_be_read_is_a_region_not_a_crash(tmp_path: Path) -> None:
    (page,) = read_text(DATA / "barchart.pdf", ocr=OcrOptions(enabled=False))
    result = read_page_regions(str(tmp_path / "gone.pdf"), 1, page.pictures, 200)
    assert result.info is not None and result.info.status is OcrStatus.FAILED
    assert [r.kind for r in result.info.regions] == ["failed"] and result.info.regions[0].reason
    huge = Picture(BBox(0, 0, 20000, 20000), 100, 100)
    result = read_page_regions(str(DATA / "barchart.pdf"), 1, [huge], 200)
    assert result.info is not None and result.info.regions[0].kind == "failed"
    assert "too large" in result.info.regions[0].reason


def test_small_images_are_not_pictures() -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(DATA / "barchart.pdf")
    try:
        (picture,) = find_pictures(doc, 1, [])
    finally:
        doc.close()
    assert picture.width_px == 1600 and picture.box.width == pytest.approx(455, abs=0.5)


# --- pairing by position, no OCR ----------------------------------------------------------------


def test_horizontal_bars_pair_label_and_value_in_one_row_band() -> None:
    names = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ"]
    scores = ["92.41", "85.67", "90.12"]
    lines = [ocr_line(("คะแนน 87.45 ระดับ A", 300, 0, 420, 10))]  # a badge: not a bar
    for i, (name, score) in enumerate(zip(names, scores, strict=True)):
        top = 30 + 20 * i
        end = 200 + float(score)  # the value sits at the end of its bar
        lines.append(
            ocr_line((name, 200 - 8 * len(name), top, 190, top + 10), (score, end, top, end + 25, top + 10))
        )
    pairs, how = chart_pairs(lines)
    assert how == "rows"
    assert [(p.label.text, p.value.text) for p in pairs] == list(zip(names, scores, strict=True))
    table = pairs_table(pairs, 3, how)
    assert (table.page, table.n_rows, table.n_cols) == (3, 4, 2)
    assert table.grid()[1] == ["การปฏิบัติหน้าที่", "92.41"]


def test_a_row_with_two_values_is_one_row_with_two_value_columns() -> None:
    rows = (("การใช้อำนาจ", "90.12", 0), ("การเปิดเผยข้อมูล", "95.00", 20), ("การใช้งบประมาณ", "85.67", 40))
    lines = []
    for i, (name, score, top) in enumerate(rows):
        before = (f"8{i}.50", 200, top, 225, top + 10)  # an earlier year's score, left of this year's
        lines.append(ocr_line((name, 10, top, 100, top + 10), before, (score, 260, top, 285, top + 10)))
    pairs, how = chart_pairs(lines)
    assert how == "rows" and len(pairs) == 3
    table = pairs_table(pairs, 1, how)
    assert table.n_cols == 3
    assert table.grid()[0] == ["ตัวชี้วัด", "คะแนน", "คะแนน"]
    assert table.grid()[2] == ["การเปิดเผยข้อมูล", "81.50", "95.00"]


def test_vertical_bars_pair_value_above_with_wrapped_label_below() -> None:
    values = [
        ocr_line(
            *[
                (s, 40 + 60 * i, 20 + 3 * i, 60 + 60 * i, 28 + 3 * i)
                for i, s in enumerate(["92.41", "85.67", "90.12"])
            ]
        )
    ]
    first = ocr_line(
        ("การปฏิบัติ", 35, 120, 65, 128), ("การใช้", 100, 120, 120, 128), ("การใช้", 160, 120, 180, 128)
    )
    second = ocr_line(
        ("หน้าที่", 38, 130, 62, 138), ("งบประมาณ", 95, 130, 125, 138), ("อำนาจ", 158, 130, 182, 138)
    )
    pairs, how = chart_pairs([*values, first, second])
    assert how == "columns"
    assert [(p.label.text, p.value.text) for p in pairs] == [
        ("การปฏิบัติหน้าที่", "92.41"),
        ("การใช้งบประมาณ", "85.67"),
        ("การใช้อำนาจ", "90.12"),
    ]


def test_too_few_pairs_is_no_chart() -> None:
    lines = [ocr_line(("การปฏิบัติหน้าที่", 10, 0, 100, 10), ("92.41", 200, 0, 225, 10))]
    assert chart_pairs(lines) == ([], "")


def test_a_rotated_page_gives_the_same_boxes(records: dict[str, dict[str, Any]], tmp_path: Path) -> None:
    """/Rotate turns the page on screen, not the text layer's coordinates: the picture's boxes
    must stay where the text layer's would be."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(DATA / "barchart.pdf")
    try:
        doc[0].set_rotation(90)
        doc.save(tmp_path / "rotated.pdf")
    finally:
        doc.close()
    rotated = extract(tmp_path / "rotated.pdf", ocr=ONE_PROCESS).to_dict()
    upright = {i["number"]: i["box"] for i in records["barchart"]["indicators"]}
    assert len(rotated["indicators"]) == 10
    for ind in rotated["indicators"]:
        assert ind["box"] == pytest.approx(upright[ind["number"]], abs=1.0), ind["number"]


# --- checks of pictures on text pages -----------------------------------------------------------


def _text_page(ocr: OcrInfo | None, pictures: list[Picture]) -> PageText:
    return PageText(2, 595, 842, PageKind.TEXT, ocr=ocr, pictures=pictures)


def test_pictures_not_read_under_no_ocr_is_a_check() -> None:
    picture = Picture(BBox(70, 260, 510, 560), 1500, 916)
    (found,) = check_pages([_text_page(None, [picture])])
    assert (found.code, found.severity, found.page) == ("PICTURES_NOT_READ", Severity.INFO, 2)
    assert found.values["boxes"] == [[70, 260, 510, 560]]
    assert check_pages([_text_page(None, [])]) == []  # no pictures: nothing to say


def test_a_failed_or_unreadable_picture_is_a_check_with_its_box_and_reason() -> None:
    failed = OcrRegion(BBox(70, 100, 510, 300), "failed", 400, reason="OCR failed (boom)")
    photo = OcrRegion(BBox(70, 400, 510, 600), "unreadable", 400, reason="no text (a photo?)")
    read = OcrRegion(BBox(70, 620, 510, 800), "chart", 400, confidence=0.9)
    info = OcrInfo(OcrStatus.READ, 400, regions=[failed, photo, read])
    checks = check_pages([_text_page(info, [])])
    assert [(c.code, c.severity) for c in checks] == [
        ("OCR_REGION_NOT_READ", Severity.WARNING),
        ("OCR_REGION_NOT_READ", Severity.INFO),
    ]
    assert checks[0].values["box"] == [70, 100, 510, 300] and "boom" in checks[0].message
    assert checks[1].values["status"] == "unreadable" and checks[1].page == 2


def test_doubts_read_in_a_picture_are_checks_as_on_a_scan() -> None:
    doubt = OcrDoubt("87.45", "81.45", BBox(300, 200, 330, 212), "two readings disagree")
    info = OcrInfo(
        OcrStatus.READ, 400, doubts=[doubt], regions=[OcrRegion(BBox(70, 100, 510, 300), "table", 400)]
    )
    (found,) = check_pages([_text_page(info, [])])
    assert found.code == "OCR_LOW_CONFIDENCE" and found.values["other"] == "81.45"
    assert found.values["box"] == [300, 200, 330, 212]


def test_the_audit_lists_a_failed_picture_and_unread_pictures() -> None:
    from pipeline.audit.folder import audit_record
    from pipeline.audit.rules import RULES

    for code in ("OCR_REGION_NOT_READ", "PICTURES_NOT_READ"):
        assert code in RULES and RULES[code].th and RULES[code].en
    record = extract(DATA / "barchart.pdf", ocr=OcrOptions(enabled=False))
    codes = {c.code for c in record.checks}
    assert "PICTURES_NOT_READ" in codes
    found = [f for f in audit_record(record).findings if f.code == "PICTURES_NOT_READ"]
    assert [(f.page, f.severity) for f in found] == [(1, Severity.INFO)]
    record.checks.append(
        Check(
            "OCR_REGION_NOT_READ",
            Severity.WARNING,
            "",
            1,
            {"page": 1, "status": "failed", "box": [1, 2, 3, 4]},
        )
    )
    record.checks.append(
        Check(
            "OCR_REGION_NOT_READ",
            Severity.INFO,
            "",
            1,
            {"page": 1, "status": "unreadable", "box": [1, 2, 3, 4]},
        )
    )
    found = [f for f in audit_record(record).findings if f.code == "OCR_REGION_NOT_READ"]
    assert [(f.page, f.values["status"]) for f in found] == [(1, "failed")]


def test_bars_labelled_by_their_numbers_are_paired_with_their_values() -> None:
    """A dev corpus chart (c45): adjacent vertical bars with their numbers under them and the
    names in a legend; the numbers are specks to the layout analysis and are read one by one."""
    (pdf,) = (SAMPLES / "corpus").glob("c45-*.pdf")
    expected = json.loads(pdf.with_name(pdf.stem + ".expected.json").read_text(encoding="utf-8"))
    assert expected["split"] == "dev"
    pages = read_text(pdf, ocr=OcrOptions(enabled=False))
    (page,) = [p for p in pages if p.pictures]
    result = read_page_regions(str(pdf), page.number, page.pictures, 200)
    assert result.info is not None and [r.kind for r in result.info.regions] == ["chart"]
    (table,) = result.tables
    rows: dict[int, list[str]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell.text)
    got = {int(r[0]): float(r[1]) for r in rows.values() if r[0].isdigit()}
    want = {i["number"]: i["score"] for i in expected["indicators"]}
    assert got == want
    box = page.pictures[0].box
    assert all(box.contains_point(c.box.x0, c.box.top, 1.0) for c in table.cells if c.box and c.text)


def test_a_value_with_other_decimals_than_the_chart_is_read_again_alone() -> None:
    """Tesseract, reading a line of bar labels, dropped a digit (``73.90`` read as ``73.3``): the
    value printed with other decimals than the chart's others is read again on its own; a second
    reading in the chart's format with the same whole part settles it, and any other leaves the
    first reading with a doubt (a check), never a silent change."""
    from extractors.ocr.chart import settle_values

    names = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ"]
    scores = ["92.41", "73.3", "90.12", "88.50"]
    lines = [
        ocr_line((name, 10, 20 * i, 100, 20 * i + 10), (score, 200, 20 * i, 225, 20 * i + 10))
        for i, (name, score) in enumerate(zip(names, scores, strict=True))
    ]
    pairs, _how = chart_pairs(lines)
    asked: list[BBox] = []

    def reread(box: BBox) -> tuple[str, float | None]:
        asked.append(box)
        return "73.90", 0.93

    settled, doubts = settle_values(pairs, reread)
    assert [p.value.text for p in settled] == ["92.41", "73.90", "90.12", "88.50"]
    assert settled[1].value.confidence == 0.93 and not doubts
    assert asked == [pairs[1].value.box]  # only the doubtful value is read again

    kept, doubts = settle_values(pairs, lambda box: ("78.90", 0.9))  # another whole part: not settled
    assert kept[1].value.text == "73.3"
    assert [(d.text, d.other) for d in doubts] == [("73.3", "78.90")]
    same, doubts = settle_values(pairs, lambda box: ("73.3", 0.9))  # read the same twice: kept
    assert same[1].value.text == "73.3" and not doubts


def test_a_number_not_as_wide_as_its_box_is_read_again_before_pairing() -> None:
    """Two fresh bar charts: Tesseract read ``90.71`` as ``3.71`` (a score, two decimals like the
    others, but in a box as wide as five characters) and ``58.09`` as ``5158.09`` (no score: the
    bar was left without a value).  A number with more or fewer characters than its box holds, at
    the chart's width per character, is read again alone; a second reading that fits the box and
    agrees with the first on one side of the point replaces it, and any other leaves the first
    with a doubt: the bar stays without a value, never one made up."""
    from extractors.ocr.chart import settle_numbers

    scores = ["3.71", "83.94", "91.59", "81.13", "5158.09", "9/.41"]
    value_line = ocr_line(*((s, 100 + 40 * i, 0, 117 + 40 * i, 6) for i, s in enumerate(scores)))
    label_line = ocr_line(*((str(i + 1), 107 + 40 * i, 100, 110 + 40 * i, 106) for i in range(len(scores))))
    answers = {"3.71": ("90.71", 0.92), "5158.09": ("58.09", 0.9), "9/.41": ("97.41", 0.9)}
    asked: list[str] = []

    def reread(box: BBox) -> tuple[str, float | None]:
        (word,) = [w for w in value_line.words if w.box == box]
        asked.append(word.text)
        return answers[word.text]

    lines, doubts = settle_numbers([value_line, label_line], reread)
    assert asked == ["3.71", "5158.09", "9/.41"] and not doubts  # the values that fit their box are not asked
    pairs, how = chart_pairs(lines)
    assert how == "columns"
    got = [(p.label.text, p.value.text, p.value.confidence) for p in pairs]
    assert got == [
        ("1", "90.71", 0.92),
        ("2", "83.94", 0.9),
        ("3", "91.59", 0.9),
        ("4", "81.13", 0.9),
        ("5", "58.09", 0.9),
        ("6", "97.41", 0.9),
    ]

    # A second reading that does not fit the box, or agrees with the first on neither side of the
    # point, settles nothing: the first stays with a doubt, and the bar without a score is unpaired.
    lines, doubts = settle_numbers([value_line, label_line], lambda box: ("7.25", 0.9))
    assert [(d.text, d.other) for d in doubts] == [("3.71", "7.25"), ("5158.09", "7.25"), ("9/.41", "7.25")]
    pairs, _how = chart_pairs(lines)
    got_kept = [(p.label.text, p.value.text) for p in pairs]
    assert got_kept == [("1", "3.71"), ("2", "83.94"), ("3", "91.59"), ("4", "81.13")]

    # A row number narrower than a value (``10.``) is read again, and read the same: no value, no doubt.
    row = ocr_line(("10.", 10, 40, 18, 46))
    asked_boxes: list[BBox] = []

    def same(box: BBox) -> tuple[str, float | None]:
        asked_boxes.append(box)
        return "10.", 0.9

    lines, doubts = settle_numbers([value_line, row], same)
    assert row.box in asked_boxes and lines[1] == row
    assert [d.text for d in doubts] == ["3.71", "5158.09", "9/.41"]
