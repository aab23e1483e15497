"""The library API: ingest reports into a store and read them back.

    lib = Library("reports.db")
    report = lib.ingest(["reports/"], jobs=2)
    for doc in lib.documents(DocumentFilter(region="西城区")): ...

Parsing (read → normalize → meta → outline → extract) runs in worker processes when
``jobs > 1``; writing happens in the calling process, one transaction per document.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from baogao.ask import index as _search_index  # noqa: F401  (registers the search index hooks)
from baogao.errors import BaogaoError, InputError, NotFound
from baogao.extract import extract_facts, extract_terms
from baogao.models import Document, Fact, Term
from baogao.pipeline import build_document
from baogao.read import iter_files, read_file
from baogao.store import DocumentFilter, Store

log = logging.getLogger(__name__)

DEFAULT_DB = "baogao.db"


def default_db_path() -> str:
    """``$BAOGAO_DB`` if set, else ``baogao.db`` in the current folder."""
    return os.environ.get("BAOGAO_DB") or DEFAULT_DB


@dataclass(frozen=True)
class Parsed:
    """Everything read from one file: documents with their facts and terms, or errors."""

    path: str
    items: list[tuple[Document, list[Fact], list[Term]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    size: int = 0


@dataclass
class IngestReport:
    """What an ingest run did."""

    files: int = 0
    documents: int = 0
    added: int = 0
    unchanged: int = 0
    facts: int = 0
    terms: int = 0
    bytes: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.errors


def analyse(doc: Document) -> tuple[Document, list[Fact], list[Term]]:
    """Extract the facts and glossary terms of a document."""
    return doc, extract_facts(doc), extract_terms(doc)


def parse_file(path: str, display: str, known: frozenset[str] = frozenset()) -> Parsed:
    """Read and analyse every document of one file; errors are collected, not raised.

    Documents whose id is in ``known`` (already stored) are not analysed again.
    """
    p = Path(path)
    size = p.stat().st_size if p.is_file() else 0
    try:
        raws = read_file(p, display)
    except InputError as exc:
        return Parsed(display, errors=[str(exc)], size=size)
    except (OSError, ValueError) as exc:  # a reader library failing on broken input
        return Parsed(display, errors=[f"{display}: cannot read ({exc})"], size=size)
    parsed = Parsed(display, size=size)
    for raw in raws:
        try:
            doc = build_document(raw)
            parsed.items.append((doc, [], []) if doc.id in known else analyse(doc))
        except InputError as exc:
            parsed.errors.append(str(exc))
    return parsed


def _parse_job(job: tuple[str, str, frozenset[str]]) -> Parsed:
    return parse_file(*job)


class Library:
    """A collection of reports stored in SQLite, with their facts and glossary terms."""

    def __init__(self, db: str | Path | None = None, *, readonly: bool = False) -> None:
        self.store = Store(db or default_db_path(), readonly=readonly)

    def close(self) -> None:
        """Close the underlying store."""
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        jobs: int = 1,
        on_file: Callable[[Parsed], None] | None = None,
    ) -> IngestReport:
        """Read every report under ``paths`` into the library.

        Bad files are reported in ``IngestReport.errors`` and the rest goes on; each
        document is stored in its own transaction; documents already stored are skipped.
        """
        known = self.store.document_ids()
        files = [(str(p), d, known) for p, d in iter_files([Path(x) for x in paths])]
        report = IngestReport()
        results: Iterable[Parsed]
        if jobs > 1 and len(files) > 1:
            pool = ProcessPoolExecutor(max_workers=jobs)
            results = pool.map(_parse_job, files, chunksize=1)
        else:
            pool = None
            results = (parse_file(*job) for job in files)
        try:
            for parsed in results:
                self._store_parsed(parsed, report)
                if on_file:
                    on_file(parsed)
        finally:
            if pool:
                pool.shutdown()
        return report

    def _store_parsed(self, parsed: Parsed, report: IngestReport) -> None:
        report.files += 1
        report.bytes += parsed.size
        report.errors.extend(parsed.errors)
        for doc, facts, terms in parsed.items:
            report.documents += 1
            try:
                added = self.store.save(doc, facts, terms)
            except BaogaoError as exc:
                report.errors.append(str(exc))
                continue
            if added:
                report.added += 1
                report.facts += len(facts)
                report.terms += len(terms)
            else:
                report.unchanged += 1

    def documents(self, flt: DocumentFilter | None = None) -> list[Document]:
        """Stored documents (without text) matching the filter."""
        return self.store.list_documents(flt)

    def document(self, ref: str) -> Document:
        """One stored document with text and outline, by id, id prefix or source[#row].

        A path to an ingested file (absolute or relative to the current folder) finds the
        document stored under the part of the path that ingest recorded as its source.
        """
        try:
            return self.store.get_document(ref)
        except NotFound:
            found = self._by_file_path(ref)
            if found is not None:
                return self.store.get_document(found)
            base = ref.split("#", 1)[0]
            if len(base) < 4 and all(c in "0123456789abcdef" for c in base.lower()):
                raise NotFound(f"no document {ref!r}: an id prefix needs at least 4 "
                               "characters (ids are 16 hex digits; `baogao ls` lists them)"
                               ) from None
            raise

    def _by_file_path(self, ref: str) -> str | None:
        """``source#row`` of the stored document whose source the path ``ref`` ends with."""
        path, _, row = ref.partition("#")
        if not (os.path.isabs(path) or os.path.exists(path)):
            return None
        full = Path(path).resolve().as_posix()
        best: str | None = None
        for (source,) in self.store.conn.execute("SELECT DISTINCT source FROM document_sources"):
            if (full == source or full.endswith("/" + source)) and (
                    best is None or len(source) > len(best)):
                best = source
        return None if best is None else f"{best}#{row or 0}"

    def regions(self, name: str) -> tuple[str, ...]:
        """The stored regions that ``name`` denotes, itself first, then the regions under it.

        Every command filters by region through this one function: short and full names
        (北京 / 北京市), and a parent region includes its descendants (北京 → 北京市 and its
        districts). Returns () when the library holds nothing of that region.
        """
        from baogao.read.regions import canonical_region

        want = canonical_region(name) or name.strip()
        found: dict[str, bool] = {}
        for region, path in self.store.conn.execute(
                "SELECT DISTINCT region, region_path FROM documents WHERE region IS NOT NULL"):
            if region == want or canonical_region(region) == want:
                found[region] = True
            elif want in json.loads(path or "[]"):
                found[region] = False
        return tuple(sorted(found, key=lambda r: (not found[r], len(r), r)))

    def facts(self, **filters: object) -> list[Fact]:
        """Stored facts; filters as in ``Store.facts``."""
        return self.store.facts(**filters)  # type: ignore[arg-type]

    def terms(self, *, doc_id: str | None = None, term: str | None = None) -> list[Term]:
        """Stored glossary terms."""
        return self.store.terms(doc_id=doc_id, term=term)

    def delete(self, ref: str) -> None:
        """Remove a document and what was derived from it."""
        self.store.delete(self.document(ref).id)

    def reanalyse(self) -> int:
        """Re-extract facts and terms of every stored document (after upgrading baogao)."""
        n = 0
        for doc in self.store.iter_documents():
            _, facts, terms = analyse(doc)
            self.store.replace_derived(doc.id, facts, terms)
            n += 1
        return n
