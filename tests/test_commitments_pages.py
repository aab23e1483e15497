"""承诺追踪 one page at a time: the API, the page and the CLI over a real library of two
provinces (2025 reports and their 2026 sequels), more rows than a page holds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from baogao.analyze.commitments import count_verdicts
from baogao.library import Library
from baogao.web import create_app
from baogao.web.views.commitments import PAGE_ROWS
from tests.conftest import PROVINCES

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

FORMATS_2025 = Path(__file__).parent / "data" / "formats" / "provinces-2025"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """安徽 and 吉林, 2025 reports (.docx) and 2026 reports (CSV)."""
    path = tmp_path_factory.mktemp("commitment_pages") / "lib.db"
    with Library(path) as lib:
        report = lib.ingest([FORMATS_2025 / "2025年安徽省政府工作报告.docx",
                             FORMATS_2025 / "2025年吉林省政府工作报告.docx",
                             PROVINCES / "2026_安徽省_政府工作报告.csv",
                             PROVINCES / "2026_吉林省_政府工作报告.csv"])
    assert report.ok, report.errors
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def _identity(row: dict[str, object]) -> tuple[object, ...]:
    return row["target_doc_id"], row["target_start"], row["object"], row["target_text"]


def test_api_pages_through_every_commitment_once(db: Path, client: TestClient) -> None:
    with Library(db, readonly=True) as lib:
        every = lib.track_commitments()
    counts = count_verdicts(every)
    assert len(every) > PAGE_ROWS  # more than one page by default
    first = client.get("/api/commitments")
    assert first.status_code == 200
    assert int(first.headers["X-Total-Count"]) == len(every)
    assert len(first.json()) == 100  # the default page
    assert first.headers["X-Verdict-Counts"] == ", ".join(f"{k}={v}" for k, v in counts.items())
    # walk the pages by their Link headers: every row once, in the order of the full list
    seen: list[tuple[object, ...]] = []
    url: str | None = "/api/commitments?limit=30"
    pages = []
    while url:
        got = client.get(url)
        pages.append([_identity(r) for r in got.json()])
        seen += pages[-1]
        nxt = re.search(r'<([^>]+)>; rel="next"', got.headers.get("Link", ""))
        url = nxt.group(1) if nxt else None
    assert len(pages) == -(-len(every) // 30)
    assert pages[0] != pages[1] and not set(pages[0]) & set(pages[1])
    assert len(seen) == len(set(seen)) == len(every)
    csv_rows = client.get("/api/commitments", params={"format": "csv"}).text.splitlines()
    assert len(csv_rows) == len(every) + 1  # downloads stay whole
    # a verdict narrows the rows, not the counts over the selection
    met = client.get("/api/commitments", params={"verdict": "met", "limit": 5})
    assert int(met.headers["X-Total-Count"]) == counts["met"]
    assert met.headers["X-Verdict-Counts"] == first.headers["X-Verdict-Counts"]
    assert {r["verdict"] for r in met.json()} == {"met"} and len(met.json()) == 5
    assert client.get("/api/commitments", params={"limit": 0}).status_code == 422


def test_page_shows_one_page_with_counts_of_the_whole_selection(db: Path,
                                                                client: TestClient) -> None:
    with Library(db, readonly=True) as lib:
        every = lib.track_commitments()
    counts = count_verdicts(every)
    one = client.get("/commitments")
    two = client.get("/commitments", params={"page": "2"})
    assert one.status_code == two.status_code == 200
    pages = -(-len(every) // PAGE_ROWS)
    assert f"第 1 / {pages} 页" in one.text and f"第 2 / {pages} 页" in two.text
    assert 'rel="next"' in one.text and 'rel="prev"' in two.text
    assert f"当前筛选共 {counts['total']} 项承诺" in one.text
    assert f"当前筛选共 {counts['total']} 项承诺" in two.text
    for verdict in ("met", "unreported"):
        assert f"{counts[verdict]}</a>" in one.text and f"{counts[verdict]}</a>" in two.text
    assert one.text.count("<tr>") - 1 == PAGE_ROWS
    assert two.text.count("<tr>") - 1 == len(every) - PAGE_ROWS
    assert f"第 {PAGE_ROWS + 1}–{len(every)} 条" in two.text
    # a page past the end shows the last one
    assert f"第 {pages} / {pages} 页" in client.get("/commitments", params={"page": "99"}).text


def test_cli_limit_and_offset_take_one_page(db: Path) -> None:
    def lines(*extra: str) -> list[dict[str, object]]:
        done = subprocess.run([sys.executable, "-m", "baogao", "track", "--commitments",
                               "--db", str(db), *extra], capture_output=True, text=True,
                              timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        return [json.loads(line) for line in done.stdout.splitlines()]

    every = lines()
    assert len(every) > 20
    assert lines("--limit", "7", "--offset", "10") == every[10:17]
