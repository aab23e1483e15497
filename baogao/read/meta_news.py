"""Metadata a news page about a work report gives in its own sentences, not in a byline.

A local news page (县十八届人大六次会议开幕) names the speaker in the sentence that reports the
delivery (县长王丰向大会作政府工作报告, 陈永高代表县人民政府向大会报告工作, a headline 陈永高作
政府工作报告 周虔主持会议) and dates the meeting by month and day only (12月30日，…会议开幕),
with the year on the page's own date line (2025-12-31 09:44:35 来源: …). These readers are used
by baogao.read.meta only when the report's own byline and dateline are missing.
"""

from __future__ import annotations

import datetime as dt
import re

_CJK = "\u4e00-\u9fff"
# what stands before a name in a news sentence: a line start, punctuation, a space, or a title
_BEFORE_NAME = r"(?:^|(?<=[\s，,。、：:；;！!”」])|(?<=听取)(?!了)|(?<=听取了))"
_NAME = rf"(?:[{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,4}}?)"
# the delivery of the report: 作政府工作报告, 作《政府工作报告》, 向大会报告工作
_DELIVERS = (r"(?:代表[^。，,；\n]{0,16}?(?:人民)?政府)?(?:向大会|在会上|向会议)?"
             r"(?:所?作了?的?[《“]?(?:政府)?工作报告|报告(?:政府)?工作)")


def _delivery(titles: str) -> re.Pattern[str]:
    # 县长王丰向大会作…, 陈永高作…, or the name before its title: 王丰县长作…
    return re.compile(
        rf"(?:(?<![副原前])({titles})|{_BEFORE_NAME})({_NAME})(?:({titles}))?{_DELIVERS}",
        re.MULTILINE,
    )


def news_speaker(text: str, titles: str, not_names: tuple[str, ...]) -> tuple[str | None,
                                                                              str | None]:
    """(speaker, title) from the first sentence of ``text`` that reports a work report being
    delivered by a named person: 县长王丰向大会作政府工作报告 -> (王丰, 县长); 陈永高作政府工作
    报告 -> (陈永高, None). A title is given only when printed next to the name. ``titles`` is the
    regex alternation of speaker titles; a "name" ending in one of ``not_names`` (政府, 大会) is
    an organisation or a phrase, not a person."""
    for m in _delivery(titles).finditer(text):
        name = m.group(2)
        if name.endswith(not_names) or any(w in name for w in not_names):
            continue
        return name, m.group(1) or m.group(3)
    return None, None


# the day of the meeting in a news sentence: 12月30日，政和县第十八届人民代表大会第五次会议…开幕;
# 1月4日，在市十六届人大一次会议上，市长…作政府工作报告
_MEETING_DAY = re.compile(
    r"(?<!\d)(\d{1,2})月(\d{1,2})日(?:上午|下午)?[，,\s]?[^。\n]{0,40}?(?:人民代表大会|人大)"
    r"[^。\n]{0,40}?(?:开幕|召开|举行|会议上)"
)
# the page's own date line: 2025-12-31 09:44:35 来源: …; 发布时间：2023年2月21日
_PAGE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})(?!\d)")
#: how long after the meeting a news page's date may be for its year to be the meeting's
_PAGE_DAYS = 31


def news_date(head: str, report_year: int | None) -> str | None:
    """The meeting day of a news page that prints the month and day only, with the year the
    page itself prints: the report year of its title (2008年政府工作报告: a meeting in January to
    March of that year, or in November or December of the year before), else the page's date
    line above the sentence when the meeting falls in the month before it."""
    m = _MEETING_DAY.search(head)
    if not m:
        return None
    month, day = int(m.group(1)), int(m.group(2))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if report_year:
        if month <= 3:
            return f"{report_year:04d}-{month:02d}-{day:02d}"
        if month >= 11:
            return f"{report_year - 1:04d}-{month:02d}-{day:02d}"
        return None
    page = _PAGE_DATE.search(head[: m.start()])
    if not page:
        return None
    try:
        printed = dt.date(*(int(g) for g in page.groups()))
        meeting = dt.date(printed.year, month, day)
        if meeting > printed:
            meeting = dt.date(printed.year - 1, month, day)
    except ValueError:
        return None
    return meeting.isoformat() if (printed - meeting).days <= _PAGE_DAYS else None
