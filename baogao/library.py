"""The library API: ingest reports into a store and read them back.

    lib = Library("reports.db")
    report = lib.ingest(["reports/"], jobs=2)
    for doc in lib.documents(DocumentFilter(region="西城区")): ...

Parsing (read → normalize → meta → outline → extract) runs in worker processes when
``jobs > 1``; writing happens in the calling process, one transaction per document.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from baogao.analyze import attention as _attention  # noqa: F401  (topic counts hook)
from baogao.ask import index as _search_index  # registers the search index hooks
from baogao.errors import BaogaoError, InputError, InternalError, NotFound
from baogao.extract import extract_facts, extract_terms
from baogao.extract.open_facts import enrich, open_facts
from baogao.models import Document, Fact, Term
from baogao.pipeline import build_document
from baogao.read import iter_files, read_file
from baogao.store import DocumentFilter, Store
from baogao.workers import die_with_parent

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
    warnings: list[str] = field(default_factory=list)


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
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.errors


def analyse(doc: Document) -> tuple[Document, list[Fact], list[Term]]:
    """Extract the facts (catalog ones, then every other number with a unit) and glossary
    terms of a document."""
    facts = extract_facts(doc)
    return doc, [*enrich(facts), *open_facts(doc, facts)], extract_terms(doc)


#: A document this long that yields no fact and no term gets a warning (is it a report?).
QUIET_CHARS = 20_000


def parse_file(path: str, display: str, known: frozenset[str] = frozenset()) -> Parsed:
    """Read and analyse every document of one file; errors are collected, never raised.

    Documents whose id is in ``known`` (already stored) are not analysed again. Every
    failure becomes one line naming the file (and row): an ``InputError`` with its reason,
    anything unexpected as "internal error (ExceptionType)" with the traceback logged at
    debug level.
    """
    p = Path(path)
    try:
        size = p.stat().st_size if p.is_file() else 0
    except OSError:
        size = 0
    try:
        raws = read_file(p, display)
    except InputError as exc:
        return Parsed(display, errors=[str(exc)], size=size)
    except Exception as exc:  # read_file wraps reader failures; this is a last resort
        log.debug("reading %s failed", display, exc_info=True)
        return Parsed(display, errors=[str(InternalError(display, exc, "reading"))], size=size)
    parsed = Parsed(display, size=size)
    for raw in raws:
        parsed.warnings.extend(raw.warnings)
        where = raw.source if raw.row == 0 and len(raws) == 1 else f"{raw.source} row {raw.row}"
        stage = "reading"
        try:
            doc = build_document(raw)
            if doc.id in known:
                parsed.items.append((doc, [], []))
                continue
            stage = "analysing"
            item = analyse(doc)
        except InputError as exc:
            parsed.errors.append(str(exc))
            continue
        except Exception as exc:
            log.debug("%s failed on %s", stage, where, exc_info=True)
            parsed.errors.append(str(InternalError(where, exc, stage)))
            continue
        parsed.items.append(item)
        if len(doc.text) >= QUIET_CHARS and not item[1] and not item[2]:
            lines = doc.text.count("\n") + 1
            hint = (f" and only {lines} line{'s' if lines > 1 else ''}: line breaks lost?"
                    if len(doc.text) / lines > 5000 else ": is it a report?")
            parsed.warnings.append(f"{where}: no facts or glossary terms found in "
                                   f"{len(doc.text)} characters{hint}")
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
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent)
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
            _search_index.flush_index(self.store)  # apply the queued search index changes
        return report

    def _store_parsed(self, parsed: Parsed, report: IngestReport) -> None:
        report.files += 1
        report.bytes += parsed.size
        report.errors.extend(parsed.errors)
        report.warnings.extend(parsed.warnings)
        for doc, facts, terms in parsed.items:
            report.documents += 1
            try:
                added = self.store.save(doc, facts, terms)
            except BaogaoError as exc:
                report.errors.append(str(exc))
                parsed.errors.append(str(exc))
                continue
            except Exception as exc:
                where = doc.source if doc.row == 0 else f"{doc.source} row {doc.row}"
                log.debug("storing %s failed", where, exc_info=True)
                message = str(InternalError(where, exc, "storing"))
                report.errors.append(message)
                parsed.errors.append(message)
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
        (北京 / 北京市), region codes (110102), and a parent region includes its descendants
        (北京 → 北京市 and its districts; 全国 means the national reports only). Returns ()
        when the library holds nothing of that region.
        """
        from baogao.read.regions import canonical_region, resolve

        found = resolve(name)
        national = any(r.level == "national" for r in found)
        wanted = [r.full for r in (found if national else resolve(name, descendants=True))]
        own = {r.full for r in found} | {canonical_region(name) or name.strip()}
        stored = {region for (region,) in self.store.conn.execute(
            "SELECT DISTINCT region FROM documents WHERE region IS NOT NULL")}
        rank = {full: i for i, full in enumerate(wanted)}
        hits = [r for r in stored if r in rank or r in own]
        return tuple(sorted(hits, key=lambda r: (r not in own, rank.get(r, -1), r)))

    def facts(self, **filters: object) -> list[Fact]:
        """Stored facts; filters as in ``Store.facts`` (``include_open=True`` adds the
        open-vocabulary facts)."""
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
