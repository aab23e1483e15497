"""Catalog facts of old national reports (session 18, tuning years only).

The shapes below are those of the 1958 report's plan (一九五八年的工业总产值，拟定为六百四十三
亿七千万元（按一九五七年不变价格计算），比一九五七年预计数增加八十一亿九千万元，增长百分之十四点
六。), read with a catalog metric in place of 工业总产值 (not a catalog indicator): the sentence
as printed, its paragraph and report around it unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baogao.extract import extract_facts
from baogao.pipeline import read
from tests.conftest import NATIONAL

SENTENCE = "一九五八年的工业总产值，拟定为"
LEVEL = ("industrial_agricultural_output", "target", 1958, 643.7)
GROWTH = ("industrial_agricultural_output_growth", "target", 1958, 14.6)


def _facts_with(tmp_path: Path, row: int, old: str, new: str) -> set[tuple[str, str, int | None,
                                                                           float | None]]:
    record = json.loads(NATIONAL.read_text("utf-8").splitlines()[row])
    assert old in record["content"]
    record["content"] = record["content"].replace(old, new, 1)
    path = tmp_path / "government_work_reports.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    [doc] = list(read(path))
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
