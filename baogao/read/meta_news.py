"""Metadata a news page about a report gives in its own sentences, not in a byline, and the
official delivering a plan or budget report (in its byline or in a news sentence).

A local news page (县十八届人大六次会议开幕) names the speaker in the sentence that reports the
delivery (县长王丰向大会作政府工作报告, 陈永高代表县人民政府向大会报告工作, a headline 陈永高作
政府工作报告 周虔主持会议). baogao.read.meta reads it only when the report's own byline is
missing; the meeting day such a page prints without its year is read by baogao.read.dating.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from baogao.data import load_json
from baogao.read.regions import resolve

# a name may hold a character of CJK Extension A (高文䘵)
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# what stands before a name in a news sentence: a line start, punctuation, a space, or a title
_BEFORE_NAME = r"(?:^|(?<=[\s，,。、：:；;！!”」])|(?<=听取)(?!了)|(?<=听取了))"
# the shortest name the sentence allows (司马义·铁力瓦尔地所作的…: 所 is no part of the name)
_NAME = rf"(?:[{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}?|[{_CJK}]{{2,4}}?)"
# the delivery of the report: 作政府工作报告, 作《政府工作报告》, 向大会报告工作, 做政府工作报告,
# 在作政府工作报告时
#: …作政府工作报告 after the name, the day it was delivered and the meeting it was delivered to
#: between them (嘎玛泽登1月31日向自治区第十二届人民代表大会第四次会议作政府工作报告, a wire
#: story's 黄华华2日在省十届人大五次会议作政府工作报告)
_DELIVERS = (r"(?:(?:\d{1,2}月)?\d{1,2}日(?:[上下]午)?)?(?:代表[^。，,；\n]{0,16}?(?:人民)?政府)?"
             r"(?:向[^。，,；\n]{0,30}?(?:大会|会议)|在[^。，,；\n]{0,30}?(?:大会|会议)上?)?"
             r"(?:在?所?[作做]了?(?:题为[《“][^》”\n]{1,40}[》”])?的?[《“]?(?:政府)?工作报告"
             r"|报告(?:政府)?工作)")


@functools.lru_cache(maxsize=4)
def _delivery(titles: str) -> re.Pattern[str]:
    # 县长王丰向大会作…, 陈永高作…, or the name before its title: 王丰县长作…
    return re.compile(
        rf"(?:(?<![副原前])({titles})|{_BEFORE_NAME})({_NAME})(?:({titles}))?{_DELIVERS}",
        re.MULTILINE,
    )


def news_speaker(text: str, titles: str, not_names: tuple[str, ...],
                 fits: Callable[[str | None], bool] = lambda _: True,
                 ) -> tuple[str | None, str | None]:
    """(speaker, title) from the first sentence of ``text`` that reports a work report being
    delivered by a named person: 县长王丰向大会作政府工作报告 -> (王丰, 县长); 陈永高作政府工作
    报告 -> (陈永高, None). A title is given only when printed next to the name. ``titles`` is the
    regex alternation of speaker titles; a "name" ending in one of ``not_names`` (政府, 大会) is
    an organisation or a phrase, not a person. ``fits`` tells whether a title can be the
    speaker's (a county's report quoting 李强总理作的政府工作报告 names no speaker of its own)."""
    for m in _deliveries(_delivery(titles), text):
        name, title = m.group(2), m.group(1) or m.group(3)
        if name.endswith(not_names) or any(w in name for w in not_names) or not fits(title):
            continue
        return name, title
    return None, None


#: the report quoted as its speaker's words: 李克强总理在政府工作报告中提出, 省长张三在报告中指出
_SAID = r"在(?:所作的?)?(?:政府)?(?:工作)?报告中(?:{adverbs})?(?:指出|提出|表示|强调|说|介绍|透露)"


@functools.lru_cache(maxsize=4)
def _saying(titles: str) -> re.Pattern[str]:
    # the title before or after the name: 国务院总理李克强在…, 李克强总理在…, or none (李克强在…)
    return re.compile(
        rf"(?:(?<![副原前])({titles})|{_BEFORE_NAME})({_NAME})(?:({titles}))?{_said()}",
        re.MULTILINE)


@functools.lru_cache(maxsize=1)
def _said() -> str:
    """``_SAID`` with the adverbs a news page may put before the verb (在报告中首先指出)."""
    adverbs = load_json("meta_cues.json")["said_adverbs"]["words"]
    return _SAID.replace("{adverbs}", "|".join(map(re.escape, adverbs)))


def said_speaker(text: str, titles: str, not_names: tuple[str, ...],
                 fits: Callable[[str | None], bool], bare: bool = False,
                 ) -> tuple[str | None, str | None]:
    """(speaker, title) from the first sentence quoting the report as a named person's words
    (李克强总理在政府工作报告中提出 -> (李克强, 总理)), its title printed next to the name and
    fitting the report's level; a bare name only when ``bare`` (a national page: its premier)."""
    for m in _deliveries(_saying(titles), text):
        name, title = m.group(2), m.group(1) or m.group(3)
        if name.endswith(not_names) or any(w in name for w in not_names):
            continue
        if (title is not None and fits(title)) or (title is None and bare):
            return name, title
    return None, None


