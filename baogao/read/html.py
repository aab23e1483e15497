"""HTML pages: lay the page out as lines, keep the report body, refuse what is not a report.

1. ``page_lines`` lays the page out: block elements become lines; script, style, nav, header,
   footer, aside and elements whose class or id names page furniture (share, print,
   breadcrumb, footer…) are skipped; tables become one line per row with TAB between cells.
   Each line remembers how much of it is link text. ``<title>`` and the ``<meta>`` tags
   (ArticleTitle, PubDate, ContentSource…) are collected as hints.
2. ``baogao.read.webpage.select_body`` keeps the report body (the densest run of prose, one
   copy of it) and raises ``NotAReport`` for block pages, index pages and pages with too
   little report text.

A page a browser saved as one file (.mht / .mhtml, a MIME message) is read from its HTML part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from baogao.errors import UnreadableFile
from baogao.models import RawDocument
from baogao.read.text import decode_bytes

_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript",
              "button", "select", "iframe", "svg", "template", "textarea", "option"}
_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section",
               "article", "table", "ul", "ol", "blockquote", "pre", "dd", "dt", "title", "form",
               "main", "center", "caption", "figcaption", "figure"}
_FURNITURE = re.compile(
    r"share|print|breadcrumb|crumb|footer|header|nav|menu|sidebar|toolbar|fontsize|font-size|"
    r"qrcode|copyright|related|bshare|jiathis|pagination|position|location", re.I
)
_VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "source"}
#: meta tags kept as hints (lower-cased name -> hint key)
_META_HINTS = {"articletitle": "article_title", "pubdate": "pub_date",
               "contentsource": "content_source", "sitename": "site_name",
               "columnname": "column_name", "og:title": "og_title"}


@dataclass
class PageLine:
    """One laid-out line of a page: its text, how many characters sit inside links, and
    whether it is a table row."""

    text: str
    link_chars: int = 0
    table_row: bool = False


@dataclass
class Page:
    """A laid-out page: its lines, ``<title>`` and the meta tags kept as hints."""

    lines: list[PageLine] = field(default_factory=list)
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)


_CJK = re.compile(r"[\u4e00-\u9fff]")
#: a table cell holding this much prose (several paragraphs) is page layout, not data
_LAYOUT_CELL_CHARS = 150


@dataclass
class _Row:
    """An open table row: its cells, each a list of finished lines."""

    cells: list[list[PageLine]] = field(default_factory=list)


def _row_lines(row: _Row) -> list[PageLine]:
    """A data row as one TAB-separated line; a layout row (a cell with paragraphs of prose or
    a nested table) as the lines of its cells in order."""
    def chars(line: PageLine) -> int:
        return len(_CJK.findall(line.text))

    layout = any(
        any(ln.table_row for ln in cell)
        or (len(cell) >= 2 and sum(chars(ln) for ln in cell) >= _LAYOUT_CELL_CHARS)
        or any(chars(ln) >= 2 * _LAYOUT_CELL_CHARS for ln in cell)
        for cell in row.cells
    )
    if layout:
        return [ln for cell in row.cells for ln in cell]
    text = "\t".join(" ".join(ln.text for ln in cell) for cell in row.cells)
    if not text.strip():
        return []
    return [PageLine(text, sum(ln.link_chars for cell in row.cells for ln in cell), True)]


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.skip_depth = 0
        self.link_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.rows: list[_Row] = []
        self.tables: list[int] = []  # len(self.rows) when each open table started
        self._in_title = False
        self._buf: list[str] = []
        self._links = 0

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![if !vml]>`` and ``<![ x]>`` (Word exports) are skipped, not fatal.

        html.parser raises AssertionError on a marked section it does not know.
        """
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def _emit(self, lines: list[PageLine]) -> None:
        """Add finished lines to the innermost open cell, or to the page."""
        if self.rows and self.rows[-1].cells:
            self.rows[-1].cells[-1].extend(lines)
        else:
            self.page.lines.extend(lines)

    def _break(self) -> None:
        text = re.sub(r"[ ]{2,}", " ", "".join(self._buf)).strip(" ")
        if text.strip():
            self._emit([PageLine(text, self._links)])
        self._buf = []
        self._links = 0

    def _close_row(self) -> None:
        self._break()
        if self.rows:
            self._emit(_row_lines(self.rows.pop()))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = _META_HINTS.get((values.get("name") or values.get("property") or "").lower())
            if key and values.get("content", "").strip():
                self.page.meta.setdefault(key, values["content"].strip())
            return
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self._break()
            return
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        skip = tag in _SKIP_TAGS or bool(names and _FURNITURE.search(names))
        self.stack.append((tag, skip))
        if skip:
            self.skip_depth += 1
        if tag == "title":
            self._in_title = True
        if self.skip_depth:
            return
        if tag == "a":
            self.link_depth += 1
        elif tag == "table":
            self._break()
            self.tables.append(len(self.rows))
        elif tag == "tr":
            if self.rows and self.tables and len(self.rows) > self.tables[-1]:
                self._close_row()  # an unclosed <tr> ends at the next one
            self._break()
            self.rows.append(_Row())
        elif tag in ("td", "th"):
            self._break()
            if self.rows:
                self.rows[-1].cells.append([])
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            open_tag, skip = self.stack.pop()
            if skip:
                self.skip_depth -= 1
            elif open_tag == "a" and self.link_depth and not self.skip_depth:
                self.link_depth -= 1
            if open_tag == tag:
                break
        if tag == "title":
            self._in_title = False
        if self.skip_depth:
            return
        if tag == "tr":
            self._close_row()
        elif tag == "table":
            start = self.tables.pop() if self.tables else 0
            while len(self.rows) > start:
                self._close_row()
            self._break()
        elif tag in ("td", "th") or tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page.title += data
            return
        if self.skip_depth:
            return
        text = re.sub(r"[ \t\r\n]+", " ", data)
        self._buf.append(text)
        if self.link_depth:
            self._links += len(text.strip())

    def close(self) -> None:
        super().close()
        while self.rows:
            self._close_row()
        self._break()


