"""Document metadata: region, level, year, date, speaker, meeting, title and type.

The text is read first (the dateline ——2023年1月4日在北京市西城区第十七届人民代表大会第三次会议上,
the speaker line, the opening sentence); collection columns (title, year, province) are hints
used only when the text is silent. Anything neither tells stays None.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import cast

from baogao.models import DocType, Level
from baogao.read.dating import (
    NUM,
    YEAR_IN,
    chinese_int,
    find_date,
    find_dateline_date,
    infer_year,
    late_dateline,
    meeting_day,
)
from baogao.read.regions import (
    NATIONAL,
    gazetteer,
    level_of,
    region_of,
    resolve,
    split_region,
    stem_of,
)

_ORD = r"[一二三四五六七八九十]+"
_MEETING = re.compile(
    rf"(第?{_ORD}届(?:全国)?人民代表大会(?:常务委员会)?第({_ORD})?次会议)"
)
_CJK = "\u4e00-\u9fff"
# a person's name: 2-4 characters, or a transliterated name with a middle dot
# (five characters: 乌云其木格; Mongolian, Tibetan and Uyghur names are often that long)
_NAME = rf"(?:[{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,5}})"
_NAME_ONLY = re.compile(rf"^{_NAME}$")
#: the shortest name that fits (县长王丰向大会作…: 王丰, not 王丰向大会)
_NAME_SHORTEST = rf"(?:[{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,5}}?)"
_REGION_IN_DATELINE = re.compile(
    rf"在([{_CJK}]{{0,20}}?)第?{_ORD}届(全国)?人民代表大会"
)
_REGION_OF_GOVERNMENT = re.compile(rf"(?:代表|受)([{_CJK}]{{2,15}}?)人民政府")
_NATIONAL_CUES = re.compile(
    r"代表国务院|受国务院|国务院的(?:委托|决定)|代表中央人民政府|国务院总理"
)
_DATELINE = re.compile(r"会议上?[）)]?$")
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}0-9·])[ \u3000\xa0\u2002\u2003\t]+(?=[{_CJK}0-9·])")
_SPACES = str.maketrans({"\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ",
                         "\u200b": "", "\ufeff": ""})
_FULLWIDTH_DIGITS = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})
_ODD_SPACE = re.compile("[\u3000\xa0\u2002\u2003\u200b\ufeff]")
_FULLWIDTH_DIGIT = re.compile("[\uff10-\uff19]")


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    raw = json.loads(resources.files("baogao.data").joinpath("meta_cues.json").read_text("utf-8"))
    return {k: list(v) for k, v in raw.items() if not k.startswith("_")}


@functools.lru_cache(maxsize=1)
def _speaker_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = _cues()
    titles = "|".join(sorted(cues["speaker_titles"], key=len, reverse=True))
    not_prefix = "".join(cues["not_a_title_prefix"])
    not_after = "".join(cues["not_after_a_title"])
    # 省长胡玉亭 / 安徽省人民政府省长王清宪作政府工作报告 / 国务院总理李强 /
    # 县长付乐欣代表县人民政府
    title_name = re.compile(
        rf"(?<![{not_prefix}])({titles})(?![{not_after}])({_NAME_SHORTEST}?)"
        rf"(?=作|向|在|所作|同志|代表[^。，,]{{0,15}}?政府|[（(，,。）)]|[^{_CJK}]*$)"
    )
    # 龚正市长在上海市第十六届人民代表大会…
    name_title = re.compile(rf"(?:^|日|—|-)({_NAME}?)(?<![{not_prefix}])({titles})(?:在|向|作)")
    return title_name, name_title


def _flat(text: str) -> str:
    """Header text for matching: odd spaces made plain, full-width digits made ASCII, and the
    spaces typeset between Chinese characters (龚 正, 第十四届 人民代表大会) removed."""
    if _ODD_SPACE.search(text):  # translate walks every character: only when needed
        text = text.translate(_SPACES)
    if _FULLWIDTH_DIGIT.search(text):
        text = text.translate(_FULLWIDTH_DIGITS)
    return _SPACE_IN_CJK.sub("", text)


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


@functools.lru_cache(maxsize=1)
def _npc_first_years() -> dict[int, int]:
    data = resources.files("baogao.data").joinpath("npc_sessions.json")
    raw = json.loads(data.read_text("utf-8"))
    return {int(k): int(v) for k, v in raw["national"].items()}


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


def detect_doc_type(text: str, title: str | None) -> DocType:
    """work_report, plan_report, budget_report, public_report, npc_resolution or other."""
    head = (title or "") + "\n" + text[:800]
    if re.search(r"关于.{0,20}报告的决议", head) or (len(text) < 3000 and "决议" in head[:200]):
        return "npc_resolution"
    if "向公众报告" in head or "向社会公众报告" in head:
        return "public_report"
    if _is_plan_report(head) or (_ADOPTED_PLAN.search((title or "") + "\n" + text[:300])
                                 and "政府工作报告" not in head):
        return "plan_report"
    if re.search(r"预算执行情况", head) and "预算草案" in head:
        return "budget_report"
    if "政府工作报告" in head or re.search(r"报告(政府)?工作|作政府工作报告", head):
        return "work_report"
    if _ON_BEHALF.search(head) and re.search(r"[向作]\S{0,40}报告", head):
        return "work_report"  # 我代表国务院，向大会作关于…五年计划的报告
    return "other"


def _title_region(line: str) -> str | None:
    """The region a title line names: 2025年天津市政府工作报告 -> 天津市."""
    m = re.search(
        rf"^(?:[（(][{_CJK}]{{2,8}}[）)])?(?:(?:19|20)\d\d年)?([{_CJK}]{{2,20}}?)"
        rf"(?:(?:19|20)\d\d年)?(?:人民)?政府工作报告", line
    )  # a copy's title may lead with the province in brackets: (安徽省)2021年合肥市瑶海区…
    return m.group(1) if m else None


#: a plan or budget report's title: 关于重庆市开州区2024年预算执行情况和2025年预算草案的报告
_OTHER_TITLE = re.compile(
    rf"^(?:关于)?(?:印发)?《?([{_CJK}]{{2,20}}?)(?:19|20)\d\d年?度?(?:财政)?"
    rf"(?:预算执行情况|国民经济和社会发展计划)")
_REGION_AT_SESSION = re.compile(
    rf"([{_CJK}]{{2,20}}?)第?{_ORD}届人(?:民代表)?大(?:会)?第?{_ORD}次会议")


def _other_title_region(line: str) -> str | None:
    """The region a plan or budget report's title names (see ``_OTHER_TITLE``)."""
    m = _OTHER_TITLE.search(line)
    return m.group(1) if m else None


