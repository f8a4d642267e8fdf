#!/usr/bin/env python3
"""Build the small layout test PDFs in this folder from the specs written below.

    python tests/data/layout/make_layout_pdfs.py

Each PDF is drawn by PyMuPDF, one HTML box per paragraph or cell (HarfBuzz shapes the Thai; font Garuda from
fonts-tlwg-garuda): a measures table without any ruling line between prose paragraphs and a
two-column signature block, and measures written as labelled paragraphs.  Each spec is also written
as ``<name>.spec.json``: the tests take their expected values from it, never from the program.
Needs ``pip install pymupdf`` (the ``bench`` extra).  Not part of the package.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FONTS = Path("/usr/share/fonts/truetype/tlwg")
CSS = """
@font-face {font-family: th; src: url(Garuda.ttf);}
@font-face {font-family: th; src: url(Garuda-Bold.ttf); font-weight: bold;}
* {font-family: th; font-size: 11pt; line-height: 1.35; white-space: nowrap;}
p {margin: 0; text-align: left;}
"""

PROSE = (
    "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติได้ประเมินคุณธรรมและความโปร่งใส"
    "ในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ เทศบาลตำบลตัวอย่างได้วิเคราะห์ผลการประเมิน"
    "และกำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ดังนี้"
)

BORDERLESS: dict[str, Any] = {
    "header": ["ประเด็นที่ต้องพัฒนา", "มาตรการ", "ขั้นตอน/วิธีการ", "ผู้รับผิดชอบ", "ระยะเวลา"],
    "widths": [19, 17, 28, 16, 20],
    "rows": [
        [
            "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล",
            "เผยแพร่ข้อมูลต่อสาธารณะ",
            ["๑. ตรวจสอบข้อมูลบนเว็บไซต์ให้ครบถ้วน", "๒. ปรับปรุงข้อมูลให้เป็นปัจจุบันทุกเดือน"],
            "สำนักปลัด",
            "ต.ค. ๖๖ - ก.ย. ๖๗",
        ],
        [
            "",
            "",
            ["๓. รายงานผลการเผยแพร่ต่อผู้บริหาร"],
            "กองคลัง",
            "ไตรมาสที่ ๒",
        ],
        [
            "ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต",
            "ประกาศเจตนารมณ์การป้องกันการทุจริต",
            ["๑. จัดทำประกาศเจตนารมณ์", "๒. เผยแพร่ประกาศบนเว็บไซต์"],
            "สำนักปลัด",
            "ม.ค. ๖๗ - มี.ค. ๖๗",
        ],
        [
            "ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต",
            "จัดทำแผนป้องกันการทุจริต",
            ["๑. แต่งตั้งคณะทำงาน", "๒. ประเมินความเสี่ยงการทุจริต", "๓. รายงานผลรอบ ๖ เดือน"],
            "งานตรวจสอบภายใน",
            "ตลอดปีงบประมาณ",
        ],
    ],
    "after": "ทั้งนี้ ให้ทุกกองรายงานผลการดำเนินงานตามมาตรการต่อนายกเทศมนตรีภายในเดือนกันยายน ๒๕๖๗ "
    "เพื่อใช้ประกอบการประเมินในปีงบประมาณถัดไป และเผยแพร่ผลการดำเนินงานให้ประชาชนทราบ",
    "signatures": [["(นายสมชาย ใจดี)", "(นางสาวสมศรี มีสุข)"], ["ปลัดเทศบาล", "นายกเทศมนตรี"]],
}

PARAGRAPHS: dict[str, Any] = {
    "title": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
    "measures": [
        {
            "heading": "มาตรการที่ ๑ การเปิดเผยข้อมูลสาธารณะ",
            "issue": "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ได้คะแนนต่ำกว่าเป้าหมาย",
            "steps": ["(๑) ตรวจสอบข้อมูลบนเว็บไซต์ให้ครบถ้วน", "(๒) ปรับปรุงข้อมูลทุกเดือน"],
            "responsible": "สำนักปลัด / กองคลัง",
            "period": "ต.ค. ๖๖ - ก.ย. ๖๗",
            "follow_up": "รายงานผลต่อนายกเทศมนตรีทุกไตรมาส",
        },
        {
            "heading": "มาตรการที่ ๒ การป้องกันการทุจริต",
            "issue": "ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต",
            "steps": ["(๑) จัดทำแผนบริหารความเสี่ยง", "(๒) ประกาศเจตนารมณ์ต่อต้านการทุจริต"],
            "responsible": "งานตรวจสอบภายใน",
            "period": "ม.ค. ๖๗ - มี.ค. ๖๗",
            "follow_up": "รายงานผลรอบ ๖ เดือน",
        },
        {
            "heading": "มาตรการที่ 3: ส่งเสริมการใช้ทรัพย์สินของราชการอย่างถูกต้องตามระเบียบ"
            " และสร้างความเข้าใจแก่บุคลากรทุกระดับในหน่วยงาน",
            "issue": "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ",
            "steps": ["(1) จัดทำคู่มือการยืมทรัพย์สินของราชการ", "(2) ประชาสัมพันธ์คู่มือให้บุคลากรทราบ"],
            "responsible": "กองคลัง",
            "period": "ไตรมาสที่ 2",
            "follow_up": "รายงานผลต่อปลัดเทศบาล",
        },
        {
            "heading": "๔. ส่งเสริมการปฏิบัติหน้าที่อย่างโปร่งใส",
            "bold_numbered": True,
            "issue": "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่",
            "steps": ["(๑) จัดทำมาตรฐานการให้บริการ"],
            "responsible": "ทุกกอง",
            "period": "ตลอดปีงบประมาณ",
            "follow_up": "รายงานผลรอบ ๑๒ เดือน",
        },
    ],
}


class Writer:
    """Draws blocks of HTML top to bottom on A4 pages, each in its own box (a table's cells side by
    side), moving to a new page when a block does not fit."""

    LEFT, RIGHT, TOP, BOTTOM = 56.0, 539.0, 56.0, 786.0

    def __init__(self) -> None:
        import pymupdf

        self.pymupdf = pymupdf
        self.doc = pymupdf.open()
        self.archive = pymupdf.Archive(str(FONTS))
        self.page = self.doc.new_page(width=595, height=842)
        self.y = self.TOP

    def _height(self, body: str, width: float) -> float:
        scratch = self.pymupdf.open()
        probe = scratch.new_page(width=595, height=842)
        spare, _ = probe.insert_htmlbox(
            self.pymupdf.Rect(0, 0, width, 800), body, css=CSS, archive=self.archive, scale_low=1
        )
        scratch.close()
        return 800 - spare

    def columns(self, widths: list[float]) -> list[float]:
        """The x of each column edge, for widths in shares of the text width."""
        total = self.RIGHT - self.LEFT
        xs = [self.LEFT]
        for w in widths:
            xs.append(xs[-1] + total * w / sum(widths))
        return xs

    def row(self, cells: list[str], widths: list[float], gap: float = 4.0) -> None:
        """One row: each cell's HTML in its column (widths in shares of the text width)."""
        xs = self.columns(widths)
        heights = [self._height(c, xs[i + 1] - xs[i] - 12) if c else 0 for i, c in enumerate(cells)]
        height = max(heights)
        if self.y + height > self.BOTTOM:
            self.page = self.doc.new_page(width=595, height=842)
            self.y = self.TOP
        for i, c in enumerate(cells):
            if c:
                rect = self.pymupdf.Rect(xs[i] + 6, self.y, xs[i + 1] - 6, self.y + height + 2)
                self.page.insert_htmlbox(rect, c, css=CSS, archive=self.archive, scale_low=1)
        self.y += height + gap

    def para(self, text: str, gap: float = 6.0, bold: bool = False) -> None:
        self.row([wrap(text, self.RIGHT - self.LEFT - 12, bold)], [1.0], gap)

    def cells(
        self, values: list[str | list[str]], widths: list[float], gap: float = 4.0, bold: bool = False
    ) -> None:
        xs = self.columns(widths)
        self.row([_cell(v, xs[i + 1] - xs[i] - 12, bold) for i, v in enumerate(values)], widths, gap)

    def save(self, path: Path) -> None:
        self.doc.save(str(path), garbage=4, deflate=True, no_new_id=True)


