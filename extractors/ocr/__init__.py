"""The OCR room: render scanned pages, clean the image, find ruled tables in it and read each cell
with Tesseract, numbers again from their glyph shapes; pages in parallel processes."""
