"""Names of open facts, round 13: which of a counted group a predicate says, a 的 clause
without its noun, a measure the listed parts share, the growth of a flow, and the owner a
later clause opens on (open_owners, open_frames, open_lists, open_reading). Tuning
documents only."""

from __future__ import annotations

from pathlib import Path

from baogao.extract import extract_facts
from baogao.extract.open_facts import open_facts
from baogao.models import Document, Fact
from baogao.pipeline import read
from tests.conftest import facts_at, national_open_facts

PROVINCES = Path(__file__).parent / "data" / "corpus" / "provinces-2026"
FORMATS_2025 = Path(__file__).parent / "data" / "formats" / "provinces-2025"


def _province(name: str) -> list[Fact]:
    docs: list[Document] = list(read(next(PROVINCES.glob(f"2026_{name}*.csv"))))
    return [f for doc in docs for f in open_facts(doc, extract_facts(doc))]


def _province_2025(name: str) -> list[Fact]:
    doc = next(read(next(FORMATS_2025.glob(f"2025年{name}*.docx"))))
    return open_facts(doc, extract_facts(doc))


def _names(facts: list[Fact], printed: str, words: str) -> list[str]:
    return sorted(f.name for f in facts_at(facts, printed, words))


def test_a_count_of_divisions_or_visitors_keeps_its_predicate() -> None:
    national = national_open_facts((1995, 2006, 2012))
    # 40多位外国元首和政府首脑先后访华: those who visited, not all of them
    assert _names(national[1995], "40多位", "先后访华") == ["先后访华的外国元首和政府首脑"]
    # 28个省（区、市）全部免征了农业税: a list of divisions, those that abolished it
    assert _names(national[2006], "28个", "全部免征了农业税") == ["全部免征农业税的省（区、市）"]
    # 2147个县（市、区）实施…试点: 县 is no noun tag alone; the bracket names divisions
    assert _names(national[2012], "2147个", "城镇居民社会养老保险试点") == [
        "实施城镇居民社会养老保险试点的县（市、区）"]


def test_a_predicate_said_of_all_counted_leaves_the_count_whole() -> None:
    # 年初确定的10件民生实事全部兑现: all ten, the list itself, not a part of it
    assert _names(_province_2025("江西"), "10件", "10件民生实事全部兑现") == ["民生实事"]


def test_a_de_clause_without_its_noun_is_not_a_name() -> None:
    # 其中依法判刑的有二万六千二百二十七人: what is counted is not printed
    assert facts_at(national_open_facts((1982,))[1982], "二万六千二百二十七人", "依法判刑") == []


def test_an_emission_measure_is_shared_by_every_listed_pollutant() -> None:
    # 化学需氧量、二氧化硫排放量分别减少4.42%和5.95%: both are emissions
    assert _names(national_open_facts((2009,))[2009], "4.42%", "化学需氧量、二氧化硫") == [
        "化学需氧量排放量减少"]


def test_the_growth_of_a_flow_keeps_its_action() -> None:
    facts = _province("广东")
    # 新登记经营主体320万户、增长13%: the growth of the newly registered, not of all
    assert _names(facts, "13%", "新登记经营主体320万户") == ["新登记经营主体增长"]
    # (…，)总量达2037.7万户: the stock again
    assert _names(facts, "2037.7万户", "新登记经营主体320万户") == ["经营主体总量"]


def test_a_bare_measure_takes_the_owner_of_the_clause_before() -> None:
    # 国有企业…，省属企业资产总额达到2.7万亿元，工业总产值突破1万亿元: 省属企业's
    assert _names(_province("甘肃"), "突破1万亿元", "省属企业资产总额") == ["省属企业工业总产值"]
