"""Word 97–2003 binary documents (.doc), the format many government sites still publish.

A .doc is an OLE compound file (read with ``olefile``). Its ``WordDocument`` stream starts
with the File Information Block (FIB); the FIB points into the table stream (``0Table`` or
``1Table``) at the piece table (``Clx``), which maps character positions of the text to byte
ranges of ``WordDocument``: 8-bit text (cp1252) or UTF-16 (every Chinese document). The main
text is the first ``ccpText`` characters; footnotes, headers, comments and text boxes follow it
and are left out, as the .docx reader leaves them out.

Paragraphs end with ``\\r``; a table cell ends with ``\\x07`` and so does a table row, whose end
mark is told apart by the ``fTtp`` property of its paragraph (read from the paragraph
properties of the FKP pages, ``PlcBtePapx``). Rows come out as the .docx reader gives them: a
line starting with TAB, cells joined by TAB. Field codes (``\\x13 code \\x14 result \\x15``) give
their result only. Word 6/95 files and encrypted files are refused with the reason.

WPS Office saves its .wps files in the same binary layout, so they are read the same way.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from baogao.errors import LimitExceeded, UnreadableFile
from baogao.models import RawDocument
from baogao.settings import limit

_WORD_IDENT = 0xA5EC
_FIB_FLAGS = 0x0A
_F_ENCRYPTED = 0x0100
_F_WHICH_TABLE = 0x0200
_F_COMPRESSED = 0x40000000
_FKP_PAGE = 512

#: operand sizes by the sprm's ``spra`` field (6 = variable, its size byte first)
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
_SPRM_TTP = (0x2417, 0x244C)  # sprmPFTtp, sprmPFInnerTtp: the paragraph ends a table row
_SPRM_IN_TABLE = 0x2416  # sprmPFInTable: the paragraph is inside a table cell
_SPRM_DEF_TABLE = 0xD608  # sprmTDefTable: a 2-byte size
_SPRM_CHANGE_TABS = 0xC615  # sprmPChgTabs: a 1-byte size, 255 for the long form

#: characters that stand for objects or marks and carry no text
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x08\x1f"), None)
_REPLACED = {0x0B: "\n", 0x0C: "\n", 0x0E: "\n", 0x1E: "-"}


@dataclass(frozen=True)
class _Piece:
    cp_start: int
    cp_end: int
    fc: int  # byte offset of the piece's first character in WordDocument
    compressed: bool


def read_doc(path: Path, name: str) -> list[RawDocument]:
    """One document from a Word 97–2003 .doc (or WPS .wps): paragraphs and table rows
    (cells joined by TAB) of the main text, in order."""
    import olefile

    try:
        if not olefile.isOleFile(str(path)):
            raise UnreadableFile(name, _not_ole_reason(path))
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                raise UnreadableFile(name, "an OLE file without a WordDocument stream (not a "
                                     "Word document; Excel or PowerPoint saved as .doc?)")
            word = ole.openstream("WordDocument").read()
            table_name = _table_stream(word, name)
            if not ole.exists(table_name):
                raise UnreadableFile(name, f"the .doc has no {table_name} stream (damaged)")
            table = ole.openstream(table_name).read()
    except (OSError, struct.error, ValueError, IndexError) as exc:
        raise UnreadableFile(name, f"not a readable .doc (damaged or truncated: "
                             f"{' '.join(str(exc).split())[:200]})") from exc
    try:
        text = _main_text(word, table, name)
    except (struct.error, IndexError) as exc:
        raise UnreadableFile(name, "the .doc's piece table is damaged or cut short") from exc
    if not text.strip():
        raise UnreadableFile(name, ".doc has no text")
    return [RawDocument(source=name, row=0, text=text, format="doc")]


def _not_ole_reason(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PK"):
        return "a .docx (zip) saved with the .doc suffix; rename it to .docx"
    if head.startswith(b"{\\rtf"):
        return "an RTF file saved with the .doc suffix (RTF is not read)"
    if head.lstrip().lower().startswith((b"<html", b"<!doc", b"<?xml", b"mime-")):
        return "a web page or XML saved with the .doc suffix; give it the right suffix"
    return "not a Word .doc (no OLE compound-file header)"


def _table_stream(word: bytes, name: str) -> str:
    if len(word) < 0x1AA:
        raise UnreadableFile(name, "the .doc's WordDocument stream is cut short")
    ident, fib_version = struct.unpack_from("<HH", word, 0)
    if ident != _WORD_IDENT:
        raise UnreadableFile(name, "the WordDocument stream has no Word signature (damaged)")
    if fib_version < 0xC1:
        raise UnreadableFile(name, "a Word 6/95 file, which baogao does not read; save it again "
                             "as .doc (97–2003) or .docx")
    flags = struct.unpack_from("<H", word, _FIB_FLAGS)[0]
    if flags & _F_ENCRYPTED:
        raise UnreadableFile(name, "the .doc is encrypted (password-protected); save an "
                             "unprotected copy")
    return "1Table" if flags & _F_WHICH_TABLE else "0Table"


def _fib_parts(word: bytes) -> tuple[int, int]:
    """Byte offsets of the FIB's FibRgLw97 (the counts) and FibRgFcLcb (the pointers):
    FibBase (32 bytes), then csw 16-bit words, then cslw 32-bit words, each led by its count."""
    csw: int = struct.unpack_from("<H", word, 32)[0]
    rg_lw = 32 + 2 + 2 * csw + 2
    cslw: int = struct.unpack_from("<H", word, rg_lw - 2)[0]
    return rg_lw, rg_lw + 4 * cslw + 2


def _main_text(word: bytes, table: bytes, name: str) -> str:
    rg_lw, rg_fc_lcb = _fib_parts(word)
    ccp_text: int = struct.unpack_from("<i", word, rg_lw + 12)[0]  # ccpText, the 4th count
    fc_clx, lcb_clx = struct.unpack_from("<II", word, rg_fc_lcb + 8 * 33)  # fcClx/lcbClx
    fc_bte, lcb_bte = struct.unpack_from("<II", word, rg_fc_lcb + 8 * 13)  # PlcBtePapx
    if ccp_text > limit("max_document_chars"):
        raise LimitExceeded(name, "the text of the .doc", "max_document_chars",
                            limit("max_document_chars"))
    pieces = _pieces(table[fc_clx:fc_clx + lcb_clx])
    marks = _marks(word, table[fc_bte:fc_bte + lcb_bte])
    return _lines(word, pieces, max(0, ccp_text), marks)


def _pieces(clx: bytes) -> list[_Piece]:
    """The piece descriptors of the Clx (after any property runs, Prc, it holds)."""
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: clxt, cbGrpprl, grpprl
        pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise IndexError("no piece table")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out: list[_Piece] = []
    for i in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(fc & _F_COMPRESSED)
        start = (fc & ~_F_COMPRESSED) // 2 if compressed else fc
        out.append(_Piece(cps[i], cps[i + 1], start, compressed))
    return out


@dataclass(frozen=True)
class _Marks:
    """Byte offsets just past paragraph marks: of paragraphs inside table cells, and of
    table-row ends (``fTtp``)."""

    in_table: frozenset[int]
    row_ends: frozenset[int]


def _marks(word: bytes, plc: bytes) -> _Marks:
    """Read the paragraph properties of every FKP page of ``PlcBtePapx``."""
    in_table: set[int] = set()
    row_ends: set[int] = set()
    n = (len(plc) - 4) // 8 if len(plc) >= 12 else 0
    for i in range(n):
        pn = struct.unpack_from("<I", plc, 4 * (n + 1) + 4 * i)[0] & 0x3FFFFF
        page = word[pn * _FKP_PAGE:(pn + 1) * _FKP_PAGE]
        if len(page) < _FKP_PAGE:
            continue
        runs = page[_FKP_PAGE - 1]
        for j in range(runs):
            offset = page[4 * (runs + 1) + 13 * j] * 2
            if offset == 0 or offset >= _FKP_PAGE - 1:
                continue
            size = page[offset]
            pos = offset + 1
            if size == 0:
                size, pos = 2 * page[pos], pos + 1
            else:
                size = 2 * size - 1
            cell, row_end = _table_flags(page[pos + 2:pos + size])  # after the style index
            end = struct.unpack_from("<I", page, 4 * (j + 1))[0]
            if cell or row_end:
                in_table.add(end)
            if row_end:
                row_ends.add(end)
    return _Marks(frozenset(in_table), frozenset(row_ends))


def _table_flags(grpprl: bytes) -> tuple[bool, bool]:
    """(in a table cell, ends a table row) from a paragraph's property modifiers."""
    cell = row_end = False
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        on = pos < len(grpprl) and grpprl[pos] != 0
        if sprm in _SPRM_TTP:
            row_end = row_end or on
        elif sprm == _SPRM_IN_TABLE:
            cell = cell or on
        size = _OPERAND.get(sprm >> 13)
        if size is None:
            if pos >= len(grpprl):
                break
            if sprm == _SPRM_DEF_TABLE:
                size = 1 + struct.unpack_from("<H", grpprl, pos)[0] if pos + 2 <= len(
                    grpprl) else len(grpprl)
            elif sprm == _SPRM_CHANGE_TABS and grpprl[pos] == 255:
                break  # the long form needs more parsing; nothing past it is read
            else:
                size = 1 + grpprl[pos]
        pos += size
    return cell, row_end


