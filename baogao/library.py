"""The library API: ingest reports into a store and read them back.

    lib = Library("reports.db")
    report = lib.ingest(["reports/"], jobs=2)
    for doc in lib.documents(DocumentFilter(region="西城区")): ...

Ingest reads, normalizes, describes, outlines, extracts, segments and packs every document in
worker processes when ``jobs > 1`` (one task per plain file or per collection row, a bounded
number in flight, so memory does not grow with the library); the calling process only writes,
many documents per transaction and one savepoint per document. Files already read are skipped
before parsing when their path, size and modification time (or else their content hash)
match what the library recorded and their documents are still stored.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from baogao.errors import BaogaoError, InputError, InternalError, NotFound
from baogao.models import Commitment, CommitmentPage, CommitmentRow, Document, Fact, Term
from baogao.store import (
    HOOK_MODULES,
    DocumentFilter,
    FileRecord,
    PreparedDocument,
    Store,
    prepare,
)
from baogao.store.packing import unpack_offsets, unpack_original

if TYPE_CHECKING:
    from concurrent.futures import Future

    from baogao.pipeline import Task, TaskResult
    from baogao.store.upgrade import UpgradeReport
    from baogao.store.writer import BatchWriter

# The ingest machinery (readers, extractors, worker pools) is imported where it is used, and
# the save and delete hooks (topic counts, kept track rows, the search index) by the store
# before its first write: a command that only reads starts without them.
for _hooks in ("baogao.analyze.attention", "baogao.analyze.track_load", "baogao.ask.index"):
    if _hooks not in HOOK_MODULES:
        HOOK_MODULES.append(_hooks)

log = logging.getLogger(__name__)

DEFAULT_DB = "baogao.db"
#: Commitments extracted on read from a read-only library whose stored ones are stale, by
#: (library path, document id, extractor version).
_EXTRACTED: dict[tuple[str, str, str], list[Commitment]] = {}


def default_db_path() -> str:
    """``$BAOGAO_DB`` if set, else ``baogao.db`` in the current folder."""
    return os.environ.get("BAOGAO_DB") or DEFAULT_DB


@dataclass(frozen=True)
class Parsed:
    """Everything read from one file: documents with their facts and terms, or errors.

    ``Library.ingest`` reports each file this way once it is stored, with ``doc_ids`` (the
    documents its rows hold, new or known) and without ``items`` (which it does not keep).
    """

    path: str
    items: list[tuple[Document, list[Fact], list[Term]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    size: int = 0
    warnings: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    skipped: bool = False


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

    skipped_files: int = 0
    skipped_bytes: int = 0

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.errors


@dataclass
class _FileState:
    """A file being ingested: its tasks outstanding and what its rows gave."""

    display: str
    record: FileRecord | None
    size: int
    tasks: int
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)


#: Tasks in flight per worker (bounds the memory of results waiting to be written).
IN_FLIGHT_PER_JOB = 3
#: Documents whose search passages wait in memory before the index is updated.
FLUSH_PASSAGES_DOCS = 256

_WORKER_KNOWN: frozenset[str] = frozenset()


def _init_worker(known: frozenset[str]) -> None:
    from baogao.workers import collect_less, die_with_parent

    global _WORKER_KNOWN
    _WORKER_KNOWN = known
    die_with_parent()
    collect_less()


def _run_in_worker(task: Task) -> TaskResult:
    from baogao.pipeline import run_task

    return run_task(task, _WORKER_KNOWN)


def run_tasks(tasks: Iterable[Task], jobs: int, known: frozenset[str]) -> Iterator[TaskResult]:
    """Results of ``tasks`` in order, ``jobs`` worker processes, a bounded number in flight."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from baogao.pipeline import run_task

    if jobs <= 1:
        for task in tasks:
            yield run_task(task, known)
        return
    pending = iter(tasks)
    while True:
        window: deque[tuple[Task, Future[TaskResult]]] = deque()
        broken = False
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                 initargs=(known,)) as pool:
            try:
                for task in pending:
                    window.append((task, pool.submit(_run_in_worker, task)))
                    if len(window) >= IN_FLIGHT_PER_JOB * jobs:
                        result = window[0][1].result()
                        window.popleft()
                        yield result
                while window:
                    result = window[0][1].result()
                    window.popleft()
                    yield result
            except BrokenProcessPool:
                broken = True  # a worker died (a crash in a reader library, out of memory)
            finally:
                for _, future in window:
                    future.cancel()
        if not broken:
            return
        # The culprit is among the tasks in flight: run each alone, then go on with a new pool.
        for task, _ in window:
            yield _run_isolated(task, known)


