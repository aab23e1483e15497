"""HTML pages: lay the page out as lines, keep the report body, refuse what is not a report.

1. ``page_lines`` lays the page out: block elements become lines; script, style, nav, header,
   footer, aside and elements whose class or id names page furniture (share, print,
   breadcrumb, footer…) are skipped; tables become one line per row with TAB between cells.
   Each line remembers how much of it is link text. ``<title>`` and the ``<meta>`` tags
   (ArticleTitle, PubDate, ContentSource…) are collected as hints.
2. ``baogao.read.webpage.select_body`` keeps the report body (the densest run of prose, one
   copy of it) and raises ``NotAReport`` for block pages, index pages and pages with too
   little report text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

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


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.skip_depth = 0
        self.link_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.in_cell = False
        self.in_row = False
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

    def _break(self) -> None:
        text = re.sub(r"[ ]{2,}", " ", "".join(self._buf)).strip(" ")
        if text.strip():
            self.page.lines.append(PageLine(text, self._links, self.in_row))
        self._buf = []
        self._links = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = _META_HINTS.get((values.get("name") or values.get("property") or "").lower())
            if key and values.get("content", "").strip():
                self.page.meta.setdefault(key, values["content"].strip())
            return
        if tag in _VOID:
            if tag == "br" and not self.skip_depth and not self.in_cell:
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
        if tag == "tr":
            self._break()
            self.in_row = True
        elif tag in ("td", "th"):
            if self.in_cell:
                self._buf.append("\t")
            self.in_cell = True
        elif tag in _BLOCK_TAGS and not self.in_row:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            open_tag, skip = self.stack.pop()
            if skip:
                self.skip_depth -= 1
            elif open_tag == "a" and self.link_depth:
                self.link_depth -= 1
            if open_tag == tag:
                break
        if tag == "title":
            self._in_title = False
        if tag == "tr":
            self._break()
            self.in_row = self.in_cell = False
        elif tag == "table":
            self.in_row = self.in_cell = False
            self._break()
        elif tag in _BLOCK_TAGS and not self.skip_depth and not self.in_row:
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
    from baogao.read.webpage import select_body

    page = page_lines(decode_html(path.read_bytes(), name))
    text = select_body(page, name)
    hints = {"page_title": page.title} if page.title else {}
    hints.update(page.meta)
    return [RawDocument(source=name, row=0, text=text, format="html", hints=hints)]
