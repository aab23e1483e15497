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

from baogao.models import DocType, Level
from baogao.read.regions import (
    NATIONAL,
    canonical_region,
    gazetteer,
    level_of,
    region_of,
    split_region,
)

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"(?:\d{1,4}|[〇零○一二三四五六七八九十]{1,4})"
_DATE = re.compile(rf"({_NUM})年({_NUM})月({_NUM})日")
_SQUASHED_DATE = re.compile(r"((?:19|20)\d\d)(\d{2,4})日")
_ORD = r"[一二三四五六七八九十]+"
_MEETING = re.compile(
    rf"(第?{_ORD}届(?:全国)?人民代表大会(?:常务委员会)?第({_ORD})?次会议)"
)
_TITLES = ("代理区长", "代理市长", "代理省长", "代区长", "代市长", "代省长", "代县长",
           "区长", "市长", "省长", "县长", "州长", "盟长", "旗长", "主席", "总理", "副总理")
_TITLE_RE = "|".join(_TITLES)
_SPEAKER_LINE = re.compile(
    rf"^(?:.*?(?:人民政府|国务院|政府))?({_TITLE_RE})\s*([\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){{1,3}})?$"
)
_SPEAKER_INLINE = re.compile(
    rf"(?:人民政府|国务院|省|市|区|县|自治区)({_TITLE_RE})\s*([\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){{1,3}})$"
)
_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}$")
_REGION_IN_DATELINE = re.compile(
    r"在([\u4e00-\u9fff]{0,20}?)第?[一二三四五六七八九十]+届(全国)?人民代表大会"
)
_REGION_OF_GOVERNMENT = re.compile(r"(?:代表|受)([\u4e00-\u9fff]{2,15}?)人民政府")
_NATIONAL_CUES = re.compile(
    r"代表国务院|受国务院|国务院的(?:委托|决定)|代表中央人民政府|国务院总理"
)
_SPEAKER_IN_NEWS = re.compile(
    rf"({_TITLE_RE})([\u4e00-\u9fff]{{2,3}}?)(?:介绍|说|指出|表示|强调|回答)"
)
_DATELINE = re.compile(r"会议上?[）)]?$")
_YEAR_IN = re.compile(r"((?:19|20)\d\d)年")


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
    """The first full date in ``text`` as ISO, including 二〇二六年一月二十七日 and a
    date whose 年/月 were lost (2021110日 -> 2021-01-10 when only one reading is valid)."""
    m = _DATE.search(text)
    if m:
        y, mo, d = (chinese_int(g) for g in m.groups())
        if y is not None and mo is not None and d is not None and _valid(y, mo, d):
            return f"{y:04d}-{mo:02d}-{d:02d}"
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


def _preamble(text: str) -> str:
    """The header lines above the salutation (各位代表), or the first 600 characters."""
    idx = text.find("各位代表")
    return text[: idx if 0 <= idx <= 1500 else 600]


def detect_doc_type(text: str, title: str | None) -> DocType:
    """work_report, plan_report, budget_report, public_report, npc_resolution or other."""
    head = (title or "") + "\n" + text[:800]
    if re.search(r"关于.{0,20}报告的决议", head) or (len(text) < 3000 and "决议" in head[:200]):
        return "npc_resolution"
    if "向公众报告" in head or "向社会公众报告" in head:
        return "public_report"
    if re.search(r"计划执行情况", head) and re.search(r"计划(草案)?", head):
        return "plan_report"
    if re.search(r"预算执行情况", head) and "预算草案" in head:
        return "budget_report"
    if "政府工作报告" in head or re.search(r"报告(政府)?工作|作政府工作报告", head):
        return "work_report"
    return "other"


def _find_region(text: str, pre: str, hints: dict[str, str]) -> str | None:
    m = _REGION_IN_DATELINE.search(pre)
    if m:
        return NATIONAL if m.group(2) else (m.group(1) or None)
    head = text[:1500]
    if _NATIONAL_CUES.search(head) or re.match(r"第[一二三四五六七八九十]+届全国人民代表", head):
        return NATIONAL
    m = _REGION_OF_GOVERNMENT.search(head)
    if m:
        return m.group(1)
    m = re.search(r"([\u4e00-\u9fff]{2,15}?)人民政府(?:" + _TITLE_RE + ")", pre)
    if m:
        return m.group(1)
    for key in ("region", "province"):
        if hints.get(key):
            return hints[key]
    title = hints.get("title", "")
    if "国务院" in title or "中华人民共和国" in title:
        return NATIONAL
    return _first_known_region(head)


