"""The region a report is about, from its own text (baogao.read.meta uses it).

In order of reliability: the dateline (——2023年1月4日在北京市西城区第十七届人民代表大会…), the
nation's cues (代表国务院), the government spoken for (我代表西城区人民政府), a byline
(安徽省人民政府省长), the title (2025年天津市政府工作报告, 关于重庆市开州区2024年预算执行情况
和2025年预算草案的报告), the meeting a news page reports (鄂州市鄂城区十届人大二次会议开幕),
collection hints; then, when the text names no region in those places, the first named in full,
read with the divisions named right after it (鄂州市鄂城区), or the province of the government
spoken for whose short name is printed (我代表省人民政府 … 和谐四川).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import cast

from baogao.data import load_json
from baogao.models import Level
from baogao.read.dating import npc_session_year
from baogao.read.regions import NATIONAL, gazetteer, region_of, resolve, resolve_one, stem_of

_CJK = "\u4e00-\u9fff"
_ORD = r"[一二三四五六七八九十]+"
_REGION_IN_DATELINE = re.compile(
    rf"在([{_CJK}]{{0,20}}?)第?{_ORD}届(全国)?人民代表大会"
)
# a news page: 12月19日，鄂州市鄂城区十届人大二次会议开幕 / 长沙县第十八届人民代表大会第六次会议
_REGION_OF_MEETING = re.compile(
    rf"(?:^|(?<=[\s，,。、：:；;日]))([{_CJK}]{{2,20}}?)第?{_ORD}届"
    rf"(?:人民代表大会|人大){_ORD}次会议", re.MULTILINE
)
_REGION_OF_GOVERNMENT = re.compile(rf"(?:代表|受)([{_CJK}]{{2,15}}?)人民政府")
_NATIONAL_CUES = re.compile(
    r"代表国务院|受国务院|国务院的(?:委托|决定)|代表中央人民政府|国务院总理"
)
# the longest run of names a chain can be: 广西壮族自治区柳州市三江侗族自治县
_CHAIN = 24


@dataclass(frozen=True)
class RegionText:
    """What the region is read from: ``head`` (the first 1,500 characters, flattened),
    ``pre`` (the header above the salutation), ``header_lines`` (its first lines, a quoted
    title read as the title it names), ``hint_titles`` (title column, ArticleTitle, <title>,
    flattened) and ``titles`` (the speaker titles as a regex alternation)."""

    head: str
    pre: str
    header_lines: tuple[str, ...]
    hint_titles: tuple[str, ...]
    titles: str


#: the words of a local government speaking of its own region (全省, 我市): a local page may
#: name the national congress sitting (十三届全国人大二次会议5日开幕, 我市代表…)
_LOCAL_WORDS = re.compile(
    r"[全我本][省市县区州旗盟]|[省市县区州旗盟](?:人民)?政府|[省市县区州旗盟]长")


@functools.lru_cache(maxsize=1)
def _national_only() -> re.Pattern[str]:
    """Words only a national report prints (中央和地方预算, 国务院关于2013年国民经济和社会发展
    计划): a page naming no region of its own is the nation's when it prints one."""
    raw = load_json("meta_cues.json")
    return re.compile("|".join(raw["national_only"]["patterns"]))


@functools.lru_cache(maxsize=1)
def _government_levels() -> dict[str, str]:
    raw = load_json("meta_cues.json")
    levels: dict[str, str] = raw["government_levels"]
    return {k: v for k, v in levels.items() if not k.startswith("_")}


