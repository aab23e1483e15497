"""Shared by the ingest and scale benchmarks: the corpus copied N times with unique texts,
the plain peer pipeline, and measuring a run in a fresh process.

Every copy of every report gets one extra line (``（第k份副本）``) so that no two copies have
the same text: the library deduplicates by content, and a benchmark of copies it skips
would measure nothing.
"""

from __future__ import annotations

import csv
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "tests" / "data" / "seeds", ROOT / "tests" / "data" / "corpus"]
TEXT_COLUMNS = ("full_text", "content", "text")


def _mark(text: str, k: int) -> str:
    return f"{text.rstrip()}\n（第{k}份副本）\n"


def make_copies(dest: Path, copies: int, sources: list[Path] = SOURCES) -> int:
    """Write ``copies`` copies of every file under ``sources`` into ``dest``; their bytes."""
    csv.field_size_limit(1 << 30)
    total = 0
    files = [(root, p) for root in sources for p in sorted(root.rglob("*")) if p.is_file()]
    for k in range(1, copies + 1):
        for root, path in files:
            out = dest / f"copy{k:03d}" / root.name / path.relative_to(root)
            out.parent.mkdir(parents=True, exist_ok=True)
            suffix = path.suffix.lower()
            if suffix == ".txt":
                out.write_text(_mark(path.read_text("utf-8"), k), encoding="utf-8")
            elif suffix == ".jsonl":
                with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
                    for line in src:
                        if line.strip():
                            row = json.loads(line)
                            column = next(c for c in TEXT_COLUMNS if c in row)
                            row[column] = _mark(row[column], k)
                            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
            elif suffix == ".csv":
                with path.open(encoding="utf-8-sig", newline="") as src:
                    rows = list(csv.DictReader(src))
                with out.open("w", encoding="utf-8", newline="") as dst:
                    writer = csv.DictWriter(dst, fieldnames=list(rows[0]))
                    writer.writeheader()
                    for row in rows:
                        column = next(c for c in TEXT_COLUMNS if c in row)
                        row[column] = _mark(row[column], k)
                        writer.writerow(row)
            else:
                shutil.copy(path, out)
            total += out.stat().st_size
    return total


def input_bytes(folder: Path) -> int:
    """Bytes of every file under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def library_bytes(db: Path) -> int:
    """Bytes of a SQLite library after a checkpoint (file, WAL and any index folder)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    files = [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
    total = sum(p.stat().st_size for p in files if p.exists())
    index = Path(f"{db}.index")
    if index.is_dir():
        total += input_bytes(index)
    return total


# -- the peer pipeline -------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万亿|亿|万|千)?")


def _peer_texts(folder: Path) -> Any:
    csv.field_size_limit(1 << 30)
    for path in sorted(folder.rglob("*")):
        suffix = path.suffix.lower()
        if suffix in (".txt", ".md"):
            yield str(path), path.read_text("utf-8")
        elif suffix == ".jsonl":
            for n, line in enumerate(path.read_text("utf-8").splitlines()):
                if line.strip():
                    row = json.loads(line)
                    yield f"{path}#{n}", next(row[c] for c in TEXT_COLUMNS if c in row)
        elif suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as fh:
                for n, row in enumerate(csv.DictReader(fh)):
                    yield f"{path}#{n}", next(row[c] for c in TEXT_COLUMNS if c in row)


def run_peer(folder: Path, db: Path) -> dict[str, Any]:
    """Read → OpenCC t2s → number regex → rjieba (search mode) → FTS5, one process."""
    import opencc
    import rjieba

    conv = opencc.OpenCC("t2s")
    jieba = rjieba.Jieba()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE VIRTUAL TABLE docs USING fts5(source, words)")
    conn.execute("CREATE TABLE numbers (source TEXT, value TEXT)")
    docs = 0
    for source, text in _peer_texts(folder):
        text = conv.convert(text)
        numbers = [(source, m.group()) for m in _NUMBER.finditer(text)]
        words = " ".join(jieba.cut_for_search(text))
        conn.execute("INSERT INTO docs(source, words) VALUES (?, ?)", (source, words))
        conn.executemany("INSERT INTO numbers VALUES (?, ?)", numbers)
        docs += 1
        if docs % 100 == 0:
            conn.commit()
    conn.commit()
    conn.close()
    return {"documents": docs}


# -- measuring in a fresh process --------------------------------------------------------------


def _usage() -> dict[str, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
            "cpu_self": me.ru_utime + me.ru_stime,
            "rss_self": me.ru_maxrss / 1024, "rss_children": kids.ru_maxrss / 1024}


def child_main(argv: list[str]) -> None:
    """Entry point of the measured process: ``peer FOLDER DB``, ``baogao FOLDER DB JOBS``
    or ``stages`` (``stage_costs`` of the baogao found first on the path, as JSON)."""
    if argv[0] == "stages":
        print(json.dumps(stage_costs()))
        return
    kind, folder, db = argv[0], Path(argv[1]), Path(argv[2])
    before = _usage()
    t0 = time.perf_counter()
    if kind == "peer":
        out = run_peer(folder, db)
    else:
        from baogao.library import Library

        with Library(db) as lib:
            report = lib.ingest([folder], jobs=int(argv[3]))
            out = {"documents": report.documents, "added": report.added,
                   "errors": len(report.errors), "facts": report.facts}
            middle = _usage()
            t1 = time.perf_counter()
            again = lib.ingest([folder], jobs=int(argv[3]))
            out["noop_wall"] = time.perf_counter() - t1
            out["noop_cpu"] = _usage()["cpu"] - middle["cpu"]
            out["noop_added"] = again.added
            out["skipped_files"] = again.skipped_files
        out["wall"] = t1 - t0
        after = middle
    if kind == "peer":
        out["wall"] = time.perf_counter() - t0
        after = _usage()
    final = _usage()
    out["cpu"] = after["cpu"] - before["cpu"]
    out["cpu_main"] = after["cpu_self"] - before["cpu_self"]  # the rest: worker processes
    out["rss_max"] = max(final["rss_self"], final["rss_children"])
    out["rss_self"] = final["rss_self"]
    out["rss_children"] = final["rss_children"]
    print(json.dumps(out))


def measure(kind: str, folder: Path, db: Path, jobs: int = 1,
            root: Path = ROOT) -> dict[str, Any]:
    """Run one ingest (``peer`` or ``baogao``) in a fresh process and return its figures;
    ``root`` is the source tree whose ``baogao`` runs (another checkout: a baseline)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    args = [sys.executable, str(Path(__file__).resolve()), kind, str(folder), str(db), str(jobs)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} run failed: {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["library_bytes"] = library_bytes(db)
    return result


def measure_stages(root: Path = ROOT) -> dict[str, float]:
    """``stage_costs`` of the ``baogao`` in ``root``, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    args = [sys.executable, str(Path(__file__).resolve()), "stages"]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"stages run failed: {done.stderr[-2000:]}")
    costs: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return costs