def _deliveries(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` (a ``_delivery`` pattern), searched only in the lines that
    hold 报告: a delivery ends in 工作报告 or 报告(政府)工作 and never spans a line break (its
    titles, name and words are on one line), and the pattern tries every position of a line
    it searches (lookbehinds and ``^`` see the real text before a line: the same matches)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text.find("报告", start, end) >= 0:
            yield from pattern.finditer(text, start, end)
        start = end + 1


# the office of the official delivering a plan or budget report (深圳市发展和改革委员会主任,
# 国务委员兼国家计划委员会主任, 县财政局局长, 国家计委主任)
_OFFICE = (rf"[{_CJK}、]{{0,30}}?(?:委员会|发改委|发展改革委|计委|财政局|财政厅|财政部|发展和改革局"
           rf"|发展改革局)(?:党组书记、)?副?(?:主任|局长|厅长|部长)")
#: the byline: 深圳市发展和改革委员会主任 王宏彬 (an office alone is no speaker)
_OFFICIAL_BYLINE = re.compile(
    rf"^({_OFFICE})[ \u3000\xa0]*([{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,4}})$")
#: a news sentence: 受国务院委托，国家计委主任陈锦华向大会作了1997年…计划草案的报告; 滨州市财政局
#: 局长胡云江作了关于滨州市2023年预算执行情况和2024年预算草案的报告
_OFFICIAL_DELIVERY = re.compile(
    rf"(?:^|(?<=[\s，,。、：:；;]))({_OFFICE})({_NAME})(?:受[^。，,\n]{{1,12}}委托[，,]?)?"
    rf"(?:向大会|向会议|在(?:大)?会(?:议)?上)?[作做]了?([^。\n]{{0,100}}?)报告", re.MULTILINE)


def official_byline(spaced: str) -> tuple[str | None, str | None]:
    """Speaker and title from a plan or budget report's byline (see ``_OFFICIAL_BYLINE``)."""
    for line in [ln.strip() for ln in spaced.split("\n") if ln.strip()][:10]:
        m = _OFFICIAL_BYLINE.match(line)
        if m:
            return m.group(2), office_title(m.group(1))
    return None, None


def official_delivery(text: str) -> tuple[str | None, str | None]:
    """Speaker and title from the sentence of a news page reporting a plan or budget report
    delivered (see ``_OFFICIAL_DELIVERY``): the report named must be a plan's or a budget's."""
    for m in _OFFICIAL_DELIVERY.finditer(text):
        if re.search("计划|预算|财政", m.group(3)):
            return m.group(2), office_title(m.group(1))
    return None, None


def office_title(printed: str) -> str:
    """An office as a title, without the region printed before it (the report's region is
    its own field, as 省长 is a title and 安徽省 a region): 滨州市财政局局长 -> 财政局局长,
    北京市西城区发展和改革委员会主任 -> 发展和改革委员会主任; 国家计委主任 stays."""
    for end in range(len(printed) - 3, 1, -1):
        if any(r.level != "national" for r in resolve(printed[:end])):
            return printed[end:]
    return printed
