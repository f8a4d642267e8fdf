"""The scan bench's test of a page read upright (``bench/scan_twins.py``): by the text twin's
phrases found in what OCR read, compared on the letters on the line, so that marks OCR lost on a
page read the right way up do not count it as read sideways."""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "scan_twins.py"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("scan_twins", BENCH)
    assert spec and spec.loader
    module = sys.modules.get("scan_twins")
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules["scan_twins"] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return module


#: A rotated slide's page 2 (draw 191, ``c77``): its text twin, and what OCR read from it upright.
TWIN = "ผลการประเมิน ITA ปี 2568 รายตัวชี้วัด หมายเหตุ: 1 = การปฏิบัติหน้าที่ 2 = การใช้งบประมาณ"
READ_UPRIGHT = "ผลการประ เม่น ITA ป 2568 รายตัวชวัด หมายเหต: 1 = การปฏบัตหน้าท 2 = การใชงบประมาณ"


def test_a_page_read_upright_with_its_marks_lost_is_upright() -> None:
    bench = _bench()
    assert bench.read_upright(TWIN, "".join(bench._THAI_RUN.findall(READ_UPRIGHT))) is True


def test_a_page_read_sideways_is_not_and_a_page_without_phrases_is_not_counted() -> None:
    bench = _bench()
    assert bench.read_upright(TWIN, "ร่ณ้ยผุ่ป้ฤนนท่ีบ") is False
    assert bench.read_upright("ITA 2568", "") is None


def test_the_bench_doctests_pass() -> None:
    assert doctest.testmod(_bench()).failed == 0
