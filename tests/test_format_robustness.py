"""Reading real tune reports rendered into the shapes reports arrive in (the transformations of
benchmarks/format_robustness.py): PDF text with page furniture, letter-spaced lines, a title in
a Word text box or page header, a byline run into the title line, a byline that looks like a
photo caption."""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path
from types import ModuleType

import pytest
from conftest import DATA, NATIONAL, PROVINCES, load_benchmark

from baogao.errors import InputError
from baogao.models import Document
from baogao.pipeline import build_document
from baogao.read import read_file
from baogao.read.meta import extract_metadata
from baogao.read.normalize import normalize
from baogao.read.text import decode_bytes

SEEDS_DIR = DATA / "seeds"
JIANGSU_2026 = PROVINCES / "2026_江苏省_政府工作报告.csv"
ANHUI_2025 = DATA / "formats" / "provinces-2025" / "2025年安徽省政府工作报告.docx"
JIANGSU_2025 = DATA / "formats" / "provinces-2025" / "2025年江苏省政府工作报告.docx"


@pytest.fixture(scope="module")
def fr() -> ModuleType:
    return load_benchmark("format_robustness")


def _clean(path: Path, chars: int | None = None) -> Document:
    """A tune report read without its collection columns, cut to its first ``chars``
    characters (whole lines)."""
    raw = dataclasses.replace(read_file(path, path.name)[0], hints={})
    if chars is not None:
        raw = dataclasses.replace(raw, text=raw.text[: raw.text.rfind("\n", 0, chars)])
    return build_document(raw)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；！？])|\n", text) if len(s) >= 8]


def test_pdf_text_page_numbers_and_running_headers_dropped(fr: ModuleType) -> None:
    doc = _clean(JIANGSU_2026, 9000)
    src = fr.Source("jiangsu", doc)
    for seed in range(8):  # the page-number styles and running headers the shape draws
        rendered = fr.shape_pdf_text(src, random.Random(seed))
        raw = rendered.data.decode("utf-8")
        assert raw.count("政府工作报告") >= 3  # the running header is there to drop
        text = normalize(raw).text
        assert text.count("政府工作报告") == doc.text.count("政府工作报告")
        assert not re.search(r"^(?:[-—] ?\d+ ?[-—]|第 ?\d+ ?页.*|\d+)$", text, re.M)
        assert text.count("\n2026年江苏省政府工作报告\n") + text.count("\n政府工作报告\n") == 0
        # every sentence of the clean text is whole again, across line and page breaks
        missing = [s for s in _sentences(doc.text) if s not in text.replace("\n", "")]
        assert not missing
        # a sentence cut by a page break reads as one line again
        assert "省战略性新兴产业基金集群规模" in doc.text
        line = next(ln for ln in text.split("\n") if "省战略性新兴产业基金集群规模" in ln)
        assert "政府工作报告" not in line and "页" not in line


def test_pdf_line_ending_on_a_closing_quote_is_rejoined(fr: ModuleType) -> None:
    doc = _clean(ANHUI_2025, 6000)
    name = "2025年安徽省政府工作报告.docx#0"
    rendered = fr.shape_pdf_text(fr.Source(name, doc), random.Random(f"pdf_text:{name}"))
    lines = rendered.data.decode("utf-8").split("\n")
    assert any(ln.endswith("”") and len(ln) >= 30 for ln in lines)
    text = normalize(rendered.data.decode("utf-8")).text
    for phrase in ("专精特新“小巨人”企业113家", "组织“百场万企”供需对接活动999场"):
        assert phrase in doc.text.replace("\n", "")
        assert phrase in text


def test_letter_spaced_text_reads_like_the_clean_text(fr: ModuleType) -> None:
    doc = _clean(JIANGSU_2026, 5000)
    rendered = fr.shape_spaced_all(fr.Source("jiangsu", doc), random.Random(0))
    assert "超 3 . 5 万 套" in rendered.data.decode("utf-8")
    text = normalize(rendered.data.decode("utf-8")).text
    assert text == doc.text.replace(" ", "")
    again = fr.read_rendered(rendered)
    assert (again.region, again.year, again.date, again.speaker) == (
        doc.region, doc.year, doc.date, doc.speaker)
    # Chinese characters spaced, numbers and Latin words whole (增 长 5.5% ，)
    rendered = fr.shape_spaced_cjk(fr.Source("jiangsu", doc), random.Random(0))
    assert "超 3.5 万 套" in rendered.data.decode("utf-8")
    assert normalize(rendered.data.decode("utf-8")).text == doc.text.replace(" ", "")
    # a line with ordinary spaces between words is left alone
    assert normalize("2026年 上海市 政府工作报告\n省长 刘小涛").text == (
        "2026年 上海市 政府工作报告\n省长 刘小涛")


