"""Normalization: canonical text, and offsets that lead back to the original."""

from __future__ import annotations

from conftest import PROVINCES, SEEDS

from baogao.read.normalize import is_chrome, is_mostly_traditional, normalize, original_span


def _check_map(original: str, text: str, offsets: tuple[int, ...]) -> None:
    assert len(offsets) == len(text)
    assert offsets == tuple(sorted(offsets))
    for i, ch in enumerate(text):
        if ch.isdigit() and ch.isascii():
            src = original[offsets[i]]
            assert src == ch or ord(src) - 0xFEE0 == ord(ch)


def test_traditional_page_becomes_simplified_with_offsets() -> None:
    original = (SEEDS / "004_ad073e54fd368939.txt").read_text("utf-8")
    assert is_mostly_traditional(original)
    result = normalize(original)
    assert "区政府向公众报告工作侧记" in result.text
    assert "區" not in result.text
    _check_map(original, result.text, result.offset_map)
    i = result.text.index("孙硕")
    start, end = original_span(result.offset_map, i, i + 2)
    assert original[start:end] == "孫碩"


def test_fullwidth_digits_and_ideographic_spaces() -> None:
    result = normalize("西城区人民政府区长\u3000王少峰\n同比增长１２．５％。")
    assert result.text == "西城区人民政府区长 王少峰\n同比增长12.5%。"


def test_word_bookmarks_and_blank_lines_dropped() -> None:
    result = normalize("第一段[bookmark: _Hlk152373045]内容。\n\n\n第二段。")
    assert result.text == "第一段内容。\n第二段。"
    assert result.text[3] == "内"


def test_dateline_wrapped_over_two_lines_is_rejoined() -> None:
    original = (SEEDS / "000_b5713cac4734963f.txt").read_text("utf-8")
    text = normalize(original).text
    assert "——2023年1月4日在北京市西城区第十七届人民代表大会第三次会议上\n" in text


def test_flattened_table_cells_become_rows() -> None:
    original = (SEEDS / "003_cd0a21e123bf8728.txt").read_text("utf-8")
    result = normalize(original)
    rows = [ln for ln in result.text.split("\n") if "\t" in ln]
    assert "创新发展\t1\t全员劳动生产率（万元/人）\t-\t预期性" in rows
    # a cell wrapped over two lines (达到\n市级要求) is one cell
    pm25 = "细颗粒物（PM2.5）年均浓度（微克/立方米）\t达到市级要求\t约束性"
    assert any(r.endswith(pm25) for r in rows)
    _check_map(original, result.text, result.offset_map)


def test_web_chrome_and_captions_dropped_from_scraped_pages() -> None:
    import csv

    csv.field_size_limit(1 << 30)
    for path in sorted(PROVINCES.glob("*.csv")):
        with path.open(encoding="utf-8-sig") as fh:
            text = next(csv.DictReader(fh))["full_text"]
        result = normalize(text).text
        head = result[: result.index("各位代表")]
        for chrome in ("下载\n", "打印\n", "【字号", "来源：", "扫一扫", "相关报道", "记者"):
            assert chrome not in head, (path.name, chrome)
        assert not result.rstrip().endswith(("相关报道：", "关闭窗口", "】"))


def test_is_chrome() -> None:
    assert is_chrome("打印本页")
    assert is_chrome("来源：解放日报")
    assert not is_chrome("全区地区生产总值实现5700.1亿元")


def test_invisible_characters_dropped_and_numbers_read_whole() -> None:
    original = "增长\u200b5\u200c.2%，规模达到74.4\n万亿元，比上年增长5.\n3%。\n2024\n2025"
    result = normalize(original)
    assert result.text == "增长5.2%，规模达到74.4万亿元，比上年增长5.3%。\n2024\n2025"
    _check_map(original, result.text, result.offset_map)
    i = result.text.index("74.4万亿元")
    start, end = original_span(result.offset_map, i, i + len("74.4万亿元"))
    assert original[start:end] == "74.4\n万亿元"


# pinyin glosses some sites print after characters of a traditional-script copy
_GLOSSES = {"報": "bào", "會": "huì", "現": "xiàn", "發": "fā", "經": "jīng", "濟": "jì",
            "區": "qū", "務": "wù", "長": "zhǎng", "議": "yì"}


def test_pinyin_glosses_after_characters_are_dropped() -> None:
    original = (SEEDS / "004_ad073e54fd368939.txt").read_text("utf-8")
    glossed = "".join(
        ch + (f"({_GLOSSES[ch]})" if i % 2 else f"（{_GLOSSES[ch]}）") if ch in _GLOSSES else ch
        for i, ch in enumerate(original))
    assert glossed.count("(") > 50 + original.count("(")
    result = normalize(glossed)
    assert result.text == normalize(original).text
    i = result.text.index("区政府向公众报告工作")
    start, end = original_span(result.offset_map, i, i + 3)
    assert glossed[start:end].startswith("區(qū)政") or glossed[start:end].startswith("區（qū）政")


def test_brackets_holding_latin_words_or_numbers_are_kept() -> None:
    text = "地区生产总值(GDP)增长5.6%，居民消费价格指数（CPI）上涨(a)。空气质量(AQI)优良天数(pm)。"
    assert normalize(text).text == text
