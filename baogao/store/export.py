"""Tabular exports: CSV, Parquet, XLSX and Stata (.dta version 118, which keeps Chinese text).

Every export takes a list of flat dicts with a declared column order, so facts, track rows,
compare tables and attention panels all leave through the same door. The path ``-`` writes
to standard output.

Stata files get a variable label for every known column, value labels for the categorical
columns (kind, bound, level, doc_type, verdict, role), a ``region_code`` column (last) when
there is a ``region`` column, and column names that Stata accepts as they
are (``start``/``end`` become ``start_char``/``end_char``, so pandas never renames them).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from baogao.errors import QueryError

FORMATS = ("csv", "parquet", "xlsx", "dta", "jsonl")

#: Variable labels of the columns exports commonly carry (Stata allows 80 characters).
LABELS = {
    "source": "来源文件 source file", "row": "集合文件中的行 row in a collection file",
    "region": "地区 region", "region_code": "行政区划代码 region code",
    "level": "行政级别 administrative level", "year": "报告年份 year of the report",
    "indicator": "指标代码 indicator id", "name": "指标名称 indicator name",
    "kind": "类别 actual value or target", "estimated": "预计数 1 if an estimate",
    "period": "所属年度 year the value is about", "value": "数值 value",
    "value_high": "区间上限 upper end of a range", "unit": "单位 unit",
    "bound": "目标约束 approx/min/max", "text": "原文数值 value as written",
    "evidence": "原文句子 evidence sentence", "start_char": "原文起点 start offset",
    "end_char": "原文终点 end offset", "attribute": "限定词 attribute",
    "doc_id": "文档编号 document id", "doc_type": "文档类型 document type",
    "title": "标题 title", "date": "日期 date", "speaker": "报告人 speaker",
    "verdict": "结论 verdict", "reason": "理由 reason", "role": "章节类型 section role",
    "chars": "字数 characters", "documents": "文档数 documents pooled",
}

#: Columns stored in Stata as labelled integers; the codes follow this order.
CATEGORIES = {
    "kind": ("actual", "target"),
    "bound": ("approx", "min", "max"),
    "level": ("national", "province", "city", "district"),
    "doc_type": ("work_report", "plan_report", "budget_report", "public_report",
                 "npc_resolution", "other"),
    "verdict": ("met", "partly", "missed", "unverifiable"),
    "role": ("review", "plan", "self_building", "glossary", "appendix", "other"),
}

STATA_RENAMES = {"start": "start_char", "end": "end_char"}


def _columns(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> list[str]:
    return list(columns) + [k for k in (rows[0] if rows else {}) if k not in columns]


def _frame(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Any:
    import pandas as pd

    cols = _columns(rows, columns)
    return pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)


def region_code(name: Any) -> str:
    """The administrative division code of a region name, or "" when unknown."""
    if not isinstance(name, str) or not name:
        return ""
    from baogao.read.regions import code_of

    return code_of(name) or ""


def _stata_frame(frame: Any) -> tuple[Any, dict[str, str]]:
    """A frame Stata accepts as is, and its variable labels."""
    import pandas as pd

    frame = frame.rename(columns=STATA_RENAMES)
    if "region" in frame.columns and "region_code" not in frame.columns:
        frame["region_code"] = frame["region"].map(region_code)
    for col in list(frame.columns):
        series = frame[col]
        if col in CATEGORIES:
            known = CATEGORIES[col]
            extra = sorted({str(v) for v in series.dropna() if v not in known})
            frame[col] = pd.Categorical(series.where(series.notna(), None),
                                        categories=[*known, *extra])
        elif series.dtype == bool:
            frame[col] = series.astype("int8")
        elif series.dtype == object:
            non_null = series.dropna()
            if len(non_null) and all(isinstance(v, bool) for v in non_null):
                frame[col] = series.map(lambda v: None if v is None else int(v)).astype("float")
            elif len(non_null) and all(isinstance(v, int | float) for v in non_null):
                frame[col] = series.astype("float")
            else:
                frame[col] = series.map(lambda v: "" if v is None else _text(v))
    frame.columns = [_stata_name(str(c)) for c in frame.columns]
    labels = {c: LABELS.get(c, c)[:80] for c in frame.columns}
    return frame, labels


def _text(value: Any) -> str:
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _stata_name(name: str) -> str:
    """A Stata variable name: letters (Chinese too, dta 118), digits and _, ≤ 32 characters."""
    clean = "".join(c if c.isalnum() or c == "_" else "_" for c in name)
    if not clean or clean[0].isdigit():
        clean = "v_" + clean
    return clean[:32]


def write_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], path: str | Path, fmt: str
) -> Path:
    """Write ``rows`` to ``path`` (``-``: standard output) in ``fmt``.

    ``fmt`` is one of csv, parquet, xlsx, dta, jsonl.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    to_stdout = str(path) == "-"
    out = Path(path)
    if not to_stdout:
        out.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("jsonl", "csv"):
        if to_stdout:
            _write_text(rows, columns, fmt, sys.stdout)
            sys.stdout.flush()
        else:
            with out.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8",
                          newline="") as fh:
                _write_text(rows, columns, fmt, fh)
        return out
    buffer = io.BytesIO()
    frame = _frame(rows, columns)
    if fmt == "parquet":
        frame.to_parquet(buffer, index=False)
    elif fmt == "xlsx":
        frame.to_excel(buffer, index=False, engine="openpyxl")
    else:
        stata, labels = _stata_frame(frame)
        stata.to_stata(buffer, write_index=False, version=118, variable_labels=labels)
    if to_stdout:
        sys.stdout.buffer.write(buffer.getvalue())
        sys.stdout.buffer.flush()
    else:
        out.write_bytes(buffer.getvalue())
    return out


def table_bytes(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> bytes:
    """The file ``write_table`` would write, as bytes (for downloads)."""
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"table.{fmt}"
        write_table(rows, columns, path, fmt)
        data = path.read_bytes()
        os.remove(path)
    return data


def _write_text(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
                fh: IO[str]) -> None:
    """CSV (a file gets a BOM through its encoding, for Excel; stdout none) or JSON lines."""
    if fmt == "jsonl":
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(fh, fieldnames=_columns(rows, columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: _text(v) if isinstance(v, list | dict | tuple) else v
                      for k, v in r.items()} for r in rows)
