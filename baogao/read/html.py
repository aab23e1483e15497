"""HTML pages from government sites: keep the report text, drop navigation and furniture.

Block elements become lines; script, style, nav, header, footer, aside, form and elements
whose class or id names page furniture (share, print, breadcrumb, footer…) are skipped;
tables become one line per row with TAB between cells. The remaining text goes through the
same chrome filter as scraped text (normalize.is_chrome).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from baogao.errors import UnreadableFile
from baogao.models import RawDocument
from baogao.read.text import decode_bytes

_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript",
              "button", "select", "iframe", "svg", "template"}
_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section",
               "article", "table", "ul", "ol", "blockquote", "pre", "dd", "dt", "title"}
_FURNITURE = re.compile(
    r"share|print|breadcrumb|crumb|footer|header|nav|menu|sidebar|toolbar|fontsize|font-size|"
    r"qrcode|copyright|related|bshare|jiathis|pagination|position|location", re.I
)
_VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "source"}


class _ReportParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.in_cell = False
        self.title = ""
        self._in_title = False

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![if !vml]>`` and ``<![ x]>`` (Word exports) are skipped, not fatal.

        html.parser raises AssertionError on a marked section it does not know.
        """
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self.parts.append("\n")
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
        if tag in ("td", "th"):
            if self.in_cell:
                self.parts.append("\t")
            self.in_cell = True
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self.stack:
            open_tag, skip = self.stack.pop()
            if skip:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if tag == "title":
            self._in_title = False
        if tag == "tr":
            self.in_cell = False
            if not self.skip_depth:
                self.parts.append("\n")
        elif tag in _BLOCK_TAGS and not self.skip_depth:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        text = re.sub(r"[ \t\r\n]+", " ", data) if not self.in_cell else data.replace("\n", " ")
        self.parts.append(text)


def html_to_text(html: str) -> tuple[str, str]:
    """The report text of an HTML page (rows of tables as TAB-separated lines) and its title."""
    parser = _ReportParser()
    parser.feed(html)
    parser.close()
    lines = [ln.strip(" ") for ln in "".join(parser.parts).split("\n")]
    text = "\n".join(ln for ln in lines if ln.strip())
    return text, parser.title.strip()


def read_html(path: Path, name: str) -> list[RawDocument]:
    """One document from an HTML page."""
    raw = path.read_bytes()
    m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", raw[:2048])
    html = None
    if m:
        try:
            html = raw.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            html = None
    if html is None:
        html = decode_bytes(raw, name)
    text, title = html_to_text(html)
    if not text.strip():
        raise UnreadableFile(name, "HTML page has no text")
    hints = {"page_title": title} if title else {}
    return [RawDocument(source=name, row=0, text=text, format="html", hints=hints)]
