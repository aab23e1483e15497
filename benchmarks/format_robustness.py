"""Format robustness: tune reports rendered into the shapes real reports arrive in, read again,
and compared with the clean read of the same report.

    python benchmarks/format_robustness.py [--all] [--shape NAME ...] [--details]

Sources are TUNE reports only (the team split: never 吉林 湖南 贵州 陕西 黑龙江, seed 002 or a
national year ending in 3 or 7): the 2026 CSV and 2025 .docx of tune provinces, national tune
years and seeds 000, 001, 003. Each is read cleanly (its own file, collection columns dropped, so
metadata comes from the text alone), then its normalized text is rendered into every shape below
— each a general transformation, never an edit of one document — written to a temporary file,
read by the ordinary readers and compared with the clean read:

The reference of each shape is the read of the clean text as a plain .txt file (metadata from
the text alone); the row ``plain`` compares that read with the read of the report's own file.

- facts: catalog facts (indicator) and all facts (`--all`: catalog and open facts, by name), each
  as (indicator or name, kind, period, value, unit); precision and recall against the clean read;
- metadata: region, region_code, region_path, level, year, date, speaker, title (share right).

Shapes: ``plain`` (the text as .txt, a control), ``pdf_text`` (text copied out of a PDF: hard
breaks every 30–40 characters, page numbers, running headers, breaks inside numbers),
``pdf_indent`` (the same with paragraphs opening on typed indents), ``pdf``
(a real PDF, when reportlab and its built-in CJK font are available), ``docx`` (paragraphs in
many runs, heading styles, bold lead-ins, tables, the title in a text box), ``docx_header``
(the title in the page header), ``docx_word`` (the title block in a content control, a tab
after heading numbers, tracked insertions), ``html_gov`` (a government page: navigation,
breadcrumbs, share buttons, related links, footer, the report in nested tables, ``<br>`` lines and
``&nbsp;``), ``markdown`` (# headings, **bold** lead-ins, pipe tables), ``gb18030`` (the text
saved in GB18030 with CRLF line ends), ``traditional`` (OpenCC s2t), ``fullwidth``
(full-width digits, letters and punctuation), ``spaced_head`` / ``spaced_all`` /
``spaced_cjk`` (spaces between the characters of the header / of everything / of everything
but numbers and Latin words), ``byline_*``
(the header rewritten in other byline layouts) and ``city`` /
``county`` / ``district`` (a province report rewritten as the report of a prefecture-level
city, a county or a city district of that province, from the gazetteer).

By default a sample of five reports is rendered (one of each source kind); ``--all`` renders
every tune report. ``--details`` lists each difference (all sources are tune reports).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from baogao.errors import InputError
from baogao.extract import extract_facts
from baogao.extract.open.facts import enrich, open_facts
from baogao.models import Document, Fact
from baogao.pipeline import build_document
from baogao.read import read_file
from baogao.read.regions import Region, gazetteer, resolve

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
HELD_OUT_PROVINCES = ("吉林", "湖南", "贵州", "陕西", "黑龙江")
TUNE_SEEDS = ("000_", "001_", "003_")
META_FIELDS = ("region", "region_code", "region_path", "level", "year", "date", "speaker",
               "title")
#: the default sample: one report of each kind
SAMPLE = ("2026_江苏省_政府工作报告.csv#0", "2025年安徽省政府工作报告.docx#0",
          "government_work_reports.jsonl#2", "government_work_reports.jsonl#38",
          "000_b5713cac4734963f.txt#0")

FactKey = tuple[str, str, int | None, float | None, str | None]


@dataclass(frozen=True)
class Source:
    """A tune report and its clean read."""

    name: str
    doc: Document

    @property
    def lines(self) -> list[str]:
        return self.doc.text.split("\n")


@dataclass(frozen=True)
class Rendered:
    """A report rendered into one shape: the file to read, the metadata the shape changed and
    how it changed names in the text."""

    suffix: str
    data: bytes
    expect: dict[str, object] = field(default_factory=dict)
    rename: Callable[[str], str] = str


# ---------------------------------------------------------------------------------- sources


def _tune_row(path: Path, hints: dict[str, str]) -> bool:
    if any(p in path.name for p in HELD_OUT_PROVINCES):
        return False
    if path.suffix == ".jsonl":
        year = hints.get("year", "")
        return year.isdigit() and int(year) % 10 not in (3, 7) and "决议" not in hints.get(
            "title", "")
    if path.parent.name == "seeds":
        return path.name.startswith(TUNE_SEEDS)
    return True


def sources(every: bool) -> list[Source]:
    """The tune reports (all, or the default sample), each read without collection columns."""
    paths = [*sorted((DATA / "corpus" / "provinces-2026").glob("*.csv")),
             *sorted((DATA / "formats" / "provinces-2025").glob("*.docx")),
             DATA / "corpus" / "national" / "government_work_reports.jsonl",
             *sorted((DATA / "seeds").glob("*.txt"))]
    out: list[Source] = []
    for path in paths:
        for raw in read_file(path, str(path.relative_to(DATA))):
            name = f"{path.name}#{raw.row}"
            if not _tune_row(path, raw.hints) or (not every and name not in SAMPLE):
                continue
            out.append(Source(name, build_document(dataclasses.replace(raw, hints={}))))
    return out


# ---------------------------------------------------------------------------------- helpers


def _split_head(lines: list[str]) -> tuple[list[str], list[str]]:
    """(header lines above the salutation, the rest)."""
    for i, line in enumerate(lines[:10]):
        if line.startswith("各位代表"):
            return lines[:i], lines[i:]
    return [], lines


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _width(ch: str) -> float:
    return 0.5 if ch.isascii() else 1.0


def wrap(line: str, width: int) -> list[str]:
    """A paragraph broken into lines of ``width`` full-width characters (ASCII counts half),
    the way a PDF lays it out: anywhere, inside numbers and units too; a closing mark never
    starts a line (it stays on the line before)."""
    out: list[str] = []
    cur: list[str] = []
    used = 0.0
    for ch in line:
        if used + _width(ch) > width and cur and ch not in "，。、；：？！”）》":
            out.append("".join(cur))
            cur, used = [], 0.0
        cur.append(ch)
        used += _width(ch)
    if cur:
        out.append("".join(cur))
    return out


_PAGE_NUMBERS = ("— {} —", "-{}-", "第{}页", "- {} -", "第 {} 页 共 {} 页")


def _pages(src: Source, rng: random.Random, indent: bool = False
           ) -> tuple[list[list[str]], str, str]:
    """The report laid out on pages: (lines of each page, the running header, the page
    number pattern); with ``indent`` each paragraph opens on two ideographic spaces."""
    width = rng.randint(30, 40)
    per_page = rng.randint(30, 40)
    laid: list[str] = []
    for line in src.lines:
        if "\t" in line:
            laid.append("  ".join(c for c in line.split("\t") if c))
            continue
        laid += wrap("\u3000\u3000" + line if indent else line, width)
    pages = [laid[i:i + per_page] for i in range(0, len(laid), per_page)]
    running = rng.choice([src.doc.title or "政府工作报告", "政府工作报告"])
    return pages, running, rng.choice(_PAGE_NUMBERS)


def _page_number(pattern: str, n: int, total: int) -> str:
    return pattern.format(n, total)


# ----------------------------------------------------------------------------------- shapes


def shape_plain(src: Source, rng: random.Random) -> Rendered:
    return Rendered(".txt", _utf8(src.doc.text))


def shape_pdf_text(src: Source, rng: random.Random, indent: bool = False) -> Rendered:
    """Text copied out of a PDF: hard-wrapped, a running header at the top of every page and
    the page number at its foot."""
    pages, running, number = _pages(src, rng, indent)
    out: list[str] = []
    for k, page in enumerate(pages, 1):
        if k > 1:
            out.append(running)
        out += page
        out.append(_page_number(number, k, len(pages)))
    return Rendered(".txt", _utf8("\n".join(out)))


def shape_pdf_indent(src: Source, rng: random.Random) -> Rendered:
    """PDF text as above whose paragraphs open on two ideographic spaces (typed indents)."""
    return shape_pdf_text(src, rng, indent=True)


def shape_pdf(src: Source, rng: random.Random) -> Rendered | None:
    """A real PDF (reportlab with its built-in CJK font, nothing downloaded); None without."""
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas
    except ImportError:
        return None
    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    pages, running, number = _pages(src, rng)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        pdf = canvas.Canvas(tmp.name, pagesize=(595, 842))
        for k, page in enumerate(pages, 1):
            pdf.setFont(font, 9)
            if k > 1:
                pdf.drawCentredString(297, 810, running)
            pdf.setFont(font, 12)
            y = 780.0
            for line in page:
                pdf.drawString(60, y, line)
                y -= 19
            pdf.setFont(font, 9)
            pdf.drawCentredString(297, 30, _page_number(number, k, len(pages)))
            pdf.showPage()
        pdf.save()
        return Rendered(".pdf", Path(tmp.name).read_bytes())


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CN_ORD = "[一二三四五六七八九十]"
_HEADING = re.compile(rf"^({_CN_ORD}+、|[（(]{_CN_ORD}+[）)]|第{_CN_ORD}+部分)")
_LEAD_IN = re.compile(rf"^(?:{_CN_ORD}是|[（(]{_CN_ORD}+[）)])?[^。；：！？]{{2,30}}[。；：！？]")


def _docx(src: Source, rng: random.Random, title_in: str) -> Rendered:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    head, rest = _split_head(src.lines)
    title = head[0] if head and src.doc.title and head[0] == src.doc.title else None
    if title and title_in == "header":
        document.sections[0].header.paragraphs[0].text = title
    elif title:
        box = (
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape '
            'style="width:420pt;height:48pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>'
            f"{escape(title)}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
            "</w:r>")
        document.add_paragraph()._p.append(parse_xml(box))
    lines = (head[1:] if title else head) + rest
    if title_in == "word" and head:
        # the title block in a content control (a cover page)
        paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(h)}</w:t></w:r></w:p>'
                        for h in head)
        sdt = parse_xml(f'<w:sdt xmlns:w="{_W_NS}"><w:sdtPr/><w:sdtContent>{paras}'
                        "</w:sdtContent></w:sdt>")
        anchor = document.add_paragraph()._p
        anchor.addnext(sdt)
        anchor.getparent().remove(anchor)
        lines = rest
    for line in lines:
        if "\t" in line:
            cells = line.split("\t")
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells, strict=True):
                cell.text = value
            continue
        heading = _HEADING.match(line) and len(line) <= 40
        para = document.add_paragraph(style="Heading 1" if heading else None)
        lead = _LEAD_IN.match(line)
        pos = 0
        if heading and title_in == "word":
            number = _HEADING.match(line)
            assert number is not None
            para.add_run(number.group())
            para.add_run().add_tab()  # 一、<tab>2024年工作回顾
            pos = number.end()
        if lead and not heading:
            para.add_run(line[: lead.end()]).bold = True
            pos = lead.end()
        while pos < len(line):  # the rest in runs of 1-8 characters, cut anywhere
            step = rng.randint(1, 8)
            piece = line[pos:pos + step]
            if title_in == "word" and rng.random() < 0.2:  # a tracked insertion
                para._p.append(parse_xml(
                    f'<w:ins xmlns:w="{_W_NS}" w:id="{pos}" w:author="a" '
                    f'w:date="2025-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">'
                    f"{escape(piece)}</w:t></w:r></w:ins>"))
            else:
                para.add_run(piece)
            pos += step
    with tempfile.NamedTemporaryFile(suffix=".docx") as tmp:
        document.save(tmp.name)
        return Rendered(".docx", Path(tmp.name).read_bytes())


def shape_docx(src: Source, rng: random.Random) -> Rendered:
    """Word: runs cut anywhere, heading styles, bold lead-ins, tables, title in a text box."""
    return _docx(src, rng, "textbox")


def shape_docx_header(src: Source, rng: random.Random) -> Rendered:
    """Word as above with the title in the page header."""
    return _docx(src, rng, "header")


def shape_docx_word(src: Source, rng: random.Random) -> Rendered:
    """Word's own structures: the title block in a content control, a tab after heading
    numbers (一、<tab>…), tracked insertions."""
    return _docx(src, rng, "word")


_CLASSES = {
    "nav": ("nav", "daohang", "topmenu", "dh"),
    "crumb": ("crumb", "dqwz", "position", "wz"),
    "share": ("share", "fx", "bdsharebuttonbox", "bottom-tools"),
    "related": ("related", "xglj", "xgwz", "list-links"),
    "footer": ("footer", "foot", "db", "copyright-box"),
}


def shape_html_gov(src: Source, rng: random.Random) -> Rendered:
    """A government web page holding the report."""
    def cls(role: str) -> str:
        return rng.choice(_CLASSES[role])

    title = src.doc.title or "政府工作报告"
    site = f"{src.doc.region or '中国'}人民政府门户网站"
    date = src.doc.date or "2025-01-20"
    menu = "".join(f'<li><a href="/{k}/">{w}</a></li>' for k, w in enumerate(
        ("首页", "要闻动态", "政务公开", "政务服务", "互动交流", "走进政府")))
    related = "".join(f'<li><a href="/r{k}.html">{w}</a><span>{date}</span></li>' for k, w in
                      enumerate(("关于印发2025年重点工作分工方案的通知", "政府常务会议召开",
                                 "政务公开工作要点", "政府工作报告解读")))
    body: list[str] = []
    use_br = rng.random() < 0.5
    for line in src.lines:
        if "\t" in line:
            cells = "".join(f"<td>{escape(c)}</td>" for c in line.split("\t"))
            body.append(f'<table border="1"><tr>{cells}</tr></table>')
        elif use_br:
            body.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{escape(line)}<br>")
        elif _HEADING.match(line) and len(line) <= 40:
            body.append(f"<p><strong>{escape(line)}</strong></p>")
        else:
            body.append(f'<p style="text-indent:2em">{escape(line)}</p>')
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{escape(title)}_{escape(site)}</title>
<meta name="ArticleTitle" content="{escape(title)}"><meta name="PubDate" content="{date} 09:30">
</head><body>
<div class="{cls('nav')}"><ul>{menu}</ul></div>
<div class="{cls('crumb')}">当前位置：<a href="/">首页</a> &gt; <a href="/zw/">政务公开</a>
 &gt; <a href="/zw/bg/">政府工作报告</a></div>
<div class="main"><table width="100%"><tr><td><div class="article">
<div class="tit"><h1>{escape(title)}</h1></div>
<div class="info">发布时间：{date}&nbsp;&nbsp;来源：{escape(site)}&nbsp;&nbsp;字号：<a>大</a>
<a>中</a> <a>小</a>&nbsp;<a href="javascript:print()">打印</a></div>
<div class="content" id="zoom">{chr(10).join(body)}</div>
<div class="{cls('share')}">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
</div></td></tr></table></div>
<div class="{cls('related')}"><h3>相关链接</h3><ul>{related}</ul></div>
<div class="{cls('footer')}"><p>主办：{escape(site)}办公厅&nbsp;&nbsp;网站标识码：1100000001</p>
<p>ICP备05070218号&nbsp;&nbsp;公安机关备案号 11010202000001</p></div>
</body></html>"""
    # a page always has a title; a report that prints none is read under the page's
    return Rendered(".html", _utf8(page), {} if src.doc.title else {"title": title})


