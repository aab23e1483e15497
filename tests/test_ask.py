"""``ask`` over a real library: question understanding, planners, citations, the LLM path.

The library holds the seeds, the national reports and six provincial reports of 2025 and
2026; expected answers were read from those reports. The LLM endpoint (and only it) is faked
with ``httpx.MockTransport``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from baogao.ask.answer import AskResult, ask
from baogao.ask.llm import LlmSettings, check_sentences
from baogao.ask.question import read_question
from baogao.ask.search import glossary_containing
from baogao.cli import app
from baogao.errors import QueryError
from baogao.library import Library

DATA = Path(__file__).parent / "data"
PROVINCES = ("上海市", "广东省", "江苏省", "甘肃省", "宁夏回族自治区", "江西省")


@pytest.fixture(scope="session")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Seeds, national reports, and six provinces in both years (built once per session)."""
    library = Library(tmp_path_factory.mktemp("ask") / "lib.db")
    corpus = DATA / "corpus"
    files = [DATA / "seeds", corpus / "national"]
    for name in PROVINCES:
        files.append(corpus / "provinces-2026" / f"2026_{name}_政府工作报告.csv")
        short = name.replace("回族自治区", "")
        files += sorted((DATA / "formats" / "provinces-2025").glob(f"2025年{short}*.docx"))
    report = library.ingest(files)
    assert report.ok, report.errors
    yield library
    library.close()


def _check_citations(lib: Library, result: AskResult) -> None:
    """Every citation quotes the stored text at its offsets and names title, region, year."""
    assert result.citations
    for c in result.citations:
        doc = lib.document(c.doc_id)
        assert c.title == doc.title and c.region == doc.region and c.year == doc.year
        assert c.quote and doc.text[c.start:c.end] == c.quote


# -- understanding ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "intent", "slots"), [
    ("江西2025年规模以上工业增加值增长目标定了多少？", "value",
     {"regions": ("江西省",), "years": (2025,), "indicator": "industrial_value_added_growth",
      "kind": "target"}),
    ("哪几个省份的报告写到了量子科技", "mention", {"scope": "province", "topic": "量子科技"}),
    ("2025年GDP实际增速不到5%的省份", "filter", {"indicator": "gdp_growth", "kind": "actual"}),
    ("去年经济增速排名前三的省份", "superlative",
     {"years": (2025,), "superlative": "max", "top": 3}),
    ("今年有几个省份提到了育儿补贴", "count", {"counted": "mention", "years": (2026,)}),
    ("上海2025年经济增长目标完成了吗", "verdict", {"regions": ("上海市",), "verdict": None}),
    ("2008年至2012年全国城镇新增就业目标各是多少", "series",
     {"regions": ("中华人民共和国",), "years": (2008, 2009, 2010, 2011, 2012)}),
    ("宁夏和青海2026年GDP增长目标一样吗", "compare", {"same": True}),
    ("“三通一码”指的是什么", "definition", {"term": "三通一码"}),
    ("西城区怎样推进接诉即办？", "passages", {"regions": ("北京市西城区",)}),
])
def test_questions_are_read_into_intent_and_slots(text: str, intent: str,
                                                  slots: dict[str, object]) -> None:
    q = read_question(text, this_year=2026)
    assert q.intent == intent
    for name, value in slots.items():
        assert getattr(q, name) == value, name


def test_comparators_read_the_number_unit_and_bound() -> None:
    c = read_question("2026年城镇新增就业目标在60万人以上的省份").comparator
    assert c is not None and (c.op, c.value, c.unit) == (">=", 60.0, "万人")
    c = read_question("2026年经济增长目标为5%左右的省份有多少个").comparator
    assert c is not None and (c.op, c.value, c.bound) == ("=", 5.0, "approx")
    assert read_question("广东2026年经济增长目标是多少").comparator is None


def test_the_question_shows_in_the_json(lib: Library) -> None:
    data = ask(lib, "2025年哪个省份的经济增速最快？").to_dict()
    assert set(data) >= {"answer", "question", "citations", "facts", "passages"}
    assert isinstance(data["answer"], str)
    assert data["question"]["intent"] == "superlative"
    assert data["question"]["indicator"] == "gdp_growth"
    assert all("source" not in c for c in data["citations"])
    assert not any("/" in str(c.get("title")) for c in data["citations"])


# -- planners ---------------------------------------------------------------------------------


def test_value_from_facts(lib: Library) -> None:
    result = ask(lib, "广东省2026年地区生产总值增长的预期目标是多少？")
    assert result.method == "facts" and "4.5%—5%" in result.answer
    assert result.regions == ["广东省"]
    _check_citations(lib, result)
    assert "4.5%—5%" in result.citations[0].quote


def test_mention_groups_passages_by_region(lib: Library) -> None:
    result = ask(lib, "2026年哪些省份的报告涉及商业航天？")
    assert result.method == "grouped_search"
    assert set(result.regions) == {"上海市", "广东省", "甘肃省"}
    assert len(result.passages) == len(result.regions)
    _check_citations(lib, result)
    assert all("商业航天" in c.quote for c in result.citations)