def _context_scopes(head: str, hints: dict[str, str]) -> list[str]:
    """Region names that can disambiguate a shared county name: hint columns first, then the
    provinces and prefectures the header names."""
    scopes = [hints[k] for k in ("province", "region") if hints.get(k)]
    gaz = gazetteer()
    for region in gaz.regions.values():
        if region.level in ("province", "city") and region.name in head:
            scopes.append(region.name)
    for full, shorts in gaz.provinces.items():
        if any(s in head for s in shorts):
            scopes.append(full)
    return scopes


def _resolve(name: str | None, head: str, hints: dict[str, str]) -> tuple[str | None, bool]:
    """(region string, known) for a name read from the text; a name several divisions share
    resolves only when the hints or the header name its province or city."""
    if not name:
        return None, False
    found = resolve(name)
    if len(found) == 1:
        return found[0].full, True
    if len(found) > 1:
        for scope in _context_scopes(head, hints):
            narrowed = resolve(name, within=scope)
            if len(narrowed) == 1:
                return narrowed[0].full, True
        return name, False
    return (name, False) if re.search(r"(省|市|区|县|旗|州|盟)$", name) else (None, False)


def _region_candidates(text: str, pre: str, hints: dict[str, str]) -> list[str]:
    """Region names in the order the text states them most reliably; hints last."""
    out: list[str] = []
    m = _REGION_IN_DATELINE.search(pre)
    if m:
        out.append(NATIONAL if m.group(2) else m.group(1))
    head = _flat(text[:1500])
    if _NATIONAL_CUES.search(head) or re.match(rf"第{_ORD}届全国人民代表", head):
        out.append(NATIONAL)
    m = _REGION_OF_GOVERNMENT.search(head)
    if m:
        out.append(m.group(1))
    titles = "|".join(_cues()["speaker_titles"])
    m = re.search(rf"([{_CJK}]{{2,15}}?)人民政府(?:{titles})", pre)
    if m:
        out.append(m.group(1))
    for line in _header_lines(pre):
        found = _title_region(_unquoted(line)) or _other_title_region(line)
        if found:
            out.append(found)
    m = _REGION_AT_SESSION.search(head)  # 鄂州市鄂城区十届人大二次会议开幕 (a news page)
    if m and resolve(m.group(1)):
        out.append(m.group(1))
    out += [hints[k] for k in ("region", "province") if hints.get(k)]
    for key in ("title", "article_title", "page_title"):
        value = _flat(hints.get(key, ""))
        if "国务院" in value or "中华人民共和国" in value:
            out.append(NATIONAL)
        found = _title_region(value)
        if found:
            out.append(found)
    return [c for c in out if c]