def title_region(line: str) -> str | None:
    """The region a title line names: 2025年天津市政府工作报告 -> 天津市; 关于重庆市开州区
    2024年预算执行情况和2025年预算草案的报告 -> 重庆市开州区; 金乡县2021年国民经济和社会发展
    计划 -> 金乡县."""
    m = re.search(
        rf"^(?:[（(][{_CJK}]{{2,8}}[）)])?(?:(?:19|20)\d\d年)?([{_CJK}]{{2,20}}?)"
        rf"(?:(?:19|20)\d\d年)?(?:人民)?政府工作报告", line
    )  # a copy's title may lead with the province in brackets: (安徽省)2021年合肥市瑶海区…
    if m:
        return m.group(1)
    m = re.search(
        rf"([{_CJK}]{{2,20}}?)(?:19|20)\d\d年?度?(?:[{_CJK}]{{0,4}}预算执行情况|"
        rf"国民经济和社会发展计划)", line
    )
    return known_tail(m.group(1)) if m else None


def known_tail(words: str) -> str | None:
    """The longest end of ``words`` that names a known division: 关于印发新乡市 -> 新乡市,
    12月19日鄂州市鄂城区 -> 鄂州市鄂城区; None when no end of it does (完成了县)."""
    for i in range(len(words) - 1):
        if resolve(words[i:]):
            return words[i:]
    return None


def _context_scopes(head: str, hints: dict[str, str]) -> list[str]:
    """Region names that can disambiguate a shared county name: hint columns first, then the
    provinces and prefectures the header names (a prefecture by its short name last)."""
    scopes = [hints[k] for k in ("province", "region") if hints.get(k)]
    gaz = gazetteer()
    for region in gaz.regions.values():
        if region.level in ("province", "city") and region.name in head:
            scopes.append(region.name)
    for full, shorts in gaz.provinces.items():
        if any(s in head for s in shorts):
            scopes.append(full)
    # a prefecture the header names by its short name only (深圳新闻网…龙华区)
    scopes += [r.name for r in gaz.regions.values() if r.level == "city"
               and (stem := stem_of(r.name)) in _prefecture_stems() and stem in head]
    return scopes


def resolve_in(name: str | None, head: str, hints: dict[str, str]) -> tuple[str | None, bool]:
    """(region string, known) for a name read from the text; a name several divisions share
    resolves only when the hints or the header name its province or city."""
    if not name or name in _government_levels():
        return None, False  # a bare government word (我代表自治区人民政府) names no region
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


def _candidates(t: RegionText, hints: dict[str, str]) -> list[str]:
    """Region names in the order the text states them most reliably; hints last."""
    out: list[str] = []
    m = _REGION_IN_DATELINE.search(t.pre)
    if m:
        out.append(NATIONAL if m.group(2) else m.group(1))
    if _NATIONAL_CUES.search(t.head) or re.match(rf"第{_ORD}届全国人民代表", t.head):
        out.append(NATIONAL)
    m = _REGION_OF_GOVERNMENT.search(t.head)
    if m:
        out.append(m.group(1))
    m = re.search(rf"([{_CJK}]{{2,15}}?)人民政府(?:{t.titles})", t.pre)
    if m:
        out.append(m.group(1))
    for line in t.header_lines:
        found = title_region(line)
        if found:
            out.append(found)
    meeting = _meeting_region([n for m in _REGION_OF_MEETING.finditer(t.head)
                               if (n := known_tail(m.group(1)))])
    if meeting:
        out.append(meeting)
    out += [hints[k] for k in ("region", "province") if hints.get(k)]
    for value in t.hint_titles:
        if "国务院" in value or "中华人民共和国" in value:
            out.append(NATIONAL)
        found = title_region(value)
        if found:
            out.append(found)
    return [c for c in out if c]


def _meeting_region(names: list[str]) -> str | None:
    """The region of the congress a news page reports: the first named, or a division inside it
    named later (深圳二屆人大二次會議開幕 in the headline, 坪山區二屆人大二次會議開幕 in the
    story: the district's congress, the city named for the reader)."""
    if not names:
        return None
    first = region_of(resolve_in(names[0], "", {})[0])
    for name in names[1:]:
        inner = region_of(resolve_in(name, "", {})[0])
        if (first is not None and inner is not None and len(inner.path) > len(first.path)
                and inner.path[: len(first.path)] == first.path):
            return name
    return names[0]


