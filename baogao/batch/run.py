"""Driver and workers of ``baogao batch`` (see ``baogao.batch``)."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baogao.batch import DATASET_VERSION, MANIFEST
from baogao.batch.engines import run_map
from baogao.batch.rows import documents_of, rows_of, schemas, to_tables
from baogao.errors import InputError, InternalError
from baogao.models import Document, Fact, Term
from baogao.pipeline import (
    COLLECTIONS,
    Task,
    analyse,
    build_document,
    quiet_warning,
    raw_place,
    read_task,
)
from baogao.read import iter_files, read_file

#: Tasks (plain files or collection rows) per group; a group is one part of each table.
GROUP_TASKS = 16


@dataclass
class BatchReport:
    """What a batch run wrote."""

    out: str
    engine: str
    parts: int = 0
    documents: int = 0
    facts: int = 0
    terms: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no input failed."""
        return not self.errors


@dataclass(frozen=True)
class _Group:
    index: int
    out: str
    tasks: tuple[Task, ...]


def _filesystem(out: str) -> tuple[Any, str]:
    from pyarrow import fs

    if "://" in out:
        found: tuple[Any, str] = fs.FileSystem.from_uri(out)
        return found
    return fs.LocalFileSystem(), str(Path(out).resolve())


def _documents(task: Task) -> Iterator[tuple[Document, list[Fact], list[Term]] | str]:
    """Analysed documents of one task, or one-line errors (as ``Library.ingest`` gives)."""
    raws = read_task(task)
    if isinstance(raws, str):
        yield raws
        return
    for raw in raws:
        where = raw_place(task, raw, len(raws))
        try:
            yield analyse(build_document(raw))
        except InputError as exc:
            yield str(exc)
        except Exception as exc:
            yield str(InternalError(where, exc, "analysing"))


def _run_group(group: _Group) -> dict[str, Any]:
    """Worker side: analyse a group of tasks and write its part of every table."""
    import pyarrow.parquet as pq

    rows: dict[str, list[dict[str, Any]]] = {}
    summary: dict[str, Any] = {"index": group.index, "documents": 0, "facts": 0, "terms": 0,
                               "errors": [], "warnings": []}
    for task in group.tasks:
        if task.raw is not None:
            summary["warnings"].extend(task.raw.warnings)
        for found in _documents(task):
            if isinstance(found, str):
                summary["errors"].append(found)
                continue
            doc, facts, terms = found
            for name, table_rows in rows_of(doc, facts, terms).items():
                rows.setdefault(name, []).extend(table_rows)
            summary["documents"] += 1
            summary["facts"] += len(facts)
            summary["terms"] += len(terms)
            warning = quiet_warning(doc, facts, terms, doc.source)
            if warning:
                summary["warnings"].append(warning)
    filesystem, root = _filesystem(group.out)
    for name, table in to_tables(rows).items():
        folder = posixpath.join(root, name)
        filesystem.create_dir(folder, recursive=True)
        pq.write_table(table, posixpath.join(folder, f"part-{group.index:05d}.parquet"),
                       filesystem=filesystem, compression="zstd")
    return summary


def _groups(paths: Sequence[str | Path], out: str, errors: list[str]) -> Iterator[_Group]:
    batch: list[Task] = []
    index = 0
    for key, (path, display) in enumerate(iter_files([Path(p) for p in paths])):
        if path.suffix.lower() in COLLECTIONS and path.is_file():
            try:
                raws = read_file(path, display)
            except InputError as exc:
                errors.append(str(exc))
                continue
            except Exception as exc:
                errors.append(str(InternalError(display, exc, "reading")))
                continue
            tasks = [Task(key, str(path), display, raw) for raw in raws]
        else:
            tasks = [Task(key, str(path.resolve()), display)]
        for task in tasks:
            batch.append(task)
            if len(batch) >= GROUP_TASKS:
                yield _Group(index, out, tuple(batch))
                index, batch = index + 1, []
    if batch:
        yield _Group(index, out, tuple(batch))


def run_batch(
    paths: Sequence[str | Path], out: str | Path, *, engine: str = "local",
    address: str | None = None, workers: int | None = None,
) -> BatchReport:
    """Read and analyse every report under ``paths`` on ``engine`` into a Parquet dataset
    at ``out`` (a folder or an object-store URI)."""
    out = str(out)
    report = BatchReport(out=out, engine=engine)
    filesystem, root = _filesystem(out)
    filesystem.create_dir(root, recursive=True)
    driver_errors: list[str] = []
    summaries = run_map(engine, _run_group, _groups(paths, out, driver_errors),
                        address=address, workers=workers)
    done: list[dict[str, Any]] = sorted(summaries, key=lambda s: int(s["index"]))
    report.errors.extend(driver_errors)
    for summary in done:
        report.parts += 1
        report.documents += summary["documents"]
        report.facts += summary["facts"]
        report.terms += summary["terms"]
        report.errors.extend(summary["errors"])
        report.warnings.extend(summary["warnings"])
    manifest = {"format": "baogao-dataset", "version": DATASET_VERSION, "engine": engine,
                "parts": report.parts, "tables": sorted(schemas()),
                "documents": report.documents, "facts": report.facts, "terms": report.terms,
                "errors": report.errors}
    with filesystem.open_output_stream(posixpath.join(root, MANIFEST)) as fh:
        fh.write(json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
    return report


def read_part(root: str | Path, part: int) -> list[tuple[Document, list[Fact], list[Term]]]:
    """The documents (with facts and terms) of one part of a local dataset."""
    import pyarrow.parquet as pq

    tables = {name: pq.read_table(Path(root) / name / f"part-{part:05d}.parquet",
                                  schema=schema)
              for name, schema in schemas().items()
              if name in ("documents", "sections", "paragraphs", "facts", "terms")}
    return documents_of(tables)