FONT_SIZE = 11.0


def wrap(text: str, width: float, bold: bool = False) -> str:
    """``text`` as HTML lines no wider than ``width`` points, broken between Thai words (newmm) as
    a word processor breaks them: MuPDF breaks lines at spaces only."""
    import pymupdf
    from pythainlp.tokenize import word_tokenize

    font = pymupdf.Font(fontfile=str(FONTS / ("Garuda-Bold.ttf" if bold else "Garuda.ttf")))
    lines: list[str] = []
    current = ""
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        trial = current + token
        if current.strip() and font.text_length(trial.rstrip(), fontsize=FONT_SIZE) > 0.97 * width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current = trial
    if current.strip():
        lines.append(current.rstrip())
    body = "<br/>".join(html.escape(line) for line in lines)
    return f"<b>{body}</b>" if bold else body


UNITS = ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา")
MONTHS = ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.")
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

#: A borderless table long enough to go on over the next page, its header not repeated there.
LONG: dict[str, Any] = {
    "header": ["มาตรการ", "วิธีการดำเนินการ", "หน่วยงานรับผิดชอบ", "ระยะเวลาดำเนินการ"],
    "widths": [26, 36, 19, 19],
    "rows": [
        [
            f"มาตรการที่ {str(n).translate(THAI)} ส่งเสริมความโปร่งใสในการปฏิบัติงานด้านที่ {str(n).translate(THAI)}",
            [
                f"{str(k).translate(THAI)}. ดำเนินการตามแผนงานขั้นที่ {str(k).translate(THAI)} ให้แล้วเสร็จ"
                for k in range(1, 2 + n % 3)
            ],
            UNITS[n % len(UNITS)],
            f"{MONTHS[n % 6]} ๖๖ - {MONTHS[6 + n % 6]} ๖๗",
        ]
        for n in range(1, 15)
    ],
}


