"""Glyph-level repairs, on glyphs built by hand to reproduce each producer's defect."""

from __future__ import annotations

from extractors.pdf.glyph_repair import repair_glyphs, sara_am_swapped_fonts
from extractors.pdf.glyph_shapes import MarkShape
from extractors.pdf.layout import build_lines
from extractors.pdf.textlayer import RawGlyph
from schemas import BBox

SIZE = 20.0
BASE = 100.0  # baseline y (top-down coordinates)
NIKHAHIT = MarkShape("\u0e4d", "uni0E4D", -0.17, 0.46, 0.0, 0.64)
SARA_U = MarkShape("\u0e38", "uni0E38", -0.12, -0.2, -0.03, -0.04)
MAI_HAN = MarkShape("\u0e31", "uni0E31", -0.27, 0.46, -0.03, 0.58)


def glyph(
    code: str, x: float, advance: float, rise: float = 0.45, drop: float = 0.0, font: int = 1
) -> RawGlyph:
    """A glyph at ``x`` whose ink spans ``drop``..``rise`` em around the baseline."""
    return RawGlyph(
        code=code,
        ink=BBox(x, BASE - rise * SIZE, x + max(advance, 0.1), BASE + drop * SIZE),
        loose=BBox(x, BASE - 0.9 * SIZE, x + advance, BASE + 0.3 * SIZE),
        origin_x=x,
        baseline=BASE,
        size=SIZE,
        font="TH SarabunPSK",
        font_key=font,
        generated=False,
        map_error=False,
    )


def lost_mark(x: float, shape: MarkShape) -> RawGlyph:
    """A mark glyph whose Unicode mapping says space: no advance, ink where ``shape`` draws."""
    return RawGlyph(
        code=" ",
        ink=BBox(
            x + shape.x_min * SIZE,
            BASE - shape.y_max * SIZE,
            x + shape.x_max * SIZE,
            BASE - shape.y_min * SIZE,
        ),
        loose=BBox(x + shape.x_min * SIZE, BASE - 0.9 * SIZE, x, BASE + 0.3 * SIZE),
        origin_x=x,
        baseline=BASE,
        size=SIZE,
        font="TH SarabunPSK",
        font_key=1,
        generated=False,
        map_error=False,
    )


def text_of(glyphs: list[RawGlyph], shapes: tuple[MarkShape, ...] = (NIKHAHIT, SARA_U, MAI_HAN)) -> str:
    chars, _ = repair_glyphs(glyphs, lambda key: shapes)
    return "\n".join(line.text for line in build_lines(chars))


def word(text: str, x: float = 10.0) -> list[RawGlyph]:
    out = []
    for ch in text:
        out.append(glyph(ch, x, 8.0))
        x += 8.0
    return out


def test_word_nikhahit_mapped_to_space_is_sara_am() -> None:
    # ค␣าน␣า as MS Word writes คำนำ: the nikhahit glyph says "space" but draws above the line.
    glyphs = [glyph("ค", 10, 8), lost_mark(18, NIKHAHIT), glyph("า", 18, 6), glyph("น", 24, 8)]
    glyphs += [lost_mark(32, NIKHAHIT), glyph("า", 32, 6)]
    assert text_of(glyphs) == "คำนำ"


def test_lost_below_vowel_is_identified_by_its_glyph() -> None:
    # สาธารณส␣ข: sara u lost to a space; only the glyph can tell which vowel it was.
    glyphs = [*word("สาธารณส"), lost_mark(66, SARA_U), glyph("ข", 66, 8)]
    assert text_of(glyphs) == "สาธารณสุข"


def test_unidentifiable_mark_is_dropped_and_counted() -> None:
    glyphs = [*word("ครุภ"), lost_mark(42, MAI_HAN), glyph("ณ", 42, 8)]
    chars, quality = repair_glyphs(glyphs, lambda key: ())  # the font cannot be read
    assert quality.unresolved_marks == 1
    assert " " not in "".join(c.text for c in chars)


def test_nikhahit_without_font_falls_back_on_position() -> None:
    glyphs = [glyph("ท", 10, 8), lost_mark(18, NIKHAHIT), glyph("า", 18, 6)]
    assert text_of(glyphs, shapes=()) == "ทำ"


def test_font_that_maps_aa_to_am_is_repaired_per_font() -> None:
    # PowerPoint 2013: "การดำเนินงาน" comes out "กำรดำเนินงำน" in one font; a real sara am there
    # is nikhahit-as-space + the glyph said to be "ำ" (really า).
    short_am = lambda x: glyph("\u0e33", x, 6, rise=0.45)  # noqa: E731 - an า drawn, ำ said
    glyphs = [glyph("ก", 10, 8), short_am(18), glyph("ร", 24, 7), glyph("ด", 31, 8)]
    glyphs += [lost_mark(39, NIKHAHIT), short_am(39), glyph("เ", 45, 4), glyph("น", 49, 8)]
    glyphs += [glyph("ิ", 57, 0), glyph("น", 57, 8), glyph("ง", 65, 7), short_am(72), glyph("น", 78, 8)]
    assert sara_am_swapped_fonts(glyphs) == {1}
    assert text_of(glyphs) == "การดำเนินงาน"


def test_real_sara_am_in_a_normal_font_is_kept() -> None:
    tall_am = [glyph("ท", 10, 8), glyph("\u0e33", 18, 6, rise=0.65)] * 3
    assert sara_am_swapped_fonts(tall_am) == set()


def test_unmapped_glyphs_are_counted_not_emitted() -> None:
    glyphs = [*word("ศูนย์"), glyph("Ǚ", 50, 8), *word("ฏิ", 58), glyph("", 74, 8)]
    chars, quality = repair_glyphs(glyphs, lambda key: ())
    assert quality.unmapped_glyphs == 2
    assert "\u01d9" not in "".join(c.text for c in chars)


def test_private_use_marks_become_standard() -> None:
    glyphs = [glyph("ข", 10, 8), glyph("\uf70b", 18, 0), glyph("อ", 18, 8)]
    chars, quality = repair_glyphs(glyphs, lambda key: ())
    assert quality.pua_chars == 1
    assert "".join(c.text for c in chars) == "ข้อ"
