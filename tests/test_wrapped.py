"""Hard-wrapped text (issue 9, session 17; measured by benchmarks/wrap_perturb.py on the tune
pages of the fresh sets): a copy whose lines were cut at one display width keeps its paragraphs
whole even where a cut falls just after a sentence end (a full line ending in 。 or ；), while a
short line, or a full one before a line opening on a year (2022年一季度，…), still ends one.
Each test wraps a real tune page (tests/data/wrapped, copied from benchmarks/data) the way a
terminal or a plain-text copy does."""

from __future__ import annotations

from baogao.read.normalize import normalize
from tests.conftest import DATA
from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc

PAGES = DATA / "wrapped"


def _wrap(text: str, width: int) -> str:
    """Every line of ``text`` cut at ``width`` display columns of two (a Chinese character or
    mark takes two columns, an ASCII one one)."""
    out: list[str] = []
    for line in text.split("\n"):
        cur, used = "", 0
        for ch in line.rstrip():
            cols = 1 if ch.isascii() else 2
            if used + cols > 2 * width and cur:
                out.append(cur)
                cur, used = "", 0
            cur += ch
            used += cols
        out.append(cur)
    return "\n".join(out)


def _page(name: str, width: int) -> str:
    return _wrap((PAGES / name).read_text("utf-8"), width)


def test_a_full_line_ending_on_a_sentence_end_goes_on_with_its_paragraph() -> None:
    # 安徽省 2020 plan (fresh13 59) at 35 columns: a full line ends on 。 inside the paragraph of
    # the year's targets, which opens on 2020年 two lines above
    text = _page("59_anhui_plan2020.txt", 35)
    assert any(len(ln) >= 34 and ln.endswith("。") for ln in text.splitlines())
    facts = _catalog(_doc(text))
    assert ("fixed_asset_investment_growth", "target", False, 2020, 10.0, "approx") in facts
    assert ("retail_sales_growth", "target", False, 2020, 9.5, "approx") in facts
    assert ("cpi_growth", "target", False, 2020, 3.5, "approx") in facts
    assert ("registered_unemployment_rate", "target", False, 2020, 4.5, "max") in facts


def test_a_full_line_ending_on_a_half_width_semicolon_goes_on_too() -> None:
    # 果洛州 2023 news page (fresh16 48, half-width marks) at 35 columns: …增幅位列全省第二; /
    # 全社会固定资产投资… is one paragraph of 2022's results
    facts = _catalog(_doc(_page("48_guoluo2023_news.txt", 35)))
    assert ("general_budget_revenue_growth", "actual", False, 2022, -5.44, None) in facts
    assert ("general_budget_expenditure", "actual", False, 2022, 99.95, None) in facts
    assert ("registered_unemployment_rate", "actual", False, 2022, 3.0, "max") in facts


def test_the_wrapped_page_reads_as_the_page_does() -> None:
    # 凤县 2025 news page (fresh16 43): its 2024 results read the same wrapped at 35 columns
    clean = _catalog(_doc((PAGES / "43_fengxian2025_news.txt").read_text("utf-8")))
    wrapped = _catalog(_doc(_page("43_fengxian2025_news.txt", 35)))
    assert ("gdp_growth", "actual", False, 2024, 3.5, None) in clean
    assert set(clean) <= set(wrapped)


def test_a_short_line_still_ends_its_paragraph() -> None:
    text = _page("59_anhui_plan2020.txt", 35)
    lines = normalize(text).text.splitlines()
    # the title's last short line (…计划草案的报告》。) ends the opening paragraph
    assert any(ln.endswith("计划草案的报告》。") for ln in lines)
    assert not any("计划草案的报告》。报告指出" in ln for ln in lines)


def test_a_full_line_before_a_line_opening_on_a_year_ends_its_paragraph() -> None:
    # 坪山区 2022 (fresh17 35) at 35 columns: the targets' paragraph fills its last line
    # (…完成节能减排目标任务。) and the next opens on 2022年一季度: the quarter's values stay the
    # quarter's, not the year's
    text = _page("35_pingshan2022_news.txt", 35)
    facts = _catalog(_doc(text))
    assert not [f for f in facts if f[1] == "actual" and f[3] == 2022]
    assert ("gdp_growth", "target", False, 2022, 7.0, "approx") in facts
