"""Write the 民生实事 table fixtures from a real report (run once; the outputs are committed).

    python tests/data/tables/make_tables.py

The 2025 广东 report (tests/data/formats/provinces-2025) gives its 十件民生实事 as an annex
of numbered paragraphs (一、为老年人提供…。为超2.5万名…). Here the same words are laid out
as a table, the way other reports print the annex: the announcing sentence of the report,
then the table 序号 | 民生实事项目 | 主要内容 (the item's first sentence is its name, the rest
its content), as

* ``广东民生实事表.docx``: a Word table;
* ``广东民生实事表.html``: an HTML table;
* ``广东民生实事表.csv``: a collection row whose text holds the table as tab-separated lines;
* ``广东民生实事名单.docx``: a table of names only (序号 | 项目), items without a number;
* ``广东民生实事表_标题行.docx``: the list's name in a merged first row of the table (no
  caption outside it), and the header row printed again after the fifth item (a table
  running over two pages).

No word of an item is added or changed: every cell below the header is text of the report
(the header cells are usual column names; the web page's names the year: 2025年目标任务).
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import docx

from baogao.pipeline import read

HERE = Path(__file__).parent
SOURCE = HERE.parent / "formats" / "provinces-2025" / "2025年广东省政府工作报告.docx"


def main() -> None:
    doc = next(iter(read(SOURCE)))
    annex = next(s for s in doc.sections if s.role == "appendix")
    body = doc.text[annex.heading_end : annex.end].strip()
    rows = []
    for line in body.splitlines():
        match = re.match(r"([一二三四五六七八九十]+)、(.+?。)(.*)", line.strip())
        if match:
            rows.append((match.group(1), match.group(2).rstrip("。"), match.group(3).strip()))
    title = "广东省2025年政府工作报告（节选）"
    lead = next(s for s in re.split(r"(?<=。)", doc.text) if "实施民生实事" in s or (
        "民生实事" in s and "2025" not in s and "办好" in s))
    caption = annex.title
    header = ("序号", "民生实事项目", "主要内容")

    def annex_docx(header: tuple[str, ...], body: list[tuple[str, ...]], name: str) -> None:
        out = docx.Document()
        for line in (title, "二、2025年工作安排", lead.strip(), "附件", caption):
            out.add_paragraph(line)
        table = out.add_table(rows=1, cols=len(header))
        for row_cells, texts in [(table.rows[0].cells, header)] + [
                (table.add_row().cells, row) for row in body]:
            for cell, text in zip(row_cells, texts, strict=True):
                cell.text = text
        out.save(HERE / name)

    annex_docx(header, rows, "广东民生实事表.docx")
    annex_docx(("序号", "项目"), [(number, name) for number, name, _ in rows],
               "广东民生实事名单.docx")

    merged = docx.Document()
    merged.add_paragraph(title)
    merged.add_paragraph("二、2025年工作安排")
    merged.add_paragraph(lead.strip())
    merged.add_paragraph("附件")
    table = merged.add_table(rows=2, cols=3)
    top = table.rows[0].cells
    top[0].merge(top[2]).text = caption
    for cell, text in zip(table.rows[1].cells, header, strict=True):
        cell.text = text
    for i, row in enumerate(rows):
        if i == 5:
            for cell, text in zip(table.add_row().cells, header, strict=True):
                cell.text = text
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    merged.save(HERE / "广东民生实事表_标题行.docx")

    cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                    for row in [("序号", "实事项目", "2025年目标任务"), *rows])
    page = (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<h1>{title}</h1><h2>二、2025年工作安排</h2><p>{html.escape(lead.strip())}</p>"
            f"<p>附件</p><p>{caption}</p><table>{cells}</table></body></html>")
    (HERE / "广东民生实事表.html").write_text(page, encoding="utf-8")

    lines = [title, "二、2025年工作安排", lead.strip(), "附件", caption,
             *("\t".join(row) for row in [header, *rows])]
    with (HERE / "广东民生实事表.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["title", "year", "province", "full_text"])
        writer.writerow([title, "2025", "广东省", "\n".join(lines)])


if __name__ == "__main__":
    main()