def shape_markdown(src: Source, rng: random.Random) -> Rendered:
    """Markdown, as scrapers and converters write it: # headings, **bold** lead-ins, tables
    with pipes, paragraphs separated by blank lines."""
    out: list[str] = []
    for line in src.lines:
        if "\t" in line:
            cells = line.split("\t")
            if not out or not out[-1].startswith("|"):
                out += ["", "| " + " | ".join(f"列{k + 1}" for k in range(len(cells))) + " |",
                        "|" + "---|" * len(cells)]
            out.append("| " + " | ".join(cells) + " |")
            continue
        if _HEADING.match(line) and len(line) <= 40:
            out += ["", ("## " if line.startswith(("（", "(")) else "# ") + line, ""]
            continue
        lead = _LEAD_IN.match(line)
        out += [f"**{line[: lead.end()]}**{line[lead.end():]}" if lead else line, ""]
    return Rendered(".md", _utf8("\n".join(out)))


def shape_gb18030(src: Source, rng: random.Random) -> Rendered:
    """The text saved in GB18030 (GBK), as older Windows tools save it."""
    return Rendered(".txt", src.doc.text.replace("\n", "\r\n").encode("gb18030"))


def shape_traditional(src: Source, rng: random.Random) -> Rendered:
    import opencc

    return Rendered(".txt", _utf8(opencc.OpenCC("s2t").convert(src.doc.text)))


