"""What changed between two reports: 西城区 2023 work report → 2024 plan report (seeds)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from baogao.analyze.diff import DocDiff, diff_documents
from baogao.cli import app
from baogao.library import Library

A = "seeds/000_b5713cac4734963f.txt"  # 2023 targets: 4%左右, 4%, 3.5%以内, 与经济增长基本同步
B = "seeds/003_cd0a21e123bf8728.txt"  # 2024 targets: 5%左右, 4.5%左右, 3.5%以内, 与经济增长同步


@pytest.fixture(scope="module")
def xicheng(corpus_library: Library) -> DocDiff:
    return diff_documents(corpus_library, A, B)


def _change(d: DocDiff, key: str) -> tuple[str, str | None, str | None]:
    found = [t for t in d.targets if t.key == key]
    assert len(found) == 1, key
    return found[0].change, found[0].a_text, found[0].b_text


def test_targets_changed(xicheng: DocDiff) -> None:
    assert _change(xicheng, "gdp_growth") == ("changed", "4%左右", "5%左右")
    assert _change(xicheng, "general_budget_revenue_growth") == ("changed", "4%", "4.5%左右")
    assert _change(xicheng, "disposable_income_per_capita_growth") == (
        "changed", "与经济增长基本同步", "与经济增长同步")


def test_targets_same_and_added(xicheng: DocDiff) -> None:
    assert _change(xicheng, "registered_unemployment_rate") == ("same", "3.5%以内", "3.5%以内")
    # the 2024 plan table (附件1) brings targets the 2023 work report did not set
    added = {t.key for t in xicheng.targets if t.change == "added"}
    assert "name:高质量上市挂牌企业数量" in added
    assert not [t for t in xicheng.targets if t.change == "dropped"]


def test_glossary_terms_new_and_gone(xicheng: DocDiff) -> None:
    assert "西融计划" in xicheng.terms_new  # 003 附件2 名词解释 18
    assert "马连连会客厅" in xicheng.terms_gone  # 000 名词解释 6, not explained in 003
    assert not set(xicheng.terms_new) & set(xicheng.terms_gone)


def test_topics_rising_and_falling(xicheng: DocDiff) -> None:
    assert xicheng.rising and xicheng.falling
    deltas = [t.delta for t in xicheng.rising]
    assert deltas == sorted(deltas, reverse=True)
    assert xicheng.falling[0].delta == min(t.delta for t in xicheng.topics)


def test_diff_of_national_reports(corpus_library: Library) -> None:
    d = diff_documents(corpus_library, "corpus/national/government_work_reports.jsonl#2",
                       "corpus/national/government_work_reports.jsonl#0")
    assert _change(d, "gdp_growth") == ("same", "5%左右", "5%左右")  # 2024 and 2025 targets


def test_cli_diff_json(corpus_library: Library) -> None:
    result = CliRunner().invoke(app, ["diff", A, B, "--format", "json",
                                      "--db", corpus_library.store.path])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["a"]["year"] == 2023 and data["b"]["year"] == 2024
    assert {"targets", "terms_new", "terms_gone", "topics_rising", "topics_falling"} <= set(data)


def test_cli_diff_unknown_document(corpus_library: Library) -> None:
    result = CliRunner().invoke(app, ["diff", "nope.txt", B, "--db", corpus_library.store.path])
    assert result.exit_code != 0
