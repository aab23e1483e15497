"""Table rows of the Parquet dataset, and documents rebuilt from them.

One table per record type, columns derived from the dataclasses in ``baogao.models`` (so a
field added there appears here): ``documents`` (every ``Document`` field but the outline;
``offset_breaks`` holds the offset map packed as in the library), ``sections`` and
``paragraphs`` (with ``doc_id``), ``facts``, ``terms`` and ``commitments`` (the
promises of each report, as ``Library.commitments`` stores them). A module that extracts another
record type per document (commitments) registers it in ``EXTRA_TABLES``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from typing import Any

import pyarrow as pa

from baogao.models import Commitment, Document, Fact, Paragraph, Section, Term
from baogao.store.packing import pack_offsets, unpack_offsets

#: Extra tables: name -> (record dataclass, extractor from a document and its facts).
EXTRA_TABLES: dict[str, tuple[type, Callable[[Document, list[Fact]], list[Any]]]] = {}

_OUTLINE = ("sections", "paragraphs", "offset_map")


def _commitments(doc: Document, facts: list[Fact]) -> list[Commitment]:
    from baogao.extract.commitments import extract_commitments

    return extract_commitments(doc, facts)


EXTRA_TABLES["commitments"] = (Commitment, _commitments)


def _arrow_type(hint: Any) -> pa.DataType:
    origin = typing.get_origin(hint)
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        return _arrow_type(args[0])
    if origin is typing.Literal:
        return pa.string()
    if origin is tuple:
        return pa.list_(_arrow_type(args[0]))
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
            bytes: pa.binary()}[hint]


def _fields(cls: type, skip: tuple[str, ...] = ()) -> list[tuple[str, pa.DataType]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)
            if f.name not in skip]


def schemas() -> dict[str, pa.Schema]:
    """The schema of every table of the dataset."""
    doc = pa.schema([*_fields(Document, _OUTLINE), ("offset_breaks", pa.binary())])
    out = {
        "documents": doc,
        "sections": pa.schema([("doc_id", pa.string()), *_fields(Section)]),
        "paragraphs": pa.schema([("doc_id", pa.string()), *_fields(Paragraph)]),
        "facts": pa.schema(_fields(Fact)),
        "terms": pa.schema(_fields(Term)),
    }
    for name, (cls, _) in EXTRA_TABLES.items():
        out[name] = pa.schema(_fields(cls))
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _record(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)
            if f.name not in skip}


def rows_of(doc: Document, facts: list[Fact], terms: list[Term]) -> dict[str, list[dict[str, Any]]]:
    """The rows one analysed document contributes to each table."""
    document = _record(doc, _OUTLINE)
    document["offset_breaks"] = pack_offsets(doc.offset_map)
    out: dict[str, list[dict[str, Any]]] = {
        "documents": [document],
        "sections": [{"doc_id": doc.id, **_record(s)} for s in doc.sections],
        "paragraphs": [{"doc_id": doc.id, **_record(p)} for p in doc.paragraphs],
        "facts": [_record(dataclasses.replace(f, doc_id=doc.id)) for f in facts],
        "terms": [_record(dataclasses.replace(t, doc_id=doc.id)) for t in terms],
    }
    for name, (_, extract) in EXTRA_TABLES.items():
        out[name] = [_record(r) for r in extract(doc, facts)]
    return out


def to_tables(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pa.Table]:
    """Arrow tables (with the dataset's schemas) from collected rows."""
    return {name: pa.Table.from_pylist(rows.get(name, []), schema=schema)
            for name, schema in schemas().items()}


def _tuple(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuple(v) for v in value)
    return value


def _build(cls: type, row: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: _tuple(v) for k, v in row.items() if k in names})


def documents_of(tables: dict[str, pa.Table]) -> list[tuple[Document, list[Fact], list[Term]]]:
    """Documents with their facts and terms, rebuilt from one part of the dataset."""
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name in ("sections", "paragraphs", "facts", "terms"):
        for row in tables[name].to_pylist():
            by_doc.setdefault(row["doc_id"], {}).setdefault(name, []).append(row)
    out: list[tuple[Document, list[Fact], list[Term]]] = []
    for row in tables["documents"].to_pylist():
        parts = by_doc.get(row["id"], {})
        sections = tuple(_build(Section, {k: v for k, v in r.items() if k != "doc_id"})
                         for r in sorted(parts.get("sections", []), key=lambda r: r["index"]))
        paragraphs = tuple(_build(Paragraph, {k: v for k, v in r.items() if k != "doc_id"})
                           for r in sorted(parts.get("paragraphs", []),
                                           key=lambda r: r["index"]))
        offsets = unpack_offsets(row.pop("offset_breaks"))
        doc = _build(Document, {**row, "offset_map": offsets, "sections": sections,
                                "paragraphs": paragraphs})
        facts = [_build(Fact, r) for r in parts.get("facts", [])]
        terms = [_build(Term, r) for r in parts.get("terms", [])]
        out.append((doc, facts, terms))
    return out