def find_region(t: RegionText, hints: dict[str, str]) -> str | None:
    """The region string the text names for itself, or None."""
    fallback: str | None = None
    for candidate in _candidates(t, hints):
        region, known = resolve_in(candidate, t.head, hints)
        if known:
            return region
        fallback = fallback or region
    if fallback:
        return fallback
    level = level_of_government(t.head)
    if level is None and (_national_only().search(t.head) or (
            npc_session_year(t.head, sitting=True) and not _LOCAL_WORDS.search(t.head))):
        return NATIONAL
    found = _first_known_region(t.head)
    word = government_word(t.head) or ("" if level or found else congress_word(t.head) or "")
    if level == "province":
        return _province_named(t.head, found) or (
            None if found else _province_of_cities(t.head, word))
    if found is None and (level == "city" or _government_levels().get(word) == "city"):
        named = _prefecture_named(t.head, word)
        if named:
            return named
    if found is None and _government_levels().get(word) == "province":
        return _province_named(t.head, None) or _province_of_cities(t.head, word)
    county_level = "district" in (level, _government_levels().get(word))
    if found is not None and county_level:
        county = _county_within(t.head, found)
        if county is not None:
            return county  # 县…会议 on a page naming 杭州市 first and 淳安 by its short name
    if found is None and county_level:
        county = _county_self_named(t.head)
        if county is not None:
            return county  # 我代表县人民政府…关心、支持绩溪发展的各界人士
    if found or level not in (None, "city") or _MUNICIPAL.search(t.head) is None:
        return found
    return _province_named(t.head, None)


def _county_within(head: str, found: str) -> str | None:
    """The one county-level division under ``found`` (a prefecture or province a county's page
    names in full: 在杭州市委…领导下) whose short name the head prints (共商淳安发展大计);
    None when ``found`` is no higher division or none or several are printed."""
    region = region_of(found)
    if region is None or region.level not in ("city", "province"):
        return None
    named = {r.full for r in gazetteer().regions.values()
             if r.level == "district" and r.path[: len(region.path)] == region.path
             and (stem := stem_of(r.name)) and len(stem) >= 2 and stem in head}
    return named.pop() if len(named) == 1 else None


@functools.lru_cache(maxsize=1)
def _self_region_words() -> tuple[str, ...]:
    """Phrases a county's report names its own county in by its short name ({} the name)."""
    return tuple(load_json("meta_cues.json")["self_region_words"])


@functools.lru_cache(maxsize=1)
def _county_stems() -> dict[str, tuple[str, ...]]:
    """Short name (two characters or more) -> the county-level divisions that bear it."""
    out: dict[str, list[str]] = {}
    common = _common_names()
    higher = _higher_stems() | frozenset(load_json("gazetteer.json")["county_stems_in_words"])
    for r in gazetteer().regions.values():
        stem = stem_of(r.name)
        if (r.level == "district" and stem and len(stem) >= 2 and r.name not in common
                and stem not in higher):
            out.setdefault(stem, []).append(r.full)
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _higher_stems() -> frozenset[str]:
    """Short names of the provinces and prefectures (河北, 宁夏, 赣州)."""
    gaz = gazetteer()
    return frozenset({s for names in gaz.provinces.values() for s in names}
                     | {stem for r in gaz.regions.values() if r.level == "city"
                        and (stem := stem_of(r.name))})


def _said_alone(head: str, phrase: str, stem: str) -> bool:
    """True when ``phrase`` (naming ``stem``) stands in ``head`` with the short name not running
    on into a province's or prefecture's name (美丽新宁夏 names 宁夏, not 新宁)."""
    i = head.find(phrase)
    while i >= 0:
        end = i + phrase.index(stem) + len(stem)
        if stem[-1] + head[end : end + 1] not in _higher_stems():
            return True
        i = head.find(phrase, i + 1)
    return False


