"""Open facts of national work reports (tuning years only, never 3 or 7): a name that
cannot be read as a noun phrase naming the object is not kept, or is named right."""

from __future__ import annotations

from decimal import Decimal

import pytest

from baogao.extract.open.checks import unreadable
from baogao.models import Fact
from tests.conftest import facts_at as _at
from tests.conftest import national_open_facts

YEARS = (1978, 1979, 1980, 1981, 1982, 1984, 1985, 1986, 1988, 1992, 1994, 1999, 2000, 2004,
         2005, 2006, 2008, 2009, 2010, 2011, 2012, 2024, 2025)


@pytest.fixture(scope="module")
def reports() -> dict[int, list[Fact]]:
    return national_open_facts(YEARS)


@pytest.mark.parametrize(("year", "printed", "words"), [
    (1988, "1万多项", "为改造现有企业而引进的先进技术和设备"),  # 而: a clause
    (2011, "7%", "预期目标是在明显提高质量和效益的基础上"),  # 是: a clause
    (1982, "百分之五点五", "两年平均每年递增百分之五点五"),  # span, no object
    (1986, "五千亿元", "五年内全民所有制单位基本建设投资总规模为五千亿元"),  # 五年内
    (1986, "百分之五点一", "“五五”时期平均每年增长百分之五点一"),  # a period alone
    (2005, "664亿元", "用于这方面的支出总额将达到664亿元"),  # 这方面: points back
    (1979, "百分之十点七", "政府对农业的投资比重由去年的百分之十点七"),  # 由去年
    (2004, "396亿元", "今年中央财政拿出396亿元用于转移支付"),  # verb, object missing
    (2010, "14%", "灾后恢复重建占14%"),  # 占: the share lost its base
    (2000, "27个", "全国有27个省、自治区、直辖市"),  # 省 alone
    (1980, "14.9%", "1979年比上年产值增长14.9%"),  # 比上年 opens the name
    (2009, "13亿人", "13亿人口的发展中国家"),  # 人|口: the unit began a word
    (1981, "30%左右", "相应地由36.5%降到30%左右"),  # 相应地: an adverb
    (1979, "九亿多人", "你们代表着全国九亿多人民"),  # 你们代表着: a clause
    (1986, "二百二十六亿元", "一九八○比一九七五年增加"),  # 一九八○比一九: a year cut
    (2004, "100亿元", "今年国家从粮食风险基金中拿出100亿元"),  # 国家: the actor alone
    (1979, "三十亿元", "全国将用三十亿元建设职工住宅"),  # 全国: a scope alone
    (2004, "3784亿元", "经济效益大幅度提高，实现利润3784亿元"),  # 利润: whose? (a clause before)
    # money named by its kind or its spender alone, its purpose printed around it
    (2004, "47亿元", "中央财政新增47亿元专项补助资金，用于支持就业再就业"),
    (2009, "200亿元", "中央财政拟安排200亿元专项资金，主要用贴息方式支持企业技术改造"),
    (2009, "223亿元", "国家助学制度进一步完善，中央财政投入223亿元"),
    (2004, "700亿元", "为继续落实“两个确保”和“三条保障线”，2003年中央财政支出700亿元"),
    (2004, "19.9%", "为继续落实“两个确保”和“三条保障线”，2003年中央财政支出700亿元"),
    (2006, "7.5%", "“十一五”年均增长7.5%"),  # the years of a plan alone name nothing
    # a comparison inside the name, before its verb: whose rise or fall is not printed there
    (2005, "17.2个百分点", "增幅比一季度回落17.2个百分点"),
    (2008, "7239亿元", "去年全国财政比年度预算超收7239亿元"),
])
def test_unreadable_names_are_not_kept(reports: dict[int, list[Fact]], year: int,
                                       printed: str, words: str) -> None:
    assert _at(reports[year], printed, words) == []


