"""Regions: every administrative division with its GB/T 2260 code, hierarchy and names.

The gazetteer (``baogao/data/gazetteer_*``) holds about 3,200 current divisions, the short
names of the provinces and the former names older reports use. Every command resolves a
user's region the same way::

    from baogao.read.regions import resolve, region_names

    resolve("北京")                      # [Region 110000 北京市]
    resolve("110102")                    # [Region 110102 北京市/西城区]
    resolve("西城")                      # [Region 110102 …]  (short names work)
    resolve("朝阳区")                    # two regions (北京市朝阳区, 长春市朝阳区): ambiguous
    resolve("朝阳区", within="北京")     # [北京市朝阳区]
    resolve("北京", descendants=True)    # 北京市 and its 16 districts
    resolve("全国") / resolve("国务院")  # [Region 100000 中华人民共和国]
    resolve("崇文区")                    # [东城区]: former names map to the successor
    region_names("北京", descendants=True)  # {"北京市", "北京市东城区", …}: the ``region``
                                            # strings stored on documents and facts

``Region.full`` (北京市西城区, 浙江省杭州市桐庐县) is the string stored as ``Document.region`` and
``Fact.region``; ``Region.path`` is its hierarchy and ``Region.code`` the six-digit code.
``canonical_region`` turns any written form (西城, 北京西城区, 浙江桐庐) into that full string
when exactly one division matches, and returns the input unchanged otherwise; a name shared by
several divisions is never guessed.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from baogao.data import data_text
from baogao.models import Level

NATIONAL = "中华人民共和国"
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "特区", "林区", "新区", "地区",
             "矿区", "省", "市", "县", "区", "旗", "盟", "州")
_PART = re.compile(r"(.{2,}?(?:自治区|自治州|自治县|自治旗|新区|地区|省|市|州|盟|区|县|旗))")
# tiers of a name, best first: official name or code, province short name, former, short stem
_OFFICIAL, _PROVINCE_SHORT, _FORMER, _STEM = range(4)


@dataclass(frozen=True)
class Region:
    """One division: ``code`` (GB/T 2260, "100000" for the nation), official ``name``, ``path``
    of names from the province down (北京市, 西城区), ``full`` = the path joined, ``level``
    (national, province, city = prefecture level, district = county level) and ``parent``
    code (None for provinces and the nation)."""

    code: str
    name: str
    path: tuple[str, ...]
    level: Level
    parent: str | None

    @property
    def full(self) -> str:
        return "".join(self.path)

    @property
    def code_prefix(self) -> str:
        """The code prefix every descendant shares: "11" for 北京市, "3301" for 杭州市."""
        if self.level == "national":
            return ""
        if self.level == "province":
            return self.code[:2]
        if self.level == "city":
            return self.code[:4]
        return self.code


@dataclass(frozen=True)
class Gazetteer:
    """The loaded gazetteer. ``regions`` by code; ``names`` maps every written form to
    (tier, code) pairs; ``children`` lists codes under each code.

    ``provinces`` (full name -> short names), ``districts`` (municipal district -> municipality)
    and ``short_to_full`` (unambiguous names -> full region string) serve older callers."""

    regions: dict[str, Region]
    names: dict[str, tuple[tuple[int, str], ...]]
    children: dict[str, tuple[str, ...]]
    national_words: frozenset[str]
    provinces: dict[str, tuple[str, ...]]
    districts: dict[str, str]
    short_to_full: dict[str, str]



@functools.lru_cache(maxsize=1)
def _nations() -> tuple[str, ...]:
    """Ethnic group names used in autonomous-area names, longest first (蒙古族, 蒙古, 壮族…);
    read once (``stem_of`` runs for every document's own region names)."""
    words: set[str] = set()
    for line in data_text("gazetteer_nations.txt").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line)
            if line.endswith("族") and len(line) > 2:
                words.add(line[:-1])
    return tuple(sorted(words, key=len, reverse=True))


