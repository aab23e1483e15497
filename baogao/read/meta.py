"""Document metadata: region, level, year, date, speaker, meeting, title and type.

The text is read first (the dateline ——2023年1月4日在北京市西城区第十七届人民代表大会第三次会议上,
the speaker line, the opening sentence); collection columns (title, year, province) are hints
used only when the text is silent. Anything neither tells stays None.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import cast

from baogao.data import load_json
from baogao.models import DocType, Level
from baogao.read.dating import (
    NUM,
    YEAR_IN,
    chinese_int,
    find_date,
    find_dateline_date,
    header_date,
    late_dateline,
    meeting_day,
    news_year,
    npc_session_year,
    page_year,
)
from baogao.read.meta_news import (
    news_speaker,
    official_byline,
    official_delivery,
    said_speaker,
)
from baogao.read.meta_region import RegionText, find_region, level_of_government
from baogao.read.meta_years import heading_years, text_year
from baogao.read.regions import NATIONAL, level_of, region_of, split_region

_ORD = r"[一二三四五六七八九十]+"
_MEETING = re.compile(
    rf"(第?{_ORD}届(?:全国)?人民代表大会(?:常务委员会)?第({_ORD})?次会议)"
)
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# a person's name: 2-4 characters, or a transliterated name with a middle dot
# (five characters: 乌云其木格; Mongolian, Tibetan and Uyghur names are often that long)
_NAME = rf"(?:[{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,5}})"
_NAME_ONLY = re.compile(rf"^{_NAME}$")
# the shortest name the context allows: 县长王丰向大会作… gives 王丰, 主席司马义·铁力瓦尔地所作…
# gives 司马义·铁力瓦尔地
_SHORT_NAME = rf"(?:[{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}?|[{_CJK}]{{2,5}}?)"
_DATELINE = re.compile(r"会议上?[）)]?$")
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}0-9·])[ \u3000\xa0\u2002\u2003\t]+(?=[{_CJK}0-9·])")
_SPACES = str.maketrans({"\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ",
                         "\u200b": "", "\ufeff": ""})
_FULLWIDTH_DIGITS = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})
_ODD_SPACE = re.compile("[\u3000\xa0\u2002\u2003\u200b\ufeff]")
_FULLWIDTH_DIGIT = re.compile("[\uff10-\uff19]")


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    raw = load_json("meta_cues.json")
    return {k: list(v) for k, v in raw.items() if not k.startswith("_")}


@functools.lru_cache(maxsize=1)
def _guards() -> dict[str, dict[str, list[str]]]:
    raw = load_json("meta_cues.json")
    return {k: {w: list(v) for w, v in raw[k].items() if not w.startswith("_")}
            for k in ("title_not_after", "title_not_before")}


@functools.lru_cache(maxsize=1)
def title_alternation() -> str:
    """The speaker titles as one regex alternation, longest first; a title ending in a guarded
    word (主席) is refused after another office's words (大会执行主席, 县政协主席) and before the
    start of another word (主席台, 主席团)."""
    guards = _guards()
    items = []
    for title in sorted(_cues()["speaker_titles"], key=len, reverse=True):
        item = title
        for word, before in guards["title_not_after"].items():
            if title.endswith(word):
                item = "".join(f"(?<!{w})" for w in before) + item
        for word, after in guards["title_not_before"].items():
            if title.endswith(word):
                item += "(?!" + "|".join(after) + ")"
        items.append(item)
    return "|".join(items)


#: what may follow a byline's name on the same line when a copy ran the byline into the text
#: (…会议上 县长 谭秀中 一、2012 年工作回顾: the first heading; 各位代表: the salutation)
_RUN_ON = r"(?:[一二三四五六七八九十]{1,2}、|各位代表)"


@functools.lru_cache(maxsize=1)
def _speaker_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = _cues()
    titles = title_alternation()
    not_prefix = "".join(cues["not_a_title_prefix"])
    # 省长胡玉亭 / 安徽省人民政府省长王清宪作政府工作报告 / 国务院总理李强
    released = "|".join(cues["byline_release_verbs"])  # 由市长唐良智发布
    title_name = re.compile(
        rf"(?<![{not_prefix}])({titles})({_SHORT_NAME}?)(?=作|向|在|所作|同志|代表|{released}"
        rf"|[（(，,。）)]|[^{_CJK}]*$|{_RUN_ON})"
    )
    # 龚正市长在上海市第十六届人民代表大会…
    # (a photo caption: 图为张兵市长作政府工作报告)
    name_title = re.compile(
        rf"(?:^|日|—|-)(?:图为)?({_NAME}?)(?<![{not_prefix}])({titles})(?:在|向|作)")
    return title_name, name_title


def _uncut_name(name: str, title: str, later: list[str]) -> str:
    """The name a byline gives, or the longer one a later line gives after the same title
    when it starts with it: a header line cut at its end (…县人民政府县长 李静) repeated whole
    below (县长 李静芹)."""
    # (not a delivery run on to the name: 市长刘革安作《政府工作报告》 is 刘革安)
    longer = re.compile(rf"{re.escape(title)}({re.escape(name)}(?!作|向|在|代表|所作|同志)"
                        rf"[{_CJK}]{{1,2}})(?![{_CJK}])")
    for line in later:
        m = longer.search(line)
        if m and _person(m.group(1)):
            return m.group(1)
    return name


@functools.lru_cache(maxsize=1)
def _acting_byline() -> re.Pattern[str]:
    """A byline of the executive deputy who delivers the report for the head (静宁县常务副县长
    杨晓勇): the title and a name closing the line or followed by 作/向/代表."""
    titles = "|".join(sorted(_cues()["acting_speaker_titles"], key=len, reverse=True))
    return re.compile(rf"({titles})({_SHORT_NAME})(?=作|向|代表|[^{_CJK}]*$)")


@functools.lru_cache(maxsize=1)
def _deputy_re() -> re.Pattern[str]:
    raw = load_json("meta_cues.json")
    titles = "|".join(sorted(raw["deputy_titles"]["titles"], key=len, reverse=True))
    return re.compile(rf"受[^。，,；;\n]{{1,16}}?委托[，,]\s*({titles})({_SHORT_NAME})"
                      rf"(?:代表[^。，,；;\n]{{0,16}}?政府)?(?:向[^。，,；;\n]{{0,30}}?(?:大会|会议))?"
                      rf"[作做]了?[《“]?(?:政府)?工作报告")


def _deputy_delivery(text: str) -> tuple[str | None, str | None]:
    """(name, title) of a deputy who delivers the report for the head (受县长张三委托，副县长李四
    作政府工作报告 -> (李四, 副县长)); (None, None) when no sentence says so."""
    m = _deputy_re().search(text)
    if m is None or not _person(m.group(2)):
        return None, None
    return m.group(2), m.group(1)


def _plain_spaces(text: str) -> str:
    """``text`` with odd spaces made plain (translated only when it holds one)."""
    return text.translate(_SPACES) if _ODD_SPACE.search(text) else text


def _flat(text: str) -> str:
    """Header text for matching: odd spaces made plain, full-width digits made ASCII, and the
    spaces typeset between Chinese characters (龚 正, 第十四届 人民代表大会) removed."""
    if _ODD_SPACE.search(text):  # translate walks every character: only when needed
        text = text.translate(_SPACES)
    if _FULLWIDTH_DIGIT.search(text):
        text = text.translate(_FULLWIDTH_DIGITS)
    text = _SPACE_IN_CJK.sub("", text)
    return _unwrapped_dates(text) if "\n" in text else text


#: a date broken over lines (2019年3月\n21日在…会议上, 2月11\n日, 2023\n年\n1\n月\n4\n日): one date
_WRAPPED_DATE = re.compile(
    r"(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月")


def _unwrapped_dates(text: str) -> str:
    """``text`` with the line breaks inside its dates removed."""
    return _WRAPPED_DATE.sub(
        lambda m: re.sub(r"\s+", "", m.group(0)) if "\n" in m.group(0) else m.group(0), text)


@dataclass(frozen=True)
class Metadata:
    """What meta extraction found for one document."""

    title: str | None
    region: str | None
    region_path: tuple[str, ...]
    level: Level | None
    year: int | None
    date: str | None
    speaker: str | None
    speaker_title: str | None
    meeting: str | None
    doc_type: DocType
    region_code: str | None = None


def _preamble(text: str) -> str:
    """The header lines above the salutation (各位代表), or the first 600 characters."""
    idx = text.find("各位代表")
    return _rejoined(text[: idx if 0 <= idx <= 1500 else 600])


def _rejoined(head: str) -> str:
    """A header broken into a line per run of characters (a PDF text layer: 2020 / 年吉林省 /
    政府工作报告 / —— / 2020 / 年 / 1 / 月 / 12 / 日在吉林省…会议上 / 省长 / 景俊海) read as the
    one line it was, when most of its lines are such fragments."""
    lines = [ln.strip() for ln in head.split("\n") if ln.strip()]
    fragments = sum(1 for ln in lines if len(ln) <= 4)
    if fragments < 6 or fragments * 2 < len(lines):
        return head
    return "".join(lines) + "\n"


_ANNUAL_PLAN = re.compile(
    r"(?:(?:19|20)\d\d|[一二][〇○零一二三四五六七八九]{3})年(?:国民经济和社会发展)?计划执行情况"
)
_ON_BEHALF = re.compile(r"我代表(?:国务院|\S{0,12}人民政府|\S{0,12}政府)")
#: a news page: the head of government reporting for it (…代表果洛州人民政府作工作报告)
_GOVERNMENT_REPORTED = re.compile(
    r"代表[^。，,；\n]{0,12}?人民政府[^。，,；\n]{0,6}?作(?:了)?工作报告")


#: the adopted annual plan itself, printed (or announced) at the top:
#: 咸阳市2023年国民经济和社会发展计划
_ADOPTED_PLAN = re.compile(r"(?:19|20)\d\d年国民经济和社会发展计划(?!执行)")


def _is_plan_report(head: str) -> bool:
    """An annual plan report (2023年国民经济和社会发展计划执行情况与2024年计划草案的报告,
    delivered 受…政府委托). A head of government speaking on behalf of the government (我代表
    国务院…) about a five-year plan (“六五”计划执行情况, 第七个五年计划草案) gives a work
    report, not a plan report."""
    if not re.search(r"计划执行情况", head) or not re.search(r"计划(草案)?", head):
        return False
    return _ANNUAL_PLAN.search(head) is not None or _ON_BEHALF.search(head) is None


#: a resolution's title: 决议 early in a line (not 认真执行…会议的各项决议 in a report's body)
_RESOLUTION_HEAD = re.compile(r"(?:^|\n)[^\n]{0,40}(?<!各项)决议")
#: the work report itself being delivered or heard (现在，我代表国务院，向大会报告政府工作; 听取
#: 国务院总理李克强关于政府工作的报告): a meeting's page naming the plan report it examines too
_WORK_DELIVERY = re.compile(
    r"我代表\S{0,20}?(?:国务院|政府)[，,]?\s*向(?:大会|会议)(?:报告(?:政府)?工作|作政府工作报告)"
    r"|听取[^。，,；;]{0,20}?关于政府工作的报告")


#: the plan and budget reports a meeting examines besides the work report it hears
#: (会议还书面审查了关于2018年国民经济和社会发展计划执行情况…的报告、关于…预算执行情况…的报告),
#: or hears from the officials who deliver them (下午，市财政局局长郭锡龄作了2005年预算执行情况
#: 和2006年预算草案报告，市发改委主任潘建国作了…计划执行情况与2006年计划草案报告)
_EXAMINED = re.compile(r"(?:审查|审议)了?[^。；;\n]*|(?:主任|局长|厅长)\S{0,5}?作了?[^。；;\n]*")
_PLAN_OR_BUDGET = re.compile(r"(?:计划|预算)执行情况")
_DELIVERED_WORK = re.compile(r"作[《“]?政府工作报告")


def _others_only_examined(head: str) -> bool:
    """True for a news page of the work report's delivery (市长张三作政府工作报告) that names the
    plan and budget reports only as examined by the meeting (会议还书面审查了关于…计划执行情况
    …的报告) or as delivered by the officials in charge of them (市发改委主任潘建国作了…计划执行
    情况…报告): every naming of them lies in such a clause."""
    if _DELIVERED_WORK.search(head) is None:
        return False
    named = [m.start() for m in _PLAN_OR_BUDGET.finditer(head)]
    if not named:
        return False
    examined = [(m.start(), m.end()) for m in _EXAMINED.finditer(head)]
    return all(any(a <= pos < b for a, b in examined) for pos in named)


def detect_doc_type(text: str, title: str | None) -> DocType:
    """work_report, plan_report, budget_report, public_report, npc_resolution or other."""
    head = (title or "") + "\n" + text[:800]
    if re.search(r"关于.{0,20}报告的决议", head) or (len(text) < 3000 and _RESOLUTION_HEAD.search(
            head[:200])):
        return "npc_resolution"
    if "向公众报告" in head or "向社会公众报告" in head:
        return "public_report"
    if _WORK_DELIVERY.search(head) or _others_only_examined(head):
        return "work_report"  # the delivery heard, though the page names the plan report too
    if _is_plan_report(head) or (_ADOPTED_PLAN.search((title or "") + "\n" + text[:300])
                                 and "政府工作报告" not in head):
        return "plan_report"
    if re.search(r"预算执行情况", head) and "预算草案" in head:
        return "budget_report"
    if "政府工作报告" in head or re.search(r"报告(政府)?工作|作政府工作报告", head):
        return "work_report"
    if _ON_BEHALF.search(head) and re.search(r"[向作]\S{0,40}报告", head):
        return "work_report"  # 我代表国务院，向大会作关于…五年计划的报告
    if _GOVERNMENT_REPORTED.search(head):
        return "work_report"  # 州长叶万彬代表果洛州人民政府作工作报告
    if any(w in head for w in _cues()["work_report_words"]):
        return "work_report"  # a work report's plan part alone: 政府工作的总体要求是…
    return "other"


def _find_region(text: str, pre: str, hints: dict[str, str]) -> str | None:
    """The region the text names for itself (see baogao.read.meta_region)."""
    hint_titles = tuple(_flat(hints.get(k, "")) for k in ("title", "article_title", "page_title"))
    return find_region(RegionText(
        head=_flat(text[:1500]), pre=pre,
        header_lines=tuple(_unquoted(ln) for ln in _header_lines(pre)),
        hint_titles=tuple(v for v in hint_titles if v), titles="|".join(_cues()["speaker_titles"]),
    ), hints)


def _find_meeting(pre: str, text: str, doc_type: DocType) -> str | None:
    """The meeting the report was delivered at, as printed (第 added when the text omits it)."""
    m = _MEETING.search(pre) or re.search(
        rf"(?:向|我们)({_MEETING.pattern})(?:作|提出|报告|，)", text[:600]
    )
    if m:
        meeting = m.group(1)
    else:
        partial = re.search(rf"向(第{_ORD}届全国人民代表大会)", text[:600])
        if not partial:
            return None
        meeting = partial.group(1)
    return meeting if meeting.startswith("第") else "第" + meeting


_BARE_DATE = re.compile(rf"^[（(]?{NUM}年{NUM}月{NUM}日[）)]?$")
_NAME_AT_MEETING = re.compile(rf"^({_NAME})在[^。，,]{{2,30}}会议上作的?(?:政府)?工作报告$")
_GOVERNMENT_BYLINE = re.compile(
    rf"^[{_CJK}]{{0,10}}(?:自治区|省|市|州|盟|县|区|旗)(?:人民)?政府[ \u3000\xa0]+"
    rf"([{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,6}})$")  # 好毕斯哈拉图: six characters
#: a byline of a date and a name set apart by a space: （2006年1月20日 张文岳）, or the same
#: after the title on the title line (绵阳市政府工作报告(2023年1月3日 李云))
_DATED_BYLINE = re.compile(
    rf"^(?:[{_CJK}]{{0,20}}工作报告[（(]|[（(]?){NUM}年{NUM}月{NUM}日[ \u3000\xa0]+"
    rf"([{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,4}})[）)]?$")
_SPEAKER_LABEL = re.compile(
    rf"(?:^|\n)\s*\[?({_NAME})\]?[:：]\s*(?:各位代表[:：，,]?\s*)?现在[，,]?我代表"
)


def _person(name: str) -> bool:
    """False for words a title may precede that are no name (市长政府工作报告全文 is no
    mayor named 政府工; 县长王丰等在主席台就座 names no 王丰等)."""
    return not any(w in name for w in _cues()["news_not_names"]) and not name.endswith(
        tuple(_cues()["name_not_endings"]))


def _bare_name(line: str) -> bool:
    """A header line that is a name alone: not a title word or an office (财政部, 县财政局)."""
    return _NAME_ONLY.match(line) is not None and not line.endswith(
        ("报告", "代表", *_cues()["byline_not_name_endings"]))


def _find_speaker(pre: str, spaced: str = "", level: Level | None = None,
                  ) -> tuple[str | None, str | None]:
    """Speaker and title from the header: a byline (省长 胡玉亭, 安徽省人民政府省长王清宪作政府工作
    报告, 龚正市长在…会议), else a bare name on the lines after the dateline. ``spaced`` is the
    header before its spaces were removed (自治区政府 雪克来提·扎克尔: a government and a name);
    a title of another ``level`` than the report's (国务院总理 in a district's) is no byline."""
    title_name, name_title = _speaker_patterns()
    lines = [ln.strip() for ln in pre.split("\n") if ln.strip()]
    for i, line in enumerate(lines):
        m = next((m for m in title_name.finditer(line) if m.group(2) and _person(m.group(2))
                  and _title_fits(m.group(1), level)), None)
        if m:
            return _uncut_name(m.group(2), m.group(1), lines[i + 1 :]), m.group(1)
        m = name_title.search(line)
        if m and m.group(1) and _person(m.group(1)) and _title_fits(m.group(2), level):
            return m.group(1), m.group(2)
    title_only = next((m.group(1) for ln in lines if (m := title_name.search(ln))
                       and _person(m.group(2)) and _title_fits(m.group(1), level)), None)
    acting = next((m for ln in lines if (m := _acting_byline().search(ln))), None)
    if acting is not None and title_only is None and _person(acting.group(2)):
        return acting.group(2), acting.group(1)  # 静宁县常务副县长杨晓勇: acting for the head
    for line in lines[:8]:
        m = _NAME_AT_MEETING.match(line)  # 许勤在市五届人大二次会议上作的政府工作报告
        if m:
            return m.group(1), title_only
    for line in [ln.strip() for ln in spaced.split("\n") if ln.strip()][:8]:
        m = _GOVERNMENT_BYLINE.match(line) or _DATED_BYLINE.match(line)
        if m and not m.group(1).endswith(tuple(_cues()["byline_not_name_endings"])):
            return m.group(1), title_only
    head = lines[:8]
    after = next((i + 1 for i, ln in enumerate(head) if _DATELINE.search(ln)), len(head))
    for line in head[after:]:
        if _bare_name(line):
            return line, title_only
    # a byline block of a bare name and a bare date: 海青 / （2018年2月3日）
    for i, line in enumerate(head):
        near = head[max(0, i - 1) : i] + head[i + 1 : i + 2]
        if _bare_name(line) and any(
            _BARE_DATE.match(n) for n in near
        ):
            return line, title_only
    # a transcript's speaker label before the opening: 李克强： / 现在，我代表国务院…
    m = _SPEAKER_LABEL.search(pre)
    if m:
        return m.group(1), title_only
    return None, title_only


_YEAR_WORD = r"((?:19|20)\d\d|[一二][〇○零一二三四五六七八九]{3})"
_DRAFT_YEAR = {
    # 2023年国民经济和社会发展计划执行情况与2024年计划草案; the adopted plan itself
    # (金乡县2021年国民经济和社会发展计划, not followed by 执行情况)
    # …执行情况与2016年国民经济 (a title line cut before 计划草案): the year after 与
    "plan_report": re.compile(rf"{_YEAR_WORD}年(?:(?:国民经济和社会发展)?计划草案|"
                              rf"国民经济和社会发展计划(?!执行|草案))"
                              rf"|计划执行情况[与和及]{_YEAR_WORD}年国民经济"),
    # 2023年预算执行情况和2024年预算草案; 2024财政预算执行情况2025财政预算草案 (年 dropped)
    "budget_report": re.compile(rf"{_YEAR_WORD}年?(?:年度)?[^\d。\n]{{0,6}}?预算草案"),
}


def _draft_year(head: str, doc_type: DocType) -> int | None:
    """The year a plan or budget report plans for: the year of its draft (2024年预算草案),
    not the reviewed year its title names first."""
    pattern = _DRAFT_YEAR.get(doc_type)
    m = pattern.search(head) if pattern else None
    return chinese_int(m.group(1) or m.group(2)) if m else None


def _find_year(
    date: str | None, meeting: str | None, region: str | None, title: str | None,
    text: str, hints: dict[str, str], doc_type: DocType,
) -> int | None:
    draft = _draft_year(_flat(text[:1500]), doc_type)  # flat: 2020 年国民经济和社会发展计划草案
    if date:
        # a local congress meeting in November or December hears the report for the coming year
        # (——2022年12月27日在张湾区…会议上: the 2023 report, reviewing 2022; ——2016年11月26日在
        # 芷江侗族自治县第八届…第一次会议上: the 2017 report)
        december = date[5:7] in ("11", "12") and region != NATIONAL
        if december and draft in (int(date[:4]), int(date[:4]) + 1):
            return draft
        return int(date[:4]) + (1 if december and doc_type == "work_report" else 0)
    if draft:
        return draft
    # a year from a title that names a report (2019年松溪县人民政府工作报告), not from a news
    # page's headline (2010年广州人均生产总值1万美元: the year of a five-year goal)
    if title and any(w in title for w in _cues()["title_endings"]):
        m = YEAR_IN.search(title)
        if m:
            # a title some sites give the year reviewed (旅顺口区2012年政府工作报告 for the
            # report reviewing 2012): when the body's own clues give another year, the year
            # its own review heading gives (2012年及过去五年政府工作回顾 -> 2013), else none
            return _title_or_body_year(int(m.group(1)), text)
    if region == NATIONAL:
        held = npc_session_year(meeting or "") or npc_session_year(_flat(text[:1500]), True)
        if held:
            return held
    if region == NATIONAL and doc_type == "npc_resolution":
        m = re.search(r"同意报告提出的((?:19|20)\d\d)年", text)
        if m:
            return int(m.group(1))
    hint = hints.get("year", "").strip()
    if hint.isascii() and hint.isdigit() and len(hint) == 4 and 1900 <= int(hint) <= 2100:
        return int(hint)
    told = text_year(text)
    for key in ("title", "article_title", "page_title"):
        m = YEAR_IN.search(hints.get(key, ""))
        if m:  # a hint the body's own clues contradict gives way (see the title above)
            return _title_or_body_year(int(m.group(1)), text)
    head = _flat(text[:1500])
    return told or news_year(head) or page_year(head)


def _title_or_body_year(title_year: int, text: str) -> int | None:
    """A title's year, unless the body's own clues give another: then the body's year when its
    own review heading gives it (2012年及过去五年政府工作回顾 under a title 2012年政府工作报告:
    2013), else none."""
    told = text_year(text)
    if told in (None, title_year):
        return title_year
    return told if heading_years(text) == {told} else None


_SITE_SEPARATOR = re.compile(r"\s[-_|｜—]+\s?|[-_|｜](?=[^-_|｜]*$)")


def _clean_hint_title(value: str) -> str:
    """A title column or page title without the site name and the dateline."""
    value = _flat(value).strip()
    parts = [p.strip() for p in _SITE_SEPARATOR.split(value) if p.strip()]
    words = _cues()["title_endings"]
    report = [p for p in parts if any(w in p for w in words)]
    value = report[0] if report else (parts[0] if parts else "")
    return re.split(r"[（(]?(?:——|--|――)|[（(](?=(?:19|20)\d\d年)", value)[0].strip()


_BYLINE_IN_LINE = re.compile(r"会议上|作政府工作报告")
#: where a title run into its byline ends: 2026年江苏省政府工作报告——2026年2月3日在…
_TITLE_CUT = re.compile(r"——|--|――|[（(](?=.{0,12}年.{0,40}会议)|\s(?=(?:19|20)\d\d年.{0,40}会议)")


def _is_title(line: str) -> bool:
    """A title line: ends like a title, is short, and is not a dateline or a byline
    (…会议上…作政府工作报告)."""
    cues = _cues()
    return (line.endswith(tuple(cues["title_endings"])) and len(line) <= 60
            and not line.startswith(("——", "--", "在", "各位"))
            and _BYLINE_IN_LINE.search(line) is None)


def _header_lines(pre: str) -> list[str]:
    """The first six lines of the header that hold text (a news page spaces its lines)."""
    return [ln.strip() for ln in pre.split("\n") if ln.strip()][:6]


def _unquoted(line: str) -> str:
    """A page title that quotes the report's title, read as the title it names:
    2012年苍山县两会《政府工作报告》 -> 2012年苍山县政府工作报告."""
    m = re.fullmatch(r"(.{2,30}?)(?:两会)?《((?:人民)?政府工作报告)》", line)
    return m.group(1) + m.group(2) if m else line


#: a reposting site's timestamp (公文搜 2021-07-27 17:14:09 政府报告): a line with it is no title
_TIMESTAMP = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")
#: a page's breadcrumb trail (您当前所在位置: 首页>政府信息公开>…>政府工作报告): no title
_BREADCRUMB = re.compile(r"首页\s*[>＞»›]|[>＞»›]\s*首页|当前(?:所在)?位置")
#: a province in brackets a reposting site prefixes to a county's title: (福建省)2019年松溪县…
_PREFIXED_PROVINCE = re.compile(r"^[（(][^（()）]{2,8}(?:省|自治区|市)[）)]")


def _noted_title(line: str) -> str:
    """A title without the notes a reposting site adds around it: 2019年松溪县人民政府工作报告
    for (福建省)2019年松溪县人民政府工作报告(全文)."""
    notes = "|".join(map(re.escape, _cues()["title_notes"]))
    return re.sub(rf"[（(](?:{notes})[）)]$", "", _PREFIXED_PROVINCE.sub("", line)).strip()


def _printed_title(line: str) -> str | None:
    """The title a header line prints: the line itself, or its head when the dateline and
    byline run on after it (2026年江苏省政府工作报告——2026年2月3日在…会议上 省长 刘小涛)."""
    if _TIMESTAMP.search(line) or _BREADCRUMB.search(line):
        return None
    line = _unquoted(line)
    for candidate in (line, _noted_title(line)):
        if _is_title(candidate):
            return candidate
        m = _TITLE_CUT.search(candidate)
        if m and m.start() >= 4:
            head = candidate[: m.start()].strip()
            if _is_title(head):
                return head
    return None


#: a section heading's mark (一、 （三） 1.): a page opening on one is a part of a report, and
#: its heading no title (（三）2013年预算收支情况 names the year reviewed, not the report's)
_SECTION_MARK = re.compile(
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]")


def _find_title(pre: str, text: str, hints: dict[str, str]) -> str | None:
    """The title the text prints; a more specific hint (title column, ArticleTitle, <title>)
    replaces a generic one (政府工作报告); never a site name or a number."""
    cues = _cues()
    generic = set(cues["generic_titles"])
    printed = next((t for ln in _header_lines(pre) if (t := _printed_title(ln))), None)
    hinted = [t for k in ("title", "article_title", "page_title")
              if (t := _clean_hint_title(hints.get(k, "")))
              and any(w in t for w in cues["title_endings"]) and len(t) <= 80]
    if printed and printed not in generic:
        return printed
    specific = next((t for t in hinted if t not in generic), None)
    if specific:
        return specific
    if printed or hinted:
        return printed or hinted[0]
    m = re.search(r"现将(.{4,80}?的报告)", text[:1500])
    if m:
        return m.group(1)
    first = text.split("\n", 1)[0].strip()
    if (4 <= len(first) <= 40 and not first.startswith("各位代表") and not first.isdigit()
            and not _SECTION_MARK.match(first)
            and not _DATELINE.search(first) and not first.startswith(("——", "--"))
            and not any(w in first for w in cues["site_words"]) and re.search(f"[{_CJK}]", first)):
        return first
    return None


def _title_fits(title: str | None, level: Level | None) -> bool:
    """True unless ``title`` is the head of a government of another level than the report's
    (总理 in a county's report, 县长 in a province's); unknown titles and levels fit."""
    if title is None or level is None:
        return True
    levels = _title_levels()
    office = next((o for o in levels if title.endswith(o)), None)
    return office is None or level in levels[office]


def _level_of_title(title: str | None) -> Level | None:
    """The level of a government whose head alone bears ``title`` (县长, 旗长, 州长: a page
    naming no region is read at its speaker's level); None for 市长 or 主席 (several levels)."""
    levels = _title_levels()
    office = next((o for o in levels if title and title.endswith(o)), None)
    found = levels[office] if office else ()
    return cast(Level, found[0]) if len(found) == 1 else None


@functools.lru_cache(maxsize=1)
def _title_levels() -> dict[str, tuple[str, ...]]:
    raw = load_json("meta_cues.json")
    return {k: tuple(v) for k, v in raw["title_levels"].items() if not k.startswith("_")}


def _normalize_title(speaker_title: str | None, region: str | None) -> str | None:
    if speaker_title is None:
        return None
    if region and region.endswith("自治区") and speaker_title in ("主席", "人民政府主席"):
        return "自治区主席"
    if region and region.endswith("自治区") and speaker_title in ("代主席", "代理主席"):
        return "自治区代主席"
    if speaker_title == "人民政府主席":
        return "主席"
    if region == NATIONAL and speaker_title == "总理":
        return "国务院总理"
    return speaker_title


_SPEAKER_IN_NEWS = re.compile(
    r"([区市县省]长|主席|总理)([\u4e00-\u9fff]{2,3}?)(?:介绍|说|指出|表示|强调|回答)"
)


def extract_metadata(text: str, hints: dict[str, str], original: str = "") -> Metadata:
    """Read the metadata of a normalized report text; collection hints (title, year, province,
    ArticleTitle, page title) are used only where the text is silent.

    The header is read from the normalized text and, where cleaning dropped a byline (a line
    like "省长许昆林作政府工作报告。" looks like a photo caption), from the original too."""
    pre = _flat(_preamble(text))
    # flattened before the salutation is looked for: a letter-spaced original (各 位 代 表)
    # would otherwise give its first 600 characters, body and all
    pre_original = _preamble(_flat(original[:4000])) if original else ""
    title = _find_title(pre, text, hints)
    doc_type = detect_doc_type(text, title)
    date = find_dateline_date(pre) or header_date(pre) or header_date(pre_original) or (
        find_date(text[:400]) if doc_type == "npc_resolution" else None) or late_dateline(
        _flat(text[:1500]))
    meeting = _find_meeting(pre, text, doc_type) or (
        _find_meeting(pre_original, "", doc_type) if pre_original else None)
    region = _find_region(text, pre, hints)
    if region is None and pre_original:
        region = _find_region(original, pre_original, hints)
    found = region_of(region)
    path = found.path if found else (split_region(region) if region else ())
    level = found.level if found else level_of(path)
    speaker, speaker_title = _find_speaker(pre, _preamble(text), level)
    if speaker is None and pre_original:
        speaker, title_original = _find_speaker(pre_original, level=level)
        speaker_title = speaker_title or title_original
    if speaker is None and doc_type in ("work_report", "public_report"):
        # a news page: the sentence reporting the delivery (县长王丰向大会作政府工作报告)
        # the original too: cleaning drops a delivery line as if a caption (…作政府工作报告。)
        named, named_title = news_speaker(
            _plain_spaces(text[:3000] + "\n" + original[:3000]), title_alternation(),
            tuple(_cues()["news_not_names"]), lambda t: _title_fits(t, level))
        if named is None:  # 李克强总理在政府工作报告中提出
            named, named_title = said_speaker(
                _plain_spaces(text[:3000]), title_alternation(), tuple(_cues()["news_not_names"]),
                lambda t: _title_fits(t, level), bare=level == "national")
        if named is None:
            named, named_title = _deputy_delivery(_plain_spaces(text[:3000]))
        if named:
            speaker, speaker_title = named, named_title
    if speaker and speaker_title is None:
        # a bare name in the byline; its title may be printed elsewhere (a photo caption)
        m = re.search(rf"({title_alternation()}){speaker}", pre_original + _flat(text[:1500]))
        speaker_title = m.group(1) if m else None
    if speaker is None and doc_type in ("plan_report", "budget_report"):
        speaker, speaker_title = official_byline(_preamble(text))
        if speaker is None:  # a news page: 受国务院委托，国家计委主任陈锦华向大会作了…的报告
            speaker, speaker_title = official_delivery(_plain_spaces(text[:3000]))
    if doc_type == "npc_resolution":
        speaker, speaker_title = None, None
    if speaker is None and doc_type == "public_report":
        m = _SPEAKER_IN_NEWS.search(text[:3000])
        if m:
            speaker, speaker_title = m.group(2), m.group(1)
    speaker_title = _normalize_title(speaker_title, region)
    if date is None:
        # a meeting day printed without its year (1月10日，…会议开幕), dated by the title's year
        # or by the year the text gives otherwise (its meeting, its plan, its own references)
        known = _find_year(None, meeting, region, title, text, hints, doc_type)
        # a title whose year the body's own clues contradict (天长市2015年政府工作报告 over a
        # review of 2015) dates no meeting day: the year they agree on does, or none
        m = YEAR_IN.search(title or "")
        told = text_year(text) if m else None
        day_title = None if m and told not in (None, int(m.group(1))) else title
        # the page's own stamp first, in the text or in the original (a stamp line cleaning
        # dropped: 2017-03-22 13:26:03), then the years the title or the text give
        head = _flat(text[:1500])
        date = (meeting_day(head, None) or meeting_day(pre_original, None)
                or meeting_day(head, day_title, known)
                or meeting_day(pre_original, day_title, known))
    year = _find_year(date, meeting, region, title, text, hints, doc_type)
    if level is None and region is None:
        level = level_of_government(_flat(text[:1500])) or _level_of_title(speaker_title)
    return Metadata(
        title=title, region=found.full if found else region, region_path=path,
        level=level, year=year, date=date, speaker=speaker,
        speaker_title=speaker_title, meeting=meeting, doc_type=doc_type,
        region_code=found.code if found else None,
    )