def _find_region(text: str, pre: str, hints: dict[str, str]) -> str | None:
    head = _flat(text[:1500])
    fallback: str | None = None
    for candidate in _region_candidates(text, pre, hints):
        region, known = _resolve(candidate, head, hints)
        if known:
            return region
        fallback = fallback or region
    if fallback:
        return fallback
    level = _level_of_government(head)
    found = _first_known_region(head)
    if level == "province":
        return _province_named(head, found)
    if found or level not in (None, "city") or _MUNICIPAL.search(head) is None:
        return found
    return _province_named(head, None)


#: a city's government speaking (受市人民政府委托, 我代表市人民政府): a municipality's report when
#: the only division it names is a municipality (对重庆提出的…) and no prefecture is named
_MUNICIPAL = re.compile(r"(?:受|代表)市(?:人民)?政府")


def _province_named(head: str, found: str | None) -> str | None:
    """The province (or municipality) a report is of when its header prints no full name: the
    province of the first division named in full (…遂宁市畜牧业… in a report 我代表省人民政府),
    provided its short name is printed too (构建和谐四川); else the one province whose short
    name the text prints — a municipality only after 市政府 (``_MUNICIPAL``) and when no
    prefecture's short name is printed, a province only after 省政府."""
    gaz = gazetteer()
    named = [full for full, shorts in gaz.provinces.items() if any(s in head for s in shorts)]
    region = region_of(found)
    if region is not None:
        return region.path[0] if region.path[0] in named else None
    municipal = _MUNICIPAL.search(head) is not None
    fitting = [p for p in named if p.endswith("市") == municipal]
    if len(fitting) != 1:
        return None
    if municipal and any(stem in head for stem in _prefecture_stems()):
        return None
    return fitting[0]


@functools.lru_cache(maxsize=1)
def _common_names() -> frozenset[str]:
    """Division names that are common words too (城区, 郊区): never found in the body alone."""
    raw = json.loads(resources.files("baogao.data").joinpath("gazetteer.json").read_text("utf-8"))
    return frozenset(raw["common_words"])


@functools.lru_cache(maxsize=1)
def _prefecture_stems() -> tuple[str, ...]:
    """Short names of the prefectures (赣州, 成都) that are no province's short name."""
    gaz = gazetteer()
    shorts = {s for names in gaz.provinces.values() for s in names}
    stems = {stem_of(r.name) for r in gaz.regions.values() if r.level == "city"}
    return tuple(sorted(s for s in stems if s and s not in shorts))


def _first_known_region(text: str) -> str | None:
    """The first province, prefecture or county named in full in ``text`` (a news page)."""
    gaz = gazetteer()
    best: tuple[int, int, str] | None = None
    common = _common_names()
    for region in gaz.regions.values():
        if region.level == "national" or region.name in common:
            continue
        i = text.find(region.name)
        if i >= 0 and (best is None or (i, -len(region.name)) < best[:2]):
            best = (i, -len(region.name), region.name)
    if best is None:
        return None
    return _resolve(best[2], text, {})[0]


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
    rf"([{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,6}})$")
#: a byline of a date and a name set apart by a space: （2006年1月20日 张文岳）
_DATED_BYLINE = re.compile(
    rf"^[（(]?{NUM}年{NUM}月{NUM}日[ \u3000\xa0]+"
    rf"([{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,4}})[）)]?$")
_SPEAKER_LABEL = re.compile(
    rf"(?:^|\n)\s*\[?({_NAME})\]?[:：]\s*(?:各位代表[:：，,]?\s*)?现在[，,]?我代表"
)