def _run_isolated(task: Task, known: frozenset[str]) -> TaskResult:
    """``task`` in a process of its own; if that process dies too, one error line for it."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from baogao.pipeline import TaskResult

    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker,
                             initargs=(known,)) as solo:
        try:
            return solo.submit(_run_in_worker, task).result()
        except BrokenProcessPool:
            where = task.display if task.raw is None else f"{task.display} row {task.raw.row}"
            return TaskResult(task.key, errors=[
                f"{where}: the process reading it died (a crash in a reader library, or out "
                "of memory); nothing stored from it"])


def _analysed(item: PreparedDocument) -> PreparedDocument:
    """``item`` with its facts, terms and hook rows (it was skipped as known when parsed)."""
    from baogao.pipeline import analyse, passage_rows

    doc = replace(item.doc, original=unpack_original(item.packed_original, item.doc.text),
                  offset_map=unpack_offsets(item.packed_offsets))
    _, facts, terms = analyse(doc)
    return prepare(doc, facts, terms, extras={"search": passage_rows(doc)})


def _inputs(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str, int | None]]:
    """Files under ``paths`` as ``iter_files`` lists them, and the parts of every Parquet
    dataset among ``paths`` (``baogao batch`` output)."""
    from baogao.batch import is_dataset, read_parts
    from baogao.read import iter_files

    for given in paths:
        path = Path(given)
        if path.is_dir() and is_dataset(path):
            for part in read_parts(path):
                yield path, f"{path}/part-{part:05d}", part
        else:
            for found, display in iter_files([path]):
                yield found, display, None


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def parse_file(path: str, display: str, known: frozenset[str] = frozenset()) -> Parsed:
    """Read and analyse every document of one file; errors are collected, never raised.

    Documents whose id is in ``known`` (already stored) are not analysed again. Every
    failure becomes one line naming the file (and row): an ``InputError`` with its reason,
    anything unexpected as "internal error (ExceptionType)" with the traceback logged at
    debug level.
    """
    from baogao.pipeline import analyse, build_document, quiet_warning
    from baogao.read import read_file

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
        warning = quiet_warning(doc, item[1], item[2], where)
        if warning:
            parsed.warnings.append(warning)
    return parsed


def _parse_job(job: tuple[str, str, frozenset[str]]) -> Parsed:
    return parse_file(*job)


class Library:
    """A collection of reports stored in SQLite, with their facts and glossary terms."""

    def __init__(self, db: str | Path | None = None, *, readonly: bool = False) -> None:
        self.store = Store(db or default_db_path(), readonly=readonly)
        self.readonly = readonly

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

        Bad files are reported in ``IngestReport.errors`` and the rest goes on; each document
        is written whole or not at all; documents already stored are not stored again, and
        files unchanged since they were read are not parsed again.
        """
        from baogao.workers import fewer_collections

        with fewer_collections():
            return self._ingest(paths, jobs, on_file)

    def _ingest(self, paths: Iterable[str | Path], jobs: int,
                on_file: Callable[[Parsed], None] | None) -> IngestReport:
        from baogao.ask import index as _search_index
        from baogao.store.writer import BatchWriter

        report = IngestReport()
        known = self.store.document_ids()
        files: dict[int, _FileState] = {}
        with _search_index.batch_index(self.store):  # one tantivy writer for every flush
            try:
                with BatchWriter(self.store, on_commit=self._flush_index) as writer:
                    tasks = self._tasks(paths, files, writer, report, on_file)
                    for result in run_tasks(tasks, jobs, known):
                        state = files[result.key]
                        state.errors.extend(result.errors)
                        state.warnings.extend(result.warnings)
                        for item in result.items:
                            self._write(item, writer, state, report)
                        state.tasks -= 1
                        if state.tasks == 0:
                            self._finish(files.pop(result.key), writer, report, on_file)
            finally:
                if report.added:  # apply the queued search index changes
                    _search_index.flush_index(self.store)
        if report.added:
            self._keep_commitment_rows()
        return report

    def _keep_commitment_rows(self) -> None:
        """Track the commitments of the regions an ingest changed, so that the first request
        reads kept rows (``analyze.commitment_rows``); a failure only leaves them to the
        first request."""
        from baogao.analyze.commitment_rows import refresh_rows

        try:
            refresh_rows(self)
        except Exception:  # never fail an ingest over derived rows
            log.warning("commitment rows not kept after ingest", exc_info=True)

    def _flush_index(self) -> None:
        """After a batch commit: hand the search index the passages the workers built, and
        apply them once enough are waiting (bounds what waits in memory)."""
        from baogao.ask import index as _search_index

        if len(_search_index.search_index(self.store).pending) >= FLUSH_PASSAGES_DOCS:
            _search_index.flush_index(self.store)

    def _tasks(
        self, paths: Iterable[str | Path], files: dict[int, _FileState], writer: BatchWriter,
        report: IngestReport, on_file: Callable[[Parsed], None] | None,
    ) -> Iterator[Task]:
        """The tasks of every file under ``paths`` that needs reading; unchanged files are
        accounted for here and yield nothing."""
        from baogao.pipeline import COLLECTIONS, Task
        from baogao.read import read_file

        for key, (path, display, part) in enumerate(_inputs(paths)):
            if part is not None:  # one part of a dataset written by ``baogao batch``
                files[key] = _FileState(display, None, 0, 1)
                yield Task(key, str(path), display, part=part)
                continue
            record = self._unchanged(path, display, writer)
            if isinstance(record, Parsed):
                report.files += 1
                report.bytes += record.size
                report.skipped_files += 1
                report.skipped_bytes += record.size
                report.documents += len(record.doc_ids)
                report.unchanged += len(record.doc_ids)
                if on_file:
                    writer.commit()
                    on_file(record)
                continue
            size = record.size if record else 0
            if path.suffix.lower() not in COLLECTIONS or not path.is_file():
                files[key] = _FileState(display, record, size, 1)
                yield Task(key, str(path), display)
                continue
            try:
                raws = read_file(path, display)
            except InputError as exc:
                errors = [str(exc)]
            except (OSError, ValueError) as exc:
                errors = [f"{display}: cannot read ({exc})"]
            else:
                files[key] = _FileState(display, record, size, len(raws))
                for raw in raws:
                    yield Task(key, str(path), display, raw)
                continue
            self._finish(_FileState(display, None, size, 0, errors), writer, report, on_file)

    def _unchanged(self, path: Path, display: str, writer: BatchWriter
                   ) -> Parsed | FileRecord | None:
        """``Parsed`` (nothing to read) when the file is unchanged since it was ingested and
        its documents are all stored; else the ``FileRecord`` to keep once it is read."""
        try:
            st = path.stat()
        except OSError:
            return None
        if not path.is_file():
            return None
        full = str(path.resolve())
        old = self.store.file_record(full)
        same_stat = old is not None and (old.size, old.mtime_ns) == (st.st_size, st.st_mtime_ns)
        try:
            digest = old.sha256 if old is not None and same_stat else file_digest(path)
        except OSError:
            return None
        record = FileRecord(full, display, st.st_size, st.st_mtime_ns, digest, 0)
        source = old if old is not None and old.sha256 == digest else None
        if source is None or self.store.source_rows(source.source) < source.rows:
            source = self.store.file_by_hash(digest)
        if source is None:
            return record
        writer.record_file(FileRecord(full, display, st.st_size, st.st_mtime_ns, digest,
                                      source.rows), copy_from=source.source)
        return Parsed(display, size=st.st_size, doc_ids=self.store.source_documents(display),
                      skipped=True)

    def _write(self, item: PreparedDocument, writer: BatchWriter, state: _FileState,
               report: IngestReport) -> None:
        report.documents += 1
        try:
            outcome = writer.write(item)
            if outcome == "missing":  # deleted since ingest started: analyse it now
                item = _analysed(item)
                outcome = writer.write(item)
        except BaogaoError as exc:
            state.errors.append(str(exc))
            return
        except Exception as exc:
            doc = item.doc
            where = doc.source if doc.row == 0 else f"{doc.source} row {doc.row}"
            log.debug("storing %s failed", where, exc_info=True)
            state.errors.append(str(InternalError(where, exc, "storing")))
            return
        state.doc_ids.append(item.doc.id)
        passages = item.extras.get("search")
        if outcome == "added" and passages is not None:
            from baogao.ask import index as _search_index

            _search_index.stash_rows(self.store, {item.doc.id: passages})  # type: ignore[dict-item]
        if outcome == "added":
            report.added += 1
            report.facts += len(item.facts)
            report.terms += len(item.terms)
        else:
            report.unchanged += 1

    def _finish(self, state: _FileState, writer: BatchWriter, report: IngestReport,
                on_file: Callable[[Parsed], None] | None) -> None:
        report.files += 1
        report.bytes += state.size
        report.errors.extend(state.errors)
        report.warnings.extend(state.warnings)
        if state.record is not None and not state.errors:
            record = state.record
            writer.record_file(FileRecord(record.path, record.source, record.size,
                                          record.mtime_ns, record.sha256, len(state.doc_ids)))
        if on_file:  # called once the file's rows are committed: it may use the library
            writer.commit()
            on_file(Parsed(state.display, errors=state.errors, size=state.size,
                           warnings=state.warnings, doc_ids=state.doc_ids))

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

    def upgrade(
        self, *, progress: Callable[[int, int, str | None], None] | None = None,
    ) -> UpgradeReport:
        """Rewrite documents stored in an older layout into the current one, in place
        (``store.upgrade``: transactional in batches, a second run is a no-op), then rebuild
        the search index if it is of an older format or missing. ``progress(done, total,
        failure)`` is called after each document; failures are also in the report."""
        from baogao.ask.index import index_is_current, rebuild_index, sync_index
        from baogao.store.upgrade import upgrade_layout

        report = upgrade_layout(self.store, progress=progress)
        if index_is_current(self.store):
            sync_index(self.store)  # applies queued changes, if any
            return report
        rebuild_index(self.store)
        return replace(report, index_rebuilt=True)

    def reanalyse(self) -> int:
        """Re-extract facts and terms of every stored document (after upgrading baogao)."""
        n = 0
        from baogao.analyze.commitment_rows import review_digest
        from baogao.extract.commitments import extract_commitments
        from baogao.pipeline import analyse

        for doc in self.store.iter_documents():
            _, facts, terms = analyse(doc)
            self.store.replace_derived(doc.id, facts, terms, extract_commitments(doc, facts),
                                       review_digest(doc, facts))
            n += 1
        return n

    def commitments(self, doc_ids: Sequence[str]) -> list[Commitment]:
        """The stored commitments of these documents (``extract.commitments``), in document
        order. Documents stored before commitments were kept, or by another extractor
        version, are extracted again here (and stored, unless the library is read-only)."""
        from baogao.analyze.commitment_rows import review_digest
        from baogao.extract.commitments import commitments_version, extract_commitments

        ids = list(dict.fromkeys(doc_ids))
        stale = self.store.stale_commitments(ids)
        if not stale:
            return self.store.commitments(ids)
        fresh: dict[str, list[Commitment]] = {}
        version = commitments_version()
        writable = not self.readonly and self.store.has_commitments_table()
        for doc_id in stale:
            key = (self.store.path, doc_id, version)
            found = _EXTRACTED.get(key) if not writable else None
            review: bytes | None = None
            if found is None:
                doc = self.store.get_document(doc_id)
                facts = self.store.facts(doc_id=doc_id, include_open=True)
                found = extract_commitments(doc, facts)
                review = review_digest(doc, facts) if writable else None
            fresh[doc_id] = found
            if writable:
                with self.store.conn:
                    self.store.store_commitments(doc_id, found, review)
            else:  # a read-only server extracts a stale document once, not per request
                if len(_EXTRACTED) >= 4096:
                    _EXTRACTED.pop(next(iter(_EXTRACTED)))
                _EXTRACTED[key] = found
        stored = self.store.commitments([i for i in ids if i not in fresh])
        by_doc: dict[str, list[Commitment]] = {}
        for c in stored:
            by_doc.setdefault(c.doc_id, []).append(c)
        return [c for i in ids for c in fresh.get(i, by_doc.get(i, []))]

    def track_commitments(self, region: str | None = None, *, period: int | None = None,
                          verdict: str | None = None) -> list[CommitmentRow]:
        """Every commitment of year N checked against the report of year N+1 of the same
        government (``analyze.commitments.track_commitments``)."""
        from baogao.analyze.commitments import track_commitments

        return track_commitments(self, region, period=period, verdict=verdict)

    def commitment_page(self, region: str | None = None, *, period: int | None = None,
                        verdict: str | None = None, origin: str | None = None,
                        q: str | None = None, order: str = "document",
                        limit: int | None = None, offset: int = 0) -> CommitmentPage:
        """One page of ``track_commitments`` with the verdict counts of the whole selection
        (``analyze.commitment_rows.commitment_page``): ``origin`` target or list_item,
        ``q`` a word of the object or sentence, ``order`` "document" or "verdict" (linked
        rows first)."""
        from baogao.analyze.commitment_rows import commitment_page

        return commitment_page(self, region, period=period, verdict=verdict, origin=origin,
                               q=q, order=order, limit=limit, offset=offset)
