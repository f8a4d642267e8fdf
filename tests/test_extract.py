"""Extraction beyond the samples: real PDFs that are not ITA documents, the CLI, checks, stitching."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.ita.checks import check_document, weighted_overall
from extractors.ita.evidence import Evidence, gather
from extractors.ita.facts import Passage, read_facts
from extractors.ita.indicators import ProseSource, from_column_table, from_prose, from_row_table
from extractors.ita.stitch import stitch
from extractors.ita.vocabulary import BY_NUMBER, header_field
from extractors.ocr.options import OcrOptions
from pipeline.cli import main
from pipeline.extract import extract
from schemas import BBox, Cell, Line, PageKind, PageText, Table, TableQuality, Word
from schemas.record import DocumentFacts, Indicator, Severity
from tests.conftest import DATA, REAL_PDFS, SAMPLES, real_pdf
from tests.test_extract_samples import validate

REAL = sorted(REAL_PDFS.glob("*.pdf"))


# --- documents that are not ITA measures documents ----------------------------------------------


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_real_pdfs_that_are_not_ita_documents_give_valid_empty_records(path: Path) -> None:
    record = extract(real_pdf(path.name)).to_dict()
    validate(record)
    assert record["indicators"] == [] and record["actions"] == []
    codes = [c["code"] for c in record["checks"]]
    assert "NOT_ITA_DOCUMENT" in codes
    assert record["document"]["overall_score"] is None and record["document"]["level"] is None
    check = next(c for c in record["checks"] if c["code"] == "NOT_ITA_DOCUMENT")
    assert {"indicators", "result", "title"} <= set(check["values"]["missing"]), "it says what was missing"


def test_a_scanned_page_is_said_not_read_when_ocr_is_off() -> None:
    record = extract(real_pdf("scanned-staff-guideline-memo.pdf"), ocr=OcrOptions(enabled=False))
    assert record.source.page_kinds and all(k.value == "scanned" for k in record.source.page_kinds)
    assert any(c.code == "PAGES_NOT_READ" and c.page == 1 for c in record.checks)


def test_running_out_of_memory_is_not_reported_as_a_damaged_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # A batch worker with a memory cap must see MemoryError (an error row saying so), not a
    # DocumentError that blames the file ("tables could not be read ()").
    import extractors.read

    def no_memory(*_args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(extractors.read, "find_tables", no_memory)
    with pytest.raises(MemoryError):
        extractors.read.read_document(SAMPLES / "santipatong-2565.pdf")


# --- the command line ---------------------------------------------------------------------------


def test_extract_writes_json_and_csv_tables_and_goes_on_after_a_broken_file(tmp_path: Path) -> None:
    good = SAMPLES / "variant-arabic-digits.pdf"
    broken = DATA / "broken" / "truncated.pdf"
    result = CliRunner().invoke(main, ["extract", str(broken), str(good), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert f"error: {broken}:" in result.stderr
    record = json.loads((tmp_path / "variant-arabic-digits.json").read_text(encoding="utf-8"))
    validate(record)
    for name in ("documents", "indicators", "actions", "checks"):
        raw = (tmp_path / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{name}.csv has no BOM"
        rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
        assert rows == [] or rows[0]["document_id"] == "variant-arabic-digits"
    docs = list(csv.DictReader((tmp_path / "documents.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert docs[0]["agency"] == "เทศบาลตำบลดอนตะโกงาม" and docs[0]["overall_score"] == "79.86"
    actions = list(csv.DictReader((tmp_path / "actions.csv").open(encoding="utf-8-sig", newline="")))
    assert len(actions) == 6 and actions[0]["period_start"] == "2022-10-01"
    assert not list(tmp_path.glob(".*.tmp")), "a temporary file was left behind"


def test_extract_to_stdout_prints_the_record() -> None:
    result = CliRunner().invoke(main, ["extract", str(SAMPLES / "variant-landscape.pdf"), "-o", "-"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    validate(record)
    assert record["document"]["level"] == "AA" and len(record["indicators"]) == 10


def test_two_files_with_one_name_keep_both(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "doc.pdf").write_bytes((SAMPLES / "variant-landscape.pdf").read_bytes())
    (b / "doc.pdf").write_bytes((SAMPLES / "variant-arabic-digits.pdf").read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(a / "doc.pdf"), str(b / "doc.pdf"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("doc*.json"))) == 2


# --- checks -------------------------------------------------------------------------------------

SCORES = [93.55, 87.72, 91.01, 87.93, 89.52, 90.55, 88.68, 88.58, 72.89, 65.56]  # Trat 2564 → 81.45


def _indicators(scores: list[float | None], year: int = 2564) -> list[Indicator]:
    from extractors.ita.vocabulary import BY_NUMBER

    return [
        Indicator(
            n, BY_NUMBER[n].name, None, BY_NUMBER[n].instrument, s, str(s), year, None, 1, None, "table"
        )
        for n, s in enumerate(scores, 1)
        if s is not None
    ]


def _codes(facts: DocumentFacts, scores: list[float | None]) -> set[str]:
    return {c.code for c in check_document(facts, _indicators(scores), [])} - {"NO_MEASURES", "FACT_MISSING"}


def _facts(**kw: object) -> DocumentFacts:
    base: dict[str, object] = {
        "agency": "ก",
        "district": "ข",
        "province": "ค",
        "fiscal_year": 2565,
        "assessed_year": 2564,
        "overall_score": 81.45,
        "level": "B",
    }
    base.update(kw)
    return DocumentFacts(**base)  # type: ignore[arg-type]


def test_a_consistent_document_raises_no_warning() -> None:
    assert _codes(_facts(), list(SCORES)) == set()
    assert round(weighted_overall(dict(enumerate(SCORES, 1))) or 0, 2) == 81.45


@pytest.mark.parametrize(
    ("facts", "scores", "code"),
    [
        (_facts(level="A"), SCORES, "LEVEL_BAND"),
        (_facts(level="PASS"), SCORES, "LEVEL_BAND"),
        (_facts(overall_score=81.6), SCORES, "OVERALL_MISMATCH"),
        (_facts(fiscal_year=2566), SCORES, "FISCAL_YEAR_MISMATCH"),
        (_facts(), [*SCORES[:9], None], "INDICATORS_MISSING"),
        (_facts(), [*SCORES[:9], 165.56], "SCORE_OUT_OF_RANGE"),
    ],
)
def test_each_inconsistency_is_reported(facts: DocumentFacts, scores: list[float | None], code: str) -> None:
    assert code in _codes(facts, list(scores))


def test_the_mismatch_message_shows_both_values() -> None:
    checks = check_document(_facts(overall_score=81.6), _indicators(list(SCORES)), [])
    mismatch = next(c for c in checks if c.code == "OVERALL_MISMATCH")
    assert "81.60" in mismatch.message and "81.45" in mismatch.message
    assert mismatch.severity is Severity.WARNING and mismatch.values["computed"] == 81.45


def test_a_difference_within_the_tolerance_is_not_reported() -> None:
    assert "OVERALL_MISMATCH" not in _codes(_facts(overall_score=81.49), list(SCORES))


# --- facts and prose ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "overall", "level", "year"),
    [
        (
            "จากผลการประเมินของเทศบาลตำบลสันป่าตอง ปีงบประมาณ พ.ศ.๒๕๖๔ พบว่ามีผลคะแนน ๗๗.๘๘ คะแนน อยู่ในระดับ B",
            77.88,
            "B",
            2564,
        ),
        ("ประจำปีงบประมาณ พ.ศ. 2565 มีคะแนนรวม 94.59 คะแนน อยู่ในระดับ A หรือ “ผ่านดี”", 94.59, "A", 2565),
        ("ผลการประเมิน ITA ประจำปี 2566 ได้คะแนน 88.10 คะแนน ผลการประเมิน ผ่าน", 88.10, "PASS", 2566),
        ("ตัวชี้วัดที่ 3 การใช้อำนาจ ได้คะแนนสูงสุด 93.40 คะแนน", None, None, None),
    ],
)
def test_the_overall_statement_is_read(
    text: str, overall: float | None, level: str | None, year: int | None
) -> None:
    facts = read_facts([], [Passage(text, 1, None)])
    assert (facts.overall_score, facts.level, facts.assessed_year) == (overall, level, year)


def test_indicators_in_prose_take_the_score_next_to_them() -> None:
    text = (
        "จุดแข็ง ตัวชี้วัดที่ 3 การใช้อำนาจ ได้คะแนนสูงสุด 93.40 คะแนน รองลงมาคือตัวชี้วัดที่ 1 "
        "การปฏิบัติหน้าที่ 91.26 คะแนน ส่วนแบบวัด EIT ตัวชี้วัดที่ 7 และ 8 ได้คะแนน 82.75 และ 81.30 คะแนน"
        " การป้องกันการทุจริต (ตัวชี้วัดที่ 10 ได้ 62.75 คะแนน) และการเปิดเผยข้อมูลได้อย่างสะดวก 6. อื่น ๆ"
    )
    found = {i.number: i.score for i in from_prose([ProseSource(text, 2, None)], 2565)}
    assert found == {3: 93.40, 1: 91.26, 7: 82.75, 10: 62.75}


# --- headers and stitching ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("ประเด็นที่ต้องปรับปรุง", "issue"),
        ("ประเด็นที่ต้อง พัฒนา", "issue"),
        ("มาตรการ/ แนวทาง", "measure"),
        ("มาตรการ/ขั้นตอน/วิธีการปฏิบัติ", "steps"),
        ("วิธีการดำเนินการ", "steps"),
        ("การดำเนินการ/รายงาน", "results"),
        ("หน่วยงาน รับผิดชอบ", "responsible"),
        ("ผูรับผิดชอบ", "responsible"),
        ("ระยะเวลา ดำเนินการ", "period"),
        ("ระยะเวลา", "period"),
        ("การติดตามผล", "follow_up"),
        ("ตัวชี้วัด ITA", "indicator"),
        ("แบบวัด", "instrument"),
        ("คะแนน", "score"),
        ("ลำดับ", "seq"),
        ("หมายเหตุ", None),
        ("", None),
    ],
)
def test_header_wordings_map_to_fields(text: str, field: str | None) -> None:
    assert header_field(text) == field


def _table(page: int, rows: list[list[str]], continues: bool = False) -> Table:
    cells = [
        Cell(r, c, text, text, BBox(c * 100, 100 + r * 50, c * 100 + 100, 150 + r * 50))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    box = BBox(0, 100, 100 * len(rows[0]), 100 + 50 * len(rows))
    quality = TableQuality("lines", 1.0, 1.0, 1.0)
    return Table(page, 0, box, len(rows), len(rows[0]), cells, quality, continues_previous=continues)


HEADER = ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"]


def test_a_row_cut_by_a_page_break_is_one_row_and_the_repeated_header_goes() -> None:
    first = _table(3, [HEADER, ["๑. มาตรการแรก", "๑. ขั้นที่หนึ่ง", "กองคลัง", "ต.ค. ๖๔ - ก.ย. ๖๕"]])
    second = _table(4, [HEADER, ["", "๒. ขั้นที่สอง", "", ""], ["", "๓. ขั้นย่อย", "กองช่าง", "ไตรมาสที่ ๑"]], True)
    (table,) = stitch([first, second])
    assert table.kind == "measures" and table.pages == [3, 4]
    assert len(table.rows) == 2, "the top row of page 4 continues the row above; the next is a sub-row"
    assert table.rows[0].text(1) == "๑. ขั้นที่หนึ่ง\n๒. ขั้นที่สอง"
    assert [p.page for p in table.rows[0].cells[1]] == [3, 4]


def test_a_sub_row_inherits_its_measure_and_says_so() -> None:
    from extractors.ita.actions import actions_from_tables

    table = _table(
        2,
        [
            HEADER,
            ["๑. มาตรการแรก", "๑. ขั้นแรก", "กอง ช่าง", "ม.ค. ๖๕ - มี.ค. ๖๕"],
            ["", "๒. ขั้นสอง", "กองคลัง", "ตลอดปีงบประมาณ"],
        ],
    )
    first, sub = actions_from_tables(stitch([table]), 2565)
    assert first.inherited == [] and first.responsible == ["กองช่าง"]
    assert sub.measure == "๑. มาตรการแรก" and sub.inherited == ["measure"]
    assert (sub.period.start, sub.period.end) == (
        __import__("datetime").date(2021, 10, 1),
        __import__("datetime").date(2022, 9, 30),
    )


def test_columns_in_any_order_map_by_header() -> None:
    header = ["ระยะเวลา", "หน่วยงานรับผิดชอบ", "แนวทาง", "ประเด็นที่ต้องพัฒนา"]
    (table,) = stitch([_table(1, [header, ["ไตรมาสที่ 2", "กองคลัง", "ทำ", "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"]])])
    assert table.fields == ["period", "responsible", "measure", "issue"]
    from extractors.ita.actions import actions_from_tables

    (action,) = actions_from_tables([table], 2566)
    assert action.indicator_numbers == [9] and action.period.start is not None
    assert str(action.period.start) == "2023-01-01"


# --- facts as ranked candidates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "overall", "level", "year"),
    [
        # a previous year's score after the current one
        (
            "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ ได้คะแนน ๘๓.๐๘ คะแนน อยู่ในระดับ B "
            "เพิ่มขึ้นจากปีงบประมาณ พ.ศ. ๒๕๖๔ ซึ่งได้ ๗๕.๕๓ คะแนน ระดับ B",
            83.08,
            "B",
            2565,
        ),
        # ... and before it
        (
            "ผลการประเมิน ITA ปี 2566 ได้ 80.12 คะแนน ส่วนปี 2567 ได้ 88.42 คะแนน ผ่านเกณฑ์การประเมิน (ระดับผ่าน)",
            88.42,
            "PASS",
            2567,
        ),
        # no years: the one marked as the previous year's loses
        (
            "ผลการประเมินปีที่ผ่านมา ได้คะแนน 80.12 คะแนน ส่วนปีนี้ได้คะแนน 84.00 คะแนน ไม่ผ่านเกณฑ์การประเมิน",
            84.0,
            "FAIL",
            None,
        ),
        ("ผลคะแนนภาพรวมของการประเมิน ITA ปี พ.ศ. 2563 เท่ากับ 59.20 คะแนน ระดับผลการประเมิน D", 59.2, "D", 2563),
        ("ผลการประเมิน ITA ปี 2567 ได้คะแนน 86.50 คะแนน ผ่าน", 86.5, "PASS", 2567),
        # full marks and a threshold are not the overall
        ("ได้คะแนน 66.67 คะแนน จากคะแนนเต็ม 100 คะแนน อยู่ในระดับ C ซึ่งต่ำกว่าเกณฑ์ (85 คะแนน)", 66.67, "C", None),
    ],
)
def test_the_current_overall_wins_over_an_earlier_one(
    text: str, overall: float, level: str, year: int | None
) -> None:
    facts = read_facts([], [Passage(text, 1, None)])
    assert (facts.overall_score, facts.level, facts.assessed_year) == (overall, level, year)
    readings = facts.candidates["overall_score"]
    assert readings[0].chosen and readings[0].value == overall
    assert all(not c.chosen for c in readings[1:]) and all(c.why for c in readings)


def test_every_overall_candidate_is_kept_with_why_it_lost() -> None:
    text = "ปี 2566 ได้ 80.12 คะแนน ระดับ B ส่วนปี 2567 ได้ 88.42 คะแนน ระดับ A"
    facts = read_facts([], [Passage(text, 3, BBox(0, 0, 10, 10))])
    (best, other) = facts.candidates["overall_score"]
    assert (best.value, other.value) == (88.42, 80.12)
    assert "2566 is older than 2567" in other.why and other.source.page == 3
    assert [c.value for c in facts.candidates["level"]] == ["A", "B"]


W = 595.0


def _line(text: str, x0: float, top: float, x1: float, height: float = 16.0) -> Line:
    box = BBox(x0, top, x1, top + height)
    return Line(text, text, box, (Word(text, text, box),))


def _page(number: int, lines: list[Line]) -> PageText:
    return PageText(number, W, 842.0, PageKind.TEXT, lines)


def _centred_line(text: str, top: float, width: float) -> Line:
    return _line(text, (W - width) / 2, top, (W + width) / 2)


BODY = "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติได้ประเมินคุณธรรมและความโปร่งใส"


def test_a_title_split_over_lines_is_joined_and_gives_the_fiscal_year() -> None:
    first = _page(
        1,
        [
            _centred_line("- 1 -", 30, 20),
            _centred_line("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 70, 300),
            _centred_line("ประจำปีงบประมาณ", 94, 110),
            _centred_line("พ.ศ.2567", 118, 60),
            _centred_line("เทศบาลตำบลหนองหาน อำเภอหนองหาน จังหวัดอุดรธานี", 142, 280),
            _line(BODY, 110, 170, 540),
            _line(BODY, 75, 194, 540),
        ],
    )
    second = _page(2, [_centred_line("- 2 -", 30, 20), _line(BODY, 75, 70, 540)])
    facts = read_facts([first, second], [])
    assert facts.title == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ.2567"
    assert facts.fiscal_year == 2567 and facts.candidates["fiscal_year"][0].why == "ปีงบประมาณ in the title"
    assert (facts.agency, facts.district, facts.province) == ("เทศบาลตำบลหนองหาน", "หนองหาน", "อุดรธานี")


def test_page_numbers_and_running_headers_are_not_the_title() -> None:
    header = "เอกสารแนบ O42 เทศบาลตำบลหนองหาน"
    pages = [
        _page(
            n,
            [
                _centred_line(header, 40, 200),
                _centred_line(f"หน้า {n}", 60, 40),
                *(
                    [_centred_line("รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568", 90, 330)]
                    if n == 1
                    else []
                ),
                _line(BODY, 75, 130, 540),
                _line(BODY, 75, 154, 540),
            ],
        )
        for n in (1, 2, 3)
    ]
    assert read_facts(pages, []).title == "รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568"


# --- tables with several years ------------------------------------------------------------------

NAMES = [f"{n}. {BY_NUMBER[n].name}" for n in range(1, 11)]
Y2567 = [81.10, 82.20, 83.30, 84.40, 85.50, 86.60, 87.70, 88.80, 89.90, 90.00]
Y2568 = [91.10, 92.20, 93.30, 94.40, 95.50, 96.60, 97.70, 98.80, 99.90, 80.00]


@pytest.mark.parametrize(
    "header",
    [
        ["ตัวชี้วัด", "ปี 2567", "ปี 2568", "เพิ่มขึ้น/ลดลง"],
        ["ตัวชี้วัด", "คะแนน ๒๕๖๗", "คะแนน ๒๕๖๘", "ผลต่าง (+/-)"],
    ],
)
def test_a_two_year_table_gives_ten_indicators_of_the_latest_year(header: list[str]) -> None:
    rows = [header] + [
        [name, f"{a:.2f}", f"{b:.2f}", f"{b - a:+.2f}"]
        for name, a, b in zip(NAMES, Y2567, Y2568, strict=True)
    ]
    tables = stitch([_table(2, rows)])
    found = [i for t in tables for i in from_row_table(t, None)[0]]
    assert [(i.number, i.score, i.year) for i in found] == [(n, s, 2568) for n, s in enumerate(Y2568, 1)], (
        "the latest year's column; the difference column is no score"
    )
    prev = found[0].previous
    assert prev is not None and (prev.year, prev.score, prev.score_raw) == (2567, 81.10, "81.10")
    assert prev.provenance.page == 2 and prev.provenance.box is not None


def test_the_year_the_text_names_as_assessed_picks_the_column() -> None:
    rows = [["ตัวชี้วัด", "คะแนน 2567", "คะแนน 2568"]] + [
        [name, f"{a:.2f}", f"{b:.2f}"] for name, a, b in zip(NAMES, Y2567, Y2568, strict=True)
    ]
    (table,) = stitch([_table(1, rows)])
    found, _facts = from_row_table(table, 2567)
    assert {i.year for i in found} == {2567} and all(i.previous is None for i in found)


def test_a_column_table_with_a_row_per_year() -> None:
    rows = [
        ["ตัวชี้วัด", *[str(n) for n in range(1, 11)]],
        ["คะแนนปี 2567", *[f"{s:.2f}" for s in Y2567]],
        ["คะแนนปี 2568", *[f"{s:.2f}" for s in Y2568]],
        ["ผลต่าง", *[f"{b - a:+.2f}" for a, b in zip(Y2567, Y2568, strict=True)]],
    ]
    (table,) = stitch([_table(1, rows)])
    found, _facts = from_column_table(table, None)
    assert [i.score for i in found] == Y2568 and {i.year for i in found} == {2568}
    assert [i.previous.score for i in found if i.previous] == Y2567


# --- is this an ITA measures document? ----------------------------------------------------------


def _evidence(
    title: str | None, scores_page: int | None, actions: int, overall_text: str | None = None
) -> Evidence:
    from schemas.record import Action, Period

    pages = [_page(n, [_line(BODY, 75, 100, 540)]) for n in range(1, 8)]
    passages = [Passage(overall_text, 1, None)] if overall_text else []
    facts = read_facts([], passages)
    facts.title = title
    indicators = _indicators(list(SCORES), 2566)
    for ind in indicators:
        ind.page = scores_page or 0
    acts = [
        Action(n, None, "มาตรการ", [], [], [], Period(None), None, [], [], 1, [1]) for n in range(actions)
    ]
    return gather(pages, passages, facts, indicators if scores_page else [], acts)


def test_a_measures_table_alone_is_not_an_ita_document() -> None:
    ev = _evidence("มาตรการป้องกันการทุจริตในการจัดซื้อจัดจ้าง", None, 5)
    assert not ev.is_ita and ev.found() == {"measures": 5} and "title" in ev.missing()


def test_a_title_naming_the_ita_measures_makes_a_measures_table_one() -> None:
    assert _evidence("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", None, 5).is_ita
    assert not _evidence("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", None, 0).is_ita, "a memo"


def test_indicator_scores_count_in_the_opening_pages_only() -> None:
    assert _evidence(None, 2, 0).is_ita
    late = _evidence(None, 7, 0)
    assert not late.is_ita and late.found() == {"indicators_after_opening": 10}


def test_an_overall_result_tied_to_the_ita_is_evidence() -> None:
    assert _evidence(None, None, 0, "ผลการประเมิน ITA ปี 2567 ได้คะแนน 88.42 คะแนน ผ่านเกณฑ์").is_ita
    assert not _evidence(None, None, 0, "ผลการประเมินความพึงพอใจ ได้คะแนน 88.42 คะแนน ระดับ A").is_ita


# --- levels by the year's scheme ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "overall", "year", "flagged"),
    [
        ("PASS", 88.42, 2567, False),
        ("PASS", 80.12, 2567, True),
        ("FAIL", 80.12, 2567, False),
        ("A", 88.42, 2567, False),  # many agencies still write AA–F after 2566
        ("B", 88.42, 2567, True),
        ("B", 77.88, 2564, False),
        ("PASS", 88.42, 2564, False),  # a pass is 85 and over in any year
        ("A", 40.0, 2560, False),  # before 2562: another framework, not checked
    ],
)
def test_the_level_band_check_knows_both_schemes(
    level: str, overall: float, year: int, flagged: bool
) -> None:
    checks = check_document(
        _facts(level=level, overall_score=overall, assessed_year=year, fiscal_year=year + 1), [], []
    )
    assert ("LEVEL_BAND" in {c.code for c in checks}) is flagged


def test_a_paragraph_ends_at_a_short_line_not_at_a_wider_gap_inside_it() -> None:
    from extractors.ita.interpret import passages

    lines = [
        _line("ผลคะแนนภาพรวมของการประเมิน ITA ปี พ.ศ. 2563 เท่ากับ 59.20 คะแนน ระดับผล", 110, 100, 540),
        _line("การประเมิน D", 75, 124, 150, height=10.0),  # short box: no marks above or below
        _line("ตารางแสดงผลคะแนนรายตัวชี้วัด", 75, 148, 260),
    ]
    found = list(passages([_page(1, lines)], []))
    assert [p.text for p in found] == [
        "ผลคะแนนภาพรวมของการประเมิน ITA ปี พ.ศ. 2563 เท่ากับ 59.20 คะแนน ระดับผลการประเมิน D",
        "ตารางแสดงผลคะแนนรายตัวชี้วัด",
    ]
    facts = read_facts([], found)
    assert (facts.overall_score, facts.level) == (59.2, "D")


@pytest.mark.parametrize(
    ("line", "agency", "district", "province"),
    [
        ("โรงพยาบาลนาแก อ.นาแก จ.นครพนม", "โรงพยาบาลนาแก", "นาแก", "นครพนม"),
        ("โรงเรียนวัดป่าประดู่ อำเภอเมืองระยอง จังหวัดระยอง", "โรงเรียนวัดป่าประดู่", "เมืองระยอง", "ระยอง"),
        ("สำนักงานสาธารณสุขจังหวัดลำปาง", "สำนักงานสาธารณสุขจังหวัดลำปาง", None, "ลำปาง"),
    ],
)
def test_agencies_beyond_local_government(
    line: str, agency: str, district: str | None, province: str
) -> None:
    page = _page(
        1,
        [
            _centred_line("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 70, 300),
            _centred_line(line, 94, 250),
        ],
    )
    facts = read_facts([page], [])
    assert (facts.title, facts.agency, facts.district, facts.province) == (
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        agency,
        district,
        province,
    )


def test_a_target_or_a_year_after_the_fiscal_year_is_not_the_result() -> None:
    paragraphs = [
        "จึงกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568 ดังนี้",
        "ผลการประเมิน ITA ปี 2567 ได้ 88.42 คะแนน ผ่านเกณฑ์การประเมิน",
        "โดยตั้งเป้าหมายให้ได้คะแนนรวม 95.00 คะแนน และผลการประเมินปี 2569 ได้คะแนน 97.10 คะแนน ระดับ AA",
    ]
    facts = read_facts([], [Passage(t, 1, None) for t in paragraphs])
    assert (facts.fiscal_year, facts.assessed_year, facts.overall_score, facts.level) == (
        2568,
        2567,
        88.42,
        "PASS",
    )
    assert "after the fiscal year 2568" in facts.candidates["overall_score"][1].why


@pytest.mark.parametrize(
    ("badge", "overall"),
    [("คะแนน 87.45 ระดับ A", 87.45), ("คะแนน 87.5 ระดับ A", 87.5), ("คะแนน 87 ระดับ A", 87.0)],
)
def test_the_itas_badge_is_an_overall_with_its_level(badge: str, overall: float) -> None:
    facts = read_facts([], [Passage(badge, 2, BBox(300, 400, 400, 420))])
    assert (facts.overall_score, facts.level) == (overall, "A")
    assert facts.sources["overall_score"].page == 2


def test_a_badge_beats_an_earlier_year_stated_before_it() -> None:
    """The intro names only the year before the result (2566 for the measures of 2568); the badge
    names no year: the earlier year ranks below the badge, and stays a candidate."""
    passages = [
        Passage("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568", 1, None),
        Passage("ผลการประเมิน ITA ปี 2566 ได้คะแนน 85.12 คะแนน อยู่ในระดับ B", 1, None),
        Passage("คะแนน 87.45 ระดับ A", 1, BBox(300, 400, 400, 420)),
    ]
    facts = read_facts([], passages)
    assert (facts.fiscal_year, facts.overall_score, facts.level) == (2568, 87.45, "A")
    best, earlier = facts.candidates["overall_score"]
    assert best.chosen and not earlier.chosen and earlier.value == 85.12
    assert "is before 2567" in earlier.why


def test_a_bare_number_before_a_non_level_is_no_badge() -> None:
    facts = read_facts([], [Passage("ได้คะแนน 3 ระดับ ตามเกณฑ์ 85 ระดับ", 1, None)])
    assert facts.overall_score is None
