"""Reading reports nobody here had seen (issue 9, session 17; measured by
benchmarks/fresh_pages.py on the annotated pages of benchmarks/data/fresh17 and the tune splits
of the earlier sets): a year headline with a word saying which way it looks (回顾2017年,
展望2018年); a paragraph opening on a part of a year (2022年一季度，…) whose values are the
quarter's; 地方生产总值 as a name of GDP; 万元GDP综合能耗 as energy intensity, not GDP; a
completion share against the year's target (完成全年总量目标的107%) between a level and its
growth; a cumulative lead shared by a bare clause after it (累计完成…，实际利用外资19亿美元);
增 alone before a rate (生产总值增 8.8%, 同比增8.7%) as a growth; a government site's frame
(breadcrumb, print bar, 上一篇/下一篇, footer) read as furniture, not as the report.
Each test reads a real tune page (tests/data/fresh17) or a variant of one."""

from __future__ import annotations

from tests.conftest import DATA
from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc

PAGES = DATA / "fresh17"


def _page(name: str) -> str:
    """A tune page of fresh17 as the search tool stored it (copied from benchmarks/data)."""
    return (PAGES / name).read_text("utf-8")

#: a news page's headline panel on the 商洛市 2018 report (fresh17 13), Traditional characters
SHANGLUO_2018 = _page("13_shangluo2018_news.txt")


def test_year_headlines_with_a_review_or_outlook_word_date_the_lines_after_them() -> None:
    doc = _doc(SHANGLUO_2018)
    assert doc.year == 2018
    facts = _catalog(doc)
    assert ("gdp_growth", "actual", False, 2017, 9.5, None) in facts
    assert ("industrial_value_added_growth", "actual", False, 2017, 14.5, None) in facts
    assert ("fiscal_revenue_growth", "actual", False, 2017, 9.1, None) in facts
    assert ("gdp_growth", "target", False, 2018, 9.0, "approx") in facts
    assert ("registered_unemployment_rate", "target", False, 2018, 3.9, "max") in facts
    assert ("cpi_growth", "target", False, 2018, 3.0, "max") in facts


def test_a_year_headline_with_another_word_dates_nothing() -> None:
    # 2017年的成就: a year with a word that is no review or outlook word is left to its words
    facts = _catalog(_doc(SHANGLUO_2018.replace("回顧2017年", "2017年的成就")))
    assert not [f for f in facts if f[3] == 2017]


#: 深圳商报 on the 坪山区 2022 report (fresh17 35): the year's results and targets, then the
#: first quarter of 2022
PINGSHAN_2022 = _page("35_pingshan2022_news.txt")


def test_a_paragraph_opening_on_a_quarter_gives_no_values_of_the_year() -> None:
    facts = _catalog(_doc(PINGSHAN_2022))
    assert ("gdp_growth", "actual", False, 2021, 11.7, None) in facts
    assert ("gdp_growth", "target", False, 2022, 7.0, "approx") in facts
    assert not [f for f in facts if f[4] in (22.0, 40.1, 13.3)]
    assert ("gdp_growth", "actual", True, 2022, 7.0, "min") not in facts


def test_a_whole_year_named_after_the_quarter_gives_the_years_values_again() -> None:
    # a variant: 预计2022年 after the quarter's opening names the whole year again
    text = PINGSHAN_2022.replace("初步預計,地區生產總值增長7%以上",
                                 "預計2022年地區生產總值增長7%以上")
    facts = _catalog(_doc(text))
    assert ("fixed_asset_investment_growth", "actual", True, 2022, 40.1, None) in facts


#: a 和硕县 report delivered 2017-12-25 (fresh17 20): 地方生产总值, a county's GDP in 新疆
HESHUO = _page("20_heshuo2018.txt")


def test_di_fang_sheng_chan_zong_zhi_is_gdp() -> None:
    facts = _catalog(_doc(HESHUO))
    assert ("gdp", "actual", True, 2017, 38.62, None) in facts
    assert ("gdp_growth", "actual", True, 2017, 8.1, None) in facts


