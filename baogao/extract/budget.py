"""The shapes of a budget report (预算执行情况和预算草案的报告).

A budget report states last year's results with 完成 (一般公共预算收入完成16.75亿元，增长23%;
预计完成… while the year is not closed) and this year's budget with 安排 or 预算. When the
outline cannot tell the review from the plan (a table's row labels 一、本级收入 taken for
headings after the review), or a news page gives no year, the words still can: a value after
完成, or followed by its share of the budget (完成预算的102.3%), with no plan word before it
and no year of its own, is last year's result. Its totals (一般公共预算总收入) count the
transfers from above; the part it calls 当年收入 or 本级收入 is the region's own.
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import Family, Mention, load_catalog, page_shapes
from baogao.extract.periods import Timing, _Span, has_cue
from baogao.models import Document


def budget_result_timing(doc: Document, sentence: _Span, pos: int,
                         estimated: bool) -> Timing | None:
    """Last year's result when a budget report's sentence says the value at ``pos`` was
    completed (完成), or gives its share of the budget (，完成预算的102.3%), else None."""
    if doc.doc_type != "budget_report" or doc.year is None:
        return None
    shapes = page_shapes()
    head = doc.text[sentence.start : pos]
    at = max(head.rfind(v) for v in shapes["budget_result_verbs"])
    executed = re.search(str(shapes["budget_execution_rate"]), doc.text[pos : sentence.end])
    if (at < 0 and executed is None) or has_cue(head, "target_cues"):
        return None
    if any(w in head for w in shapes["budget_plan_words"]):
        return None
    return Timing("actual", estimated, doc.year - 1)


@functools.lru_cache(maxsize=1)
def _part_re() -> re.Pattern[str]:
    return re.compile(str(page_shapes()["budget_own_part"]))


def own_part_mentions(text: str, start: int, end: int) -> list[Mention]:
    """一般公共预算总收入637.58亿元，其中：当年收入292.14亿元: the total counts transfers from
    above; the part the report calls 当年 (or 本级) is the region's own budget revenue (or
    expenditure), a mention of that indicator."""
    found: list[Mention] = []
    parts: dict[str, str] = page_shapes()["budget_own_part_indicators"]
    for match in _part_re().finditer(text, start, end):
        indicator = parts[match.group("side")]
        family = Family(level=indicator, growth=f"{indicator}_growth"
                        if f"{indicator}_growth" in load_catalog() else None)
        word = match.group("part")
        found.append(Mention(match.start("part"), match.end("part"), word, word, family, None))
    return found