_TO_FULL = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def shape_fullwidth(src: Source, rng: random.Random) -> Rendered:
    return Rendered(".txt", _utf8(src.doc.text.translate(_TO_FULL)))


def _spaced(line: str, sep: str) -> str:
    return sep.join(ch for ch in line if ch != " ")


def shape_spaced_head(src: Source, rng: random.Random) -> Rendered | None:
    """The header lines (title, dateline, byline) with a space between characters."""
    head, rest = _split_head(src.lines)
    if not head:
        return None
    sep = rng.choice((" ", "\u3000", "  "))
    return Rendered(".txt", _utf8("\n".join([_spaced(h, sep) for h in head] + rest)))


def shape_spaced_all(src: Source, rng: random.Random) -> Rendered:
    """Every character separated by a space (a PDF text layer written character by
    character)."""
    return Rendered(".txt", _utf8("\n".join(ln if "\t" in ln else _spaced(ln, " ")
                                            for ln in src.lines)))


_ASCII_RUN = re.compile(r"[!-~]+|[^ !-~]")


def shape_spaced_cjk(src: Source, rng: random.Random) -> Rendered:
    """Chinese characters and marks separated by spaces, numbers and Latin words kept whole
    (增 长 5.2% ，)."""
    return Rendered(".txt", _utf8("\n".join(
        ln if "\t" in ln else " ".join(_ASCII_RUN.findall(ln.replace(" ", "")))
        for ln in src.lines)))


