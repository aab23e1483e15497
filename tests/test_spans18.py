"""From-to pairs under a pair of years (issue 9, session 18): years side by side that name the
span of a plan (从2001年到2005年的第十个五年计划时期) start the values of that span in the year
before the first (a plan's base year), while a bare pair of years (从一九八○年至一九八五年，…,
checked on the 1986 report in tests/test_national18.py) dates the start value by its first
year. The page is a real tune page (tests/data/lead18)."""

from __future__ import annotations

from tests.conftest import DATA
from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc

#: the 宁波市 2006 report as a page with no paragraph breaks (fresh13 40, tune)
NINGBO_2006 = (DATA / "lead18" / "40_ningbo2006.txt").read_text("utf-8")


def test_a_plan_span_dates_its_from_to_values_from_the_year_before_its_first_year() -> None:
    facts = _catalog(_doc(NINGBO_2006))
    assert ("gdp", "actual", False, 2000, 1175.8, None) in facts
    assert ("gdp", "actual", False, 2005, 2446.4, None) in facts
    assert ("gdp_per_capita", "actual", False, 2000, 22025.0, None) in facts
    assert ("gdp_per_capita", "actual", False, 2005, 38733.0, None) in facts
    assert not [f for f in facts if f[3] == 2001]