def _cell(value: str | list[str], width: float, bold: bool = False) -> str:
    items = value if isinstance(value, list) else [value]
    return "<br/>".join(wrap(v, width, bold) for v in items if v)


def borderless(spec: dict[str, Any]) -> Writer:
    w = Writer()
    w.para(PROSE)
    w.cells(spec["header"], spec["widths"], bold=True)
    for row in spec["rows"]:
        w.cells(row, spec["widths"])
    w.para(spec["after"], gap=24)
    for row in spec["signatures"]:
        w.cells(row, [1, 1], gap=0)
    return w


def long_borderless(spec: dict[str, Any]) -> Writer:
    w = Writer()
    w.para(PROSE)
    w.cells(spec["header"], spec["widths"], bold=True)
    for row in spec["rows"]:
        w.cells(row, spec["widths"])
    return w


def paragraphs(spec: dict[str, Any]) -> Writer:
    w = Writer()
    w.para(spec["title"], bold=True)
    w.para(PROSE)
    for m in spec["measures"]:
        w.para(m["heading"], gap=2, bold=True)
        w.para(f"ประเด็นที่ต้องพัฒนา: {m['issue']}", gap=2)
        w.para("วิธีการดำเนินการ:", gap=2)
        for step in m["steps"]:
            w.para(step, gap=2)
        w.para(f"ผู้รับผิดชอบ: {m['responsible']}", gap=2)
        w.para(f"ระยะเวลาดำเนินการ: {m['period']}", gap=2)
        w.para(f"การติดตามผล: {m['follow_up']}", gap=10)
    return w


def build(name: str, writer: Writer, spec: dict[str, Any]) -> None:
    writer.save(HERE / f"{name}.pdf")
    (HERE / f"{name}.spec.json").write_text(
        json.dumps(spec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def main() -> None:
    build("borderless-measures", borderless(BORDERLESS), BORDERLESS)
    build("measures-as-paragraphs", paragraphs(PARAGRAPHS), PARAGRAPHS)
    build("borderless-over-two-pages", long_borderless(LONG), LONG)


if __name__ == "__main__":
    main()
