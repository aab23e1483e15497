"""Metadata a news page about a work report gives in its own sentences, not in a byline.

A local news page (县十八届人大六次会议开幕) names the speaker in the sentence that reports the
delivery (县长王丰向大会作政府工作报告, 陈永高代表县人民政府向大会报告工作, a headline 陈永高作
政府工作报告 周虔主持会议). baogao.read.meta reads it only when the report's own byline is
missing; the meeting day such a page prints without its year is read by baogao.read.dating.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

_CJK = "\u4e00-\u9fff"
# what stands before a name in a news sentence: a line start, punctuation, a space, or a title
_BEFORE_NAME = r"(?:^|(?<=[\s，,。、：:；;！!”」])|(?<=听取)(?!了)|(?<=听取了))"
_NAME = rf"(?:[{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,4}}?)"
# the delivery of the report: 作政府工作报告, 作《政府工作报告》, 向大会报告工作
_DELIVERS = (r"(?:代表[^。，,；\n]{0,16}?(?:人民)?政府)?(?:向大会|向会议|在(?:大)?会(?:议)?上)?"
             r"(?:所?作了?(?:题为[《“][^》”\n]{1,40}[》”])?的?[《“]?(?:政府)?工作报告"
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