def _find_speaker(pre: str, spaced: str = "") -> tuple[str | None, str | None]:
    """Speaker and title from the header: a byline (省长 胡玉亭, 安徽省人民政府省长王清宪作政府工作
    报告, 龚正市长在…会议), else a bare name on the lines after the dateline. ``spaced`` is the
    header before its spaces were removed (自治区政府 雪克来提·扎克尔: a government and a name)."""
    title_name, name_title = _speaker_patterns()
    lines = [ln.strip() for ln in pre.split("\n") if ln.strip()]
    for line in lines:
        m = title_name.search(line)
        if m and m.group(2):
            return m.group(2), m.group(1)
        m = name_title.search(line)
        if m and m.group(1):
            return m.group(1), m.group(2)
    title_only = next((m.group(1) for ln in lines if (m := title_name.search(ln))), None)
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
        if _NAME_ONLY.match(line) and not line.endswith(("报告", "代表")):
            return line, title_only
    # a byline block of a bare name and a bare date: 海青 / （2018年2月3日）
    for i, line in enumerate(head):
        near = head[max(0, i - 1) : i] + head[i + 1 : i + 2]
        if _NAME_ONLY.match(line) and not line.endswith(("报告", "代表")) and any(
            _BARE_DATE.match(n) for n in near
        ):
            return line, title_only
    # a transcript's speaker label before the opening: 李克强： / 现在，我代表国务院…
    m = _SPEAKER_LABEL.search(pre)
    if m:
        return m.group(1), title_only
    return None, title_only


_PLANNED_YEAR = re.compile(
    r"((?:19|20)\d\d)年?度?(?:(?:国民经济和社会发展)?计划草案|(?:财政)?预算草案"
    r"|国民经济和社会发展计划(?!执行))")


def _find_year(
    date: str | None, meeting: str | None, region: str | None, title: str | None,
    text: str, hints: dict[str, str], doc_type: DocType,
) -> int | None:
    if date:
        # a local congress meeting in December hears the report for the coming year (——2022年
        # 12月27日在张湾区…会议上: the 2023 report, reviewing 2022)
        december = date[5:7] == "12" and region != NATIONAL and doc_type == "work_report"
        return int(date[:4]) + (1 if december else 0)
    if doc_type in ("plan_report", "budget_report"):
        # the year planned or budgeted: 2024年计划草案, 2025财政预算草案, or the adopted plan
        # itself (关于印发《咸阳市2023年国民经济和社会发展计划》的通知)
        years = [int(m.group(1)) for m in _PLANNED_YEAR.finditer(_flat(text[:1500]))]
        if years:
            return max(years)
    if title:
        m = YEAR_IN.search(title)
        if m:
            return int(m.group(1))
    if meeting and region == NATIONAL:
        m = _MEETING.search(meeting)
        congress = chinese_int(re.sub(r"[第届].*", "", meeting.lstrip("第")) or "")
        session = chinese_int(m.group(2)) if m and m.group(2) else None
        first = _npc_first_years().get(congress or 0)
        if first and session:
            return first + session - 1
    if region == NATIONAL and doc_type == "npc_resolution":
        m = re.search(r"同意报告提出的((?:19|20)\d\d)年", text)
        if m:
            return int(m.group(1))
    hint = hints.get("year", "").strip()
    if hint.isascii() and hint.isdigit() and len(hint) == 4 and 1900 <= int(hint) <= 2100:
        return int(hint)
    for key in ("title", "article_title", "page_title"):
        m = YEAR_IN.search(hints.get(key, ""))
        if m:
            return int(m.group(1))
    return infer_year(text)


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


def _printed_title(line: str) -> str | None:
    """The title a header line prints: the line itself, or its head when the dateline and
    byline run on after it (2026年江苏省政府工作报告——2026年2月3日在…会议上 省长 刘小涛)."""
    line = _unquoted(line)
    if _is_title(line):
        return line
    m = _TITLE_CUT.search(line)
    if m and m.start() >= 4:
        head = line[: m.start()].strip()
        if _is_title(head):
            return head
    return None


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
            and not _DATELINE.search(first) and not first.startswith(("——", "--"))
            and not any(w in first for w in cues["site_words"]) and re.search(f"[{_CJK}]", first)):
        return first
    return None


def _level_of_government(head: str) -> Level | None:
    """The level of the government the speaker reports for when the text names no region:
    我代表州人民政府 (a prefecture), 我代表旗十四届人民政府 or 我代表县政府 (county level)."""
    levels: dict[str, str] = json.loads(
        resources.files("baogao.data").joinpath("meta_cues.json").read_text("utf-8")
    )["government_levels"]
    words = "|".join(sorted((w for w in levels if not w.startswith("_")), key=len, reverse=True))
    m = re.search(rf"代表(?:本届|第?[一二三四五六七八九十]+届)?({words})"
                  rf"(?:第?[一二三四五六七八九十]+届)?(?:人民)?政府", head)
    return cast(Level, levels[m.group(1)]) if m else None


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


