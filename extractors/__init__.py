"""Extractors: read a PDF into a ``Document`` (``read``: the ``pdf``, ``ocr`` and ``thai`` rooms), then
interpret it as an ITA measures document (``ita``).  Nothing here imports ``pipeline``."""
