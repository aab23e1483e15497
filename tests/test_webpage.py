"""Web pages: the report body by density, one copy of it, hints from the page, and refusal of
pages that hold no report."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

from baogao.errors import NotAReport
from baogao.pipeline import build_document, read_all
from baogao.read import read_file

PAGES = DATA / "formats" / "provinces-2026-html"
SEED = DATA / "seeds" / "000_b5713cac4734963f.txt"


def _report_html(lines: int = 40) -> str:
    body = "".join(f"<p>{line}</p>" for line in SEED.read_text("utf-8").split("\n")[:lines])
    return f"<div class='content'>{body}</div>"


def _write(tmp_path: Path, html: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(f"<html><head><meta charset='utf-8'>{html}", encoding="utf-8")
    return path


def test_firewall_block_page_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "<title>拒绝执行 | 云防护</title></head><body><h1>403</h1>"
                  "<p>您的请求已被网站管理员设置的安全策略拒绝执行。</p></body></html>")
    with pytest.raises(NotAReport, match=r"page\.html: .*block page.*拒绝执行"):
        read_file(path)


def test_script_challenge_page_is_refused() -> None:
    with pytest.raises(NotAReport, match=r"2026_QH\.html: .*not a report"):
        read_file(PAGES / "2026_QH.html")


def test_index_page_is_refused(tmp_path: Path) -> None:
    links = "".join(f"<li><a href='/a{i}.html'>2025年某某区政府工作报告（第{i}号）</a></li>"
                    for i in range(60))
    path = _write(tmp_path, f"<title>政府工作报告</title></head><body><ul>{links}</ul></body>")
    with pytest.raises(NotAReport, match="index or list page"):
        read_file(path)


def test_page_with_little_report_text_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "<title>政策</title></head><body><p>本网站将于今晚进行系统维护，"
                  "期间暂停访问，敬请谅解。维护完成后恢复正常服务。</p>" * 8 + "</body>")
    with pytest.raises(NotAReport, match="too little report text"):
        read_file(path)


def test_duplicate_copy_and_furniture_are_dropped(tmp_path: Path) -> None:
    nav = "".join(f"<a href='/{i}'>栏目{i}</a>" for i in range(30))
    page = (f"<title>5870841</title><meta name='ArticleTitle' content='政府工作报告'></head>"
            f"<body><div>{nav}</div>{_report_html()}<div>版权所有：某某区人民政府 "
            f"网站标识码：1100000000</div>{_report_html()}</body>")
    raw = read_file(_write(tmp_path, page))[0]
    first_line = SEED.read_text("utf-8").split("\n")[6]
    assert raw.text.count(first_line) == 1
    assert "栏目3" not in raw.text and "网站标识码" not in raw.text
    assert raw.hints["article_title"] == "政府工作报告"
    doc = build_document(raw)
    assert doc.title == "政府工作报告"
    assert doc.region == "北京市西城区" and doc.region_code == "110102"


def test_tables_stay_rows(tmp_path: Path) -> None:
    table = ("<table><tr><td>指标</td><td><p>2025年目标</p></td></tr>"
             "<tr><td>地区生产总值增长</td><td>5%左右</td></tr></table>")
    page = f"<title>x</title></head><body>{_report_html()[:-6]}{table}</div></body>"
    raw = read_file(_write(tmp_path, page))[0]
    assert "指标\t2025年目标" in raw.text
    assert "地区生产总值增长\t5%左右" in raw.text


def test_real_pages_never_take_the_site_name_as_title() -> None:
    docs, errors = read_all(PAGES)
    assert len(docs) == 7 and len(errors) == 2
    for doc in docs:
        assert doc.title and "报告" in doc.title and "网" not in doc.title
        assert doc.level == "province" and doc.year == 2026 and doc.region_code


def test_layout_table_pages_keep_paragraphs_as_lines(tmp_path: Path) -> None:
    """Older sites lay the whole page out in a table: the article cell holds paragraphs, and a
    data table inside it still gives one line per row."""
    paragraphs = SEED.read_text("utf-8").split("\n")[:40]
    body = "".join(f"<p>{line}</p>" for line in paragraphs)
    data = ("<table><tr><td><p>指标</p></td><td><p>2025年目标</p></td></tr>"
            "<tr><td><p>地区生产总值增长</p></td><td><p>5%左右</p></td></tr></table>")
    page = (f"<title>x</title></head><body><table><tr><td><a href='/'>首页</a></td>"
            f"<td>{body}{data}</td></tr></table></body>")
    raw = read_file(_write(tmp_path, page))[0]
    lines = raw.text.split("\n")
    assert paragraphs[6] in lines and paragraphs[10] in lines
    assert "指标\t2025年目标" in lines and "地区生产总值增长\t5%左右" in lines