@pytest.mark.parametrize("where", ["textbox", "header"])
def test_docx_title_in_a_text_box_or_page_header(fr: ModuleType, where: str) -> None:
    doc = _clean(JIANGSU_2026, 3000)
    rendered = fr._docx(fr.Source("jiangsu", doc), random.Random(1), where)
    again = fr.read_rendered(rendered)
    assert again.text.split("\n", 1)[0] == "2026年江苏省政府工作报告"
    assert again.title == doc.title == "2026年江苏省政府工作报告"
    assert (again.region, again.date, again.speaker) == (doc.region, doc.date, doc.speaker)


def test_title_run_into_its_byline(fr: ModuleType) -> None:
    doc = _clean(JIANGSU_2026, 3000)
    again = fr.read_rendered(fr._byline("oneline")(fr.Source("jiangsu", doc), random.Random(0)))
    assert again.text.startswith("2026年江苏省政府工作报告——2026年2月3日在")
    assert again.title == "2026年江苏省政府工作报告"
    assert (again.date, again.speaker, again.region) == ("2026-02-03", "刘小涛", "江苏省")


def test_no_dateline_or_byline_taken_for_the_title() -> None:
    anhui = _clean(ANHUI_2025, 3000)
    lines = anhui.text.split("\n")
    assert lines[1].startswith("2025年1月20日在") and lines[1].endswith("作政府工作报告")
    body = "\n".join(lines[1:])  # the title line lost: the byline must not stand in for it
    meta = extract_metadata(body, {})
    assert meta.title is None
    assert (meta.speaker, meta.date, meta.region) == ("王清宪", "2025-01-20", "安徽省")
    # nor a dateline (the first line of a report whose title sits in a text box)
    jiangsu = _clean(JIANGSU_2026, 3000).text.split("\n", 1)[1]
    assert jiangsu.startswith("——2026年2月3日在")
    assert extract_metadata(jiangsu, {}).title is None


def test_dated_byline_is_kept_not_dropped_as_a_caption() -> None:
    doc = _clean(JIANGSU_2025)
    byline = "2025年1月19日在江苏省第十四届人民代表大会第三次会议上省长许昆林作政府工作报告。"
    assert byline in doc.text
    again = build_document(dataclasses.replace(read_file(JIANGSU_2025, "j.docx")[0],
                                               text=doc.text, hints={}))
    assert (again.speaker, again.date) == ("许昆林", "2025-01-19")
    # a photo caption (the day without the year) is still dropped from the preamble
    page = ("2025年江苏省政府工作报告\n1月19日，省长许昆林作政府工作报告。\n"
            "各位代表：\n现在，我代表…")
    assert "许昆林" not in normalize(page).text


def test_fullwidth_underscore_and_ampersand_read_as_ascii(fr: ModuleType) -> None:
    ningxia = PROVINCES / "2026_宁夏回族自治区_政府工作报告.csv"
    doc = _clean(ningxia)
    assert "PM_2.5浓度" in doc.text
    again = fr.read_rendered(fr.shape_fullwidth(fr.Source("ningxia", doc), random.Random(0)))
    assert "PM＿2.5" not in again.text and "PM_2.5浓度" in again.text
    want = fr.fact_keys(fr.all_facts(doc), catalog=True)
    assert ("pm25", "actual", 2025, 25.9, "微克/立方米") in want
    assert fr.fact_keys(fr.all_facts(again), catalog=True) == want


def test_pdf_line_opening_on_a_decimal_is_no_numbered_heading(fr: ModuleType) -> None:
    seed = DATA / "seeds" / "000_b5713cac4734963f.txt"
    doc = _clean(seed, 4000)
    sentence = "一般公共预算收入扣除留抵退税后、同口径增长5.6%"
    assert sentence in doc.text
    name = "000_b5713cac4734963f.txt#0"
    rendered = fr.shape_pdf_text(fr.Source(name, doc), random.Random(f"pdf_indent:{name}"), True)
    assert "同口径增长\n5.6%," in rendered.data.decode("utf-8")  # 5.6%,… is no heading "5."
    assert sentence in fr.read_rendered(rendered).text
    assert normalize("一、总体要求\n2.加强监管").text == "一、总体要求\n2.加强监管"


