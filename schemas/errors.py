"""Errors that cross stage boundaries, each with a plain reason for the user."""

from __future__ import annotations

from pathlib import Path

from schemas.names import shown


class DocumentError(Exception):
    """A document that cannot be read at all (missing, not a PDF, encrypted, ...).

    ``str(err)`` is one line naming the file (in its shown form, see :mod:`schemas.names`) and the
    reason.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = shown(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