def test_filter_keeps_only_whole_ranges_past_the_threshold(lib: Library) -> None:
    result = ask(lib, "2025年经济增长预期目标超过5%的省份有哪些？")
    assert set(result.regions) == {"宁夏回族自治区", "甘肃省"}  # 5%以上 is not above 5%
    result = ask(lib, "2026年地区生产总值增长目标低于5%的省份")
    assert result.regions == []  # 广东 4.5%—5% reaches 5%
    assert "都不满足" in result.answer


def test_superlative_and_count(lib: Library) -> None:
    result = ask(lib, "2025年地区生产总值增长最慢的是哪个省？")
    assert result.regions == ["广东省"] and "3.9%" in result.answer
    result = ask(lib, "2025年地区生产总值实际增速低于5%的省份有几个？")
    assert result.question.intent == "count" and result.answer.startswith("共1个")


def test_verdict_from_track(lib: Library) -> None:
    result = ask(lib, "江苏2025年城镇新增就业目标完成了吗")
    assert result.method == "track"
    assert "120万人以上" in result.answer and "141万人" in result.answer
    assert result.answer.endswith("：完成。")
    _check_citations(lib, result)
    missed = ask(lib, "哪些省份2025年经济增长目标未完成")
    assert missed.regions == ["广东省"] and "未完成" in missed.answer


def test_series_gives_one_row_per_year(lib: Library) -> None:
    result = ask(lib, "2008年至2012年全国城镇新增就业目标各是多少")
    assert result.table is not None and result.table.chart
    rows = {r[0]: r[1] for r in result.table.rows}
    assert rows == {"2008": "1000万人", "2009": "900万人以上", "2010": "900万人以上",
                    "2011": "900万人以上", "2012": "900万人以上"}
    _check_citations(lib, result)


def test_compare_names_every_region(lib: Library) -> None:
    result = ask(lib, "上海和江苏2026年经济增长目标分别是多少？")
    assert result.regions == ["上海市", "江苏省"]
    assert "5%左右" in result.answer and "江苏省目标5%" in result.answer
    same = ask(lib, "上海与宁夏2026年地区生产总值增长目标相同吗？")
    assert same.answer.endswith("相同。")


def test_definition_from_the_glossary(lib: Library) -> None:
    result = ask(lib, "“三通一码”指的是什么")
    assert result.method == "glossary" and "赣服通" in result.answer
    _check_citations(lib, result)


def test_glossary_lookup_selects_what_a_like_scan_selects(lib: Library) -> None:
    """The cached glossary match (no scan of every term row) finds the same (term,
    definition) pairs as the store's LIKE match, ASCII case and LIKE wildcards included,
    and the exact-name lookup returns those rows in the store's order."""
    pairs = lib.store.conn.execute("SELECT DISTINCT term, definition FROM terms").fetchall()
    assert len(pairs) > 20
    words = {"gdp", "GDP", "Gdp", "10%", "a_b", "不存在的词"}
    for term, definition in pairs:
        words |= {term, term[:2], term[-2:], definition[2:5]}
    for word in words:
        rows = lib.store.terms(term=word)
        found = glossary_containing(lib.store, word)
        if found is None:
            assert "%" in word or "_" in word
            continue
        assert sorted(set(found)) == sorted({(t.term, t.definition) for t in rows}), word
        named = {t for t, _ in found}
        assert [t for t in lib.store.terms_named(sorted(named))
                if (t.term, t.definition) in set(found)] == rows, word


def test_open_question_gives_cited_passages(lib: Library) -> None:
    result = ask(lib, "西城区怎样推进接诉即办？")
    assert result.method == "passages" and "接诉即办" in result.answer
    assert all(p.region == "北京市西城区" for p in result.passages)
    for p in result.passages:
        assert lib.document(p.doc_id).text[p.start:p.end] == p.text
    _check_citations(lib, result)


@pytest.mark.parametrize("question", [
    "哪些省份的报告提到了星际旅行？",
    "西藏2026年地区生产总值增长目标是多少",
    "什么是“七星连珠工程”？",
    "全国2030年经济增长目标是多少",
])
def test_unsupported_questions_say_so(lib: Library, question: str) -> None:
    result = ask(lib, question)
    assert not result.supported and result.answer.startswith("库中报告未提及")
    assert not result.citations and not result.facts


@pytest.mark.parametrize("question", ["", "x" * 10_000, "？？？", "AND OR NOT"])
def test_unusable_question_is_a_query_error(lib: Library, question: str) -> None:
    with pytest.raises(QueryError):
        ask(lib, question)


# -- LLM path ---------------------------------------------------------------------------------


def _settings() -> LlmSettings:
    return LlmSettings(url="http://llm.invalid/v1", key="secret-key", timeout=5)


def _replying(content: str, seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"choices": [{"message": {"content": content}}]})

    return httpx.MockTransport(handler)


