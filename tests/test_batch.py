"""The batch path: the same pipeline on an engine, into a Parquet dataset equal to an ingest."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from conftest import CORPUS, SEEDS

from baogao.batch import MANIFEST, EngineError, run_batch
from baogao.library import Library


def _dataset_rows(out: Path, table: str) -> list[dict[str, Any]]:
    return pq.read_table(out / table).to_pylist()


def _fact_key(f: dict[str, Any]) -> tuple[Any, ...]:
    return (f["doc_id"], f["start"], f["end"], f["name"], f["kind"], f["value"], f["period"],
            f["indicator"], f["unit"], f["open_vocabulary"])


def _commitment_key(c: dict[str, Any]) -> tuple[Any, ...]:
    return (c["doc_id"], c["start"], c["object"], c["text"], c["value"], c["unit"],
            c["list_name"], c["origin"])


def _assert_dataset_equals_library(out: Path, lib: Library) -> None:
    docs = {d["id"]: d for d in _dataset_rows(out, "documents")}
    stored = {d.id: d for d in lib.documents()}
    assert set(docs) == set(stored)
    for doc_id, row in docs.items():
        summary = stored[doc_id].summary()
        assert {k: row[k] for k in summary} == summary
    facts = sorted(_fact_key(f) for f in _dataset_rows(out, "facts"))
    assert facts == sorted(_fact_key(f.contract() | {"open_vocabulary": f.open_vocabulary})
                           for f in lib.facts(include_open=True))
    terms = sorted((t["doc_id"], t["term"], t["start"]) for t in _dataset_rows(out, "terms"))
    assert terms == sorted((t.doc_id, t.term, t.start) for t in lib.terms())
    commitments = sorted(_commitment_key(c) for c in _dataset_rows(out, "commitments"))
    assert commitments
    assert commitments == sorted(_commitment_key(asdict(c))
                                 for c in lib.commitments([d.id for d in stored.values()]))
    sections = _dataset_rows(out, "sections")
    assert len(sections) == sum(len(d.sections) for d in stored.values())
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert manifest["documents"] == len(docs) and manifest["errors"] == []


def test_local_batch_equals_ingest_and_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    report = run_batch([SEEDS], out, engine="local", workers=1)
    assert report.ok and report.documents == 5
    with Library(tmp_path / "direct.db") as direct:
        direct.ingest([SEEDS])
        _assert_dataset_equals_library(out, direct)
        # the dataset is itself an input of `baogao ingest`
        with Library(tmp_path / "from-dataset.db") as again:
            assert again.ingest([out]).added == 5
            for doc in direct.documents():
                a, b = direct.document(doc.id), again.document(doc.id)
                assert (a.text, a.original, a.offset_map, a.sections, a.paragraphs) == (
                    b.text, b.original, b.offset_map, b.sections, b.paragraphs)
            assert [f.contract() for f in again.facts(include_open=True)] == [
                f.contract() for f in direct.facts(include_open=True)]
            ids = [d.id for d in direct.documents()]
            assert again.commitments(ids) == direct.commitments(ids)


def test_duckdb_reads_the_dataset(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "dataset"
    run_batch([SEEDS / "000_b5713cac4734963f.txt"], out, engine="local", workers=1)
    [(region, n)] = duckdb.sql(
        f"SELECT d.region, COUNT(*) FROM read_parquet('{out}/facts/*.parquet') f "
        f"JOIN read_parquet('{out}/documents/*.parquet') d ON f.doc_id = d.id "
        "GROUP BY d.region").fetchall()
    assert region == "北京市西城区" and n > 10


def test_unknown_engine_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="unknown engine"):
        run_batch([SEEDS], tmp_path / "out", engine="spark")


@pytest.mark.slow
def test_dask_cluster_dataset_equals_local_ingest(
    tmp_path: Path, corpus_library: Library
) -> None:
    pytest.importorskip("dask.distributed")
    out = tmp_path / "dataset"
    report = run_batch([SEEDS, CORPUS], out, engine="dask", workers=2)  # starts a cluster
    assert report.ok, report.errors
    assert report.parts > 1
    _assert_dataset_equals_library(out, corpus_library)
