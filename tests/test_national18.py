"""Catalog facts of old national reports (session 18, tuning years only).

The shapes below are those of the 1958 report's plan (一九五八年的工业总产值，拟定为六百四十三
亿七千万元（按一九五七年不变价格计算），比一九五七年预计数增加八十一亿九千万元，增长百分之十四点
六。), read with a catalog metric in place of 工业总产值 (not a catalog indicator): the sentence
as printed, its paragraph and report around it unchanged.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from baogao.extract import extract_facts
from baogao.pipeline import read
from tests.conftest import NATIONAL, rewritten_national

SENTENCE = "一九五八年的工业总产值，拟定为"
LEVEL = ("industrial_agricultural_output", "target", 1958, 643.7)
GROWTH = ("industrial_agricultural_output_growth", "target", 1958, 14.6)


def _facts_with(tmp_path: Path, row: int, old: str, new: str) -> set[tuple[str, str, int | None,
                                                                           float | None]]:
    doc = rewritten_national(tmp_path, row, old, new)
    return {(f.indicator or "", f.kind, f.period, f.value) for f in extract_facts(doc)}


@pytest.mark.parametrize("subject", [
    "一九五八年的工农业总产值，拟定为",  # the metric, a comma, then the verb stating its figure
    "一九五八年的工农业总产值拟定为",
    "一九五八年的工农业总产值计划为",  # a plan word: the clauses continuing it are planned too
])
def test_a_planned_level_and_its_change_over_the_estimated_base(
        tmp_path: Path, subject: str) -> None:
    """比一九五七年预计数增加…，增长百分之十四点六: the change over last year's estimate is the
    plan's growth, as 比上年增长 would be."""
    facts = _facts_with(tmp_path, 58, SENTENCE, subject)
    assert {LEVEL, GROWTH} <= facts


def test_the_plan_as_printed_names_no_catalog_metric(tmp_path: Path) -> None:
    facts = _facts_with(tmp_path, 58, SENTENCE, SENTENCE)
    assert not {f for f in facts if f[0].startswith("industrial_agricultural_output")
                and f[2] == 1958}


def test_an_estimated_base_makes_no_estimate(tmp_path: Path) -> None:
    """The 1956 report's plan paragraph, with its first change stated over last year's
    estimate (将比１９５５年预计数增长９．３％): that estimate is a compared base, so the grain plan
    after it (粮食产量将要达到３，９８９亿斤) stays the plan's target, not this year's estimate."""
    plain = "１９５６年农业和副业总产值将比１９５５年增长９．３％。"
    facts = _facts_with(tmp_path, 60, plain, plain)
    assert ("grain_output", "target", 1956, 3989.0) in facts
    based = plain.replace("１９５５年增长", "１９５５年预计数增长")
    facts = _facts_with(tmp_path, 60, plain, based)
    assert ("grain_output", "target", 1956, 3989.0) in facts


@pytest.fixture(scope="module")
def national() -> dict[int, set[tuple[str, str, int | None, float | None]]]:
    """Steel and coal facts of the national tune reports, by row."""
    found: dict[int, set[tuple[str, str, int | None, float | None]]] = {}
    for doc in read(NATIONAL):
        if doc.row in (44, 51, 52, 57, 61, 36):
            found[doc.row] = {(f.indicator or "", f.kind, f.period, f.value)
                              for f in extract_facts(doc)
                              if f.indicator in ("steel_output", "coal_output")}
    return found


@pytest.mark.parametrize(("row", "fact"), [
    # 从一九八○年至一九八五年，我国原煤产量由六亿二千万吨增加到八亿五千万吨 (1986 report):
    # the years side by side in Chinese digits date both ends of the pair
    (44, ("coal_output", "actual", 1980, 62000.0)),
    (44, ("coal_output", "actual", 1985, 85000.0)),
    (44, ("steel_output", "actual", 1985, 4666.0)),
    # 这两年中，钢产量由二千零四十六万吨增加到三千一百七十八万吨 (1979 report): the two past
    # years govern the clause, yet the pair's ends are levels, of 1976 and 1978
    (51, ("steel_output", "actual", 1976, 2046.0)),
    (51, ("steel_output", "actual", 1978, 3178.0)),
    (51, ("coal_output", "actual", 1976, 48300.0)),  # the clause after the semicolon too
    # 钢：从一百三十五万吨增加到四百十二万吨 under …一九五七年的计划产量比一九五二年的产量…
    # 如下列： (1955 report): the lead's compared years date the pair
    (61, ("steel_output", "actual", 1952, 135.0)),
    (61, ("steel_output", "target", 1957, 412.0)),
    # 提出了钢产量一千八百万吨、煤产量三亿八千万吨 (1959 report): 提出了 leaves the subject
    (57, ("steel_output", "target", 1959, 1800.0)),
    (36, ("steel_output", "actual", 1997, 10000.0)),  # 1亿吨以上 in the catalog's 万吨
    # 到一九八五年，粮食产量达到八千亿斤，钢产量六千万吨 (1978 report): the deadline dates both
    (52, ("steel_output", "target", 1985, 6000.0)),
])
def test_steel_and_coal_output(national: dict[int, set[tuple[str, str, int | None,
                                                              float | None]]],
                               row: int, fact: tuple[str, str, int, float]) -> None:
    assert fact in national[row]


def test_a_loss_or_a_two_year_change_is_no_output(
        national: dict[int, set[tuple[str, str, int | None, float | None]]]) -> None:
    """The 1979 report's 增长百分之五十五点三 after the pair is over two years: not read."""
    assert all(f[3] != 55.3 for f in national[51])


@pytest.mark.parametrize(("sentence", "read"), [
    ("钢材产量达到1.2亿吨。", []),  # 钢 opens 钢材: not steel
    ("钢铁产量达到1.2亿吨。", []),
    ("钢筋用量达到500万吨。", []),
    ("原煤入洗量达到5亿吨。", []),  # 原煤 opens another measure
    ("原煤达到10.9亿吨，钢突破7000万吨。", [("coal_output", 109000), ("steel_output", 7000)]),
    ("钢三千九百万吨，增长百分之五点一。", [("steel_output", 3900)]),
])
def test_bare_names_are_read_only_before_their_value(sentence: str,
                                                      read: list[tuple[str, int]]) -> None:
    from baogao.extract.facts import sentence_readings
    from baogao.extract.periods import _Span

    readings = sentence_readings(sentence, _Span(0, len(sentence)))
    assert [(r.indicator, r.value) for r in readings] == [(i, Decimal(v)) for i, v in read]