def stage_costs(sources: list[Path] = SOURCES) -> dict[str, float]:
    """CPU seconds per stage of one serial pass over ``sources``, as ``Library.ingest`` runs
    them (the write with its save hooks, and the search index update, included)."""
    import tempfile
    from dataclasses import replace

    import baogao.library  # noqa: F401  (registers the save hooks an ingest runs)
    from baogao.analyze.commitment_rows import review_digest
    from baogao.ask import index as search_index
    from baogao.ask.passage_rows import passage_rows
    from baogao.extract import extract_facts, extract_terms
    from baogao.extract.commitments import extract_commitments
    from baogao.extract.open.facts import enrich, open_facts
    from baogao.models import Document
    from baogao.pipeline import content_hash
    from baogao.read import iter_files, read_file
    from baogao.read.meta import extract_metadata
    from baogao.read.normalize import normalize
    from baogao.read.outline import build_outline
    from baogao.store import Store, prepare
    from baogao.store.writer import BatchWriter

    costs: dict[str, float] = {}

    def timed(stage: str, fn: Any, *a: Any, **k: Any) -> Any:
        t0 = time.process_time()
        out = fn(*a, **k)
        costs[stage] = costs.get(stage, 0.0) + time.process_time() - t0
        return out

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "stages.db")
        with BatchWriter(store) as writer:
            for path, display in iter_files(sources):
                for raw in timed("read", read_file, path, display):
                    norm = timed("normalize", normalize, raw.text)
                    meta = timed("metadata", extract_metadata, norm.text, raw.hints, raw.text)
                    sections, paragraphs = timed("outline", build_outline, norm.text,
                                                 meta.year, norm.spaced_lines)
                    doc = Document(
                        id=content_hash(norm.text), source=raw.source, row=raw.row,
                        text=norm.text, original=raw.text, offset_map=norm.offset_map,
                        title=meta.title, region=meta.region, region_path=meta.region_path,
                        level=meta.level, year=meta.year, date=meta.date, doc_type=meta.doc_type,
                        sections=sections, paragraphs=paragraphs)
                    facts = timed("facts (catalog)", extract_facts, doc)
                    facts = [*enrich(facts), *timed("facts (open)", open_facts, doc, facts)]
                    terms = timed("glossary", extract_terms, doc)
                    promised = timed("commitments", extract_commitments, doc, facts)
                    review = timed("commitments", review_digest, doc, facts)
                    rows = timed("segment (index rows)", passage_rows, doc)
                    item = timed("pack offsets+original+text", prepare, doc, facts, terms,
                                  extras={"search": rows}, commitments=promised)
                    item = replace(item, review=review)
                    timed("write rows (+save hooks)", writer.write, item)
                    search_index.stash_rows(store, {doc.id: rows})
        timed("search index (tantivy)", search_index.flush_index, store)
        store.close()
    return costs


if __name__ == "__main__":
    child_main(sys.argv[1:])