@pytest.mark.parametrize(("year", "printed", "words", "name"), [
    (2024, "7000亿元", "今年中央预算内投资拟安排7000亿元", "中央预算内投资"),  # …拟
    (2025, "1.3万亿元", "拟发行超长期特别国债1.3万亿元", "超长期特别国债"),  # 拟发行…
    (2004, "9%", "城镇居民人均可支配收入实际增长9%", "城镇居民人均可支配收入"),  # …实际
    (1999, "300万人左右", "扫除青壮年文盲300万人左右", "青壮年文盲"),  # 扫除: a verb
    (1980, "122万吨", "油料产量644万吨，比上年增加122万吨", "油料产量增加"),  # 比上年
    (1999, "5·8%", "城镇居民人均可支配收入实际增长5·8%", "城镇居民人均可支配收入"),  # 5·8
    (2010, "500多万台", "推广节能空调500多万台", "节能空调"),  # 多 before 万
    (2010, "1.5亿只", "推广节能空调500多万台、高效照明灯具1.5亿只", "高效照明灯具"),
    (2004, "83亿元", "再就业补助资金83亿元", "中央财政再就业补助资金"),  # 再就业: one noun;
    # the budget the sentence opens on pays it (今年中央财政预算安排…)
    # a change of a level printed before it names the change (增产原煤, 减少财政收入)
    (1988, "3000万吨以上", "保证每年增产原煤3000万吨以上", "原煤增产"),
    (1981, "五百二十亿元", "共计减少财政收入五百二十亿元", "财政收入减少"),
    (2005, "3877万吨", "全年粮食总产量达到46947万吨，增产3877万吨", "粮食总产量增产"),
    # the owner printed before 实现 in the clause is part of the object
    (2000, "967亿元", "国有和国有控股工业企业实现利润967亿元", "国有和国有控股工业企业利润"),
    # a level compared in its own clause: the change is named (not the level)
    (2006, "245万人", "农村贫困人口比上年减少245万人", "农村贫困人口减少"),
    (2005, "332亿元", "已偿还历年拖欠工资332亿元", "历年拖欠工资"),  # 偿还: a lead verb
    (1981, "二千六百多项", "1980年全国涌现出重大科研成果", "重大科研成果"),  # 涌现出: mid verb
    (2006, "600亿元", "拟发行长期建设国债600亿元", "长期建设国债"),  # 长期: a trait
    # two nouns joined by 和 before the predicate are counted together (and keep the
    # predicate that says which: those who visited, not all of them)
    (1984, "二十多位", "有二十多位外国元首和政府首脑先后来我国访问",
     "先后来我国访问的外国元首和政府首脑"),
    # verbs joined by 和 before their object are not part of its name
    (2008, "692项", "国务院各部门取消和调整行政审批项目692项", "行政审批项目"),
    (1988, "255项", "国务院制定和颁布的行政法规有255项", "行政法规"),
    # a bare measure takes the owner its sentence opens on
    (2008, "1.05倍", "全国国有企业资产总额比2002年增长60.98%", "国有企业税收"),
    (1980, "30.8%", "机械工业1979年计划任务不足", "机械工业出口额"),
    # the spender's money opening its sentence, no purpose printed, is kept
    (2004, "300亿元以上", "今年中央财政投入增加300亿元以上", "中央财政投入增加"),
    # a change word leading the amount names the change even after another lead word
    (1980, "270万吨", "1979年钢产量比上年增加270万吨", "钢产量增加"),
    # an aside saying what a measure covers is not part of its name
    (1980, "60亿元", "全民所有制职工全年工资总额（包括奖金在内）比上年增加60亿元",
     "全民所有制职工工资总额增加"),
    # a change printed right after the level, in the level's unit: the change is named
    (2025, "约1500亿元", "居民存量房贷利息年支出减少约1500亿元", "居民存量房贷利息年支出减少"),
    (2024, "20元", "城乡居民基础养老金月最低标准提高20元", "城乡居民基础养老金月最低标准提高"),
    (2000, "800万人", "贫困人口减少800万人", "贫困人口减少"),
    # the year a value is of, printed after its object, is not part of the name
    (1982, "百分之五点七", "农业总产值一九八一年比一九八○年增长百分之五点七", "农业总产值"),
    (1988, "1930亿元", "预算外资金1987年达到1930亿元", "预算外资金"),
])
def test_names_lose_adverbs_and_verbs(reports: dict[int, list[Fact]], year: int,
                                      printed: str, words: str, name: str) -> None:
    [fact] = _at(reports[year], printed, words)
    assert fact.name == name  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["新能源装机占比", "PM2.5年均浓度", "三年行动项目",
                                  "“先投后股”试点", "全社会研发经费投入", "年末国家外汇储备"])
