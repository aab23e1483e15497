"""Collections: .csv, .jsonl and .json files holding one report per row.

The text column is ``full_text``, ``content`` or ``text``; the other columns (title, year,
province, region, publish_date, url/source_url) become metadata hints.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from baogao.errors import CollectionError, LimitExceeded, UnreadableFile
from baogao.models import RawDocument
from baogao.read.text import decode_bytes
from baogao.settings import limit

TEXT_COLUMNS = ("full_text", "content", "text")
HINT_COLUMNS = ("title", "year", "province", "region", "publish_date", "url", "source_url", "date")


_YEAR = re.compile(r"[0-9]{4}")


def _rows_to_documents(
    rows: Iterable[Mapping[str, object]], name: str, fmt: str
) -> list[RawDocument]:
    docs: list[RawDocument] = []
    notes: list[str] = []
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
            notes.append(f"{name} row {i}: no text in column {column!r}; row skipped")
            continue
        hints = {k: str(clean[k]) for k in HINT_COLUMNS if clean.get(k) not in (None, "")}
        warnings: list[str] = []
        year = hints.get("year")
        if year is not None and not (_YEAR.fullmatch(year.strip())
                                     and 1900 <= int(year) <= 2100):
            shown = year if len(year) <= 24 else year[:24] + "…"
            warnings.append(f"{name} row {i}: year {shown!r} is not a year; ignored")
            del hints["year"]
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        docs.append(RawDocument(source=name, row=i, text=text, format=fmt, hints=hints,
                                warnings=tuple(warnings)))
    if not docs:
        raise UnreadableFile(name, "collection holds no document with text")
    if notes:
        docs[0] = replace(docs[0], warnings=(*notes, *docs[0].warnings))
    return docs


def read_csv(path: Path, name: str) -> list[RawDocument]:
    """One document per CSV row.

    Rows must parse cleanly: a quote that is never closed, or text after a closing quote,
    would otherwise merge the following rows into one field, so the file is refused with
    the line where it happened; so is a row with more fields than the header.
    """
    max_field = limit("max_csv_field_chars")
    csv.field_size_limit(max_field)
    text = decode_bytes(path.read_bytes(), name)
    reader = csv.DictReader(io.StringIO(text), strict=True)
    rows: list[dict[str, str]] = []
    done = 1  # lines consumed by the header and the rows read so far
    try:
        for row in reader:
            if None in row:
                header = len(reader.fieldnames or ())
                raise CollectionError(
                    name, f"malformed CSV: the row at line {done + 1} has more fields than "
                    f"the header's {header} (a stray quote or delimiter?)")
            rows.append(row)
            done = reader.line_num
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise LimitExceeded(name, f"a field of the row at line {done + 1}",
                                "max_csv_field_chars", max_field) from exc
        what = ("a quote opened there is never closed" if "unexpected end of data" in str(exc)
                else f"{exc} (a misplaced quote?)")
        raise CollectionError(name, f"malformed CSV: the row at line {done + 1}: {what}"
                              ) from exc
    return _rows_to_documents(rows, name, "csv")


def json_depth_ok(text: str, max_depth: int) -> bool:
    """True when arrays and objects in ``text`` nest at most ``max_depth`` deep (linear)."""
    if text.count("[") + text.count("{") <= max_depth:
        return True  # not even that many openers, in strings or not
    depth = 0
    for m in _JSON_TOKEN.finditer(text):
        ch = m.group(0)
        if ch in "[{":
            depth += 1
            if depth > max_depth:
                return False
        elif ch in "]}":
            depth -= 1
    return True


_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.S)


def _loads(text: str, name: str, where: str) -> object:
    max_depth = limit("max_json_depth")
    if not json_depth_ok(text, max_depth):
        raise LimitExceeded(name, f"{where}JSON nesting depth", "max_json_depth", max_depth)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # an integer of thousands of digits (int conversion limit)
        raise CollectionError(name, f"{where}a JSON number is too long ({exc})"[:300]) from exc


def read_jsonl(path: Path, name: str) -> list[RawDocument]:
    """One document per JSON line."""
    text = decode_bytes(path.read_bytes(), name)
    rows: list[Mapping[str, object]] = []
    for n, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        try:
            rows.append(_loads(line, name, f"line {n + 1}: "))  # type: ignore[arg-type]
        except json.JSONDecodeError as exc:
            raise CollectionError(name, f"line {n + 1} is not valid JSON ({exc.msg})") from exc
    return _rows_to_documents(rows, name, "jsonl")


def read_json(path: Path, name: str) -> list[RawDocument]:
    """A JSON array of objects (or one object), one document each."""
    text = decode_bytes(path.read_bytes(), name)
    try:
        data = _loads(text, name, "")
    except json.JSONDecodeError as exc:
        raise CollectionError(name, f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    rows = data if isinstance(data, list) else [data]
    return _rows_to_documents(rows, name, "json")  # type: ignore[arg-type]
