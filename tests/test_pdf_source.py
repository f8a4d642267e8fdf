"""Every way a file can fail to open gives one plain reason naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.pdf.source import check_pdf_file, open_pdfium
from schemas import DocumentError
from tests.conftest import DATA

BROKEN = DATA / "broken"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("zero-byte.pdf", "is empty (0 bytes)"),
        ("not-a-pdf.pdf", "is not a PDF (no %PDF header)"),
        ("encrypted.pdf", "is encrypted (a password is needed to open it)"),
        ("truncated.pdf", "is damaged or not a readable PDF"),
        ("missing.pdf", "file not found"),
    ],
)
def test_broken_file_gives_plain_reason(name: str, reason: str) -> None:
    path = BROKEN / name
    with pytest.raises(DocumentError) as caught, open_pdfium(path):
        pass
    assert caught.value.path == str(path)
    assert caught.value.reason.startswith(reason)
    assert "\n" not in str(caught.value)


def test_folder_is_not_a_pdf(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="is a folder"):
        check_pdf_file(tmp_path)


def test_header_after_junk_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "junk-first.pdf"
    path.write_bytes(b"\r\n\x00junk" + (DATA / "broken" / "encrypted.pdf").read_bytes()[:50])
    assert check_pdf_file(path) == path