def test_check_sentences_needs_citations_and_cited_numbers() -> None:
    quotes = ["地区生产总值增长5.4%，好于预期", "目标是增长5%左右"]
    checked = check_sentences("上海实际增长5.4%[1]。目标为5%左右[2]。增长6%[1]。没有出处。"
                              "见[9]。", quotes)
    assert checked.text == "上海实际增长5.4%[1]。目标为5%左右[2]。"
    assert checked.removed == ("增长6%[1]。", "没有出处。", "见[9]。")


def test_llm_rephrases_and_bad_sentences_are_removed(lib: Library) -> None:
    seen: list[httpx.Request] = []
    reply = "江苏2025年城镇新增就业目标为120万人以上[1]，实际新增141万人[2]。超额20万人[2]。"
    result = ask(lib, "江苏2025年城镇新增就业目标完成了吗", llm=_settings(),
                 transport=_replying(reply, seen))
    assert result.method == "track+llm"
    assert result.answer == "江苏2025年城镇新增就业目标为120万人以上[1]，实际新增141万人[2]。"
    assert result.removed == ["超额20万人[2]。"]
    body = json.loads(seen[0].content)
    assert "120万人以上" in body["messages"][-1]["content"]
    assert seen[0].headers["Authorization"] == "Bearer secret-key"


@pytest.mark.parametrize("failure", ["status", "timeout", "oversize", "garbage", "connect"])
def test_llm_failure_keeps_the_rule_answer(lib: Library, failure: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if failure == "timeout":
            raise httpx.ReadTimeout("slow", request=request)
        if failure == "connect":
            raise httpx.ConnectError("refused", request=request)
        if failure == "oversize":
            return httpx.Response(200, content=b"x" * 100_000)
        if failure == "garbage":
            return httpx.Response(200, content=b"not json")
        return httpx.Response(500, json={"error": "boom"})

    rule = ask(lib, "江苏2025年城镇新增就业目标完成了吗")
    result = ask(lib, "江苏2025年城镇新增就业目标完成了吗", llm=_settings(),
                 transport=httpx.MockTransport(handler))
    assert result.answer == rule.answer and result.method == "track"
    assert result.note and "规则答案" in result.note
    assert "llm.invalid" not in result.note and "secret" not in result.note


def test_llm_settings_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BAOGAO_LLM_URL", raising=False)
    assert LlmSettings.from_env() is None
    monkeypatch.setenv("BAOGAO_LLM_URL", "http://127.0.0.1:1/v1/chat/completions")
    monkeypatch.setenv("BAOGAO_LLM_MODEL", "qwen")
    monkeypatch.setenv("BAOGAO_LLM_TIMEOUT", "3")
    settings = LlmSettings.from_env()
    assert settings is not None and settings.model == "qwen" and settings.timeout == 3
    assert settings.endpoint == "http://127.0.0.1:1/v1/chat/completions"


def test_cli_answers_with_an_unreachable_llm(lib: Library,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOGAO_LLM_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("BAOGAO_LLM_KEY", "secret-key")
    monkeypatch.setenv("BAOGAO_LLM_TIMEOUT", "2")
    run = CliRunner().invoke(app, ["ask", "上海2025年经济增长目标完成了吗", "--format", "json",
                                   "--db", lib.store.path])
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert data["answer"].endswith("：完成。") and data["note"]
    assert "127.0.0.1" not in run.output and "secret-key" not in run.output


def test_regions_that_do_not_mention_a_topic(lib: Library) -> None:
    result = ask(lib, "2026年哪些省份没有提到商业航天？")
    assert result.question.negate
    assert set(result.regions) == {"江苏省", "宁夏回族自治区", "江西省"}
    assert "未出现“商业航天”" in result.answer


def test_county_short_forms_are_words_not_places() -> None:
    q = read_question("哪些省份提到了对外开放合作", this_year=2026)
    assert q.regions == () and q.intent == "mention" and q.topic == "对外开放合作"
    assert read_question("东方市和海口的目标一样吗").regions == ("海南省东方市", "海南省海口市")


def test_the_headline_target_when_none_is_named(lib: Library) -> None:
    result = ask(lib, "上海和广东的目标一样吗？")
    assert result.question.indicator == "gdp_growth" and result.question.intent == "compare"
    assert "不同" in result.answer and "4.5%—5%" in result.answer


def test_relative_years_count_from_the_regions_latest_report(lib: Library) -> None:
    result = ask(lib, "全国今年的赤字率目标是多少")  # the latest national report is of 2025
    assert result.question.years == (2025,) and "4%左右" in result.answer


def test_which_of_two_regions_is_higher(lib: Library) -> None:
    result = ask(lib, "广东和江苏2025年经济增速哪个高")
    assert result.question.intent == "superlative" and result.regions == ["江苏省"]
    assert "更高" in result.answer and "5.3%" in result.answer


def test_a_region_without_reports_is_named_and_the_rest_answered(lib: Library) -> None:
    result = ask(lib, "西藏和上海2026年经济增长目标分别是多少")
    assert result.answer.startswith("库中没有西藏自治区的报告。")
    assert result.regions == ["上海市"] and "5%左右" in result.answer