def test_noun_phrases_stay_readable(name: str) -> None:
    assert not unreadable(name)


def test_a_clause_about_several_years_has_no_one_period(
        reports: dict[int, list[Fact]]) -> None:
    [fact] = _at(reports[1978], "一百二十个", "今后八年计划建设的一百二十个大型项目")
    assert fact.kind == "target" and fact.period is None  # 今后八年: not 1978 alone


@pytest.mark.parametrize(("year", "printed", "words", "kind"), [
    (1981, "九亿平方米", "近三年农村新建房屋达九亿平方米", "actual"),  # 近三年: done
    (2009, "2000所", "今后三年内中央财政再支持5000所中心乡镇卫生院、2000所县级医院", "target"),
    (2010, "9.66%", "“十一五”前四年累计", "actual"),  # summed over four years
    (1988, "4000万吨以上", "保证每年增加运力4000万吨以上", "target"),  # every year: no one
])
def test_values_over_several_years(reports: dict[int, list[Fact]], year: int, printed: str,
                                   words: str, kind: str) -> None:
    [fact] = _at(reports[year], printed, words)
    assert fact.kind == kind and fact.period is None


@pytest.mark.parametrize(("year", "printed", "words", "kind", "period"), [
    # a deadline opening the full-stop sentence dates the clauses after its semicolons
    (1982, "四百三十万吨", "食糖四百三十万吨", "target", 1985),
    (1982, "三千六百二十亿度", "发电量三千六百二十亿度", "target", 1985),  # (原煤七亿吨:
    # a catalog fact since coal output is in the catalog, see test_national18)
    # …but a growth from 一九八○年 to it spans five years: no one year
    (1982, "百分之十二点九", "原煤七亿吨，增长百分之十二点九", "target", None),
    # the years of the plan named in the paragraph (在这个期间, 第六个五年计划期间)
    (1982, "三千六百亿元", "固定资产投资总额计划为三千六百亿元", "target", None),
    (1982, "一千三百亿元", "第六个五年计划期间，用于现有企业设备更新", "target", None),
    # 预计今年 under the plan's heading (2024年政府工作任务): the report's year, not the one
    # before, and an expected value, not a result (the contract's target)
    (2024, "超过1170万人", "预计今年高校毕业生超过1170万人", "target", 2024),
    # …but 今年一月至九月 in a report read late in its year is that year's result
    (1982, "百分之十五点七", "今年一月至九月，全国刑事犯罪案件的发案数", "actual", 1982),
    (1988, "1930亿元", "预算外资金1987年达到1930亿元", "actual", 1987),
    # 1980 compared with 1952: a growth over 28 years, not of 1952
    (1981, "八点一倍", "1980年同完成经济恢复的1952年相比", "actual", None),
    # a value whose own clause names its year, in a review of five years
    (2008, "2000万人", "2007年中、高等职业教育在校生分别达到2000万人", "actual", 2007),
    (2008, "2.17万亿美元", "2007年进出口总额达到2.17万亿美元", "actual", 2007),
    # 去年 opening its sentence, in a review of five years (这五年，…): the year before
    (2011, "2.97万亿美元", "去年对外贸易总额达到2.97万亿美元", "actual", 2010),
    # 近五年来的最高水平 is a record, not a span of years
    (2000, "77.7%", "国有和国有控股工业企业实现利润967亿元，增长77.7%", "actual", 1999),
    # a target of the report's year whose paragraph last named the next year (1982年的计划，
    # …比今年增长4%左右。…) is of the next year; a deadline (到明年底) names none
    (1981, "8%", "要求消费部分增长5.7%，社会商品零售总额增长8%", "target", 1982),
    (2009, "6000万人", "再解决6000万人安全饮水问题", "target", 2009),
    # (拟投入…，)比上年预计数增加439亿元: the plan's change over this year's estimate
    (2009, "439亿元", "中央财政拟投入社会保障资金2930亿元", "target", 2009),
    # a run of its paragraph opened by 1984年，: 今年 in another sentence does not date it
    (1985, "七万四千个", "全年施工的更新改造项目七万四千个", "actual", 1984),
])
def test_periods_from_the_values_own_words(reports: dict[int, list[Fact]], year: int,
                                           printed: str, words: str, kind: str,
                                           period: int | None) -> None:
    [fact] = _at(reports[year], printed, words)
    assert (fact.kind, fact.period) == (kind, period)


