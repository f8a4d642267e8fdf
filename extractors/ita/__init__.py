"""The ITA room: interpret a ``Document`` as an ITA measures document (facts, indicators, actions,
periods, the vocabulary of headers and indicators) and check it; it never opens a PDF or runs OCR."""
