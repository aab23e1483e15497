"""Readers: turn files into ``RawDocument``s, one per plain file or one per collection row.

Readers register by suffix in ``READERS`` the way an extension would::

    READERS[".rtf"] = read_rtf   # def read_rtf(path: Path, display: str) -> list[RawDocument]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from baogao.errors import UnreadableFile, UnsupportedFormat
from baogao.models import RawDocument
from baogao.read.html import read_html
from baogao.read.office import read_docx, read_pdf
from baogao.read.tabular import read_csv, read_json, read_jsonl
from baogao.read.text import read_text

Reader = Callable[[Path, str], list[RawDocument]]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".shtml": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".csv": read_csv,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
}

__all__ = ["READERS", "Reader", "iter_files", "read_file"]


def read_file(path: Path, display: str | None = None) -> list[RawDocument]:
    """Read one file into raw documents; raises an ``InputError`` naming the file."""
    name = display or str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormat(name, f"unsupported file type {path.suffix or '(none)'!r}; "
                                f"supported: {', '.join(sorted(READERS))}")
    if not path.is_file():
        raise UnreadableFile(name, "no such file")
    if path.stat().st_size == 0:
        raise UnreadableFile(name, "file is empty")
    return reader(path, name)


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """Files under ``paths`` (recursively, sorted), with the name to report them by.

    A folder yields the files with a registered suffix; a file given by name is yielded
    whatever its suffix, so that an unsupported file gets a clear error.
    """
    for root in paths:
        if root.is_dir():
            for p in sorted(root.rglob("*")):
                if p.is_file() and p.suffix.lower() in READERS and not p.name.startswith("."):
                    yield p, str(p.relative_to(root.parent) if root.parent != p else p)
        else:
            yield root, str(root)
