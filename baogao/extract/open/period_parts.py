"""Values of a part of a year (今年上半年, 前三季度, 1—11月, 2022年一季度): not the year's.

* ``part_of_year``: the value's sentence dates it to a part of a year, or its paragraph opens
  on one (2022年一季度，坪山区…经济运行逆势上扬。初步预计，…规上工业增加值增长22%) and names no
  whole year since (全年, 2021年); a value compared with the same part of last year (比去年同期)
  after its paragraph dated its figures to a part of this one. Its period stays undated.
* ``reported_so_far``: a count its sentence reports (据…统计) or a part-of-year value with no
  word of a plan before it: a result so far, not a target.
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import cues
from baogao.extract.open.words import _alternation
from baogao.extract.periods import year_of, year_re

#: A part of a year (上半年, 前三季度, 1—11月): a value for it is not the year's.
_PART_OF_YEAR = re.compile(r"上半年|下半年|前三季度|[一二三四]季度"
                           r"|前[一二三四五六七八九十\d]{1,2}个月"
                           r"|(?<!\d)(?<![\d〇○零一二三四五六七八九]年)[1１一][—–－-]{1,2}"
                           r"(?:1[01]|[2-9]|十一|十|[二三四五六七八九])月"
                           r"|(?:到|至|截至)[一二三四五六七八九十\d]{1,2}月份?(?:底|末)?为止"
                           r"|[一二三四五六七八九十]、[一二三四五六七八九十]两个?月份?")
#: A count its sentence reports (据统计, 据国家统计局初步统计, 据今年三月初的统计).
_COUNTED = re.compile(r"据[^，,；;。]{0,16}统计")
#: Words naming a whole year: what follows them is that year's again.
_WHOLE_YEAR = re.compile(r"全年|年末|年底|(?:19|20)\d{2}年(?![一二三四1-9上下前])")
#: A paragraph's opening clause (2022年一季度，) that dates what the paragraph goes on with.
_OPENING = re.compile(r"[^，,。；;：:]{0,12}[，,]")


@functools.lru_cache(maxsize=1)
def _ahead_words() -> re.Pattern[str]:
    """Words of a plan or of the future before a value (``ahead_words`` of cues.json)."""
    return re.compile(_alternation(cues()["ahead_words"]))


def _ahead(text: str, start: int, end: int) -> bool:
    """True when a word of a plan or of the future stands in ``text[start:end]``, not as part
    of a word that plans nothing (主要产品, 重要, 需要: ``ahead_words_not``)."""
    nouns = cues()["ahead_words_not"]
    for found in _ahead_words().finditer(text, start, end):
        at = found.start()
        if not any(text.startswith(noun, at - noun.index(found.group(0)))
                   for noun in nouns if found.group(0) in noun):
            return True
    return False


def reported_so_far(text: str, sentence: int, pos: int) -> bool:
    """True when the value's sentence reports a count (据…统计) or dates it to a part of the
    year (第一季度, 一、二两月份), with no word of a plan before it: a result so far (据今年三月
    初的统计，全国有一千七百多万头怀孕的大家畜; 辽宁省纺织系统的13种主要产品，在第一季度就有7种没有
    完成质量计划), not a target."""
    return (_COUNTED.search(text, sentence, pos) is not None or _PART_OF_YEAR.search(
        text, sentence, pos) is not None) and not _ahead(text, sentence, pos)


def _last_part(text: str, start: int, pos: int) -> re.Match[str] | None:
    """The part of a year ``text[start:pos]`` dates the value at ``pos`` to (今年上半年，…增长
    23.6%), unless a whole year is named after it (去年下半年…，全年进出口总额…)."""
    last = None
    for found in _PART_OF_YEAR.finditer(text, start, pos):
        if text[found.start() - 1] not in "从由":  # (年末…)从上半年5.5%降到5.3%: a base
            last = found
    return last if last is not None and _WHOLE_YEAR.search(text, last.end(), pos) is None else (
        None)


def _part_in(text: str, start: int, pos: int) -> bool:
    return _last_part(text, start, pos) is not None


def _opened_on_part(text: str, para: int, pos: int) -> re.Match[str] | None:
    """The part of a year the paragraph's opening clause names (2022年一季度，; 今年上半年，)
    when no whole year is named between it and the value at ``pos``."""
    opening = _OPENING.match(text, para, pos)
    if opening is None or _WHOLE_YEAR.search(text, opening.end(), pos) is not None:
        return None
    return _last_part(text, para, opening.end())


def same_period(text: str, para: int, clause: int, pos: int) -> bool:
    """True when the value at ``pos`` is compared with the same part of last year (比去年同期)
    after its paragraph dated its figures to a part of this one (到5月份为止，…。…，其中建筑
    安装工程比去年同期增长80%, in the 1956 report): a result so far, not the year's."""
    return "同期" in text[clause:pos] and _part_in(text, para, pos)


def part_of_year(text: str, para: int, sentence: int, clause: int, pos: int,
                 year: int | None) -> tuple[str, int | None] | None:
    """The part of a year the value at ``pos`` is of (see the module notes), as printed (一季度,
    上半年, 1——5月), and the year that part is of when a year word stands right before it
    (2022年一季度: 2022; 今年上半年, 本年1——5月份: the report's ``year``; 去年下半年: the one
    before); None when the value is of a whole year."""
    part = _last_part(text, sentence, pos) or _opened_on_part(text, para, pos) or (
        _last_part(text, para, pos) if "同期" in text[clause:pos] else None)
    if part is None:
        return None
    owner = _PART_OWNER.search(text, max(0, part.start() - 6), part.start())
    if owner is None or year is None:
        return part.group(0), None
    if (named := year_re().search(owner.group(0))) is not None:
        return part.group(0), year_of(named)
    return part.group(0), year - 1 if owner.group(0).startswith(("去年", "上年")) else year


#: The year word a part of a year is printed after (2022年一季度, 今年上半年, 去年下半年).
_PART_OWNER = re.compile(rf"(?:{year_re().pattern}|今年|本年|去年|上年)(?:的|第)?$")