def page_lines(html: str) -> Page:
    """Lay an HTML page out as lines (see the module docstring)."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    parser.page.title = re.sub(r"\s+", " ", parser.page.title).strip()
    return parser.page


def html_to_text(html: str) -> tuple[str, str]:
    """Every line of an HTML page (table rows TAB-separated) and its title, unselected."""
    page = page_lines(html)
    return "\n".join(ln.text for ln in page.lines), page.title


def decode_html(raw: bytes, name: str) -> str:
    """The page as text, by its declared charset when that decodes, else by detection."""
    m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", raw[:4096])
    if m:
        try:
            return raw.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(raw, name)


def read_html(path: Path, name: str) -> list[RawDocument]:
    """One document from an HTML page: the report body, with the page title and meta tags
    as hints; raises ``NotAReport`` (an ``InputError``) for pages that hold no report."""
    return _page_document(decode_html(path.read_bytes(), name), name)


def read_mhtml(path: Path, name: str) -> list[RawDocument]:
    """A page saved by a browser as one file (.mht / .mhtml: a MIME message whose parts are
    the page and its images): the first HTML part, read as ``read_html`` reads a page."""
    import email
    import email.policy

    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        raw = part.get_payload(decode=True)
        if not isinstance(raw, bytes) or not raw.strip():
            continue
        charset = part.get_content_charset()
        try:
            html = raw.decode(charset) if charset else decode_html(raw, name)
        except (LookupError, UnicodeDecodeError):
            html = decode_html(raw, name)
        return _page_document(html, name)
    raise UnreadableFile(name, "no web page inside: a .mht/.mhtml archive holds its page as a "
                         "text/html part, and this file has none")


def _page_document(html: str, name: str) -> list[RawDocument]:
    from baogao.read.webpage import select_body

    page = page_lines(html)
    text = select_body(page, name)
    hints = {"page_title": page.title} if page.title else {}
    hints.update(page.meta)
    return [RawDocument(source=name, row=0, text=text, format="html", hints=hints)]