def _county_self_named(head: str) -> str | None:
    """The one county-level division a county's report names as its own by its short name in
    a phrase of its own (关心、支持绩溪发展, 落户宜丰, 幸福武清), when it prints no full name;
    None when no such phrase or several divisions are so named (or one short name several
    divisions share)."""
    phrases = _self_region_words()
    named: set[str] = set()
    for stem, fulls in _county_stems().items():
        if stem in head and any(_said_alone(head, p.format(stem), stem) for p in phrases):
            named.update(fulls)
    return named.pop() if len(named) == 1 else None


#: a city's government speaking (受市人民政府委托, 我代表市人民政府): a municipality's report when
#: the only division it names is a municipality (对重庆提出的…) and no prefecture is named
#: (or a news page of the mayor's report: 应勇作政府工作报告…今年上海主要预期目标)
_MUNICIPAL = re.compile(r"(?:受|代表)市(?:人民)?政府|市长[^。，,\n]{0,6}?作[《“]?政府工作报告")


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


#: the divisions a government word can be the government of, by how their names end
_KINDS = {"自治区": ("自治区",), "省": ("省",), "自治州": ("自治州",), "州": ("自治州",),
          "盟": ("盟",), "市": ("市",)}


def _prefecture_named(head: str, word: str) -> str | None:
    """A prefecture's report that prints no full name: the one division of the government's
    kind (州: an autonomous prefecture; 市: a prefecture-level city) whose short name the head
    prints (…共同描绘迪庆未来…, 成都晚报讯 市政府…), inside the province it names if it names
    one; None when none or several are printed."""
    kinds = _KINDS.get(word)
    if kinds is None:
        return None
    provinces = {p for p, shorts in gazetteer().provinces.items() if any(s in head for s in shorts)}
    named = {r.full for r in gazetteer().regions.values()
             if r.level == "city" and r.name.endswith(kinds) and (stem := stem_of(r.name))
             and len(stem) >= 2 and stem in head and (not provinces or r.path[0] in provinces)}
    return named.pop() if len(named) == 1 else None


def _province_of_cities(head: str, word: str) -> str | None:
    """A province's report that prints neither its full name nor its short name: the one
    province of the government's kind (自治区, 省) whose prefectures' short names the head prints
    (自治区两会在呼和浩特召开: 内蒙古自治区); None when they lie in several."""
    kinds = _KINDS.get(word)
    if kinds is None or word not in ("自治区", "省"):
        return None
    stems = set(_prefecture_stems())
    provinces = {r.path[0] for r in gazetteer().regions.values()
                 if r.level == "city" and (stem := stem_of(r.name)) in stems and stem in head}
    one = provinces.pop() if len(provinces) == 1 else None
    return one if one and one.endswith(kinds) else None


@functools.lru_cache(maxsize=1)
def _common_names() -> frozenset[str]:
    """Division names that are common words too (城区, 郊区): never found in the body alone."""
    raw = load_json("gazetteer.json")
    return frozenset(raw["common_words"])


@functools.lru_cache(maxsize=1)
def _conjunctions() -> tuple[str, ...]:
    """Conjunctions that open a county's two-character name (和县)."""
    return tuple(load_json("gazetteer.json")["conjunctions"])


@functools.lru_cache(maxsize=1)
def _prefecture_stems() -> tuple[str, ...]:
    """Short names of the prefectures (赣州, 成都) that are no province's short name."""
    gaz = gazetteer()
    shorts = {s for names in gaz.provinces.values() for s in names}
    stems = {stem_of(r.name) for r in gaz.regions.values() if r.level == "city"}
    return tuple(sorted(s for s in stems if s and s not in shorts))


def government_word(head: str) -> str | None:
    """The kind of government the speaker reports for (省, 市, 州, 县, 旗…): 我代表州人民政府,
    我代表旗十四届人民政府, 受市人民政府委托; else the congress a news page reports, named by
    its kind alone (州十二届人民代表大会第一次会议开幕, 市政府向市十四届人大二次会议作…,
    自治区两会在…召开)."""
    words = "|".join(sorted(_government_levels(), key=len, reverse=True))
    m = re.search(rf"(?:代表|受)(?:本届|第?{_ORD}届)?({words})(?:第?{_ORD}届)?(?:人民)?政府"
                  rf"(?:委托)?", head)
    return m.group(1) if m else None