@pytest.mark.parametrize(("year", "printed", "words"), [
    (2008, "4.25万亿元", "2003年到2007年，中央财政对地方的转移支付累计4.25万亿元"),
    (2008, "10.6%", "比2002年增长65.5%，年均增长10.6%"),  # 年均 over five years
    (1988, "14.7%", "1987年全国进出口总额达到827亿美元，平均每年增长14.7%"),
    (1981, "五百二十亿元", "从1979至1981年"),  # a range without 年 after its first year
])
def test_a_year_in_another_clause_does_not_date_a_span(
        reports: dict[int, list[Fact]], year: int, printed: str, words: str) -> None:
    [fact] = _at(reports[year], printed, words)
    assert fact.period is None


def test_a_five_year_plan_is_not_a_review(reports: dict[int, list[Fact]]) -> None:
    # 这五年计划安排: the plan's five years, not 这五年 looking back
    [fact] = _at(reports[1982], "三十亿元左右", "这五年计划安排平均每年有财政赤字")
    assert (fact.name, fact.kind, fact.period) == ("财政赤字", "target", None)


def test_a_base_year_of_another_clause_does_not_date_a_value(
        reports: dict[int, list[Fact]]) -> None:
    # (中央财政安排资金1713亿元，)是2010年的2.2倍，全年…建成432万套: a 2011 result
    [fact] = _at(reports[2012], "432万套", "是2010年的2.2倍")
    assert (fact.kind, fact.period) == ("actual", 2011)


@pytest.mark.parametrize(("year", "printed", "words", "name", "unit"), [
    # a bracketed alternative after a one-character place is part of the noun counted
    # (and the predicate the listed counts share restricts it)
    (2006, "2300个", "2300个县（市）已初步建立社会救助体系",
     "已初步建立社会救助体系的基本框架的县（市）", "个"),
    # 个 beginning 个体工商户: the count is in 户, of the households
    (2012, "900多万", "降低900多万个体工商户税负", "个体工商户", "万户"),
    # a name repeating the subject of the clause before carries it
    (1994, "14764亿元", "城乡居民储蓄存款大幅度增加，年末存款余额达到14764亿元",
     "城乡居民储蓄存款年末余额", "亿元"),
    # a list opened by 有 names its items by the category's noun
    (1992, "2714万吨", "当年新增加的主要生产能力有煤炭2714万吨", "煤炭生产能力", "万吨"),
    (1992, "1491万吨", "当年新增加的主要生产能力有煤炭2714万吨，石油1491万吨", "石油生产能力",
     "万吨"),
])
def test_counted_nouns_and_subjects_are_named(reports: dict[int, list[Fact]], year: int,
                                              printed: str, words: str, name: str,
                                              unit: str) -> None:
    [fact] = _at(reports[year], printed, words)
    assert (fact.name, fact.unit) == (name, unit)


@pytest.mark.parametrize(("year", "printed", "words"), [
    (1982, "四十多亿元", "今年的亏损额预计达四十多亿元"),  # 亏损额 of part of the enterprises
    (1982, "三十一万人", "招生数由二十八万人增加到三十一万人"),  # 招生数: of what
    (1980, "550亿元左右", "总的投资额控制在550亿元左右"),  # 总的投资额: of what
])
def test_bare_measures_are_not_kept(reports: dict[int, list[Fact]], year: int, printed: str,
                                    words: str) -> None:
    assert _at(reports[year], printed, words) == []


def test_a_plan_figure_in_a_mid_year_report_is_that_years_target(
        reports: dict[int, list[Fact]]) -> None:
    # (1980, 今年国民经济计划的执行情况…) 全年工业总产值计划比上年增长6%
    [fact] = _at(reports[1980], "6%", "全年工业总产值计划比上年增长6%")
    assert (fact.kind, fact.period) == ("target", 1980)


@pytest.mark.parametrize(("year", "printed", "words"), [
    (2011, "7810亿元", "全国社会保障基金积累7810亿元，比五年前增加"),
    (2008, "4140亿元", "全国社会保障基金积累4140亿元，比2002年增加"),
])
def test_a_level_compared_with_five_years_before_is_of_the_last_year(
        reports: dict[int, list[Fact]], year: int, printed: str, words: str) -> None:
    [fact] = _at(reports[year], printed, words)
    assert (fact.kind, fact.period, fact.scope) == ("actual", year - 1, None)


