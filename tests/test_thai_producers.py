"""Text layers of other producers: characters pdfium cannot pair, swapped sara am, justified lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.pdf.layout import build_lines
from extractors.pdf.pages import read_page
from extractors.pdf.source import open_pdfium
from extractors.thai.quality import (
    count_thai,
    dictionary_word_rate,
    silent_damage,
    silent_damage_tokens,
    thai_defects,
)
from pipeline import read_text
from pipeline.cli import main
from schemas import BBox, Char
from tests.conftest import REAL_PDFS, real_pdf


def pdf_with_tounicode(shown: bytes, mapping: dict[int, str]) -> bytes:
    """A one-page PDF that shows ``shown`` in Helvetica, whose ToUnicode maps byte codes to ``mapping``.

    A mapping value may hold a character outside the BMP (a surrogate pair in UTF-16) or a lone surrogate.
    """
    pairs = "".join(
        f"<{code:02X}> <{text.encode('utf-16-be', 'surrogatepass').hex().upper()}>\n"
        for code, text in mapping.items()
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(mapping)} beginbfchar\n{pairs}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    content = b"BT /F1 24 Tf 72 700 Td (" + shown + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture
def surrogate_pdf(tmp_path: Path) -> Path:
    # "A" is U+1D435 (MATHEMATICAL ITALIC CAPITAL B: a surrogate pair in UTF-16), "D" a lone high
    # surrogate, "B" and "C" Thai letters.
    path = tmp_path / "surrogates.pdf"
    mapping = {0x41: "\U0001d435", 0x42: "\u0e01", 0x43: "\u0e02", 0x44: "\ud835"}
    path.write_bytes(pdf_with_tounicode(b"AB CD", mapping))
    return path


def test_surrogate_pair_is_joined_and_lone_one_counted(surrogate_pdf: Path) -> None:
    with open_pdfium(surrogate_pdf) as doc:
        page = read_page(doc, 1)
    assert page.text == "\U0001d435\u0e01 \u0e02"
    assert page.quality.replaced_chars == 1
    page.text.encode("utf-8")  # nothing left that cannot be encoded


@pytest.mark.parametrize("command", ["text", "extract"])
def test_cli_never_stops_on_surrogates(surrogate_pdf: Path, command: str, tmp_path: Path) -> None:
    args = [command, str(surrogate_pdf)]
    if command == "extract":
        args += ["--out", str(tmp_path / "out"), "--text"]
    result = CliRunner().invoke(main, args)
    assert "internal error" not in result.output
    assert "Traceback" not in result.output
    if command == "text":
        assert result.exit_code == 0, result.output
        assert "\U0001d435\u0e01 \u0e02" in result.output


def test_powerpoint_swapped_sara_am_is_found_on_the_real_file() -> None:
    with open_pdfium(real_pdf("powerpoint2013-swapped-sara-am-strategy.pdf")) as doc:
        page = read_page(doc, 1)
    assert page.quality.swapped_sara_am_font
    assert page.quality.unresolved_marks == 0
    assert "ยุทธศาสตร์และตัวชี้วัดสำคัญตามคำรับรองปฏิบัติราชการ" in [ln.text for ln in page.lines]
    assert not any(bad in page.text for bad in ("ศำสตร์", "ตำม", "รำชกำร", "สา เร็จ", "ปจัจยั"))


def test_canva_tone_marks_hidden_as_latin_letters_are_restored() -> None:
    with open_pdfium(real_pdf("canva-tone-marks-as-latin-ethics-plan.pdf")) as doc:
        page = read_page(doc, 1)
    lines = [ln.text for ln in page.lines]
    assert "ด้านการป้องกัน ปราบปรามการทุจริต" in lines
    assert "กระทรวงสาธารณสุขใสสะอาด ร่วมต้านทุจริต" in lines
    assert page.quality.repaired_marks == 4
    assert page.quality.unmapped_glyphs == 0
    assert silent_damage(page.text) == 0


JUSTIFIED = [
    "word-pdfmaker-thai-distributed-ethics-code.pdf",
    "word-ilovepdf-thai-distributed-royal-decree.pdf",
]


@pytest.mark.parametrize("name", JUSTIFIED)
def test_thai_distributed_lines_have_no_invented_spaces(name: str) -> None:
    text = "\n".join(p.text for p in read_text(real_pdf(name)))
    assert count_thai(text) > 5000
    assert thai_defects(text) == {}
    found, total = dictionary_word_rate(text)
    assert found / total > 0.98


TEXT_PDFS = sorted(p.name for p in REAL_PDFS.glob("*.pdf") if not p.name.startswith("scanned"))


@pytest.mark.parametrize("name", TEXT_PDFS)
def test_every_real_pdf_has_no_defects_and_no_silent_loss(name: str) -> None:
    with open_pdfium(real_pdf(name)) as doc:
        text = "\n".join(read_page(doc, n).text for n in range(1, len(doc) + 1))
    assert count_thai(text) > 500
    assert thai_defects(text) == {}
    # Tokens that look like a lost tone mark but are printed so (checked on the page image at 300 dpi).
    printed_so = {"เพีย"}  # canva p129: the surname เพียสุพรรณ
    assert set(silent_damage_tokens(text)) <= printed_so


def _spread_line(words: list[str], letter_gap: float, word_gap: float, size: float = 16.0) -> list[Char]:
    """Base characters of equal advance (0.5 em), ``letter_gap`` em apart within a word and
    ``word_gap`` em apart between words (no space glyph): a justified line."""
    chars: list[Char] = []
    x = 50.0
    for n, word in enumerate(words):
        if n:
            x += (word_gap - letter_gap) * size
        for ch in word:
            box = BBox(x, 100 - 0.9 * size, x + 0.5 * size, 100 + 0.3 * size)
            chars.append(Char(text=ch, raw=ch, box=box, baseline=100.0, origin_x=x, font="F", size=size))
            x += (0.5 + letter_gap) * size
    return chars


def test_widely_spread_line_keeps_only_the_wider_gaps() -> None:
    # Letters 0.4 em apart (wider than the 0.18 em word gap), words 1.2 em apart.
    lines = build_lines(_spread_line(["ประชาชน", "ทราบ"], letter_gap=0.4, word_gap=1.2))
    assert [line.text for line in lines] == ["ประชาชน ทราบ"]


def test_tight_line_keeps_a_narrow_printed_gap() -> None:
    # Letters 0.05 em apart (the real Thai-distributed lines: up to 0.09 em), a 0.25 em gap before ๆ.
    lines = build_lines(_spread_line(["คน", "ๆ", "ทราบ"], letter_gap=0.05, word_gap=0.25))
    assert [line.text for line in lines] == ["คน ๆ ทราบ"]