def test_pdf_text_with_typed_paragraph_indents(fr: ModuleType) -> None:
    doc = _clean(JIANGSU_2026, 12000)
    name = "2026_江苏省_政府工作报告.csv#0"
    for seed in range(3):
        rendered = fr.shape_pdf_text(fr.Source(name, doc), random.Random(seed), True)
        raw = rendered.data.decode("utf-8")
        assert "\n\u3000\u3000各位代表" in raw
        text = normalize(raw).text
        # the paragraphs are the clean text's: a sentence ending at a full line's end does
        # not end its paragraph, an indented line opens one
        assert text.split("\n") == doc.text.split("\n")


def test_wrapped_byline_tail_is_no_caption(fr: ModuleType) -> None:
    doc = _clean(ANHUI_2025, 3000)
    name = "2025年安徽省政府工作报告.docx#0"
    rendered = fr.shape_pdf_text(fr.Source(name, doc), random.Random(f"pdf_indent:{name}"), True)
    raw = rendered.data.decode("utf-8")
    assert "\n长 王清宪作政府工作报告\n" in raw  # the byline wrapped after 省
    again = fr.read_rendered(rendered)
    assert "省长 王清宪作政府工作报告" in again.text
    assert (again.speaker, again.date, again.title) == ("王清宪", "2025-01-20", doc.title)


def test_markdown_reads_as_its_text(fr: ModuleType, tmp_path: Path) -> None:
    doc = _clean(JIANGSU_2026, 8000)
    rendered = fr.shape_markdown(fr.Source("jiangsu", doc), random.Random(0))
    md = rendered.data.decode("utf-8")
    assert "\n# 一、" in md and "**" in md
    again = fr.read_rendered(rendered)
    assert again.text == doc.text
    assert fr.fact_keys(fr.all_facts(again)) == fr.fact_keys(fr.all_facts(doc))
    # the same text saved as .txt is recognised as Markdown; a plain .txt is left alone
    path = tmp_path / "report.txt"
    path.write_text(md, "utf-8")
    assert read_file(path, path.name)[0].text.split("\n")[0] == doc.text.split("\n")[0]
    table = "| 指标 | 2025年 |\n|---|---:|\n| 地区生产总值 | 14.2万亿元 |\n"
    path.write_text("标题\n" + table + "**一是**经济。\n", "utf-8")
    assert read_file(path, path.name)[0].text.split("\n")[:4] == [
        "标题", "\t指标\t2025年", "\t地区生产总值\t14.2万亿元", "一是经济。"]
    plain = SEEDS_DIR / "000_b5713cac4734963f.txt"
    assert read_file(plain, plain.name)[0].text == plain.read_text("utf-8")


def test_wrapped_line_opening_like_a_heading_continues_its_sentence(fr: ModuleType) -> None:
    shanghai = DATA / "formats" / "provinces-2025" / "2025年上海市政府工作报告.docx"
    doc = _clean(shanghai)
    name = "2025年上海市政府工作报告.docx#0"
    rendered = fr.shape_pdf_text(fr.Source(name, doc), random.Random(f"pdf_text:{name}"))
    assert "\n二、世界第三。\n" in rendered.data.decode("utf-8")  # 排名分别升至世界第 / 二、…
    again = fr.read_rendered(rendered)
    assert "排名分别升至世界第二、世界第三。" in again.text
    assert [s.title for s in again.sections] == [s.title for s in doc.sections]
    # a heading after a paragraph's end stays a heading
    text = normalize("这是一段话的结尾。\n二、2025年工作安排").text
    assert text.split("\n")[1] == "二、2025年工作安排"


def test_title_printed_again_at_the_top_of_a_page_body(fr: ModuleType) -> None:
    seed = SEEDS_DIR / "001_c37d6c11197b0023.txt"
    doc = _clean(seed)
    assert doc.title == "2021年北京市东城区人民政府工作报告"
    name = "001_c37d6c11197b0023.txt#0"
    rendered = fr.shape_html_gov(fr.Source(name, doc), random.Random(f"html_gov:{name}"))
    assert f"<h1>{doc.title}</h1>" in rendered.data.decode("utf-8")
    again = fr.read_rendered(rendered)
    assert again.title == doc.title
    assert again.text.split("\n")[:2] == doc.text.split("\n")[:2]
    assert "网站标识码" not in again.text and "相关链接" not in again.text


