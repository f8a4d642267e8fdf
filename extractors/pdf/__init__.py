"""The PDF room: open a file, read its text layer glyph by glyph, repair Thai from the glyphs' own
evidence, build lines, classify pages and find tables (pdfium and pdfplumber)."""