def congress_word(head: str) -> str | None:
    """The kind of government whose congress a news page reports, named by its kind alone
    (州十二届人民代表大会第一次会议开幕, 市政府向市十四届人大二次会议作…, 自治区两会在…召开,
    出席市五届人大二次会议的代表)."""
    words = "|".join(sorted(_government_levels(), key=len, reverse=True))
    m = re.search(rf"(?:^|(?<=[\s，,。、：:；;—向在])|(?<=出席)|(?<=参加))({words})"
                  rf"(?:第?{_ORD}届(?:人民代表大会|人大)第?{_ORD}次会议|两会)", head, re.MULTILINE)
    return m.group(1) if m else None


def _overseeing_word(head: str) -> str | None:
    """The kind of government a review says its congress oversees (在区人大、区政协监督支持下)."""
    words = "|".join(sorted(_government_levels(), key=len, reverse=True))
    m = re.search(rf"在({words})人大[、和及]?(?:{words})?政协(?:的)?监督", head)
    return m.group(1) if m else None


def level_of_government(head: str) -> Level | None:
    """The level of the government the speaker reports for when the text names no region:
    我代表州人民政府 (a prefecture), 我代表旗十四届人民政府 or 我代表县政府 (county level), or
    the congress that oversees it (在区人大、区政协监督支持下)."""
    word = government_word(head) or _overseeing_word(head)
    return cast(Level, _government_levels()[word]) if word else None


#: what follows a two-character county's name when it is the name (房县人民政府, 陇县第十七届…)
_AFTER_SHORT_NAME = re.compile(r"人民|政府|第?[一二三四五六七八九十]+届|人大|[委长]")


def _name_at(text: str, name: str) -> int:
    """Where ``name`` first stands in ``text`` as a name: a two-character county name (兴县,
    和县) inside a phrase (工业强县、和谐兴县) is a word, so it counts only at the start of a
    run of Chinese text or before its government or congress (兴县人民政府), and one opening on
    a conjunction (和县: 市政府和县委) only at the start of a run; a name before 代表团 (its
    deputies at a higher congress) never counts; -1 if nowhere."""
    i = text.find(name)
    # 和县 after a word is 和 (and) + 县委: 在市委、市政府和县委的领导下
    joined = name.startswith(_conjunctions())
    while i >= 0:
        if text.startswith(_DELEGATION, i + len(name)):
            pass  # 到社旗县代表团审议: a delegation of the congress, not its region
        elif len(name) > 2:
            return i
        else:
            before = text[i - 1] if i else ""
            after_word = bool(re.match(rf"[{_CJK}]", before))
            if not after_word or (not joined and _AFTER_SHORT_NAME.match(text, i + len(name))):
                return i
        i = text.find(name, i + 1)
    return -1


#: the delegation of a division's deputies at a higher congress (社旗县代表团)
_DELEGATION = "代表团"


def _first_known_region(text: str) -> str | None:
    """The first province, prefecture or county named in full in ``text`` (a news page), read
    with the divisions named right after it (鄂州市鄂城区 is the district, not the city)."""
    gaz = gazetteer()
    best: tuple[int, int, str] | None = None
    common = _common_names()
    for region in gaz.regions.values():
        if region.level == "national" or region.name in common:
            continue
        i = _name_at(text, region.name)
        if i >= 0 and (best is None or (i, -len(region.name)) < best[:2]):
            best = (i, -len(region.name), region.name)
    if best is None:
        return None
    start, name = best[0], best[2]
    for end in range(min(len(text), start + _CHAIN), start + len(name), -1):
        chain = resolve_one(text[start:end])
        if chain is not None and chain.level != "national":
            return chain.full
    return resolve_in(name, text, {})[0]
