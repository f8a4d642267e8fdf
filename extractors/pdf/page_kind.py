"""Decide per page whether its text layer can be read, or the page must go to OCR."""

from __future__ import annotations

from schemas import PageKind, TextQuality

#: A page whose glyphs are unmapped beyond this share is not to be trusted.
MAX_UNMAPPED_SHARE = 0.03
#: ... but a handful of odd glyphs (a logo, a bullet) does not condemn a page.
MIN_UNMAPPED_GLYPHS = 8
#: An image covering this share of the page with little text over it is a scan.
SCAN_IMAGE_SHARE = 0.5
#: "Little text": fewer visible characters than this (a page number, a stamp, a header).
SCAN_MAX_CHARS = 120
#: Images smaller than this share of the page (logos, signatures) do not make a page a scan.
MIN_IMAGE_SHARE = 0.05


def classify_page(visible_chars: int, quality: TextQuality, image_share: float) -> tuple[PageKind, str]:
    """The page's kind and the reason for it, in plain words.

    >>> classify_page(0, TextQuality(), 0.98)
    (<PageKind.SCANNED: 'scanned'>, 'no text layer; an image covers 98% of the page')
    >>> classify_page(0, TextQuality(), 0.0)[0].value
    'empty'
    >>> classify_page(1500, TextQuality(chars=1500, thai_chars=1200), 0.0)[0].value
    'text'
    >>> classify_page(900, TextQuality(chars=1000, unmapped_glyphs=100), 0.0)[1]
    '100 of 1000 glyphs have no Unicode mapping'
    """
    if quality.unmapped_glyphs >= MIN_UNMAPPED_GLYPHS and quality.unmapped_share > MAX_UNMAPPED_SHARE:
        return (
            PageKind.SCANNED,
            f"{quality.unmapped_glyphs} of {quality.chars} glyphs have no Unicode mapping",
        )
    if visible_chars == 0:
        if image_share >= MIN_IMAGE_SHARE:
            return PageKind.SCANNED, f"no text layer; an image covers {image_share:.0%} of the page"
        return PageKind.EMPTY, "no text and no images"
    if image_share >= SCAN_IMAGE_SHARE and visible_chars < SCAN_MAX_CHARS:
        return (
            PageKind.SCANNED,
            f"an image covers {image_share:.0%} of the page and the text layer has only "
            f"{visible_chars} characters",
        )
    return PageKind.TEXT, f"text layer with {visible_chars} characters"