def test_letter_spaced_report_does_not_read_a_meeting_from_its_body(fr: ModuleType) -> None:
    raw = read_file(NATIONAL, NATIONAL.name)[24]  # the 2008 report: no header, no date
    assert raw.hints["year"] == "2008"
    doc = build_document(dataclasses.replace(raw, hints={}))
    assert doc.meeting is None and doc.year == 2008
    assert "第十届全国人民代表大会第一次会议以来的五年" in doc.text  # a past meeting
    again = fr.read_rendered(fr.shape_spaced_all(fr.Source("2008", doc), random.Random(0)))
    assert (again.meeting, again.year, again.region) == (None, 2008, doc.region)


def test_gb18030_text_heavy_in_figures_is_decoded(fr: ModuleType) -> None:
    raw = read_file(NATIONAL, NATIONAL.name)[48]  # 1982: 一九八○年, figures in Chinese numerals
    assert raw.hints["year"] == "1982"
    doc = build_document(dataclasses.replace(raw, hints={}))
    rendered = fr.shape_gb18030(fr.Source("1982", doc), random.Random(0))
    again = fr.read_rendered(rendered)
    assert again.text == fr.read_rendered(fr.shape_plain(fr.Source("1982", doc), None)).text
    # bytes that are no text in any of the encodings reports come in are still refused
    with pytest.raises(InputError, match="not UTF-8, GB18030 or Big5"):
        decode_bytes(bytes(range(128, 256)) * 40, "x.txt")


def test_word_content_controls_tracked_insertions_and_heading_tabs(fr: ModuleType) -> None:
    doc = _clean(JIANGSU_2026, 12000)
    name = "2026_江苏省_政府工作报告.csv#0"
    rendered = fr.shape_docx_word(fr.Source(name, doc), random.Random(f"docx_word:{name}"))
    import io
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(rendered.data)).read("word/document.xml").decode("utf-8")
    assert "<w:sdt>" in xml and "<w:ins " in xml and "<w:tab/>" in xml
    again = fr.read_rendered(rendered)
    assert again.text == doc.text
    assert (again.title, again.region, again.date, again.speaker) == (
        doc.title, doc.region, doc.date, doc.speaker)
    assert [s.title for s in again.sections] == [s.title for s in doc.sections]


def test_page_number_run_onto_a_text_line_is_dropped() -> None:
    gansu = PROVINCES / "2026_甘肃省_政府工作报告.csv"
    doc = _clean(gansu)
    sentence = "实现“十四五”圆满收官。经济运行稳中有进。"
    assert sentence in doc.text
    before, after = sentence.split("稳")
    # pdfium lays the page foot out on the page's last text line: …经济运行稳 - 6 -
    pages = ["- 5 -", f"{before}稳 - 6 -", "2026年甘肃省政府工作报告", f"{after}", "- 7 -",
             "2026年甘肃省政府工作报告", "加力落实宏观政策。", "- 8 -", "2026年甘肃省政府工作报告"]
    text = normalize("\n".join(pages)).text
    assert "- 6 -" not in text and "经济运行稳" in text
    # without page numbers elsewhere a line ending so is left alone
    assert normalize("区间为 - 6 -").text == "区间为 - 6 -"


@pytest.mark.parametrize("name", ["2026_安徽省_政府工作报告.csv", "2026_广东省_政府工作报告.csv"])
def test_county_report_names_its_objects_without_the_county_word(fr: ModuleType,
                                                                  name: str) -> None:
    """A province report rewritten as a county's: 全县/我县 lead a name the way 全省/我省 do,
    so the open facts name the same objects as the province's own read (data:
    lead_noise and place_blockers in commitments.json)."""
    doc = _clean(PROVINCES / name)
    rendered = fr.shape_county(fr.Source(name, doc), random.Random(f"county:{name}"))
    assert rendered is not None
    county = fr.read_rendered(rendered)
    assert county.level == "district" and county.region_code != doc.region_code
    names = [f.name for f in fr.all_facts(county) if f.indicator is None]
    assert names, "the county report keeps its open facts"
    assert not [n for n in names if n.startswith(("全县", "我县", "本县"))]
    province_names = {rendered.rename(f.name) for f in fr.all_facts(doc) if f.indicator is None}
    assert len(set(names) & province_names) >= 0.97 * len(province_names)