def stem_of(name: str, nations: Sequence[str] | None = None) -> str | None:
    """The short form of a division name (杭州市 -> 杭州, 恩施土家族苗族自治州 -> 恩施),
    or None when the stem would be a single character."""
    nations = nations if nations is not None else _nations()
    stem = name
    if name.endswith(_SUFFIXES):  # one test before the loop
        for suffix in _SUFFIXES:
            if stem.endswith(suffix) and len(stem) > len(suffix):
                stem = stem[: -len(suffix)]
                break
    ends = tuple(nations)
    changed = True
    while changed and stem.endswith(ends):
        changed = False
        for nation in nations:
            if stem.endswith(nation) and len(stem) - len(nation) >= 2:
                stem = stem[: -len(nation)]
                changed = True
                break
    return stem if len(stem) >= 2 and stem != name else None


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once."""
    raw = json.loads(data_text("gazetteer.json"))
    national_code = str(raw["national_code"])
    rows: dict[str, str] = {}
    for line in data_text("gazetteer_divisions.tsv").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")
            rows[code] = name
    regions: dict[str, Region] = {
        national_code: Region(national_code, NATIONAL, (NATIONAL,), "national", None)
    }
    alias: dict[str, str] = {}  # 110100 (a row repeating the municipality) -> 110000
    for code in sorted(rows):
        name = rows[code]
        province = code[:2] + "0000"
        if code == province:
            regions[code] = Region(code, name, (name,), "province", None)
            continue
        prefecture = code[:4] + "00"
        if code == prefecture:
            if name == rows.get(province):
                alias[code] = province
                continue
            path: tuple[str, ...] = (rows[province], name) if province in rows else (name,)
            regions[code] = Region(code, name, path, "city", province)
            continue
        parent_code = prefecture if prefecture in rows and prefecture not in alias else province
        parent = regions.get(parent_code)
        path = (*(parent.path if parent else ()), name)
        regions[code] = Region(code, name, path, "district", parent.code if parent else None)
    children: dict[str, list[str]] = {}
    for region in regions.values():
        if region.parent:
            children.setdefault(region.parent, []).append(region.code)
        elif region.code != national_code:
            children.setdefault(national_code, []).append(region.code)

    names: dict[str, set[tuple[int, str]]] = {}

    def add(name: str, tier: int, code: str) -> None:
        names.setdefault(name, set()).add((tier, code))

    nations = _nations()
    provinces = {k: tuple(v) for k, v in raw["provinces"].items()}
    by_name = {r.name: r.code for r in regions.values() if r.level == "province"}
    for region in regions.values():
        if region.level == "national":
            continue
        add(region.name, _OFFICIAL, region.code)
        stem = stem_of(region.name, nations)
        if stem and region.level != "province":
            add(stem, _STEM, region.code)
    for full, shorts in provinces.items():
        for short in shorts:
            if full in by_name:
                add(short, _PROVINCE_SHORT, by_name[full])
    for code, province in alias.items():
        add(code, _OFFICIAL, province)
    for short, code in raw.get("abbreviations", {}).items():
        add(short, _FORMER, code)  # 科左后旗 for 科尔沁左翼后旗
    for entry in json.loads(data_text("gazetteer_former.json"))["former"]:
        add(entry["former"], _FORMER, entry["code"])
        stem = stem_of(entry["former"], nations)
        if stem:
            add(stem, _STEM, entry["code"])
    # a county made a county-level city or a district keeps its name's stem (监利县 -> 监利市 in
    # 2020, 长安县 -> 长安区): the county's name, unless a division still bears it, is read as
    # its successor's, like the former names listed by hand
    borne = set(names)
    # an autonomous area is called by its stem and the bare suffix (黔西南布依族苗族自治州 ->
    # 黔西南州, 长阳土家族自治县 -> 长阳县), unless a division bears that name
    for region in regions.values():
        suffix = next((s for s in ("自治州", "自治县", "自治旗") if region.name.endswith(s)), None)
        stem = stem_of(region.name, nations) if suffix else None
        if suffix and stem and stem + suffix[-1] not in borne:
            add(stem + suffix[-1], _STEM, region.code)
    for region in regions.values():
        if region.level == "district" and region.name.endswith(("市", "区")) and len(
            region.name
        ) >= 3 and region.name[:-1] + "县" not in borne:
            add(region.name[:-1] + "县", _FORMER, region.code)
    frozen = {k: tuple(sorted(v)) for k, v in names.items()}
    districts = {
        r.name: r.path[0] for r in regions.values()
        if r.level == "district" and r.code[:2] in ("11", "12", "31", "50")
    }
    # names safe to spot in free text: official, province short and former names; stems only
    # of prefectures and municipal districts (a county stem such as 合作 is a common word)
    short_to_full: dict[str, str] = {}
    for name, entries in frozen.items():
        best = min(t for t, _ in entries)
        codes = {c for t, c in entries if t == best}
        if len(codes) != 1 or name.isdigit():
            continue
        region = regions[codes.pop()]
        if best == _STEM and region.level != "city" and region.name not in districts:
            continue
        short_to_full[name] = region.full
    return Gazetteer(
        regions=regions, names=frozen,
        children={k: tuple(v) for k, v in children.items()},
        national_words=frozenset(raw["national"]), provinces=provinces,
        districts=districts, short_to_full=short_to_full,
    )


def national() -> Region:
    """The nation (中华人民共和国)."""
    gaz = gazetteer()
    return next(r for r in gaz.regions.values() if r.level == "national")


def by_code(code: str) -> Region | None:
    """The region of a GB/T 2260 code (6 digits, or 12 with trailing zeros), or None."""
    gaz = gazetteer()
    code = code.strip()
    if len(code) == 12 and code.endswith("000000"):
        code = code[:6]
    if code in gaz.regions:
        return gaz.regions[code]
    entries = gaz.names.get(code)
    return gaz.regions[entries[0][1]] if entries else None


def is_within(region: Region, ancestor: Region) -> bool:
    """True when ``region`` is ``ancestor`` or lies inside it."""
    if ancestor.level == "national":
        return True
    gaz = gazetteer()
    current: Region | None = region
    while current is not None:
        if current.code == ancestor.code:
            return True
        current = gaz.regions.get(current.parent) if current.parent else None
    return False


def _lookup(name: str) -> tuple[tuple[int, str], ...]:
    return gazetteer().names.get(name, ())


def _best(entries: list[tuple[int, str]]) -> list[Region]:
    if not entries:
        return []
    gaz = gazetteer()
    tier = min(t for t, _ in entries)
    codes = sorted({c for t, c in entries if t == tier})
    found = [gaz.regions[c] for c in codes]
    # a short name shared by a division and its own seat (恩施州 / 恩施市) names the division
    tops = [r for r in found if all(is_within(o, r) for o in found)]
    return tops if len(tops) == 1 else found


def _parse(text: str, parents: list[Region] | None) -> list[Region]:
    """Read ``text`` as a chain of names from the top down (浙江杭州桐庐县, 北京市西城区); the
    regions the last name can be, each inside the previous name's region."""
    for cut in range(len(text), 1, -1):
        head, rest = text[:cut], text[cut:]
        entries = list(_lookup(head))
        if parents is not None:
            entries = [e for e in entries
                       if any(is_within(gazetteer().regions[e[1]], p) for p in parents)]
        found = _best(entries)
        if not found:
            continue
        if not rest:
            return found
        deeper = _parse(rest, found)
        if deeper:
            return deeper
    return []


