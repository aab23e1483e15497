"""JSON and CSV shapes of library objects, as the API returns them.

Shapes follow the dataclasses of ``baogao.models``; facts use ``Fact.contract()`` (the facts
contract of shared/spec/facts.md). Heavy internals (``original``, ``offset_map``) stay out.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from fastapi.responses import Response

from baogao.models import Document, Fact, Section, Term

FACT_COLUMNS = ["source", "row", "region", "year", "indicator", "name", "kind", "estimated",
                "period", "value", "unit", "bound", "text", "evidence", "start", "end",
                "value_high", "attribute", "doc_id"]

DOC_TYPES = ("work_report", "plan_report", "budget_report", "public_report", "npc_resolution",
             "other")
LEVELS = ("national", "province", "city", "district")
KINDS = ("actual", "target")
ROLES = ("review", "plan", "self_building", "glossary", "appendix", "other")
VERDICTS = ("met", "missed", "partly", "unverifiable")


def document_summary(doc: Document) -> dict[str, Any]:
    """The listing fields of a document (see ``Document.summary``)."""
    return dict(doc.summary())


def section_json(section: Section) -> dict[str, Any]:
    """One outline entry."""
    return dataclasses.asdict(section)


def document_detail(doc: Document, *, with_text: bool = True) -> dict[str, Any]:
    """A document with its outline (and normalized text unless ``with_text`` is false)."""
    data = document_summary(doc) | {
        "chars": len(doc.text),
        "paragraphs": len(doc.paragraphs),
        "outline": [section_json(s) for s in doc.sections],
    }
    if with_text:
        data["text"] = doc.text
    return data


def fact_json(fact: Fact) -> dict[str, Any]:
    """A fact in the facts contract."""
    return fact.contract()


def term_json(term: Term) -> dict[str, Any]:
    """A glossary term with its uses as ``[start, end]`` pairs."""
    data = dataclasses.asdict(term)
    data["uses"] = [list(u) for u in term.uses]
    return data


_SCALARS = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def record_json(obj: Any) -> dict[str, Any]:
    """Any library dataclass (Passage, TrackRow, …) as a JSON object.

    Flat records (every field a string, number or None: a search result) are copied field by
    field; ``dataclasses.asdict``, which deep-copies every value, only runs for nested ones.
    """
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS.get(type(obj))
        if names is None:
            names = _FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
        data = {name: getattr(obj, name) for name in names}
        if all(isinstance(v, _SCALARS) for v in data.values()):
            return data
        return dataclasses.asdict(obj)
    if isinstance(obj, dict):
        return dict(obj)
    raise TypeError(f"cannot serialize {type(obj).__name__}")


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    """Rows as CSV text with a BOM (Excel opens it as UTF-8); nested values as JSON."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def csv_download(rows: Iterable[dict[str, Any]], columns: Sequence[str], name: str) -> Response:
    """A CSV attachment named ``name``.csv."""
    return Response(to_csv(rows, columns), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


#: Media types of the file downloads beside CSV.
FILE_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "dta": "application/x-stata-dta"}


def file_download(rows: Sequence[dict[str, Any]], columns: Sequence[str], name: str,
                  fmt: str) -> Response:
    """Rows as an Excel or Stata file (``store.export``: labels, value labels, region codes)."""
    from baogao.store.export import table_bytes

    return Response(table_bytes(rows, columns, fmt), media_type=FILE_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
