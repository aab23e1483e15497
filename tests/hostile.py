"""Bad, hostile and huge input files, generated on the spot (nothing large is kept on disk).

``write_batch(folder)`` writes one file of every kind the readers must survive and returns
``{file name: words its error line must contain}``; ``write_good(folder)`` copies good
reports beside them. Huge inputs are written compressed: a .docx whose XML inflates to
hundreds of megabytes is built from one compressed block repeated, never from the
uncompressed bytes.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

DATA = Path(__file__).parent / "data"
SEED = DATA / "seeds" / "000_b5713cac4734963f.txt"
DOC_SAMPLE = DATA / "formats" / "doc" / "2025年安徽省政府工作报告.doc"
GOOD = [DATA / "seeds" / "001_c37d6c11197b0023.txt", DATA / "seeds" / "003_cd0a21e123bf8728.txt"]

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def seed_text() -> str:
    """The text of a real report (seed 000)."""
    return SEED.read_text("utf-8")


def document_xml(text: str) -> str:
    """A minimal word/document.xml with one paragraph per line of ``text``."""
    from xml.sax.saxutils import escape

    body = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>"
                   for line in text.split("\n"))
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{body}'
            "</w:body></w:document>")


def write_docx(path: Path, xml: str | bytes, method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A .docx package around ``xml`` as word/document.xml."""
    with zipfile.ZipFile(path, "w", method) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", xml)
    return path


def _repeated_deflate(head: bytes, chunk: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """A raw deflate stream of ``head + chunk * times + tail`` built without inflating it.

    Each piece is compressed after a full flush, so its bytes are independent of what came
    before and can be repeated. Returns (stream, uncompressed size, CRC-32).
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    last = comp.compress(tail) + comp.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return first + block * times + last, len(head) + len(chunk) * times + len(tail), crc


def _zip_with_raw_member(path: Path, name: str, stream: bytes, size: int, crc: int) -> None:
    """Write a zip whose ``name`` member is the given raw deflate ``stream``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
    buf = io.BytesIO(path.read_bytes())
    # Append the member by hand: local header, data, then a rewritten central directory.
    with zipfile.ZipFile(buf) as zf:
        infos = zf.infolist()
        cd_offset = zf.start_dir
    data = buf.getvalue()[:cd_offset]
    encoded = name.encode()
    offset = len(data)
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(stream),
                        size & 0xFFFFFFFF, len(encoded), 0) + encoded
    if size > 0xFFFFFFFF:
        raise ValueError("keep generated members under 4 GB")
    body = data + local + stream
    central = b""
    for info in infos:
        fname = info.filename.encode()
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, info.compress_type, 0, 0,
            info.CRC, info.compress_size, info.file_size, len(fname), 0, 0, 0, 0, 0,
            info.header_offset) + fname
    central += struct.pack(
        "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(stream), size,
        len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(infos) + 1, len(infos) + 1,
                      len(central), len(body), 0)
    path.write_bytes(body + central + end)


def write_huge_run_docx(path: Path, megabytes: int = 900) -> Path:
    """A .docx with one text run of ``megabytes`` MB (about 1 MB on disk)."""
    head = f'<?xml version="1.0"?><w:document {_W}><w:body><w:p><w:r><w:t>'.encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    chunk = ("增长" * 174763).encode()[: 1 << 20]
    chunk = chunk[: len(chunk) - len(chunk) % 3]
    stream, size, crc = _repeated_deflate(head, chunk, megabytes, tail)
    _zip_with_raw_member(path, "word/document.xml", stream, size, crc)
    return path


def write_zip_bomb(path: Path, megabytes: int = 3300, declare: int | None = None) -> Path:
    """A .docx of about 3.2 MB whose document.xml inflates to ``megabytes`` MB of zeros.

    ``declare`` makes the zip lie about the inflated size (a bomb that hides).
    """
    head = f'<?xml version="1.0"?><w:document {_W}><w:body><w:p><w:r><w:t>'.encode()
    stream, size, crc = _repeated_deflate(head, b"0" * (1 << 20), megabytes, b"")
    declared = min(size, 0xFFFFFFFF) if declare is None else declare
    _zip_with_raw_member(path, "word/document.xml", stream, declared, crc)
    return path


