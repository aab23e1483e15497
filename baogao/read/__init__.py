"""Readers: turn files into ``RawDocument``s, one per plain file or one per collection row.

Readers register by suffix in ``READERS`` the way an extension would::

    READERS[".rtf"] = read_rtf   # def read_rtf(path: Path, display: str) -> list[RawDocument]
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from baogao.errors import (
    InputError,
    InternalError,
    LimitExceeded,
    UnreadableFile,
    UnsupportedFormat,
    printable,
)
from baogao.models import RawDocument
from baogao.settings import limit

Reader = Callable[[Path, str], list[RawDocument]]


def _on_use(module: str, name: str) -> Reader:
    """The reader ``name`` of ``module``, imported when it first reads a file (the HTML,
    Office and charset libraries are not loaded by a process that only reads the library:
    ``baogao.read.regions`` and its package are imported by every query)."""

    def reader(path: Path, display: str) -> list[RawDocument]:
        found: Reader = getattr(importlib.import_module(module), name)
        return found(path, display)

    reader.__name__ = reader.__qualname__ = name
    return reader


read_text = _on_use("baogao.read.text", "read_text")
read_html = _on_use("baogao.read.html", "read_html")
read_mhtml = _on_use("baogao.read.html", "read_mhtml")
read_docx = _on_use("baogao.read.office", "read_docx")
read_pdf = _on_use("baogao.read.office", "read_pdf")
read_doc = _on_use("baogao.read.worddoc", "read_doc")
read_csv = _on_use("baogao.read.tabular", "read_csv")
read_json = _on_use("baogao.read.tabular", "read_json")
read_jsonl = _on_use("baogao.read.tabular", "read_jsonl")

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".shtml": read_html,
    ".mht": read_mhtml,
    ".mhtml": read_mhtml,
    ".docx": read_docx,
    ".doc": read_doc,
    ".wps": read_doc,
    ".pdf": read_pdf,
    ".csv": read_csv,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
}

__all__ = ["READERS", "Reader", "iter_files", "read_file"]

log = logging.getLogger(__name__)


def read_file(path: Path, display: str | None = None) -> list[RawDocument]:
    """Read one file into raw documents; raises an ``InputError`` naming the file.

    Whatever goes wrong inside a reader becomes an ``InputError``: known failures with their
    reason, anything unexpected as ``InternalError`` (with the exception as its cause).
    """
    name = display or str(path)
    if path.is_symlink() and not path.exists():
        raise UnreadableFile(name, "broken symbolic link (its target does not exist)")
    if path.is_dir():
        if path.is_symlink():
            raise UnreadableFile(name, "symbolic link to a folder, not followed; "
                                 "name the folder itself to read it")
        raise UnreadableFile(name, "folder could not be read (permission denied?)")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormat(name, f"unsupported file type {path.suffix or '(none)'!r}; "
                                f"supported: {', '.join(sorted(READERS))}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(name, f"cannot read ({exc.strerror or exc})") from exc
    if not path.is_file():
        raise UnreadableFile(name, "no such file" if not path.exists() else "not a regular file")
    if size == 0:
        raise UnreadableFile(name, "file is empty")
    max_bytes = limit("max_file_bytes")
    if size > max_bytes:
        raise LimitExceeded(name, f"file size {size} bytes", "max_file_bytes", max_bytes)
    try:
        raws = reader(path, name)
    except InputError:
        raise
    except RecursionError as exc:
        raise UnreadableFile(name, "nested too deeply to read") from exc
    except MemoryError as exc:
        raise UnreadableFile(name, "ran out of memory reading it; lower the limits in "
                             "`baogao limits`") from exc
    except OSError as exc:
        raise UnreadableFile(name, f"cannot read ({exc.strerror or exc})") from exc
    except Exception as exc:
        log.debug("reading %s failed", name, exc_info=True)
        raise InternalError(name, exc, "reading") from exc
    max_chars = limit("max_document_chars")
    for raw in raws:
        if len(raw.text) > max_chars:
            where = name if raw.row == 0 and len(raws) == 1 else f"{name} row {raw.row}"
            raise LimitExceeded(where, f"text of {len(raw.text)} characters",
                                "max_document_chars", max_chars)
    return raws


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """Files under ``paths`` (recursively, sorted), with the name to report them by.

    A folder yields the files with a registered suffix; a file given by name is yielded
    whatever its suffix, so that an unsupported file gets a clear error. Nothing is skipped
    silently: symbolic links to folders (not followed, which also avoids loops), broken
    links and folders that cannot be opened are yielded too, and ``read_file`` names them
    with the reason.
    """
    for root in paths:
        if root.is_dir():
            yield from _walk(root, root.parent)
        else:
            yield root, printable(str(root))


def _walk(top: Path, base: Path) -> Iterator[tuple[Path, str]]:
    """Depth-first in name order, without recursion (a folder tree may be deeper than
    Python's stack)."""
    stack: list[Iterator[os.DirEntry[str]]] = []
    try:
        stack.append(iter(sorted(os.scandir(top), key=lambda e: e.name)))
    except OSError:
        yield top, _display(top, base)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        p = Path(entry.path)
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir(follow_symlinks=False)
            exists = p.exists()
            link_to_dir = is_link and p.is_dir()
        except OSError:
            yield p, _display(p, base)
            continue
        if is_link and (not exists or link_to_dir):
            yield p, _display(p, base)  # broken link, or a link to a folder: listed
        elif is_dir:
            try:
                stack.append(iter(sorted(os.scandir(p), key=lambda e: e.name)))
            except OSError:
                yield p, _display(p, base)  # a folder that cannot be opened: listed
        elif p.suffix.lower() in READERS:
            yield p, _display(p, base)


def _display(p: Path, base: Path) -> str:
    try:
        return printable(str(p.relative_to(base)))
    except ValueError:
        return printable(str(p))
