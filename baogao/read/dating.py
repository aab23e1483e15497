"""Dates and years of a report: the dateline's date, a meeting day a news page prints without
its year, and the year of a report that prints none, from its own references."""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any

from baogao.data import load_json

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
NUM = r"(?:\d{1,4}|[〇零○一二三四五六七八九十]{1,4})"
_DATE = re.compile(rf"({NUM})年({NUM})月({NUM})日")
_SQUASHED_DATE = re.compile(r"((?:19|20)\d\d)(\d{2,4})日")
#: a date whose 年 was lost (——20211月12日在…会议上): the four digits are the year
_YEARLESS_MARK_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d{1,2})月(\d{1,2})日")
YEAR_IN = re.compile(r"((?:19|20)\d\d)年")


def chinese_int(text: str) -> int | None:
    """Parse 2021, 二〇二一 (digit by digit) or 二十七 (positional) into an int."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        digits = [_CN_DIGIT.get(ch) for ch in text]
        if any(d is None for d in digits):
            return None
        return int("".join(str(d) for d in digits))
    tens, _, ones = text.partition("十")
    t = _CN_DIGIT.get(tens) if tens else 1
    o = _CN_DIGIT.get(ones) if ones else 0
    if t is None or o is None:
        return None
    return t * 10 + o


def _valid(year: int, month: int, day: int) -> bool:
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def find_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO, including 二〇二六年一月二十七日, a date
    whose 年 was lost (20211月12日 -> 2021-01-12) and one whose 年/月 were lost (2021110日 ->
    2021-01-10 when only one reading is valid)."""
    m = _DATE.search(text)
    if m:
        y, mo, d = (chinese_int(g) for g in m.groups())
        if y is not None and mo is not None and d is not None and _valid(y, mo, d):
            return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _YEARLESS_MARK_DATE.search(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    m = _SQUASHED_DATE.search(text)
    if m:
        year, rest = int(m.group(1)), m.group(2)
        readings = [
            (int(rest[:k]), int(rest[k:]))
            for k in range(1, len(rest))
            if _valid(year, int(rest[:k]), int(rest[k:])) and not rest[k:].startswith("0")
        ]
        if len(readings) == 1:
            mo, d = readings[0]
            return f"{year:04d}-{mo:02d}-{d:02d}"
    return None


_DATELINE_DATE = re.compile(rf"({NUM})年({NUM})月({NUM})日\s*[(（]?\s*在")


@functools.lru_cache(maxsize=1)
def _page_date() -> re.Pattern[str]:
    raw = load_json("meta_cues.json")
    cues = raw["page_date"]
    before = "|".join(map(re.escape, cues["labels_before"]))
    after = "|".join(map(re.escape, cues["words_after"]))
    date = rf"{NUM}年{NUM}月{NUM}日(?:\s*\d{{1,2}}:\d\d(?::\d\d)?)?"
    # a date stamped with its time (2004年02月25日08:07) is a page's, whatever the label
    stamped = rf"{NUM}年{NUM}月{NUM}日\s*\d{{1,2}}:\d\d"
    return re.compile(rf"(?:{before})[\s:：|｜]*{date}|{date}(?=[\s|｜]*(?:{after}))|{stamped}")


#: a government's notice issuing the adopted plan or report (关于印发…的通知): the date it
#: prints is the notice's, signed after the meeting
_NOTICE = re.compile(r"印发[^。\n]{0,60}的通知")


def header_date(text: str) -> str | None:
    """The first full date of a header that is not the page's own (发布时间：2023年01月05日,
    2023年01月05日 来源：…, 2004年02月25日08:07): a news page is published after the meeting it
    reports; None for a notice issuing the report (关于印发…计划的通知), dated when issued."""
    if _NOTICE.search(text):
        return None
    return find_date(_page_date().sub(lambda m: " " * len(m.group(0)), text))


#: a news page telling this year's targets (今年预期目标, 提出今年上海主要预期目标)
_THIS_YEARS_TARGETS = re.compile(r"今年[^。；;\n]{0,12}?(?:预期目标|主要目标|发展目标)")


def page_year(head: str) -> int | None:
    """The year of a news page that tells this year's targets (今年预期目标) and prints its own
    date (2019年01月28日 星期一) in the first quarter, when reports are heard: that date's."""
    m = _page_date().search(head[:600])
    if m is None or _THIS_YEARS_TARGETS.search(head) is None:
        return None
    found = find_date(m.group(0))
    return int(found[:4]) if found and int(found[5:7]) <= 3 else None


def find_dateline_date(text: str) -> str | None:
    """The date of the dateline (2025年3月21日在…人民代表大会…会议上), which a page header's
    other dates (成文日期, 发布日期) must not displace."""
    m = _DATELINE_DATE.search(text)
    return find_date(m.group(0)) if m else None


_LATE_DATELINE = re.compile(
    rf"——\s*({NUM}年{NUM}月{NUM}日)\s*在[^。\n]{{0,40}}人民代表大会[^。\n]{{0,20}}会议上?"
)


def late_dateline(head: str) -> str | None:
    """The date of a dateline printed after the opening (a journal's abstract page runs the
    salutation first and the title line ——2008年1月25日在…会议上 after it)."""
    m = _LATE_DATELINE.search(head)
    return find_date(m.group(1)) if m else None


_CN_DAY = "一二三四五六七八九十"
# 1月4日, 01月16日, 一月八日: a day printed without its year (never right after a year or a digit)
# (a copy that lost the 日 before the time of day: 3月4下午3:00…开幕)
_DAY_ONLY = re.compile(rf"(?<![\d年.\-/〇○零{_CN_DAY}])(\d{{1,2}}|[{_CN_DAY}]{{1,2}})月"
                       rf"(\d{{1,2}}|[{_CN_DAY}]{{1,3}})(?:日|(?=[上下]午|晚上))")
_PAGE_DATE = re.compile(r"((?:19|20)\d\d)[-./年](\d{1,2})[-./月](\d{1,2})")
#: a page's stamp with the year last and its time (05.02.2023  12:43): day and month in either
#: order, so both readings are kept
_DOTTED_STAMP = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\s*\d{1,2}:\d\d")


def _published(head: str) -> list[datetime.date]:
    """The page's own date in its first 600 characters (发布时间：2012年01月12日, 2023-02-05):
    one date, or the two readings of a year-last stamp (05.02.2023 12:43), or none."""
    page = _PAGE_DATE.search(head[:600])
    if page is not None:
        found = _day(int(page.group(1)), int(page.group(2)), int(page.group(3)))
        return [found] if found else []
    stamp = _DOTTED_STAMP.search(head[:600])
    if stamp is None:
        return []
    a, b, year = (int(g) for g in stamp.groups())
    readings = {_day(year, b, a), _day(year, a, b)}
    return sorted(d for d in readings if d is not None)
#: words saying the day is the meeting's: the congress, its opening, or the report's delivery
#: (1月20日，…县长李永军在作《政府工作报告》时)
_SESSION_WORDS = re.compile(r"人民代表大会|人大|会议|开幕|作[《“]?政府工作报告")
#: the day of a news dateline (新华社北京3月5日电, 浙江在线杭州01月16日讯) is the day the news was
#: filed: the meeting's only when the news says it met that day (今天上午…开幕, 八日上午…开幕)
_NEWS_DATELINE = re.compile(r"[电讯]")
_TODAY = re.compile(r"今天|今日|本日")


def meeting_day(head: str, title: str | None, year: int | None = None) -> str | None:
    """The day of the meeting a news page or a photo caption prints without its year (12月30日，
    政和县第十八届人民代表大会第五次会议…开幕; 1月4日，在市十六届人大一次会议上…), dated by
    the page's own date when that follows within 60 days, else by the title's year (or, when the
    title prints none, ``year``: the report's year its text gives) when the meeting is in its
    first quarter (a report is heard early in its own year) or, the year before, in November or
    December. A news dateline's day (…3月13日电) is the meeting's only when the news says the
    meeting sat that day."""
    for m in _DAY_ONLY.finditer(head):
        month, day = chinese_int(m.group(1)), chinese_int(m.group(2))
        if month is None or day is None:
            continue
        sentence = re.split(r"[。！？!?\n]", head[m.end() :], maxsplit=1)[0]
        if _NEWS_DATELINE.match(sentence):
            # a dateline's lead runs on (本报杭州2月27日讯 今天的省人民大会堂…。上午8时30分，
            # …会议…开幕): its paragraph tells what sat that day
            sentence = head[m.end() :].split("\n", 1)[0][:300]
        if not _SESSION_WORDS.search(sentence) or _deliberation_only(sentence):
            continue
        if _NEWS_DATELINE.match(sentence) and not _sat_that_day(sentence, m.group(2)):
            continue
        fitting: set[datetime.date] = set()
        for published in _published(head):
            held = _day(published.year - (month > published.month), month, day)
            if held and 0 <= (published - held).days <= 60:
                fitting.add(held)
        if len(fitting) == 1:
            return fitting.pop().isoformat()
        found = YEAR_IN.search(title or "")
        reference = int(found.group(1)) if found else year
        if reference is None or 3 < month < 11:
            return None
        # a November or December meeting hears the next year's report
        held = _day(reference - (month >= 11), month, day)
        return held.isoformat() if held else None
    return _day_of_page_month(head)


#: a day printed without its month (…第一次会议7日在会议中心开幕, 市长张三8日上午作…)
_DAY_NUMBER = re.compile(rf"(?<![\d月年.\-/〇○零{_CN_DAY}])(\d{{1,2}}|[{_CN_DAY}]{{1,3}})日"
                         r"(?=\s*(?:[上下]午|晚上|在|召开|开幕|举行|[，,]))")


def _day_of_page_month(head: str) -> str | None:
    """The meeting's day when a news page prints the day alone (惠州市第十一届人民代表大会第一次
    会议7日在会议中心开幕): dated by the page's own date (发布时间：2012年01月12日), in its month
    or the month before, when that falls within 20 days before the page's."""
    pages = _published(head)
    if len(pages) != 1:
        return None
    published = pages[0]
    for m in _DAY_NUMBER.finditer(head):
        day = chinese_int(m.group(1))
        start = max(head.rfind("。", 0, m.start()), head.rfind("\n", 0, m.start())) + 1
        rest = re.split(r"[。！？!?\n]", head[m.start() :], maxsplit=1)[0]
        sentence = head[start : m.start()] + rest
        if day is None or not _SESSION_WORDS.search(sentence) or _deliberation_only(sentence):
            continue
        month_before = (published.replace(day=1) - datetime.timedelta(days=1))
        for year, month in ((published.year, published.month),
                            (month_before.year, month_before.month)):
            held = _day(year, month, day)
            if held and 0 <= (published - held).days <= 20:
                return held.isoformat()
        return None
    return None


@functools.lru_cache(maxsize=1)
def _deliberation_cue() -> tuple[tuple[str, ...], tuple[str, ...]]:
    raw = load_json("meta_cues.json")
    cue = raw["deliberation_day"]
    return tuple(cue["words"]), tuple(cue["unless"])


def _deliberation_only(sentence: str) -> bool:
    """True when the sentence after a day tells of the delegates deliberating the report
    (…的代表分团审议市长所作的政府工作报告), not of the meeting's opening or the hearing."""
    words, unless = _deliberation_cue()
    return any(w in sentence for w in words) and not any(w in sentence for w in unless)


_RELATIVE_DAY = re.compile(r"(?:昨日|昨天|今日|今天)[^。！？!?\n]{0,40}?(?:人民代表大会|人大|会议)")
_STAMP = re.compile(rf"({NUM})年({NUM})月({NUM})日\s*\d{{1,2}}:\d\d|"
                    r"((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})\s+\d{1,2}:\d\d")


def news_year(head: str) -> int | None:
    """The year of a news page that reports the meeting as held today or yesterday (市政府
    昨日向市十四届人大二次会议作的政府工作报告): its own time-stamped date's (2004年02月25日
    08:07), unless that is the first of January."""
    stamp = _STAMP.search(head[:600])
    if stamp is None or _RELATIVE_DAY.search(head) is None:
        return None
    year, month, day = (chinese_int(g) for g in (
        stamp.groups()[:3] if stamp.group(1) else stamp.groups()[3:]))
    if year is None or (month, day) == (1, 1):
        return None
    return year


def _sat_that_day(sentence: str, day: str) -> bool:
    """True when the news after a dateline says the meeting sat on the dateline's day: 今天,
    or the day repeated (新华社…一月八日电…八日上午…会议开幕)."""
    return _TODAY.search(sentence) is not None or re.search(
        rf"(?<![\d{_CN_DAY}]){re.escape(day)}日", sentence[1:]) is not None


def _day(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@functools.lru_cache(maxsize=1)
def _year_references() -> dict[str, Any]:
    raw = load_json("meta_cues.json")
    table: dict[str, Any] = raw["year_references"]
    return table


def infer_year(text: str) -> int | None:
    """The year of a report that prints none, from its own references: 2013年工作回顾 (a 2014
    report), 刚刚过去的2013年, 今年是2019年, or an anniversary in a sentence about this year
    (今年以来…为做好国庆70周年服务保障工作…: 2019). None unless every clue agrees."""
    found = year_clues(text)
    return found.pop() if len(found) == 1 else None


def arabic_years(text: str) -> str:
    """``text`` with its years in Chinese numerals (二〇〇四年) written in digits (2004年), and a
    year typeset apart from its 年 (一、2019 年政府工作回顾, a PDF's text layer) closed up."""
    text = _SPACED_YEAR.sub(r"\1年", text) if " 年" in text else text
    return _ZH_YEAR.sub(lambda m: str(chinese_int(m.group(1))), text)


_SPACED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)[ \u3000\xa0]+年")


def year_clues(text: str) -> set[int]:
    """Every report year the text's own references give (see ``infer_year``; also a Party
    congress awaited: 迎接党的十九大胜利召开 -> 2017)."""
    table = _year_references()
    text = arabic_years(text)
    found: set[int] = _plan_years(text, table["five_year_plans"])
    found |= _congress_ahead(text, table["congress_ahead"])
    for pattern, offset in table["patterns"]:
        for match in re.finditer(pattern, text):
            found.add(int(match.group(1)) + int(offset))
    bases: dict[str, int] = table["anniversaries"]
    anniversary = re.compile(
        "(" + "|".join(map(re.escape, bases)) + r")(\d{1,3}|[一二三四五六七八九十]{1,4})周年"
    )
    for sentence in re.split(r"[。；;！？\n]", text):
        if not any(w in sentence for w in table["this_year"]):
            continue
        if any(w in sentence for w in table["other_years"]):
            continue
        for match in anniversary.finditer(sentence):
            count = chinese_int(match.group(2))
            if count is not None:
                found.add(bases[match.group(1)] + count)
    for sentence in re.split(r"[。；;！？\n]", _one_year_review(text, table)):
        if not any(w in sentence for w in table["past_event_words"]) or any(
                w in sentence for w in (*table["this_year"], *table["other_years"])):
            continue
        for match in anniversary.finditer(sentence):
            count = chinese_int(match.group(2))
            if count is not None:
                found.add(bases[match.group(1)] + count + 1)  # celebrated in the year reviewed
    return found


def _congress_ahead(text: str, cue: dict[str, Any]) -> set[int]:
    """The year of a Party congress a sentence awaits (以优异成绩迎接党的十九大胜利召开 -> 2017):
    not in a quoted name (“百日提升 喜迎二十大”专项整治行动, a past campaign) nor in a sentence
    telling the past (…了, 过去一年, 去年)."""
    found: set[int] = set()
    for sentence in re.split(r"[。；;！？!?\n]", re.sub(r"“[^”\n]{0,40}”", "", text)):
        m = re.search(cue["pattern"], sentence)
        if m and not any(w in sentence for w in cue["not_with"]):
            found.add(cue["congresses"][m.group(1)])
    return found


#: a year printed in Chinese numerals (二〇〇四年, 二00四年: a zero typed as a digit)
_ZH_YEAR = re.compile(
    r"(?<![〇○零0-9一二三四五六七八九])([一二][〇○零0一二三四五六七八九]{3})(?=年)")


def _plan_years(text: str, plans: dict[str, Any]) -> set[int]:
    """Report years from a five-year plan's place named for this year or the past one:
    今年是“十四五”开局之年 -> 2021; 过去一年是“十三五”规划收官之年 -> 2021 (the year after);
    the record achieved in a plan's year is a year reviewed (在“十二五”开局之年所取得的成绩 ->
    2012)."""
    names = "|".join(sorted(plans["first_years"], key=len, reverse=True))
    places = "|".join(sorted(plans["places"], key=len, reverse=True))
    when = "|".join((*plans["this_year"], *plans["past_year"]))
    pattern = re.compile(rf"({when})(?:是|为)[^。；;！？\n]{{0,30}}?[“\"]?({names})[”\"]?"
                         rf"(?:规划|计划)?(?:实施)?的?({places})")
    found: set[int] = set()
    for m in pattern.finditer(text):
        year = plans["first_years"][m.group(2)] + plans["places"][m.group(3)]
        found.add(year + (m.group(1) in plans["past_year"]))
    # the record of a plan's year, so a year reviewed: 总结我市在“十二五”开局之年所取得的成绩
    achieved = re.compile(rf"[“\"]?({names})[”\"]?(?:规划|计划)?(?:实施)?的?({places})"
                          rf"所?取得(?:了)?的(?:成绩|成就|成效)")
    for m in achieved.finditer(text):
        found.add(plans["first_years"][m.group(1)] + plans["places"][m.group(2)] + 1)
    return found


def _one_year_review(text: str, table: dict[str, Any]) -> str:
    """The review of the past year: from its opening (一、过去一年工作回顾) to the first word
    that leaves it (今年, 过去五年); empty when the text has no such opening."""
    opening = re.search("|".join(table["one_year_review_openings"]), text)
    if opening is None:
        return ""
    leave = re.compile("|".join(map(re.escape, table["one_year_review_leaves"])))
    end = leave.search(text, opening.end())
    return text[opening.end() : end.start() if end else len(text)]


_ORD_WORD = "[一二三四五六七八九十]+"


@functools.lru_cache(maxsize=1)
def _npc_first_years() -> dict[int, int]:
    raw = load_json("npc_sessions.json")
    return {int(k): int(v) for k, v in raw["national"].items()}


#: a session of the National People's Congress, in full or short (第十三届全国人民代表大会第二次
#: 会议, 十三届全国人大二次会议); never of its Standing Committee, whose sessions are numbered
#: through the term (常务委员会第二十次会议), not by year
_NPC_SESSION = re.compile(
    rf"第?({_ORD_WORD})届全国(?:人民代表大会|人大)(?!常)第?({_ORD_WORD})次会议")
#: the words that make a session named in a page's head the one it reports (提请十三届全国人大
#: 二次会议审查, 十三届全国人大二次会议5日上午开幕), not one it recalls (从…会议以来)
_SITTING_BEFORE = re.compile(r"(?:提请|向)$")
_SITTING_AFTER = re.compile(
    rf"^(?:[^。，,；;\n]{{0,12}}?(?:开幕|举行|闭幕)|今天|今日|(?:\d{{1,2}}|{_ORD_WORD})日)")


def npc_session_year(text: str, sitting: bool = False) -> int | None:
    """The year of the first NPC session ``text`` names (with ``sitting``, the first a news
    head names as the one sitting), by the term calendar (baogao/data/npc_sessions.json: the
    first year of each term; the Nth session sat in its first year + N - 1)."""
    m = next((m for m in _NPC_SESSION.finditer(text) if not sitting or (
        _SITTING_BEFORE.search(text, 0, m.start()) or _SITTING_AFTER.match(text[m.end():]))),
        None)
    if m is None:
        return None
    congress, session = chinese_int(m.group(1)), chinese_int(m.group(2))
    first = _npc_first_years().get(congress or 0)
    return first + session - 1 if first and session else None