def _patch_member(path: Path, *, method: int | None = None, version: int | None = None) -> None:
    """Rewrite the compression method or needed version of word/document.xml in place."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("word/document.xml")
        cd = zf.start_dir
    name = b"word/document.xml"
    local = info.header_offset
    central = data.index(b"PK\x01\x02" + b"\x00" * 0, cd)
    while True:
        fn_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + fn_len] == name:
            break
        extra, comment = struct.unpack_from("<HH", data, central + 30)
        central += 46 + fn_len + extra + comment
    if method is not None:
        struct.pack_into("<H", data, local + 8, method)
        struct.pack_into("<H", data, central + 10, method)
    if version is not None:
        struct.pack_into("<H", data, local + 4, version)
        struct.pack_into("<H", data, central + 6, version)
    path.write_bytes(bytes(data))


def write_pdf(path: Path, lines: list[str], *, encrypt: str | None = None) -> Path:
    """A text PDF of ``lines`` (reportlab's CJK font), optionally password-protected."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for page in range(2):
        c.setFont("STSong-Light", 11)
        y = 800
        for line in lines[page * 8 : page * 8 + 8]:
            c.drawString(40, y, line[:40])
            y -= 16
        c.showPage()
    c.save()
    return path


def write_corrupt_page_pdf(path: Path) -> Path:
    """A PDF whose document opens but whose second page object is broken."""
    write_pdf(path, seed_text().split("\n")[:16])
    data = path.read_bytes()
    # Break the page tree: the second /Type /Page object loses its dictionary.
    first = data.find(b"/Type /Page\n")
    if first < 0:
        first = data.find(b"/Type /Page ")
    second = data.find(b"/Type /Page", first + 12)
    start = data.rfind(b"obj", 0, second) + 3
    end = data.find(b"endobj", second)
    path.write_bytes(data[:start] + b"\n(broken)\n" + b" " * (end - start - 11) + data[end:])
    return path


def write_batch(folder: Path) -> dict[str, tuple[str, list[str]]]:
    """One file of every bad kind in ``folder``.

    Returns name -> (outcome, words): outcome "error" (refused: an error line naming the file
    holds the words), "warning" (stored, and a warning line holds the words) or "stored".
    """
    folder.mkdir(parents=True, exist_ok=True)
    text = seed_text()
    lines = text.split("\n")
    expect: dict[str, tuple[str, list[str]]] = {}

    write_corrupt_page_pdf(folder / "corrupt-page.pdf")
    expect["corrupt-page.pdf"] = ("warning", ["damaged PDF", "page 2"])
    (folder / "nested.json").write_text("[" * 100_000 + "]" * 100_000)
    expect["nested.json"] = ("error", ["nesting", "max_json_depth"])
    (folder / "nested.jsonl").write_text(
        json.dumps({"content": text}, ensure_ascii=False) + "\n"
        + '{"content": ' + "[" * 50_000 + "]" * 50_000 + "}\n")
    expect["nested.jsonl"] = ("error", ["line 2", "nesting"])
    xml = document_xml(text)
    write_docx(folder / "truncated-xml.docx", xml[: len(xml) // 2])
    expect["truncated-xml.docx"] = ("error", ["XML", "damaged or cut short"])
    write_docx(folder / "deflate64.docx", document_xml(text))
    _patch_member(folder / "deflate64.docx", method=9)
    expect["deflate64.docx"] = ("error", ["Deflate64"])
    write_docx(folder / "future-zip.docx", document_xml(text), method=zipfile.ZIP_STORED)
    _patch_member(folder / "future-zip.docx", version=99)
    expect["future-zip.docx"] = ("error", ["zip", "version"])
    write_huge_run_docx(folder / "huge-run.docx")
    expect["huge-run.docx"] = ("error", ["exceeds the limit"])
    write_zip_bomb(folder / "bomb.docx")
    expect["bomb.docx"] = ("error", ["exceeds the limit", "inflated"])
    write_zip_bomb(folder / "hidden-bomb.docx", megabytes=300, declare=5000)
    expect["hidden-bomb.docx"] = ("error", ["damaged"])
    body = "".join(f"<p>{line}</p>" for line in lines)
    (folder / "word-export.html").write_text(
        f"<html><body><![if !vml]><img src=x><![endif]>{body}<![ x]></body></html>",
        encoding="utf-8")
    expect["word-export.html"] = ("stored", [])
    numeral = "九" * 4301
    (folder / "long-numeral.txt").write_text(
        text.replace("2023", "2019") + f"\n增长{numeral}%。\n", encoding="utf-8")
    expect["long-numeral.txt"] = ("stored", [])
    rows = [{"title": "报告", "year": "²", "content": text.replace("2023", "2020")},
            {"title": "报告", "year": "99999999999999999999",
             "content": text.replace("2023", "2022")}]
    with (folder / "bad-year.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["title", "year", "content"])
        writer.writeheader()
        writer.writerows(rows)
    expect["bad-year.csv"] = ("warning", ["row 0", "row 1", "is not a year"])
    (folder / "stray-quote.csv").write_text(
        "title,content\n"
        f"报告一,{lines[0]}{lines[1]}\n"
        f'报告二,"{lines[2]}{lines[3]}\n'
        f"报告三,{lines[4]}{lines[5]}\n", encoding="utf-8")
    expect["stray-quote.csv"] = ("error", ["line 3", "quote"])
    write_pdf(folder / "encrypted.pdf", lines[:16], encrypt="secret")
    expect["encrypted.pdf"] = ("error", ["encrypted"])
    (folder / "utf16.txt").write_bytes(text.replace("2023", "2018").encode("utf-16-le"))
    expect["utf16.txt"] = ("stored", [])
    (folder / "empty.txt").write_bytes(b"")
    expect["empty.txt"] = ("error", ["empty"])
    (folder / "noise.pdf").write_bytes(bytes(range(256)) * 64)
    expect["noise.pdf"] = ("error", ["PDF"])
    doc = DOC_SAMPLE.read_bytes()
    word95 = bytearray(doc)
    # the WordDocument stream starts on a 512-byte sector with its signature, then its version
    at = next(i for i in range(512, len(doc), 512) if doc[i:i + 2] == b"\xec\xa5")
    struct.pack_into("<H", word95, at + 2, 0x65)
    (folder / "word95.doc").write_bytes(bytes(word95))
    expect["word95.doc"] = ("error", ["Word 6/95"])
    (folder / "cut.doc").write_bytes(doc[: len(doc) // 3])
    expect["cut.doc"] = ("error", ["not a readable .doc"])
    write_docx(folder / "zip-named.doc", document_xml(text))
    expect["zip-named.doc"] = ("error", ["rename it to .docx"])
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    expect["dangling.txt"] = ("error", ["broken symbolic link"])
    (folder / "linked").symlink_to(GOOD[0].parent, target_is_directory=True)
    expect["linked"] = ("error", ["symbolic link to a folder"])
    return expect


def write_good(folder: Path) -> list[Path]:
    """Good reports in ``folder``: two seed texts, the third as .docx, the fourth as .jsonl."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [Path(shutil.copy(p, folder / p.name)) for p in GOOD]
    third = (DATA / "seeds" / "002_80c15500c8255b14.txt").read_text("utf-8")
    paths.append(write_docx(folder / "good.docx", document_xml(third)))
    fourth = (DATA / "seeds" / "004_ad073e54fd368939.txt").read_text("utf-8")
    path = folder / "good.jsonl"
    path.write_text(json.dumps({"title": "报告", "content": fourth}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    paths.append(path)
    return paths
