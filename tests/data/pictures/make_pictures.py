#!/usr/bin/env python3
"""Make the test documents for pictures inside text pages, and their expected scores.

Four PDFs, each an ordinary text page (a title and a paragraph in the text layer) with one picture
pasted in, whose content is given by :data:`SPEC` and nowhere else:

* ``screenshot.pdf``: an ITAS-like screenshot of the result page: a table of the ten indicators
  with their scores (light rulings, shaded rows) and a badge with the overall score and level;
* ``screenshot-ruled.pdf``: the same with dark rulings (a ruled grid) and no shading;
* ``barchart.pdf``: a horizontal bar chart, one bar per indicator, the name left of the bar and
  the score at its end;
* ``columnchart.pdf``: a vertical bar chart, the score above each bar, the name wrapped under it.

``expected.json`` holds the ten (number, score) pairs each document must give, written from
:data:`SPEC`.  The pictures are drawn with Pillow (it must have libraqm, or Thai marks land in the
wrong place) and placed with PyMuPDF (the ``bench`` extra), which also writes the text layer::

    python tests/data/pictures/make_pictures.py           # rewrite the PDFs and expected.json
    python tests/data/pictures/make_pictures.py --check   # rebuild in memory, compare bytes

Not part of the package: nothing may import this module.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/tlwg/Garuda.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf"

#: The ten indicators and their scores (the assessed year's), the overall score and level.
SPEC = {
    "assessed_year": 2566,
    "indicators": [
        (1, "การปฏิบัติหน้าที่", "92.41"),
        (2, "การใช้งบประมาณ", "85.67"),
        (3, "การใช้อำนาจ", "90.12"),
        (4, "การใช้ทรัพย์สินของราชการ", "83.55"),
        (5, "การแก้ไขปัญหาการทุจริต", "88.20"),
        (6, "คุณภาพการดำเนินงาน", "86.93"),
        (7, "ประสิทธิภาพการสื่อสาร", "84.38"),
        (8, "การปรับปรุงระบบการทำงาน", "81.76"),
        (9, "การเปิดเผยข้อมูล", "95.00"),
        (10, "การป้องกันการทุจริต", "79.17"),
    ],
    #: The labels under the bars of the vertical chart, wrapped where ``|`` stands.
    "wrapped": {
        1: "การปฏิบัติ|หน้าที่",
        2: "การใช้|งบประมาณ",
        3: "การใช้|อำนาจ",
        4: "การใช้|ทรัพย์สิน|ของราชการ",
        5: "การแก้ไข|ปัญหา|การทุจริต",
        6: "คุณภาพ|การดำเนินงาน",
        7: "ประสิทธิภาพ|การสื่อสาร",
        8: "การปรับปรุง|ระบบ|การทำงาน",
        9: "การเปิดเผย|ข้อมูล",
        10: "การป้องกัน|การทุจริต",
    },
    "overall": "87.45",
    "level": "A",
}

TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2567"
AGENCY = "องค์การบริหารส่วนตำบลทดสอบภาพ อำเภอเมือง จังหวัดทดสอบ"
INTRO = (
    "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ "
    "พ.ศ. 2566 ของหน่วยงาน ตามภาพที่แสดงด้านล่าง ซึ่งนำมาจากระบบ ITAS"
)


def _font(size: int, bold: bool = False):
    from PIL import ImageFont

    return ImageFont.truetype(FONT_BOLD if bold else FONT, size, layout_engine=ImageFont.Layout.RAQM)


def screenshot(ruled: bool = False) -> bytes:
    """An ITAS-like result page: a badge, then a table with light rulings and shaded rows; or,
    ``ruled``, with dark rulings a grid finder sees and no shading."""
    from PIL import Image, ImageDraw

    w, row_h, top = 1500, 66, 150
    rows = SPEC["indicators"]
    h = top + row_h * (len(rows) + 1) + 40
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((980, 20, 1460, 110), 18, fill=(226, 240, 217), outline=(120, 170, 100), width=3)
    d.text((1010, 42), f"คะแนน {SPEC['overall']} ระดับ {SPEC['level']}", font=_font(38, True), fill="black")
    d.text((40, 50), f"ผลการประเมิน ITA ปี {SPEC['assessed_year']}", font=_font(38, True), fill="black")
    xs = (40, 150, 1150, 1460)
    grey = (60, 60, 60) if ruled else (170, 170, 170)
    header = ("ลำดับ", "ตัวชี้วัด", "คะแนน")
    d.rectangle((xs[0], top, xs[-1], top + row_h), fill=(215, 225, 240))
    for i in range(1, len(rows) + 1):
        if i % 2 == 0 and not ruled:
            d.rectangle((xs[0], top + i * row_h, xs[-1], top + (i + 1) * row_h), fill=(242, 242, 242))
    for r in range(len(rows) + 2):
        d.line((xs[0], top + r * row_h, xs[-1], top + r * row_h), fill=grey, width=3 if ruled else 2)
    for x in xs:
        d.line((x, top, x, top + (len(rows) + 1) * row_h), fill=grey, width=3 if ruled else 2)
    cells = [header] + [(str(n), name, score) for n, name, score in rows]
    for r, texts in enumerate(cells):
        for c, text in enumerate(texts):
            font = _font(32, bold=r == 0)
            y = top + r * row_h + 14
            # scores right-aligned, as the result page prints them
            x = xs[3] - 30 - d.textlength(text, font=font) if c == 2 else xs[c] + 20
            d.text((x, y), text, font=font, fill="black")
    return _png(img)


def barchart() -> bytes:
    """A horizontal bar chart: name left of the bar, score at its end."""
    from PIL import Image, ImageDraw

    rows = SPEC["indicators"]
    w, row_h, top, left, scale = 1600, 80, 110, 560, 9.0
    h = top + row_h * len(rows) + 30
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    d.text((40, 30), f"คะแนนรายตัวชี้วัด ปี {SPEC['assessed_year']}", font=_font(38, True), fill="black")
    d.line((left, top - 10, left, h - 20), fill=(90, 90, 90), width=3)
    font = _font(30)
    for i, (_number, name, score) in enumerate(rows):
        y = top + i * row_h
        tw = d.textlength(name, font=font)
        d.text((left - 20 - tw, y + 16), name, font=font, fill="black")
        length = float(score) * scale
        d.rectangle((left, y + 12, left + length, y + row_h - 12), fill=(52, 101, 164))
        d.text((left + length + 16, y + 16), score, font=font, fill="black")
    return _png(img)


def columnchart() -> bytes:
    """A vertical bar chart: the score on top of each bar, the name wrapped under it."""
    from PIL import Image, ImageDraw

    rows = SPEC["indicators"]
    pitch, left, base, scale = 175, 60, 700, 5.0
    w, h = left + pitch * len(rows) + 40, base + 150
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    d.text((40, 20), f"ผลคะแนนรายตัวชี้วัด ปี {SPEC['assessed_year']}", font=_font(40, True), fill="black")
    d.line((left - 20, base, w - 20, base), fill=(90, 90, 90), width=3)
    font = _font(27)
    for i, (number, _name, score) in enumerate(rows):
        cx = left + i * pitch + pitch // 2
        top = base - float(score) * scale
        d.rectangle((cx - 40, top, cx + 40, base), fill=(237, 125, 49))
        d.text((cx - d.textlength(score, font=font) / 2, top - 42), score, font=font, fill="black")
        for k, part in enumerate(SPEC["wrapped"][number].split("|")):
            x = cx - d.textlength(part, font=font) / 2
            d.text((x, base + 14 + 38 * k), part, font=font, fill="black")
    return _png(img)


def _png(img) -> bytes:
    out = io.BytesIO()
    img.quantize(64, dither=0).save(out, format="PNG", optimize=True)
    return out.getvalue()


def document(picture: bytes, picture_width_pt: float) -> bytes:
    """A4 text page: title, agency, intro in the text layer, then the picture."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    css = f"@font-face {{font-family: th; src: url({FONT});}} * {{font-family: th; font-size: 13pt;}}"
    html = (
        f"<p style='text-align:center'><b>{TITLE}</b></p><p style='text-align:center'>{AGENCY}</p>"
        f"<p>{INTRO}</p>"
    )
    page.insert_htmlbox(pymupdf.Rect(60, 50, 535, 250), html, css=css)
    from PIL import Image

    w_px, h_px = Image.open(io.BytesIO(picture)).size
    height = picture_width_pt * h_px / w_px
    rect = pymupdf.Rect(70, 260, 70 + picture_width_pt, 260 + height)
    page.insert_image(rect, stream=picture)
    page.insert_htmlbox(
        pymupdf.Rect(60, rect.y1 + 20, 535, rect.y1 + 120),
        "<p>หน่วยงานจึงได้จัดทำมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</p>",
        css=css,
    )
    doc.subset_fonts()  # the text layer's font, once and only its glyphs: a small file
    doc.set_metadata({"creationDate": "D:20240101000000", "modDate": "D:20240101000000"})
    return doc.tobytes(garbage=3, deflate=True, no_new_id=True)


def build() -> dict[str, bytes]:
    from PIL import features

    if not features.check("raqm"):
        sys.exit("make_pictures.py: Pillow has no libraqm; Thai marks would be drawn in the wrong place")
    expected = {
        name: {
            "page": 1,
            "assessed_year": SPEC["assessed_year"],
            "indicators": [[n, float(s)] for n, _name, s in SPEC["indicators"]],
        }
        for name in ("screenshot", "screenshot-ruled", "barchart", "columnchart")
    }
    return {
        "screenshot.pdf": document(screenshot(), 440),
        "screenshot-ruled.pdf": document(screenshot(ruled=True), 440),
        "barchart.pdf": document(barchart(), 455),
        "columnchart.pdf": document(columnchart(), 455),
        "expected.json": (json.dumps(expected, ensure_ascii=False, indent=1) + "\n").encode(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="rebuild and compare with the files")
    args = parser.parse_args()
    built = build()
    if args.check:
        differ = [n for n, data in built.items() if (HERE / n).read_bytes() != data]
        print("differ: " + ", ".join(differ) if differ else "identical")
        return 1 if differ else 0
    for name, data in built.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