#: the 汉南区 plan report of 2021-12 (fresh17 34), its list of the year's results
HANNAN_PLAN = _page("34_hannan_plan2022.txt")


def test_a_share_of_the_years_target_between_a_level_and_its_growth_is_an_aside() -> None:
    facts = _catalog(_doc(HANNAN_PLAN))
    assert ("gdp", "actual", True, 2021, 1900.0, None) in facts
    assert ("gdp_growth", "actual", True, 2021, 15.0, None) in facts


def test_energy_per_gdp_is_energy_intensity_not_gdp() -> None:
    facts = _catalog(_doc(HANNAN_PLAN))
    assert ("energy_intensity_reduction", "actual", True, 2021, 2.3, None) in facts
    assert not [f for f in facts if f[0] == "gdp_growth" and f[4] == -2.3]


#: the 海宁市 2022 report as a document library prints it (fresh17 37): a five-year review
HAINING_2022 = _page("37_haining2022_doc.txt")


def test_a_cumulative_lead_is_shared_by_the_bare_clause_after_it() -> None:
    facts = _catalog(_doc(HAINING_2022))
    assert not [f for f in facts if f[0] == "foreign_investment_actual"]
    # a variant without the cumulative word: the year's own value
    text = HAINING_2022.replace("累计完成固定", "全年完成固定")
    assert ("foreign_investment_actual", "actual", False, 2021, 19.0, None) in _catalog(_doc(text))


#: the 洛江区 2020 report as a document library prints it (fresh15 33, tune): a PDF's text
#: with characters lost, 生产总值增 8.8% (增 for 增长)
LUOJIANG_2020 = _page("33_luojiang2020.txt")


def test_zeng_alone_before_a_rate_is_a_growth() -> None:
    facts = _catalog(_doc(LUOJIANG_2020))
    assert ("gdp_growth", "actual", True, 2019, 8.8, None) in facts


def test_zeng_alone_after_a_level_is_its_growth_and_no_level_of_a_net_increase() -> None:
    # variants of the quotation's wording: 同比增 after a level; 净增 with an amount
    text = LUOJIANG_2020.replace("全区地区\n生产总值增 8.8%",
                                 "全区地区\n生产总值120亿元,同比增 8.8%")
    facts = _catalog(_doc(text))
    assert ("gdp_growth", "actual", True, 2019, 8.8, None) in facts
    assert [f for f in facts if f[0] == "gdp" and f[4] == 120.0]
    text = LUOJIANG_2020.replace("全区地区\n生产总值增 8.8%", "全区地区\n生产总值净增 8亿元")
    assert not [f for f in _catalog(_doc(text)) if f[0] == "gdp" and f[4] == 8.0]


#: the 邯郸市 2025 report as a document library prints it (fresh17 09, tune), and the same text
#: framed the way a government site frames a page: a breadcrumb, the font-size and print bar,
#: links to the pages before and after, the site's footer
HANDAN_2025 = _page("09_handan2025.txt")
SITE_FRAME = (
    "首页 > 政务公开 > 政府工作报告\n【字体：大 中 小】 打印本页 关闭窗口\n",
    "\n上一篇：关于印发2023年度重点工作任务分解方案的通知\n下一篇：2023年度政府信息公开工作报告\n"
    "主办单位：市人民政府办公室 网站标识码：1304000000 冀ICP备05000000号\n",
)


def test_a_sites_frame_around_a_report_changes_nothing_read() -> None:
    bare = _catalog(_doc(HANDAN_2025))
    assert ("gdp", "actual", False, 2024, 4704.3, None) in bare
    framed = _doc(SITE_FRAME[0] + HANDAN_2025 + SITE_FRAME[1])
    assert "上一篇" not in framed.text and "主办单位" not in framed.text
    assert _catalog(framed) == bare