#: the byline of the official delivering a plan or budget report: 深圳市发展和改革委员会主任
#: 王宏彬, 国务委员兼国家计划委员会主任 邹家华, 县财政局局长 张三 (an office alone is no speaker)
_OFFICIAL_BYLINE = re.compile(
    rf"^([{_CJK}、]{{0,30}}?(?:委员会|发改委|发展改革委|计委|财政局|财政厅|财政部|发展和改革局|发展改革局)"
    rf"(?:党组书记、)?(?:副)?(?:主任|局长|厅长|部长))[ \u3000\xa0]*"
    rf"([{_CJK}]{{1,8}}·[{_CJK}]{{1,8}}|[{_CJK}]{{2,4}})$")


def _official_byline(spaced: str) -> tuple[str | None, str | None]:
    """Speaker and title from a plan or budget report's byline (see ``_OFFICIAL_BYLINE``)."""
    for line in [ln.strip() for ln in spaced.split("\n") if ln.strip()][:10]:
        m = _OFFICIAL_BYLINE.match(line)
        if m:
            return m.group(2), _flat(m.group(1))
    return None, None


def _speaker_on_behalf(head: str, title: str | None) -> tuple[str | None, str | None]:
    """The speaker a news page names: 县长付乐欣代表县人民政府向大会作政府工作报告, 陈永高代表县人民
    政府向大会报告工作, or a headline 陈永高作政府工作报告 opening a line."""
    titles = "|".join(sorted(_cues()["speaker_titles"], key=len, reverse=True))
    not_prefix = "".join(_cues()["not_a_title_prefix"])
    m = re.search(rf"(?:(?<![{not_prefix}])({titles})|(?<![{_CJK}]))({_NAME})代表[^。，,]{{0,15}}?"
                  rf"政府(?:向大会|作)", head)
    if m is None:
        m = re.search(rf"(?:^|\n)()({_NAME})作(?:政府)?工作报告", head)
    if m is None:
        return None, title
    if m.group(1):
        return m.group(2), m.group(1)
    near = re.search(rf"({titles}){re.escape(m.group(2))}", head)
    return m.group(2), near.group(1) if near else None


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
    date = find_dateline_date(pre) or find_date(pre) or find_date(pre_original) or (
        find_date(text[:400]) if doc_type == "npc_resolution" else None) or late_dateline(
        _flat(text[:1500]))
    date = date or meeting_day(_flat(text[:1500]), title) or meeting_day(pre_original, title)
    meeting = _find_meeting(pre, text, doc_type) or (
        _find_meeting(pre_original, "", doc_type) if pre_original else None)
    region = _find_region(text, pre, hints)
    if region is None and pre_original:
        region = _find_region(original, pre_original, hints)
    found = region_of(region)
    path = found.path if found else (split_region(region) if region else ())
    speaker, speaker_title = _find_speaker(pre, _preamble(text))
    if speaker is None and pre_original:
        speaker, title_original = _find_speaker(pre_original)
        speaker_title = speaker_title or title_original
    if speaker and speaker_title is None:
        # a bare name in the byline; its title may be printed elsewhere (a photo caption)
        titles = "|".join(sorted(_cues()["speaker_titles"], key=len, reverse=True))
        m = re.search(rf"({titles}){speaker}", pre_original + _flat(text[:1500]))
        speaker_title = m.group(1) if m else None
    if speaker is None and doc_type in ("plan_report", "budget_report"):
        speaker, speaker_title = _official_byline(_preamble(text))
    if speaker is None and doc_type in ("work_report", "public_report"):
        speaker, speaker_title = _speaker_on_behalf(_flat(text[:3000]), speaker_title)
    if doc_type == "npc_resolution":
        speaker, speaker_title = None, None
    if speaker is None and doc_type == "public_report":
        m = _SPEAKER_IN_NEWS.search(text[:3000])
        if m:
            speaker, speaker_title = m.group(2), m.group(1)
    speaker_title = _normalize_title(speaker_title, region)
    year = _find_year(date, meeting, region, title, text, hints, doc_type)
    level = found.level if found else level_of(path)
    if level is None and region is None:
        level = _level_of_government(_flat(text[:1500]))
    return Metadata(
        title=title, region=found.full if found else region, region_path=path,
        level=level, year=year, date=date, speaker=speaker,
        speaker_title=speaker_title, meeting=meeting, doc_type=doc_type,
        region_code=found.code if found else None,
    )
