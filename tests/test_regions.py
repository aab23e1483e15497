"""The gazetteer and the region resolver every command uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS

from baogao.read.regions import (
    NATIONAL,
    by_code,
    canonical_region,
    gazetteer,
    region_names,
    resolve,
    resolve_one,
    split_region,
    stem_of,
)


def _codes(query: str, **kw: object) -> list[str]:
    return [r.code for r in resolve(query, **kw)]  # type: ignore[arg-type]


def test_gazetteer_holds_every_current_division() -> None:
    regions = gazetteer().regions
    levels = [r.level for r in regions.values()]
    assert levels.count("province") == 34
    assert levels.count("city") >= 330
    assert levels.count("district") >= 2800


@pytest.mark.parametrize(("query", "code"), [
    ("北京", "110000"), ("北京市", "110000"), ("110000", "110000"), ("110100", "110000"),
    ("110102000000", "110102"), ("西城区", "110102"), ("西城", "110102"),
    ("广西", "450000"), ("内蒙古", "150000"), ("桐庐", "330122"), ("浙江桐庐", "330122"),
    ("浙江省杭州市桐庐县", "330122"), ("吉林", "220000"), ("吉林市", "220200"),
    ("恩施", "422800"), ("全国", "100000"), ("国家", "100000"), ("国务院", "100000"),
    ("中华人民共和国", "100000"), ("北京西城", "110102"), ("仙桃市", "429004"),
])
def test_resolve_user_strings(query: str, code: str) -> None:
    assert _codes(query) == [code]


@pytest.mark.parametrize(("former", "now"), [
    ("襄樊市", "湖北省襄阳市"), ("思茅市", "云南省普洱市"), ("崇文区", "北京市东城区"),
    ("宣武区", "北京市西城区"), ("密云县", "北京市密云区"), ("塘沽区", "天津市滨海新区"),
])
def test_former_names_map_to_successor(former: str, now: str) -> None:
    assert canonical_region(former) == now


def test_ambiguous_county_name_needs_a_parent() -> None:
    assert sorted(_codes("朝阳区")) == ["110105", "220104"]
    assert resolve_one("朝阳区") is None
    assert canonical_region("朝阳区") == "朝阳区"
    assert _codes("朝阳区", within="北京") == ["110105"]
    assert _codes("朝阳区", within="吉林省") == ["220104"]
    assert canonical_region("长春市朝阳区") == "吉林省长春市朝阳区"


def test_descendants() -> None:
    beijing = resolve("北京", descendants=True)
    assert len(beijing) == 17
    assert {r.level for r in beijing[1:]} == {"district"}
    assert "浙江省杭州市桐庐县" in region_names("浙江", descendants=True)
    assert "浙江省杭州市桐庐县" in region_names("杭州", descendants=True)
    assert "浙江省杭州市桐庐县" not in region_names("宁波", descendants=True)


def test_hierarchy_follows_the_code() -> None:
    tonglu = by_code("330122")
    assert tonglu is not None
    assert tonglu.path == ("浙江省", "杭州市", "桐庐县")
    assert tonglu.full == "浙江省杭州市桐庐县"
    assert tonglu.code_prefix == "330122"
    assert split_region("北京市西城区") == ("北京市", "西城区")
    assert split_region(NATIONAL) == (NATIONAL,)
    assert split_region("某某市某某区") == ("某某市", "某某区")


def test_unknown_strings_resolve_to_nothing() -> None:
    assert resolve("") == []
    assert resolve("政府工作报告") == []
    assert resolve("999999") == []


def test_stems_of_autonomous_areas() -> None:
    assert stem_of("恩施土家族苗族自治州") == "恩施"
    assert stem_of("巴音郭楞蒙古自治州") == "巴音郭楞"
    assert stem_of("城区") is None


def test_rows_that_show_a_region_carry_code_and_path() -> None:
    from baogao.models import region_fields

    assert region_fields("浙江省杭州市桐庐县") == {"region_code": "330122",
                                                 "region_path": "浙江省/杭州市/桐庐县"}
    assert region_fields("中华人民共和国") == {"region_code": "100000",
                                             "region_path": "中华人民共和国"}
    assert region_fields(None) == {"region_code": None, "region_path": ""}


def test_listing_by_region_name_or_code_includes_what_lies_inside(tmp_path: Path) -> None:
    from baogao.library import Library
    from baogao.store import DocumentFilter

    lib = Library(tmp_path / "lib.db")
    assert lib.ingest([SEEDS]).ok
    beijing = {d.region for d in lib.documents(DocumentFilter(region="110000"))}
    assert beijing == {"北京市西城区", "北京市东城区"}
    assert {d.region for d in lib.documents(DocumentFilter(region="110102"))} == {"北京市西城区"}
    assert {d.region_code for d in lib.documents(DocumentFilter(region="北京东城"))} == {"110101"}
    assert lib.documents(DocumentFilter(region="浙江")) == []
