"""A period cell whose months OCR read as Latin letters and whose Thai re-reading breaks a digit
(issue 14, draw 207's c85 scan200: ``aA. do - fA. ๖๗`` first, ``ต.ค. ๒ ๗ - ชิ.ค. ๖๗`` to the Thai
model alone, where ``๒ ๗`` is a ``๖`` broken in two): the months come from the Thai reading, the
numbers from the glyph reader's reading of the cell's ink, and what only then parses (after the
look-alike ``ช`` read as ``ธ``) is kept with a low confidence and a doubt."""

from __future__ import annotations

from extractors.ocr.fields import CellReader, settle_period_cells, with_glyph_digits
from schemas import DOUBT_CONFIDENCE, BBox, Cell, Table, TableQuality

BOX = BBox(0, 0, 10, 10)
GLYPH_RUNS = ["๖๗", "๖๗"]  # what the glyph reader finds in the cell's ink: two numbers


def _table(text: str) -> Table:
    cells = [Cell(0, 0, "ระยะเวลา", "", BOX), Cell(1, 0, text, text, BOX, confidence=0.9)]
    return Table(2, 0, BOX, 2, 1, cells, TableQuality("borderless", 1.0, 1.0, 1.0, []))


def _reader(thai: str) -> CellReader:
    def read(cell: Cell, mode: str) -> tuple[str, str, float | None]:
        if mode in ("thai", "period"):
            return thai, thai, 0.85
        if mode == "glyphs":
            settled = with_glyph_digits(cell.text, GLYPH_RUNS)
            return (settled, cell.raw, 0.8) if settled and settled != cell.text else ("", "", None)
        return "", "", None

    return read


def test_a_thai_reading_with_a_broken_digit_takes_the_glyphs_numbers() -> None:
    table = _table("aA. do - fA. ๖๗")
    doubts = settle_period_cells(table, _reader("ต.ค. ๒ ๗ - ชิ.ค. ๖๗"))
    cell = table.cells[1]
    assert cell.text == "ต.ค. ๖๗ - ธ.ค. ๖๗"
    assert cell.confidence == DOUBT_CONFIDENCE
    assert len(doubts) == 1 and "aA. do - fA. ๖๗" in doubts[0].other


def test_a_thai_reading_the_glyphs_cannot_account_for_stays_unsettled() -> None:
    # three numbers read, and the glyphs find two numbers none of which it broke: no choice
    table = _table("aA. do - fA. ๖๗")
    doubts = settle_period_cells(table, _reader("ต.ค. ๒ - ชิ.ค. ๗ ๖๗"))
    assert table.cells[1].text == "aA. do - fA. ๖๗"
    assert table.cells[1].confidence == DOUBT_CONFIDENCE
    assert doubts and doubts[0].reason.startswith("no reading")


def test_numbers_apart_by_more_than_a_space_stay_apart() -> None:
    assert with_glyph_digits("ภายใน ๒ ก.ค. ๖๗", ["๖๗"]) is None
    assert with_glyph_digits("ต.ค. ๒ ๗ ๖๗", ["๖๗", "๖๗"]) is None  # which two join is no choice


def test_a_thai_reading_that_parses_with_the_glyphs_numbers_is_kept_with_a_doubt() -> None:
    # two readings made it (the months of one, the digits of the other): never kept silently
    table = _table("aA. do - fA. ๖๗")
    doubts = settle_period_cells(table, _reader("ต.ค. ๒ ๗ - ธ.ค. ๖๗"))
    assert table.cells[1].text == "ต.ค. ๖๗ - ธ.ค. ๖๗"
    assert table.cells[1].confidence == DOUBT_CONFIDENCE
    assert len(doubts) == 1 and doubts[0].other == "aA. do - fA. ๖๗"
