"""General guards on catalog facts (issue 9, session 16), learned from baogao's first look at
unseen pages (benchmarks/first_look.py, benchmarks/data/fresh16/GUARDS.md): most wrong facts
there were right numbers tied to no year, because the page's year could not be read. A catalog
fact whose period cannot be told is not emitted; the number stays an open fact. The quotations
are of a real tune page (fresh13 20, 宜丰县's 2009 report)."""

from __future__ import annotations

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc

#: the review's first paragraph alone: no year anywhere
UNDATED = (
    "过去的一年,在县委的正确领导下,在县人大、县政协的监督和支持下,县人民政府团结和带领全县人民,"
    "继续解放思想,推动科学发展,较好地完成了县人大十四届二次会议确定的各项任务。"
    "全县实现生产总值36.8亿元,同比增长15.9%;全社会固定资产投资15.24亿元,增长40%。\n"
)


def test_a_value_tied_to_no_year_is_no_catalog_fact() -> None:
    doc = _doc(UNDATED)
    assert doc.year is None
    assert _catalog(doc) == []


def test_the_number_stays_an_open_fact() -> None:
    doc = _doc(UNDATED)
    values = {f.value for f in open_facts(doc, extract_facts(doc))}
    assert 36.8 in values


def test_the_same_paragraph_under_its_year_keeps_its_facts() -> None:
    doc = _doc("2009年政府工作报告\n\n二〇〇八年工作回顾\n\n" + UNDATED)
    assert doc.year == 2009
    facts = _catalog(doc)
    assert ("gdp", "actual", False, 2008, 36.8, None) in facts
    assert ("gdp_growth", "actual", False, 2008, 15.9, None) in facts