_CN = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    if n < 10:
        return _CN[n]
    return ("" if n < 20 else _CN[n // 10]) + "十" + (_CN[n % 10] if n % 10 else "")


def _dates(iso: str) -> tuple[str, str]:
    y, m, d = (int(p) for p in iso.split("-"))
    return f"{y}年{m}月{d}日", "".join(_CN[int(c)] for c in str(y)) + (
        f"年{_cn_number(m)}月{_cn_number(d)}日")


def _byline(layout: str) -> Callable[[Source, random.Random], Rendered | None]:
    def shape(src: Source, rng: random.Random) -> Rendered | None:
        doc = src.doc
        if not (doc.date and doc.speaker and doc.speaker_title and doc.meeting and doc.title):
            return None
        head, rest = _split_head(src.lines)
        if not head:
            return None
        where = "" if doc.level == "national" else (doc.region or "")
        date, cn_date = _dates(doc.date)
        meeting = f"{where}{doc.meeting}上"
        title, name, role = doc.title, doc.speaker, doc.speaker_title
        layouts = {
            "dash": [title, f"——{date}在{meeting}", f"{role} {name}"],
            "made": [title, f"——{date}在{meeting}", f"{role} {name}作政府工作报告"],
            "acting": [title, f"——{date}在{meeting}", f"代{role} {name}"],
            "oneline": [f"{title}——{date}在{meeting} {role} {name}"],
            "paren": [title, f"（{cn_date}在{meeting}）", f"{where}人民政府{role}　{name}"],
        }
        return Rendered(".txt", _utf8("\n".join(layouts[layout] + rest)))

    shape.__doc__ = f"The header rewritten in the {layout!r} byline layout."
    return shape


# ------------------------------------------------------------------- city and county reports

#: words of a province's report and what a city or county report says instead
_PROVINCE_WORDS = ("全省", "我省", "本省", "省委", "省政府", "省人民政府", "省人大", "省政协",
                   "省长", "省级", "省内", "省外", "省属", "省会")


def _picks(province: Region, kind: str) -> list[Region]:
    """Divisions of ``province`` a rewritten report can be about: prefecture-level cities,
    counties and county-level cities named uniquely, or city districts (named with their
    city: 合肥市蜀山区)."""
    gaz = gazetteer()
    out: list[Region] = []
    for region in gaz.regions.values():
        if region.code[:2] != province.code[:2] or len(region.name) < 3:
            continue
        unique = len(resolve(region.name)) == 1
        city = kind == "city" and region.level == "city" and unique
        county = (kind == "county" and region.level == "district"
                  and region.name.endswith(("县", "市")) and unique)
        district = (kind == "district" and region.level == "district"
                    and region.name.endswith("区") and len(region.path) == 3)
        if city or county or district:
            out.append(region)
    return sorted(out, key=lambda r: r.code)


def _rewrite(src: Source, kind: str, rng: random.Random) -> Rendered | None:
    doc = src.doc
    gaz = gazetteer()
    province = gaz.regions.get(doc.region_code or "")
    if province is None or province.level != "province" or not province.name.endswith("省"):
        return None
    picks = _picks(province, kind)
    if not picks:
        return None
    target = rng.choice(picks)
    mark = target.name[-1]  # 市, 县 or 区
    printed = "".join(target.path[1:]) if kind == "district" else target.name
    short = [s for s in gaz.provinces.get(province.name, ()) if len(s) >= 2]
    stem = target.name[:-1]
    pairs = [(province.name, printed), *((w, w.replace("省", mark)) for w in _PROVINCE_WORDS),
             *((s, stem) for s in short)]
    pattern = re.compile("|".join(re.escape(a) for a, _ in sorted(pairs, key=lambda p: -len(p[0]))))
    table = dict(pairs)

    def rename(text: str) -> str:
        return pattern.sub(lambda m: table[m.group()], text)

    expect: dict[str, object] = {"region": target.full, "region_code": target.code,
                                 "region_path": target.path, "level": target.level,
                                 "title": rename(doc.title) if doc.title else None}
    return Rendered(".txt", _utf8(rename(doc.text)), expect, rename)


def shape_city(src: Source, rng: random.Random) -> Rendered | None:
    """A province report rewritten as the report of one of its prefecture-level cities."""
    return _rewrite(src, "city", rng)


def shape_county(src: Source, rng: random.Random) -> Rendered | None:
    """A province report rewritten as the report of one of its counties or county-level
    cities."""
    return _rewrite(src, "county", rng)


def shape_district(src: Source, rng: random.Random) -> Rendered | None:
    """A province report rewritten as the report of a district of one of its cities, named
    with its city (合肥市蜀山区) where the report names itself."""
    return _rewrite(src, "district", rng)


SHAPES: dict[str, Callable[[Source, random.Random], Rendered | None]] = {
    "plain": shape_plain,
    "pdf_text": shape_pdf_text,
    "pdf_indent": shape_pdf_indent,
    "pdf": shape_pdf,
    "docx": shape_docx,
    "docx_header": shape_docx_header,
    "docx_word": shape_docx_word,
    "html_gov": shape_html_gov,
    "markdown": shape_markdown,
    "gb18030": shape_gb18030,
    "traditional": shape_traditional,
    "fullwidth": shape_fullwidth,
    "spaced_head": shape_spaced_head,
    "spaced_all": shape_spaced_all,
    "spaced_cjk": shape_spaced_cjk,
    **{f"byline_{k}": _byline(k) for k in ("dash", "made", "acting", "oneline", "paren")},
    "city": shape_city,
    "county": shape_county,
    "district": shape_district,
}


# --------------------------------------------------------------------------------- scoring


def read_rendered(rendered: Rendered, name: str = "report") -> Document:
    """Read a rendered report through the ordinary readers (raises ``InputError``)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}{rendered.suffix}"
        path.write_bytes(rendered.data)
        raws = read_file(path, path.name)
        return build_document(raws[0])


def all_facts(doc: Document) -> list[Fact]:
    """Catalog facts and open facts, as ``baogao facts --all`` gives them."""
    facts = extract_facts(doc)
    return [*enrich(facts), *open_facts(doc, facts)]


def fact_keys(facts: list[Fact], rename: Callable[[str], str] = str,
              catalog: bool = False) -> Counter[FactKey]:
    """The facts as (indicator or name, kind, period, value, unit), counted."""
    keys: Counter[FactKey] = Counter()
    for f in facts:
        if catalog and f.indicator is None:
            continue
        what = f.indicator or rename(f.name or "")
        keys[(what, f.kind, f.period, None if f.value is None else round(f.value, 6),
              f.unit)] += 1
    return keys


@dataclass
class Tally:
    """Counts for one shape."""

    docs: int = 0
    failed: int = 0
    seconds: float = 0.0
    facts: dict[str, list[int]] = field(default_factory=lambda: {
        "catalog": [0, 0, 0], "all": [0, 0, 0]})  # true positives, got, want
    meta: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in META_FIELDS})


def _pr(tp: int, got: int, want: int) -> tuple[float, float]:
    return (tp / got if got else 1.0, tp / want if want else 1.0)


def compare(src: Source, rendered: Rendered, doc: Document, tally: Tally,
            clean: list[Fact], details: list[str] | None, shape: str) -> None:
    """Add the agreement of ``doc`` (read from ``rendered``) with the clean read."""
    got = all_facts(doc)
    for part, catalog in (("catalog", True), ("all", False)):
        want_keys = fact_keys(clean, rendered.rename, catalog)
        got_keys = fact_keys(got, str, catalog)
        common = want_keys & got_keys
        cell = tally.facts[part]
        cell[0] += sum(common.values())
        cell[1] += sum(got_keys.values())
        cell[2] += sum(want_keys.values())
        if details is not None and part == "all":
            for key in sorted((got_keys - want_keys).elements(), key=str):
                details.append(f"{shape:14} {src.name} {part} extra {key}")
            for key in sorted((want_keys - got_keys).elements(), key=str):
                details.append(f"{shape:14} {src.name} {part} lost  {key}")
    for name in META_FIELDS:
        want = rendered.expect.get(name, getattr(src.doc, name))
        have = getattr(doc, name)
        ok = have == want
        tally.meta[name][0] += ok
        tally.meta[name][1] += 1
        if not ok and details is not None:
            details.append(f"{shape:14} {src.name} meta {name}: got {have!r}, want {want!r}")


def run(srcs: list[Source], shapes: list[str], details: list[str] | None) -> dict[str, Tally]:
    """Render every source into every shape, read it and compare.

    The reference of every shape is the read of its clean text as a plain file; the row
    ``plain`` compares that read with the read of the report's own file (what reading its
    own normalized text again changes)."""
    tallies = {s: Tally() for s in shapes}
    for original in srcs:
        plain = read_rendered(shape_plain(original, random.Random(0)))
        ref = Source(original.name, plain)
        ref_facts = all_facts(plain)
        for shape in shapes:
            src, clean = ((original, all_facts(original.doc)) if shape == "plain"
                          else (ref, ref_facts))
            rng = random.Random(f"{shape}:{src.name}")
            rendered = SHAPES[shape](src, rng)
            if rendered is None:
                continue
            tally = tallies[shape]
            started = time.perf_counter()
            try:
                doc = read_rendered(rendered)
            except InputError as exc:
                tally.failed += 1
                if details is not None:
                    details.append(f"{shape:14} {src.name} not read: {exc}")
                continue
            tally.docs += 1
            compare(src, rendered, doc, tally, clean, details, shape)
            tally.seconds += time.perf_counter() - started
    return tallies


def figures(tallies: dict[str, Tally]) -> Iterator[tuple[str, dict[str, float]]]:
    """Per shape: facts precision/recall (catalog, all) and metadata share right."""
    for shape, t in tallies.items():
        row: dict[str, float] = {"docs": t.docs, "failed": t.failed}
        for part, (tp, got, want) in t.facts.items():
            row[f"{part}_p"], row[f"{part}_r"] = _pr(tp, got, want)
        for name, (right, total) in t.meta.items():
            row[name] = right / total if total else 1.0
        yield shape, row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--all", action="store_true", help="every tune report, not a sample")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES),
                        help="only this shape (repeatable)")
    parser.add_argument("--details", action="store_true", help="list every difference")
    args = parser.parse_args()
    started = time.perf_counter()
    srcs = sources(args.all)
    details: list[str] | None = [] if args.details else None
    tallies = run(srcs, args.shape or list(SHAPES), details)
    meta_cols = ("region", "region_code", "region_path", "level", "year", "date", "speaker",
                 "title")
    print(f"format robustness: {len(srcs)} tune reports "
          f"({'all' if args.all else 'sample; --all for every one'})")
    print(f"{'shape':15}{'docs':>5}{'fail':>5} {'catalog P/R':>12} {'all P/R':>12} "
          + " ".join(f"{c[:7]:>7}" for c in meta_cols))
    for shape, row in figures(tallies):
        print(f"{shape:15}{row['docs']:>5.0f}{row['failed']:>5.0f} "
              f"{row['catalog_p']:.3f}/{row['catalog_r']:.3f} "
              f"{row['all_p']:.3f}/{row['all_r']:.3f} "
              + " ".join(f"{row[c]:>7.3f}" for c in meta_cols))
    print(f"({time.perf_counter() - started:.0f} s)")
    if details is not None:
        print("\n".join(details) or "(no differences)", file=sys.stdout)


if __name__ == "__main__":
    main()
