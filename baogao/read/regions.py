"""Region names: split into their hierarchy, complete, and match across documents.

西城 / 西城区 / 北京市西城区 all resolve to 北京市西城区 with the path (北京市, 西城区).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from baogao.models import Level

NATIONAL = "中华人民共和国"
_CITY_SUFFIX = ("市", "自治州", "州", "地区", "盟")
_COUNTY_SUFFIX = ("区", "县", "旗", "市")


@dataclass(frozen=True)
class Gazetteer:
    provinces: dict[str, tuple[str, ...]]
    districts: dict[str, str]  # district name -> municipality
    short_to_full: dict[str, str]


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (baogao/data/gazetteer.json)."""
    raw = json.loads(resources.files("baogao.data").joinpath("gazetteer.json").read_text("utf-8"))
    provinces = {k: tuple(v) for k, v in raw["provinces"].items()}
    districts = {d: city for city, ds in raw["municipal_districts"].items() for d in ds}
    short: dict[str, str] = {}
    for full, shorts in provinces.items():
        for s in shorts:
            short[s] = full
    for d, city in districts.items():
        short[d] = city + d
        stem = re.sub(r"(新区|区|县)$", "", d)
        if len(stem) >= 2:
            short.setdefault(stem, city + d)
    return Gazetteer(provinces, districts, short)


def split_region(name: str) -> tuple[str, ...]:
    """Split a full region name into its levels: 北京市西城区 -> (北京市, 西城区)."""
    if name == NATIONAL:
        return (NATIONAL,)
    gaz = gazetteer()
    parts: list[str] = []
    rest = name
    for province in sorted(gaz.provinces, key=len, reverse=True):
        if rest.startswith(province):
            parts.append(province)
            rest = rest[len(province):]
            break
    while rest:
        m = re.match(r"(.{2,}?(?:自治州|自治县|自治旗|新区|地区|市|州|盟|区|县|旗))", rest)
        if not m:
            parts.append(rest)
            break
        parts.append(m.group(1))
        rest = rest[m.end():]
    return tuple(parts)


def canonical_region(name: str | None) -> str | None:
    """The full name for a region written in full or short form, or None."""
    if not name:
        return None
    name = re.sub(r"\s+", "", name)
    gaz = gazetteer()
    if name in (NATIONAL, "国务院", "全国", "中国", "中央"):
        return NATIONAL
    if name in gaz.short_to_full:
        return gaz.short_to_full[name]
    if name in gaz.districts:
        return gaz.districts[name] + name
    for province, shorts in gaz.provinces.items():
        for short in shorts:
            if name.startswith(short) and not name.startswith(province):
                tail = name[len(short):]
                if tail and not tail.startswith(("省", "市", "自治区")):
                    return province + tail
    return name


def level_of(path: tuple[str, ...]) -> Level | None:
    """national, province, city or district from a region path."""
    if not path:
        return None
    if path == (NATIONAL,):
        return "national"
    gaz = gazetteer()
    top_is_province = path[0] in gaz.provinces
    if len(path) == 1:
        if top_is_province:
            return "province"
        last = path[0]
        if last.endswith(("区", "县", "旗")):
            return "district"
        return "city" if last.endswith(_CITY_SUFFIX) else None
    last = path[-1]
    municipality = path[0] in gaz.districts.values()
    if len(path) == 2 and not municipality and last.endswith(_CITY_SUFFIX):
        return "city"
    if last.endswith(_COUNTY_SUFFIX):
        return "district"
    return None


def same_region(a: str | None, b: str | None) -> bool:
    """True when two region names denote the same jurisdiction."""
    if not a or not b:
        return False
    return canonical_region(a) == canonical_region(b)