def _lines(word: bytes, pieces: list[_Piece], ccp_text: int, marks: _Marks) -> str:
    """The main text as lines: paragraphs, and table rows as TAB-led lines of cells."""
    lines: list[str] = []
    para: list[str] = []
    cells: list[str] = []
    fields: list[bool] = []  # per open field: True while in its code part
    for piece in pieces:
        if piece.cp_start >= ccp_text:
            break
        count = min(piece.cp_end, ccp_text) - piece.cp_start
        width = 1 if piece.compressed else 2
        raw = word[piece.fc:piece.fc + count * width]
        chunk = raw.decode("cp1252", "replace") if piece.compressed else raw.decode(
            "utf-16-le", "replace")
        for k, ch in enumerate(chunk):
            code = ord(ch)
            if code == 0x13:
                fields.append(True)
            elif code == 0x14:
                if fields:
                    fields[-1] = False
            elif code == 0x15:
                if fields:
                    fields.pop()
            elif fields and fields[-1]:
                continue  # inside a field code: only its result is text
            elif code == 0x0D:
                if piece.fc + (k + 1) * width in marks.in_table:
                    para.append(" ")  # a paragraph inside a cell: the cell goes on
                else:
                    lines.append("".join(para))
                    para = []
            elif code == 0x07:
                if piece.fc + (k + 1) * width in marks.row_ends:
                    lines.append("\t" + "\t".join(cells))
                    lines.append("")
                    cells = []
                else:
                    cells.append(" ".join("".join(para).split()))
                para = []
            elif code in _REPLACED:
                para.append(_REPLACED[code])
            else:
                para.append(ch.translate(_DROPPED))
    if cells:
        lines.append("\t" + "\t".join(cells))
    if para:
        lines.append("".join(para))
    return "\n".join(lines)

