"""Values over several years that their sentence names, of no one year.

* ``summed_span``: a sum after a span of years (五年国家共安排…, 几年来，全国共计关闭…, 比第一个
  五年计划期间…的总和五百三十七个), or a flow after years since a start (“十四五”规划实施以来，
  新增…);
* ``past_plan_span``: a value of the years of a five-year plan ended before the report
  (第一个五年计划期间，…投资总额共为四百九十三亿元, in the 1959 report); ``past_plan_lead``
  when the plan is named as the value's own span, not as a base (比“六五”期间增长…).

The words are in ``baogao/data/cues.json`` (``summed_span``).
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import cues
from baogao.extract.periods import plan_name_starts, plan_names, year_re
from baogao.extract.spans import reached_level


@functools.lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], tuple[str, ...],
                      tuple[str, ...], tuple[str, ...]]:
    """The sum words, the spans of years, one year's words, the flow words, the words after a
    plan's name that make it its years, the units of a rate (never a sum)."""
    table = cues()["summed_span"]
    one = re.compile(year_re().pattern + "|" + str(table["one_year"]))
    return (re.compile(str(table["sum"])), re.compile(str(table["span"])), one,
            tuple(table["flows"]), tuple(table["plan_years"]), tuple(table["rate_units"]))


def summed_span(text: str, sentence: int, clause: int, pos: int, unit: str) -> bool:
    """True when a word of a sum stands before the value at ``pos`` in its sentence after a
    span of years, with no one year named since (五年国家共安排国债资金3000亿元，建设水利工程
    1500项; 几年来，全国共计关闭小煤矿1.1万处; 比第一个五年计划期间…的总和五百三十七个), or a
    flow (新增, 建成) in its clause after years since a start (“十四五”规划实施以来，新增…): a
    total over those years, of no one year. A level its own clause reaches (五年来共完成造林…，
    森林覆盖率达到18.21%) is not summed, nor a rate (累计国债余额占国内生产总值比重20%左右: a
    share; 累计下降17.3%: a change, see ``open.checks.own_period``)."""
    total, spans, one, flows, _, rates = _words()
    if unit in rates:
        return False
    own = text[clause:pos]
    for span in spans.finditer(text, sentence, pos):
        if one.search(text, span.end(), pos) is not None:
            continue
        found = total.search(text, span.end(), pos)
        if found is not None and (found.start() >= clause or not reached_level(
                text, clause, pos)):
            return True
        if span.group(0).endswith("来") and any(w in own for w in flows):
            return True
    return False


def past_plan_span(text: str, sentence: int, pos: int, year: int | None) -> bool:
    """True when the value at ``pos`` is of the years of a five-year plan ended before the
    report's ``year`` that its sentence names before it, no one year named since (第一个五年
    计划期间，国家对经济和文化部门的基本建设投资总额共为四百九十三亿元; 苏联在我国第一个五年计划
    期间帮助我们建设的一百六十六个重大建设项目, in the 1959 report): a total or a change over
    them, of no one year."""
    if year is None:
        return False
    _, _, one, _, after, _ = _words()
    return any(end is not None and end < year and text.startswith(after, at)
               and one.search(text, at, pos) is None for at, end in plan_names(text, sentence, pos))


def past_plan_lead(text: str, sentence: int, pos: int, year: int | None) -> bool:
    """True when the value at ``pos`` is of the years of a five-year plan ended before the
    report's ``year`` (``past_plan_span``) that its sentence names as its own span, not as a
    base compared with (比“六五”期间增长百分之七十, 比第五个五年计划期间的…增加: a plan's
    figure against the last plan's): what was done over those years, even in a plan part
    (“十一五”时期，全国累计新增城镇就业6431万人)."""
    if not past_plan_span(text, sentence, pos, year):
        return False
    return not any(at > sentence and text[at - 1] in _BASE_MARKS
                   for at in plan_name_starts(text, sentence, pos))


#: What stands right before a period named as a base (比“六五”期间, 同第一个五年计划时期).
_BASE_MARKS = "比较同与和跟"