@pytest.mark.parametrize(("year", "printed", "words", "value", "unit"), [
    (1986, "五千三百亿元", "全民所有制单位固定资产投资总额达到五千三百亿元", "5300", "亿元"),
    (1986, "五千万吨", "原油开采能力五千万吨", "5000", "万吨"),
    (1986, "一亿吨", "港口深水泊位吞吐能力一亿吨", "1", "亿吨"),
])
def test_a_chinese_numeral_keeps_its_order_in_the_unit_as_printed(
        reports: dict[int, list[Fact]], year: int, printed: str, words: str, value: str,
        unit: str) -> None:
    """五千三百亿元 is 5300 亿元, as 5300亿元 is: open facts keep the printed unit."""
    [fact] = _at(reports[year], printed, words)
    assert (fact.value, fact.unit) == (float(value), unit)


def test_a_numeral_with_two_orders_keeps_its_yi() -> None:
    """三亿三千五百万吨 is 3.35 亿吨 (round 15: the 亿 stays in the unit, as 3.35亿吨 reads)."""
    from baogao.extract.open.amounts import find_amounts

    text = "粮食产量达到三亿三千五百万吨"
    [amount] = find_amounts(text, 0, len(text))
    assert (amount.value, amount.unit) == (Decimal("3.35"), "亿吨")


@pytest.mark.parametrize(("year", "printed", "words", "value", "unit"), [
    # a 千 before 瓦 opens the unit 千瓦 (一千九百五十|万千瓦), it is no numeral
    (1986, "一千九百五十万千瓦", "五年内新增发电装机容量一千九百五十万千瓦", "1950", "万千瓦"),
    (1982, "三千六百六十万千瓦", "全国电站建设总规模为三千六百六十万千瓦", "3660", "万千瓦"),
    # 度 (kilowatt-hours) read after 万 or 亿 only
    (1982, "三千六百二十亿度", "发电量三千六百二十亿度", "3620", "亿度"),
])
def test_chinese_numerals_before_power_units_are_amounts(
        reports: dict[int, list[Fact]], year: int, printed: str, words: str, value: str,
        unit: str) -> None:
    [fact] = _at(reports[year], printed, words)
    assert (fact.value, fact.unit) == (float(value), unit)


@pytest.mark.parametrize(("text", "found"), [
    ("发电量由二千零三十亿度增加到二千五百六十亿度", [("2030", "亿度"), ("2560", "亿度")]),
    ("一九五七年新增加的发电量三十二亿五千万度", [("32.5", "亿度")]),
    ("全年发电量2566亿千瓦小时", [("2566", "亿千瓦小时")]),  # not 亿千瓦 and a stray 小时
    ("大约多耗电二、三百亿度，多耗煤几千万吨", []),  # two guesses (二、三百): no number
    ("每年减少粮食二、三十亿斤", []),
    ("八、九十万人", []),
    ("零下三度", []),  # 度 alone is a degree, not a quantity here
    ("新增发电能力十多万千瓦", [("10", "万千瓦")]),  # 十多万: more than 十万, no count of ten
    ("十多个国家", []),
])
def test_power_units_and_guessed_ranges(text: str, found: list[tuple[str, str]]) -> None:
    from baogao.extract.open.amounts import find_amounts

    amounts = find_amounts(text, 0, len(text))
    assert [(a.value, a.unit) for a in amounts] == [(Decimal(v), u) for v, u in found]


def test_a_numeral_counting_yi_with_a_wan_inside_keeps_its_yi() -> None:
    """二万零一百八十八亿元 is 20188 亿元, as 20188亿元 reads (not 2.0188e12 元)."""
    from baogao.extract.numbers import printed_order
    from baogao.extract.open.amounts import find_amounts

    assert printed_order("二万零一百八十八亿") == ("二万零一百八十八", "亿")
    assert printed_order("三亿三千五百万") is None  # two orders: read whole
    text = "国内生产总值达到二万零一百八十八亿元"
    [amount] = find_amounts(text, 0, len(text))
    assert (amount.value, amount.unit) == (Decimal("20188"), "亿元")
