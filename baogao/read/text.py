"""Plain text in UTF-8 (with or without BOM), GB18030/GBK or Big5; Markdown as its text."""

from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

from baogao.errors import UnreadableFile
from baogao.models import RawDocument

_LEGACY = ("gb18030", "big5", "utf_16")


def decode_bytes(data: bytes, name: str) -> str:
    """Decode report bytes, trying the encodings reports come in before guessing."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(name, f"damaged UTF-16 text (at byte {exc.start})") from exc
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise UnreadableFile(name, "binary file (contains NUL bytes), not a text report")
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _is_truncated_utf8(data, exc):
            return data[: exc.start].decode("utf-8-sig")
    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if best is None:
        # a long GB18030 text heavy in figures and rare marks (一九八○年, ①) can look too
        # "chaotic" for the default threshold; only the encodings reports come in are tried
        best = from_bytes(data, cp_isolation=list(_LEGACY), threshold=0.5).best()
    if best is None or best.encoding not in _LEGACY:
        raise UnreadableFile(name, "not UTF-8, GB18030 or Big5 text; convert it to UTF-8")
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a byte-order mark (the NULs are the high bytes of ASCII).

    Both byte orders are tried; the one whose first 2,000 characters are nearly all text
    (CJK, ASCII, punctuation, whitespace) wins.
    """
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) - len(data) % 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:2000]
        if not sample:
            continue
        score = sum(1 for ch in sample if _is_texty(ch)) / len(sample)
        if score >= 0.95 and (best is None or score > best[0]):
            best = (score, text)
    return best[1] if best else None


def _is_texty(ch: str) -> bool:
    code = ord(ch)
    return (
        0x20 <= code < 0x7F or ch in "\n\r\t" or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or 0x2000 <= code <= 0x206F
        or 0x3400 <= code <= 0x4DBF or ch == "\ufeff"
    )


def _is_truncated_utf8(data: bytes, exc: UnicodeDecodeError) -> bool:
    """A UTF-8 file cut inside its last character (a truncated download)."""
    return exc.start >= len(data) - 3 and exc.start > 0


_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$|^ {0,3}(?:```|~~~).*$")
_MD_CELL_RULE = r"[ \t]*:?-{3,}:?[ \t]*"
_MD_TABLE_RULE = re.compile(rf"^ {{0,3}}\|?{_MD_CELL_RULE}(?:\|{_MD_CELL_RULE})*\|?[ \t]*$")
_MD_BULLET = re.compile(r"^ {0,3}(?:[-*+]|>)[ \t]+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_MD_SIGNALS = re.compile(r"^ {0,3}#{1,6} \S|\*\*\S[^*\n]*\S\*\*|^\|.*\|$", re.M)


def looks_like_markdown(text: str) -> bool:
    """True when a text shows Markdown syntax on several lines (# headings, **bold**,
    | tables |)."""
    return len(_MD_SIGNALS.findall(text[:200_000])) >= 3


def markdown_to_text(text: str) -> str:
    """The text of a Markdown document as a report would print it: heading marks, emphasis,
    links, images, rules, bullets and escapes removed; a table row as TAB-separated cells
    (the way tables of other formats are read), its alignment row dropped."""
    out: list[str] = []
    for line in text.split("\n"):
        if _MD_RULE.match(line) or _MD_TABLE_RULE.match(line):
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _MD_BULLET.sub("", line)
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_STRONG.sub(r"\2", line)
        line = _MD_EMPHASIS.sub(r"\1", line)
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            cells = [c.strip() for c in stripped[1:-1].split("|")]
            line = "\t" + "\t".join(cells)
        out.append(_MD_ESCAPE.sub(r"\1", line))
    return "\n".join(out)


def read_text(path: Path, name: str) -> list[RawDocument]:
    """One document from a .txt or .md file (Markdown syntax removed from a .md file, and
    from a .txt file that is plainly Markdown)."""
    text = decode_bytes(path.read_bytes(), name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableFile(name, "file has no text")
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown") or looks_like_markdown(text):
        text = markdown_to_text(text)
    return [RawDocument(source=name, row=0, text=text, format=suffix.lstrip("."))]
