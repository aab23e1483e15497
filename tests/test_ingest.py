"""Readers: every format users have, and clear one-line errors for bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import NATIONAL, PROVINCES, SEEDS

from baogao.errors import CollectionError, UnreadableFile, UnsupportedFormat
from baogao.pipeline import build_document
from baogao.read import READERS, read_file

SEED_000 = SEEDS / "000_b5713cac4734963f.txt"


def _seed_text() -> str:
    return SEED_000.read_text("utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_text_in_any_chinese_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(_seed_text().encode(encoding))
    [raw] = read_file(path)
    assert raw.text == _seed_text()


def test_big5_traditional_page(tmp_path: Path) -> None:
    text = (SEEDS / "004_ad073e54fd368939.txt").read_text("utf-8")
    path = tmp_path / "news.txt"
    path.write_bytes(text.encode("big5", errors="ignore"))
    doc = build_document(read_file(path)[0])
    assert "区政府向公众报告工作侧记" in doc.text


def test_html_page_keeps_report_drops_furniture(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in _seed_text().split("\n")[:12])
    html = (
        "<html><head><meta charset='utf-8'><title>政府工作报告</title>"
        "<script>var x='下载';</script></head><body>"
        "<div class='breadcrumb'>首页 &gt; 政务公开 &gt; 政府工作报告</div>"
        "<div class='share'>分享到：微信 微博</div><div>【字号：大 中 小】</div>"
        f"<div class='article'>{body}"
        "<table><tr><td>指标名称</td><td>2024年计划</td></tr>"
        "<tr><td>地区生产总值增速（%）</td><td>5左右</td></tr></table></div>"
        "<footer>版权所有 北京市西城区人民政府</footer><p>打印本页</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = build_document(read_file(path)[0])
    assert doc.text.startswith("政府工作报告\n——2023年1月4日")
    for furniture in ("首页", "分享", "字号", "版权所有", "打印本页", "var x"):
        assert furniture not in doc.text
    assert "地区生产总值增速（%）\t5左右" in doc.text
    assert doc.region == "北京市西城区"


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in _seed_text().split("\n")[:10]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=3)
    for i, cells in enumerate([("指标名称", "2024年计划", "指标属性"),
                               ("地区生产总值增速（%）", "5左右", "预期性")]):
        for j, value in enumerate(cells):
            table.cell(i, j).text = value
    path = tmp_path / "report.docx"
    document.save(str(path))
    doc = build_document(read_file(path)[0])
    assert doc.speaker == "刘东伟"
    assert "地区生产总值增速（%）\t5左右\t预期性" in doc.text.split("\n")


def test_pdf_text_layer(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "report.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 11)
    y = 800
    for line in _seed_text().split("\n")[:8]:
        c.drawString(40, y, line[:40])
        y -= 16
    c.save()
    doc = build_document(read_file(path)[0])
    assert "政府工作报告" in doc.text
    assert doc.year == 2023


def test_csv_rows_with_hints() -> None:
    [raw] = read_file(PROVINCES / "2026_上海市_政府工作报告.csv")
    assert raw.row == 0
    assert raw.hints["province"] == "上海市"
    assert raw.hints["year"] == "2026"


def test_jsonl_one_document_per_line() -> None:
    raws = read_file(NATIONAL)
    lines = NATIONAL.read_text("utf-8").splitlines()
    assert len(raws) == len(lines)
    assert raws[0].hints["title"] == json.loads(lines[0])["title"]
    assert [r.row for r in raws] == list(range(len(lines)))


def test_json_array(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in NATIONAL.read_text("utf-8").splitlines()[:3]]
    path = tmp_path / "reports.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    assert [r.row for r in read_file(path)] == [0, 1, 2]


def test_readers_registry_covers_the_formats() -> None:
    assert {".txt", ".md", ".html", ".docx", ".pdf", ".csv", ".jsonl", ".json"} <= set(READERS)


@pytest.mark.parametrize(("name", "content", "error", "reason"), [
    ("empty.txt", b"", UnreadableFile, "empty"),
    ("binary.txt", bytes(range(256)) * 20, UnreadableFile, "binary"),
    ("broken.docx", b"PK\x03\x04 truncated", UnreadableFile, "docx"),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj <<", UnreadableFile, "PDF"),
    ("report.rtf", b"{\\rtf1 hello}", UnsupportedFormat, "unsupported"),
    ("rows.csv", "title,body\n报告,内容\n".encode(), CollectionError, "no text column"),
    ("rows.jsonl", b'{"content": "x"}\n{not json\n', CollectionError, "not valid JSON"),
])
def test_bad_input_gets_one_clear_line(
    tmp_path: Path, name: str, content: bytes, error: type[Exception], reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as info:
        read_file(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert reason in message
    assert "\n" not in message


def test_truncated_utf8_text_is_read_up_to_the_cut(tmp_path: Path) -> None:
    data = _seed_text().encode("utf-8")
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:1001])  # cuts a 3-byte character
    [raw] = read_file(path)
    assert _seed_text().startswith(raw.text)


def test_folder_is_read_recursively(tmp_path: Path) -> None:
    from baogao.read import iter_files

    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(SEED_000, tmp_path / "a" / "b" / "x.txt")
    (tmp_path / "a" / "notes.xyz").write_text("ignored")
    found = [display for _, display in iter_files([tmp_path / "a"])]
    assert found == ["a/b/x.txt"]
