"""Tabular exports: CSV, Parquet, XLSX and Stata (.dta version 118, which keeps Chinese text).

Every export takes a list of flat dicts with a declared column order, so facts, track rows,
compare tables and attention panels all leave through the same door.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from baogao.errors import QueryError

FORMATS = ("csv", "parquet", "xlsx", "dta", "jsonl")


def _frame(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Any:
    import pandas as pd

    cols = list(columns) + [k for k in (rows[0] if rows else {}) if k not in columns]
    return pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)


def _stata_safe(frame: Any) -> Any:
    """Stata needs names ≤32 ASCII characters and no object columns holding None/bools."""
    frame = frame.copy()
    for col in frame.columns:
        series = frame[col]
        if series.dtype == bool:
            frame[col] = series.astype("int8")
        elif series.dtype == object:
            non_null = series.dropna()
            if len(non_null) and all(isinstance(v, bool) for v in non_null):
                frame[col] = series.map(lambda v: None if v is None else int(v)).astype("float")
            elif len(non_null) and all(isinstance(v, int | float) for v in non_null):
                frame[col] = series.astype("float")
            else:
                frame[col] = series.map(lambda v: "" if v is None else str(v))
    frame.columns = [str(c)[:32] for c in frame.columns]
    return frame


def write_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], path: str | Path, fmt: str
) -> Path:
    """Write ``rows`` to ``path`` in ``fmt`` (csv, parquet, xlsx, dta, jsonl)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        return out
    if fmt == "csv":
        cols = list(columns) + [k for k in (rows[0] if rows else {}) if k not in columns]
        with out.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        return out
    frame = _frame(rows, columns)
    if fmt == "parquet":
        frame.to_parquet(out, index=False)
    elif fmt == "xlsx":
        frame.to_excel(out, index=False, engine="openpyxl")
    else:
        _stata_safe(frame).to_stata(out, write_index=False, version=118)
    return out