def _first_known_region(text: str) -> str | None:
    """The first full region name from the gazetteer mentioned in ``text`` (a news page)."""
    gaz = gazetteer()
    names = [n for n in gaz.short_to_full if n.endswith(("区", "县", "省", "市", "自治区"))]
    best: tuple[int, str] | None = None
    for name in names:
        i = text.find(name)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, name)
    return best[1] if best else None


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


def _find_speaker(pre: str, original_head: str) -> tuple[str | None, str | None]:
    for line in pre.split("\n"):
        line = line.strip()
        for pattern in (_SPEAKER_LINE, _SPEAKER_INLINE):
            m = pattern.search(line)
            if m:
                return (m.group(2) or "").replace(" ", "") or None, m.group(1)
    # a bare name counts only on the lines after the dateline (…会议上), where speakers stand
    lines = pre.split("\n")[:8]
    after = next((i + 1 for i, ln in enumerate(lines) if _DATELINE.search(ln)), len(lines))
    for line in lines[after:]:
        line = line.strip()
        if _NAME_ONLY.match(line) and not line.endswith(("报告", "代表")):
            name = line.replace(" ", "")
            m = re.search(rf"({_TITLE_RE}){name}", original_head.replace(" ", ""))
            return name, m.group(1) if m else None
    return None, None


def _find_year(
    date: str | None, meeting: str | None, region: str | None, title: str | None,
    text: str, hints: dict[str, str], doc_type: DocType,
) -> int | None:
    if date:
        return int(date[:4])
    if hints.get("year", "").strip().isdigit():
        return int(hints["year"].strip())
    if doc_type == "plan_report":
        m = re.search(r"((?:19|20)\d\d)年(?:国民经济和社会发展)?计划草案", text[:1500])
        if m:
            return int(m.group(1))
    if title:
        m = _YEAR_IN.search(title)
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
    return None


def _find_title(pre: str, text: str, hints: dict[str, str]) -> str | None:
    if hints.get("title"):
        return hints["title"].strip()
    for line in pre.split("\n")[:6]:
        line = line.strip()
        if re.search(r"(报告|决议|纲要|草案)$", line) and len(line) <= 60:
            return line
    m = re.search(r"现将(.{4,80}?的报告)", text[:1500])
    if m:
        return m.group(1)
    first = text.split("\n", 1)[0].strip()
    if len(first) <= 40 and not first.startswith("各位代表"):
        return first
    return None


def extract_metadata(text: str, hints: dict[str, str], original: str = "") -> Metadata:
    """Read the metadata of a normalized report text, using collection hints as fallback."""
    pre = _preamble(text)
    title = _find_title(pre, text, hints)
    doc_type = detect_doc_type(text, title)
    date = find_date(pre) or (find_date(text[:400]) if doc_type == "npc_resolution" else None)
    meeting = _find_meeting(pre, text, doc_type)
    region = canonical_region(_find_region(text, pre, hints))
    path = split_region(region) if region else ()
    found = region_of(region)
    speaker, speaker_title = _find_speaker(pre, original[:1500] or text[:1500])
    if speaker_title is None and region == NATIONAL:
        m = re.search(r"国务院总理\s*([\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,2})", pre)
        if m:
            speaker, speaker_title = m.group(1).replace(" ", ""), "国务院总理"
    if doc_type == "npc_resolution":
        speaker, speaker_title = None, None
    if speaker_title == "主席" and region and "自治区" in region:
        speaker_title = "自治区主席"
    if speaker is None and doc_type == "public_report":
        m = _SPEAKER_IN_NEWS.search(text[:3000])
        if m:
            speaker, speaker_title = m.group(2), m.group(1)
    if speaker_title == "总理" and region == NATIONAL:
        speaker_title = "国务院总理"
    year = _find_year(date, meeting, region, title, text, hints, doc_type)
    return Metadata(
        title=title, region=region, region_path=path, level=level_of(path), year=year,
        date=date, speaker=speaker, speaker_title=speaker_title, meeting=meeting,
        doc_type=doc_type, region_code=found.code if found else None,
    )
