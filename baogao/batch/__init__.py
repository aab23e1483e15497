"""The batch path: the same read → extract pipeline on a cluster, into a Parquet dataset.

    from baogao.batch import run_batch
    report = run_batch(["reports/"], "out/", engine="dask", address="tcp://scheduler:8786")

The driver lists the files (and splits collections into rows, as ``Library.ingest`` does)
and hands groups of tasks to the engine (``baogao.batch.engines``). Each group is read,
normalized, described, outlined and analysed by a worker, which writes its own part of every
table, ``<out>/<table>/part-<group>.parquet``: ``documents``, ``sections``, ``paragraphs``,
``facts``, ``terms`` (and any ``rows.EXTRA_TABLES``). ``<out>`` may be a local folder or an
object-store URI that pyarrow understands (``s3://bucket/prefix``); workers must be able to
read the input paths. The driver writes ``<out>/_baogao_dataset.json`` last (schema version,
counts, one line per bad input), so a dataset without it is incomplete.

DuckDB reads it with ``read_parquet('<out>/facts/*.parquet')``, pandas with
``pd.read_parquet('<out>/facts')``, Spark with ``spark.read.parquet``; ``baogao ingest
<out>`` stores it in a library (``read_parts``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from baogao.batch.engines import ENGINES, EngineError

if TYPE_CHECKING:
    from baogao.batch.run import BatchReport
    from baogao.models import Document, Fact, Term

__all__ = ["ENGINES", "MANIFEST", "BatchReport", "EngineError", "is_dataset", "read_part",
           "read_parts", "run_batch"]

MANIFEST = "_baogao_dataset.json"
DATASET_VERSION = 1


def run_batch(
    paths: Sequence[str | Path], out: str | Path, *, engine: str = "local",
    address: str | None = None, workers: int | None = None,
) -> BatchReport:
    """Read and analyse every report under ``paths`` on ``engine`` into a Parquet dataset
    at ``out`` (a folder or an object-store URI)."""
    from baogao.batch.run import run_batch as run

    return run(paths, out, engine=engine, address=address, workers=workers)


def is_dataset(path: str | Path) -> bool:
    """True for a folder written by ``run_batch``."""
    return (Path(path) / MANIFEST).is_file()


def read_parts(root: str | Path) -> list[int]:
    """The part numbers of a local dataset, in order."""
    manifest = json.loads((Path(root) / MANIFEST).read_text("utf-8"))
    return list(range(int(manifest["parts"])))


def read_part(root: str | Path, part: int) -> list[tuple[Document, list[Fact], list[Term]]]:
    """The documents (with facts and terms) of one part of a local dataset."""
    from baogao.batch.run import read_part as read

    return read(root, part)


def __getattr__(name: str) -> object:
    if name == "BatchReport":
        from baogao.batch.run import BatchReport

        return BatchReport
    raise AttributeError(name)
