"""``baogao batch``: the read → extract pipeline on a cluster, into a Parquet dataset."""

from __future__ import annotations

from typing import Annotated

import typer

from baogao.cli.common import app, err_console


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (searched recursively).")],
    out: Annotated[str, typer.Option("--out", "-o", help="Dataset folder, or an object-store "
                                     "URI such as s3://bucket/prefix.")],
    engine: Annotated[str, typer.Option(help="local (this machine's processes), dask or ray "
                                        "(pip install 'baogao\\[cluster]').")] = "local",
    address: Annotated[str | None, typer.Option(help="Scheduler to connect to (dask: "
                       "tcp://host:8786; ray: ray://host:10001 or auto); default: start a "
                       "cluster on this machine.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-j", help="Worker processes of "
                       "a cluster started here (default: the machine's cores).")] = None,
) -> None:
    """Read and analyse reports on a cluster into a Parquet dataset (documents, sections,
    paragraphs, facts, terms) that DuckDB, Spark, pandas and `baogao ingest` read."""
    from baogao.batch import run_batch

    report = run_batch(paths, out, engine=engine, address=address, workers=workers)
    for error in report.errors:
        err_console.print(f"[red]error:[/red] {error}", highlight=False)
    err_console.print(
        f"{report.documents} documents, {report.facts} facts, {report.terms} glossary terms "
        f"in {report.parts} parts ({report.engine}) -> {report.out}; "
        f"{len(report.errors)} errors", highlight=False)
    if not report.ok:
        raise typer.Exit(1)
