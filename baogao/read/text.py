"""Plain text in UTF-8 (with or without BOM), GB18030/GBK or Big5."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from baogao.errors import UnreadableFile
from baogao.models import RawDocument

_LEGACY = ("gb18030", "big5", "utf_16")


def decode_bytes(data: bytes, name: str) -> str:
    """Decode report bytes, trying the encodings reports come in before guessing."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(name, "binary file (contains NUL bytes), not a text report")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _is_truncated_utf8(data, exc):
            return data[: exc.start].decode("utf-8-sig")
    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if best is None or best.encoding not in _LEGACY:
        raise UnreadableFile(name, "not UTF-8, GB18030 or Big5 text; convert it to UTF-8")
    return str(best)


def _is_truncated_utf8(data: bytes, exc: UnicodeDecodeError) -> bool:
    """A UTF-8 file cut inside its last character (a truncated download)."""
    return exc.start >= len(data) - 3 and exc.start > 0


def read_text(path: Path, name: str) -> list[RawDocument]:
    """One document from a .txt or .md file."""
    text = decode_bytes(path.read_bytes(), name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableFile(name, "file has no text")
    return [RawDocument(source=name, row=0, text=text, format=path.suffix.lower().lstrip("."))]
