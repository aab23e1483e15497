"""Numbers, units, ranges and bounds (baogao.extract.numbers) and unit conversion."""

from __future__ import annotations

from decimal import Decimal

import pytest

from baogao.extract.catalog import convert, find_mentions, match_name
from baogao.extract.numbers import find_quantities, parse_number, read_cell


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5700.1", "5700.1"),
        ("-4.4", "-4.4"),
        ("五百七十", "570"),
        ("一千二百万", "12000000"),
        ("两", "2"),
        ("十", "10"),
        ("十二", "12"),
        ("二十点九", "20.9"),
        ("百分之十一点八", "11.8"),
        ("一千零五", "1005"),
        ("三亿五千万", "350000000"),
        ("1.2万", "12000"),
        ("一九五七", "1957"),
    ],
)
def test_parse_number(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "万", "abc", "5.5.5", "点"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def _one(text: str) -> tuple[object, ...]:
    (q,) = find_quantities(text)
    return (q.value, q.unit, q.bound, q.value_high, text[q.start : q.end])


def test_quantity_with_unit_and_bound() -> None:
    assert _one("增长4%左右") == (Decimal(4), "%", "approx", None, "4%左右")
    assert _one("控制在3.5%以内") == (Decimal("3.5"), "%", "max", None, "3.5%以内")
    assert _one("不超过4%") == (Decimal(4), "%", "max", None, "不超过4%")
    assert _one("1200万人以上") == (Decimal(1200), "万人", "min", None, "1200万人以上")
    assert _one("达到134.9万亿元") == (Decimal("134.9"), "万亿元", None, None, "134.9万亿元")


@pytest.mark.parametrize("text", ["4.5%—5%", "4.5%到5%", "4.5%-5%", "4.5-5%", "4.5%～5%"])
def test_ranges(text: str) -> None:
    value, unit, bound, high, _ = _one(f"增长{text}")
    assert (value, unit, bound, high) == (Decimal("4.5"), "%", None, Decimal(5))


def test_chinese_percent() -> None:
    assert _one("增长百分之二十点九") == (Decimal("20.9"), "%", None, None, "百分之二十点九")


def test_percentage_points_keep_their_unit() -> None:
    assert _one("高于全国0.4个百分点")[1] == "个百分点"


def test_words_that_are_not_values() -> None:
    assert find_quantities("千亿元县") == []
    assert find_quantities("千亿级产业") == []
    assert find_quantities("“十四五”规划") == []
    assert find_quantities("2024年计划") == []


@pytest.mark.parametrize(
    ("cell", "value", "bound"),
    [
        ("5左右", "5", "approx"),
        ("<3.5", "3.5", "max"),
        ("稳定在98.5以上", "98.5", "min"),
        ("100", "100", None),
    ],
)
def test_read_cell(cell: str, value: str, bound: str | None) -> None:
    quantity = read_cell(cell)
    assert quantity is not None
    assert (quantity.value, quantity.bound) == (Decimal(value), bound)


def test_read_cell_rejects_text() -> None:
    assert read_cell("达到市级要求") is None
    assert read_cell("-") is None


@pytest.mark.parametrize(
    ("value", "unit", "target", "expected"),
    [
        ("5.67", "万亿元", "亿元", "56700"),
        ("9.2", "万元", "元", "92000"),
        ("1300", "万吨", "亿斤", "260"),
        ("1.4", "万亿斤", "亿斤", "14000"),
        ("5.31", "亿吨", "亿斤", "10620"),
        ("1256", "万人", "万人", "1256"),
    ],
)
def test_convert(value: str, unit: str, target: str, expected: str) -> None:
    assert convert(Decimal(value), unit, target) == Decimal(expected)


def test_convert_refuses_other_units() -> None:
    assert convert(Decimal(1), "亿美元", "亿元") is None
    assert convert(Decimal(1), "%", "亿元") is None


def test_mentions_longest_match_wins() -> None:
    text = "万元地区生产总值能耗降幅和人均地区生产总值"
    found = [(m.surface, m.family.growth or m.family.level) for m in find_mentions(text)]
    assert found == [
        ("万元地区生产总值能耗降幅", "energy_intensity_reduction"),
        ("人均地区生产总值", "gdp_per_capita"),
    ]


def test_mention_families_pair_level_and_growth() -> None:
    (mention,) = find_mentions("全体居民人均可支配收入")
    assert mention.family.level == "disposable_income_per_capita"
    assert mention.family.growth == "disposable_income_per_capita_growth"


def test_match_name_accepts_growth_suffix() -> None:
    mention = match_name("居民人均可支配收入增速")
    assert mention is not None and mention.growth_word == "增速"
    assert match_name("单位地区生产总值生产安全事故死亡率") is None


def test_bare_magnitude_after_a_threshold_word() -> None:
    """突破万亿元 / 超千亿元: a milestone of one order of magnitude is a min-bound value."""
    assert _one("进出口总额突破万亿元")[:3] == (Decimal(10) ** 12, "元", "min")
    assert _one("超千亿元县")[:3] == (Decimal(10) ** 11, "元", "min")


def test_grouped_digits_spaces_and_unit_first() -> None:
    """3，680亿斤 (grouped), 7 4 7 7 2 亿元 (typeset spaces), 每立方米20微克 (unit first)."""
    assert _one("粮食总产量达到3，680亿斤")[:2] == (Decimal(3680), "亿斤")
    assert _one("国内生产总值达到7 4 7 7 2 亿元")[:2] == (Decimal(74772), "亿元")
    assert _one("39.8\u200b万亿元")[:2] == (Decimal("39.8"), "万亿元")
    assert _one("浓度为每立方米20微克以下")[:3] == (Decimal(20), "微克/立方米", "max")
    assert _one("不超过35微克每立方米")[:3] == (Decimal(35), "微克/立方米", "max")
    assert [q.value for q in find_quantities("增长5%，680家")] == [Decimal(5), Decimal(680)]


def test_more_than_after_the_number() -> None:
    """67700多亿元 / 700余万人: more than the number (min). Inside a Chinese numeral
    (四亿零七百多万吨) the 万 after 多 belongs to the group before it: 4.07亿吨 and more,
    never 四亿零七百 times 万吨."""
    assert _one("国内生产总值达到67700多亿元")[:3] == (Decimal(67700), "亿元", "min")
    assert _one("城镇新增就业700余万人")[:3] == (Decimal(700), "万人", "min")
    assert all(q.unit != "万吨" for q in find_quantities("粮食产量达到四亿零七百多万吨"))
    assert _one("粮食产量达到四亿零七百多万吨")[:3] == (Decimal(407000000), "吨", "min")
    assert _one("预计达到三亿三千五百多万吨")[:3] == (Decimal(335000000), "吨", "min")
    assert _one("增产一千多万吨")[:3] == (Decimal(1000), "万吨", "min")
    assert _one("财政收入一万多亿元")[:3] == (Decimal(10000), "亿元", "min")


def test_first_quantity_is_the_first_found_over_real_sentences() -> None:
    """``first_quantity`` stops at the first quantity of the kept units: the same one
    ``find_quantities`` lists first, sentence by sentence of a real report."""
    from pathlib import Path

    from baogao.extract.numbers import first_quantity
    from baogao.extract.periods import iter_sentences
    from baogao.pipeline import read

    seed = Path(__file__).parent / "data" / "seeds" / "000_b5713cac4734963f.txt"
    doc = next(iter(read(seed)))
    checked = 0
    for para in doc.paragraphs:
        for s in iter_sentences(doc.text, para.start, para.end):
            for skip in ((), ("个", "")):
                listed = [q for q in find_quantities(doc.text, s.start, s.end)
                          if q.unit not in skip]
                assert first_quantity(doc.text, s.start, s.end, skip) == (
                    listed[0] if listed else None)
                checked += bool(listed)
    assert checked > 100


def test_parse_number_follows_the_numeral_length_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept numerals are read again under another limit (the limit is part of the key)."""
    assert parse_number("12345") == Decimal(12345)
    monkeypatch.setenv("BAOGAO_MAX_NUMERAL_CHARS", "4")
    assert parse_number("12345") is None
    assert parse_number("1234") == Decimal(1234)