def _clean(text: str) -> str:
    return re.sub(r"[\s\u3000/／·、]+", "", text or "")


def resolve(query: str, *, descendants: bool = False, within: str | None = None) -> list[Region]:
    """Every region a user's string names, best match first (sorted by code).

    ``query`` may be a code (110102), an official name (西城区), a short name (北京, 西城,
    内蒙古), a former name (崇文区), a chain (北京市西城区, 浙江桐庐) or a word for the whole
    country (全国, 国家, 国务院, 中华人民共和国). A name shared by several divisions (朝阳区)
    yields all of them unless ``within`` (a region string, e.g. "北京") narrows it.
    ``descendants=True`` adds every division inside each match (北京 -> its districts;
    全国 -> everything). Unknown strings give [].
    """
    gaz = gazetteer()
    text = _clean(query)
    if not text:
        return []
    found: list[Region]
    if text in gaz.national_words:
        found = [national()]
    elif text.isdigit():
        region = by_code(text)
        found = [region] if region else []
    else:
        found = _parse(text, None)
    if within and found:
        scopes = resolve(within)
        narrowed = [r for r in found if any(is_within(r, s) for s in scopes)]
        if not narrowed and len(found) > 1:
            # the hint names no ancestor; it may name the region itself in another form
            narrowed = [r for r in found if r in scopes]
        found = narrowed or (found if len(found) == 1 else [])
    if descendants:
        seen = {r.code for r in found}
        stack = [r.code for r in found]
        while stack:
            for child in gaz.children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
                    found.append(gaz.regions[child])
    return found


def resolve_one(query: str, *, within: str | None = None) -> Region | None:
    """The single region ``query`` names, or None when it names none or several."""
    found = resolve(query, within=within)
    return found[0] if len(found) == 1 else None


def region_names(query: str, *, descendants: bool = False) -> set[str]:
    """The ``region`` strings (Region.full) stored on documents and facts that ``query``
    matches; use to filter stored rows. Empty when the query names no known region."""
    return {r.full for r in resolve(query, descendants=descendants)}


@functools.lru_cache(maxsize=4096)
def canonical_region(name: str | None) -> str | None:
    """The full region string (北京市西城区) for a name written in any form, when exactly one
    division matches; the name itself (spaces removed) otherwise; None for None/empty."""
    if not name:
        return None
    text = _clean(name)
    if not text:
        return None
    found = resolve(text)
    return found[0].full if len(found) == 1 else text


@functools.lru_cache(maxsize=4096)
def region_of(name: str | None) -> Region | None:
    """The Region a stored region string or any unambiguous written form denotes."""
    if not name:
        return None
    return resolve_one(name)


def split_region(name: str) -> tuple[str, ...]:
    """The hierarchy of a region string: 北京市西城区 -> (北京市, 西城区). Names outside the
    gazetteer are split on division suffixes."""
    region = region_of(name)
    if region is not None:
        return region.path
    parts: list[str] = []
    rest = name
    while rest:
        m = _PART.match(rest)
        if not m:
            parts.append(rest)
            break
        parts.append(m.group(1))
        rest = rest[m.end():]
    return tuple(parts)


def level_of(path: tuple[str, ...]) -> Level | None:
    """national, province, city (prefecture level) or district (county level) of a path."""
    if not path:
        return None
    region = region_of("".join(path))
    if region is not None:
        return region.level
    last = path[-1]
    if last.endswith(("区", "县", "旗")):
        return "district"
    if last.endswith(("市", "自治州", "州", "地区", "盟")):
        return "city"
    return None


def code_of(name: str | None) -> str | None:
    """The GB/T 2260 code of a region string, or None when it is not a single known region."""
    region = region_of(name)
    return region.code if region else None


def same_region(a: str | None, b: str | None) -> bool:
    """True when two region names denote the same jurisdiction."""
    if not a or not b:
        return False
    return canonical_region(a) == canonical_region(b)
