"""Collections: .csv, .jsonl and .json files holding one report per row.

The text column is ``full_text``, ``content`` or ``text``; the other columns (title, year,
province, region, publish_date, url/source_url) become metadata hints.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from baogao.errors import CollectionError, UnreadableFile
from baogao.models import RawDocument
from baogao.read.text import decode_bytes

TEXT_COLUMNS = ("full_text", "content", "text")
HINT_COLUMNS = ("title", "year", "province", "region", "publish_date", "url", "source_url", "date")


def _rows_to_documents(
    rows: Iterable[Mapping[str, object]], name: str, fmt: str
) -> list[RawDocument]:
    docs: list[RawDocument] = []
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):
            raise CollectionError(name, f"row {i} is not an object")
        clean = {str(k).lstrip("\ufeff").strip(): v for k, v in row.items()}
        column = next((c for c in TEXT_COLUMNS if c in clean), None)
        if column is None:
            raise CollectionError(
                name, f"row {i} has no text column (expected one of {', '.join(TEXT_COLUMNS)})"
            )
        text = clean[column]
        if not isinstance(text, str) or not text.strip():
            continue
        hints = {k: str(clean[k]) for k in HINT_COLUMNS if clean.get(k) not in (None, "")}
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        docs.append(RawDocument(source=name, row=i, text=text, format=fmt, hints=hints))
    if not docs:
        raise UnreadableFile(name, "collection holds no document with text")
    return docs


def read_csv(path: Path, name: str) -> list[RawDocument]:
    """One document per CSV row."""
    csv.field_size_limit(1 << 30)
    text = decode_bytes(path.read_bytes(), name)
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as exc:
        raise CollectionError(name, f"malformed CSV: {exc}") from exc
    return _rows_to_documents(rows, name, "csv")


def read_jsonl(path: Path, name: str) -> list[RawDocument]:
    """One document per JSON line."""
    text = decode_bytes(path.read_bytes(), name)
    rows: list[Mapping[str, object]] = []
    for n, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise CollectionError(name, f"line {n + 1} is not valid JSON ({exc.msg})") from exc
    return _rows_to_documents(rows, name, "jsonl")


def read_json(path: Path, name: str) -> list[RawDocument]:
    """A JSON array of objects (or one object), one document each."""
    text = decode_bytes(path.read_bytes(), name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CollectionError(name, f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    rows = data if isinstance(data, list) else [data]
    return _rows_to_documents(rows, name, "json")
