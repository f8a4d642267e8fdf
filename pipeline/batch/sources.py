"""What a batch reads: folders (recursively), glob patterns and ``@list.txt`` files, expanded into
one sorted list of files.

* a **folder** gives every ``*.pdf`` under it (any case), skipping hidden files and folders and the
  batch's own output folder;
* a **pattern** (``*``, ``?``, ``[``; ``**`` crosses folders) gives the files it matches, whatever
  their extension, and the PDFs of the folders it matches;
* ``@FILE`` reads one source per line (folders, files or patterns; blank lines and ``#`` comments
  ignored; relative paths are relative to the list file's folder);
* a **file** named on its own is taken as it is, even if it is not a PDF: it then becomes an error
  row, like any broken file.

A source that names nothing is reported (``missing``), and the batch goes on.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class MissingSource:
    """A source that names no file, and why, in plain words."""

    source: str
    reason: str


@dataclass
class SourceList:
    """The files a batch reads (absolute, sorted, each once) and the sources that named nothing."""

    files: list[Path] = field(default_factory=list)
    missing: list[MissingSource] = field(default_factory=list)


def is_pattern(source: str) -> bool:
    """
    >>> is_pattern("archive/**/*.pdf"), is_pattern("archive/report.pdf")
    (True, False)
    """
    return any(c in _GLOB_CHARS for c in source)


def is_pdf_name(name: str) -> bool:
    """
    >>> is_pdf_name("รายงาน.PDF"), is_pdf_name("notes.txt"), is_pdf_name(".hidden.pdf")
    (True, False, False)
    """
    return name.lower().endswith(".pdf") and not name.startswith(".")


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and (path == folder or folder in path.parents)


def _folder_pdfs(folder: Path, exclude: Path | None) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):  # does not follow folder links: no cycles
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _inside(here / d, exclude))
        for name in sorted(names):
            if is_pdf_name(name):
                yield here / name


def _list_entries(list_file: Path) -> Iterator[str]:
    for line in list_file.read_text(encoding="utf-8-sig").splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            yield entry if os.path.isabs(entry) else str(list_file.parent / entry)


def expand_sources(sources: Iterable[str | os.PathLike[str]], exclude: Path | None = None) -> SourceList:
    """The files named by ``sources``; ``exclude`` (the output folder) is never searched."""
    exclude = exclude.resolve() if exclude is not None else None
    result = SourceList()
    found: dict[Path, None] = {}

    def take(paths: Iterable[Path]) -> None:
        for path in paths:  # absolute, links not followed: a link is listed under its own name
            found.setdefault(Path(os.path.abspath(path)), None)

    def expand(source: str, allow_list: bool) -> None:
        if allow_list and source.startswith("@"):
            list_file = Path(source[1:])
            try:
                entries = list(_list_entries(list_file))
            except (OSError, UnicodeDecodeError) as err:
                reason = "file not found" if isinstance(err, FileNotFoundError) else f"cannot be read ({err})"
                result.missing.append(MissingSource(source, f"list {reason}"))
                return
            for entry in entries:
                expand(entry, allow_list=False)
            return
        path = Path(source)
        if path.is_dir():
            take(_folder_pdfs(path, exclude))
        elif path.exists() or path.is_symlink():  # a FIFO or a device too: refused later, by name
            take([path])
        elif is_pattern(source):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                result.missing.append(MissingSource(source, "no file matches this pattern"))
            for match in matches:
                m = Path(match)
                if m.is_dir():
                    take(_folder_pdfs(m, exclude))
                elif not _inside(m.resolve(), exclude):
                    take([m])
        else:
            result.missing.append(MissingSource(source, "file not found"))

    for source in sources:
        expand(os.fspath(source), allow_list=True)
    result.files = sorted(found)
    return result
