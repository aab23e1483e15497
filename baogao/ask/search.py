"""Full-text search over the library: find any paragraph, with a citation and a snippet.

    from baogao.ask.search import search
    for p in search(lib, "接诉即办", region="西城区", limit=5):
        print(p.source, p.row, p.section, p.snippet)

How a query runs (index layout and engine choice: ``baogao.ask.index``):

1. The query is cut into topic words (``segment.query_tokens``: stop words such as 什么, 如何,
   是多少 dropped); a word the index does not hold is replaced by its parts.
2. Glossary synonyms: a query naming a 名词解释 term also looks for the words of its
   definition, and a query using a definition's words also looks for the term (lower weight).
3. The tantivy index (``baogao.ask.index``) returns the best candidates by its BM25 (words,
   plus section headings at a lower weight) among passages that pass the filters (region,
   year, doc_type, role), with everything re-ranking and snippets need, and the number of
   matching passages (``search_page``).
4. Candidates are re-scored: BM25 with per-word weights, a bonus for words in the section
   path (title match), coverage of the query's words, proximity (query words next to each
   other, or the whole query verbatim), and a prior for the section role the query asks
   about (plan words → ``plan``, results words → ``review``, definitions → ``glossary``).

Snippets mark matched words with 【】 (plain text that survives terminals, JSON and CSV; a
web view can turn 【…】 into ``<mark>`` after escaping the text). ``Passage.start/end`` are
offsets into the document's normalized text: ``doc.text[p.start:p.end] == p.text``.

Quality (``benchmarks/search_quality.py``, 37 questions judged by reading the shared
documents): recall@5 1.000, MRR@10 0.828, against 0.811 and 0.553 for Okapi BM25 over
character bigrams of the same passages. Speed and the engine decision: ``baogao.ask.index``.
"""

from __future__ import annotations

import itertools
import math
import re
import sqlite3
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from baogao.ask.index import (
    document_frequencies,
    index_stats,
    pinned,
    search_index,
    sync_index,
)
from baogao.ask.segment import (
    cut_words,
    has_cjk,
    index_tokens,
    query_tokens,
    stopwords,
    sub_tokens,
)
from baogao.errors import QueryError
from baogao.models import Passage, Role
from baogao.read.regions import canonical_region
from baogao.store import Store

MAX_QUERY_CHARS = 500
MAX_TERMS = 40
#: Engine candidates re-ranked (benchmarks/search_quality.py at ×1, recall@5 / MRR@10:
#: 150 → 0.973 / 0.822, 80 → 0.973 / 0.827, 64 (to 60) → 1.000 / 0.828, 56 → 0.973 / 0.816;
#: 64 keeps a margin above the drop and reads a fifth fewer passages than 80).
CANDIDATES = 64
MAX_OFFSET = 1000
COMMON_SHARE = 0.04
MIN_MATCH = 2
MAX_EXPANSIONS = 4
SNIPPET_CHARS = 120
MARK_OPEN, MARK_CLOSE = "【", "】"

_K1, _B = 1.2, 0.75
_QUOTES = "“”\"「」『』‘’'"
_PLAN_CUES = ("今年", "明年", "计划", "目标", "预期", "打算", "安排", "将要", "部署", "下一步")
_REVIEW_CUES = ("去年", "过去", "成效", "成绩", "完成", "回顾", "取得", "实现了", "进展")
_DEFINE_CUES = ("什么是", "是什么", "何为", "含义", "指什么", "是指", "意思", "解释")


@dataclass(frozen=True)
class QueryTerm:
    """One token to look for, its weight, and whether the user typed it (not an expansion)."""

    token: str
    weight: float
    original: bool


@dataclass(frozen=True)
class ParsedQuery:
    """A query cut into weighted terms, with the words to highlight and the role it favours."""

    text: str
    terms: tuple[QueryTerm, ...]
    words: tuple[str, ...]
    highlight: tuple[str, ...]
    role_hint: Role | None = None
    match: tuple[str, ...] = ()


@dataclass
class _Candidate:
    doc_id: str
    kind: str
    start: int
    end: int
    section: int | None
    role: str
    ntokens: int
    fts: float
    text: str = ""
    section_path: str = ""
    words: str = ""  # the text, lower-cased: term frequencies are counted in it
    heading: str = ""  # the section path the passage's heading tokens came from
    score: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)


def _store_of(where: Any) -> Store:
    """The Store behind a Library or a Store."""
    store = getattr(where, "store", where)
    if not isinstance(store, Store):
        raise TypeError(f"expected a Library or Store, got {type(where).__name__}")
    return store


# -- query ------------------------------------------------------------------------------------


def check_query(query: str) -> str:
    """The query, stripped; raises QueryError when it is empty or too long."""
    text = (query or "").strip()
    if not text:
        raise QueryError("empty query: give a word or a question, e.g. 就业 or 如何稳就业")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"query is {len(text)} characters; the limit is {MAX_QUERY_CHARS}: "
            "search for a few words or one question"
        )
    return text


def _role_hint(text: str) -> Role | None:
    if any(c in text for c in _DEFINE_CUES):
        return "glossary"
    if any(c in text for c in _PLAN_CUES):
        return "plan"
    if any(c in text for c in _REVIEW_CUES):
        return "review"
    return None


def _term_keys(term: str) -> tuple[str, ...]:
    """A glossary term as printed, without quotes, and its quoted core (“两区”建设 → 两区)."""
    bare = "".join(ch for ch in term if ch not in _QUOTES)
    cores = re.findall(rf"[{_QUOTES}]([^{_QUOTES}]{{2,}})[{_QUOTES}]", term)
    keys = [bare, *cores] if len(cores) == 1 else [bare]
    return tuple(k for k in dict.fromkeys(keys) if len(k) >= 2)


GlossaryEntry = tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]


@dataclass
class _Glossary:
    """Every distinct stored glossary entry, indexed for queries: term keys in one
    Aho–Corasick automaton, definition tokens in an inverted index."""

    entries: list[GlossaryEntry]
    automaton: Any
    by_token: dict[str, list[int]]
    #: each entry's (term, definition) as stored
    pairs: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def build(cls, entries: list[GlossaryEntry],
              pairs: list[tuple[str, str]] | None = None) -> _Glossary:
        import ahocorasick

        automaton: Any = ahocorasick.Automaton()
        owners: dict[str, list[int]] = {}
        by_token: dict[str, list[int]] = {}
        for i, (keys, _dwords, dtokens) in enumerate(entries):
            for k in keys:
                owners.setdefault(k, []).append(i)
            for t in dtokens:
                by_token.setdefault(t, []).append(i)
        for k, ids in owners.items():
            automaton.add_word(k, ids)
        if owners:
            automaton.make_automaton()
        return cls(entries, automaton if owners else None, by_token, pairs or [])

    def named(self, text: str) -> set[int]:
        """Entries one of whose keys occurs in ``text``."""
        if self.automaton is None:
            return set()
        return {i for _end, ids in self.automaton.iter(text) for i in ids}

    def using(self, words: set[str]) -> set[int]:
        """Entries whose definition holds most of ``words`` (at least 3 and 75%)."""
        counts: dict[int, int] = {}
        for w in words:
            for i in self.by_token.get(w, ()):
                counts[i] = counts.get(i, 0) + 1
        need = max(3, 0.75 * len(words))
        return {i for i, n in counts.items() if n >= need}


_GLOSSARY_CACHE: dict[str, tuple[tuple[object, int], _Glossary]] = {}
_GLOSSARY_ENTRIES: dict[tuple[str, str], GlossaryEntry] = {}


def _glossary(store: Store) -> _Glossary:
    """The glossary index of the library, rebuilt when its terms change; entries already
    segmented are reused, so a new report costs only its own definitions."""
    # the index changes with every document saved or deleted; the last term id with every
    # re-analysis (both cheap to read, unlike a count of the terms)
    last = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM terms").fetchone()[0]
    state = (search_index(store).state(), int(last))
    cached = _GLOSSARY_CACHE.get(store.path)
    if cached is None or cached[0] != state:
        rows = store.conn.execute("SELECT DISTINCT term, definition FROM terms").fetchall()
        entries = []
        for term, definition in rows:
            entry = _GLOSSARY_ENTRIES.get((term, definition))
            if entry is None:
                entry = (_term_keys(term), tuple(_definition_words(definition)),
                         frozenset(index_tokens(definition)))
                if len(_GLOSSARY_ENTRIES) > 200_000:
                    _GLOSSARY_ENTRIES.clear()
                _GLOSSARY_ENTRIES[(term, definition)] = entry
            entries.append(entry)
        pairs = [(str(term), str(definition)) for term, definition in rows]
        cached = _GLOSSARY_CACHE[store.path] = (state, _Glossary.build(entries, pairs))
    return cached[1]


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def glossary_containing(store: Store, word: str) -> list[tuple[str, str]] | None:
    """The distinct stored (term, definition) pairs whose term or definition contains
    ``word``, as ``Store.terms(term=word)`` selects them (SQL LIKE: ASCII letters in any
    case), from the cached glossary instead of a scan of every row; None when ``word``
    holds a LIKE wildcard (the caller then asks the store)."""
    if "%" in word or "_" in word:
        return None
    key = word.translate(_ASCII_LOWER)
    return [(t, d) for t, d in _glossary(store).pairs
            if key in t.translate(_ASCII_LOWER) or key in d.translate(_ASCII_LOWER)]


def _definition_words(definition: str) -> list[str]:
    stop = stopwords()
    words = [w for w in cut_words(definition) if len(w) >= 2 and w not in stop]
    return list(dict.fromkeys(words))


def _expansions(store: Store, text: str, words: list[str]) -> list[QueryTerm]:
    """Glossary synonyms: definition words of terms the query names, and terms whose
    definitions use most of the query's words."""
    found: list[QueryTerm] = []
    wordset = set(words)
    bare = "".join(ch for ch in text if ch not in _QUOTES)
    glossary = _glossary(store)
    named = glossary.named(bare)
    for i in sorted(named | glossary.using(wordset)):
        keys, dwords, _dtokens = glossary.entries[i]
        if i in named:
            found += _rarest(store, [w for w in dwords if w not in wordset], 0.3)
        else:
            parts = [t for t in index_tokens(keys[-1]) if len(t) >= 2 and t not in wordset]
            found += _rarest(store, parts, 0.5, 2)
    return found


def _rarest(store: Store, words: list[str], weight: float, n: int = 6) -> list[QueryTerm]:
    """The ``n`` rarest of ``words`` that the index holds, as expansion terms."""
    df = document_frequencies(store, words)
    held = sorted((w for w in words if df.get(w)), key=lambda w: df[w])
    return [QueryTerm(w, weight, False) for w in held[:n]]


def parse_query(store: Store, query: str) -> ParsedQuery:
    """Cut ``query`` into weighted index terms; raises QueryError when nothing is left."""
    text = check_query(query)
    with pinned(store):
        return _parse_query(store, text)


def _parse_query(store: Store, text: str) -> ParsedQuery:
    words = query_tokens(text)[:MAX_TERMS]
    if not words:
        raise QueryError(
            f"no searchable words in {text[:40]!r}: FTS operators and punctuation are ignored; "
            "give words, e.g. 就业 or 养老服务"
        )
    terms: list[QueryTerm] = []
    df = document_frequencies(store, words)
    for word in words:
        if df.get(word) or not has_cjk(word):
            terms.append(QueryTerm(word, 1.0, True))
            continue
        parts = sub_tokens(word)
        terms += [QueryTerm(p, 1.0 / max(1, len(parts) - 1), True) for p in parts]
        if not parts:
            terms.append(QueryTerm(word, 1.0, True))
    terms += _expansions(store, text, words)
    unique = {t.token: t for t in reversed(terms)}
    ordered = tuple(unique[t.token] for t in terms if unique.get(t.token) is t)
    highlight = tuple(sorted({t.token for t in ordered if t.original} | set(words),
                             key=len, reverse=True))
    match = _match_tokens(store, ordered)
    return ParsedQuery(text, ordered, tuple(words), highlight, _role_hint(text), match)


def _match_tokens(store: Store, terms: Sequence[QueryTerm]) -> tuple[str, ...]:
    """The terms worth a posting-list scan to find candidates.

    Words in more than ``COMMON_SHARE`` of the passages (发展, 推进, 2022 …) cost the most and
    select the least; they only re-rank, unless no rarer word is left (then the rarest
    ``MIN_MATCH`` are kept). At most ``MAX_EXPANSIONS`` glossary words, the rarest, join.
    """
    rows = max(index_stats(store).rows, 1)
    df = document_frequencies(store, [t.token for t in terms])
    known = sorted((t for t in terms if df.get(t.token)), key=lambda t: df[t.token])
    rare = [t for t in known if df[t.token] <= COMMON_SHARE * rows]
    chosen = [t for t in rare if t.original]
    chosen += [t for t in rare if not t.original][:MAX_EXPANSIONS]
    if len(chosen) < MIN_MATCH:
        chosen = known[:MIN_MATCH]
    return tuple(t.token for t in chosen) or tuple(t.token for t in terms[:1])


# -- retrieval --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """Which passages a search may return: of documents (region, year, type) and by role."""

    region: str | None = None
    year: int | None = None
    doc_type: str | None = None
    role: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """The document-level conditions as SQL over ``documents AS d``."""
        clauses: list[str] = []
        args: list[Any] = []
        if self.region:
            clauses.append("(d.region = ? OR d.region LIKE ?)")
            args += [canonical_region(self.region), f"%{self.region.strip()}%"]
        if self.year is not None:
            clauses.append("d.year = ?")
            args.append(int(self.year))
        if self.doc_type:
            clauses.append("d.doc_type = ?")
            args.append(self.doc_type)
        return "".join(f" AND {c}" for c in clauses), args


def _regions(store: Store, region: str) -> list[str]:
    """The stored region names a region filter selects (exact canonical name or a part)."""
    rows = store.conn.execute(
        "SELECT DISTINCT region FROM documents WHERE region = ? OR region LIKE ?",
        (canonical_region(region), f"%{region.strip()}%"),
    ).fetchall()
    return [r[0] for r in rows]


def _candidates(store: Store, parsed: ParsedQuery, flt: Filters, n: int
                ) -> tuple[int, list[_Candidate]]:
    """How many passages match, and the ``n`` best by the engine's BM25, filters applied."""
    regions = _regions(store, flt.region) if flt.region else None
    if regions == []:
        return 0, []
    try:
        total, hits = search_index(store).candidates(
            parsed.match, n, regions=regions, year=flt.year, doc_type=flt.doc_type,
            role=flt.role)
    except ValueError as exc:
        raise QueryError(f"search failed for {parsed.text[:40]!r}: {exc}") from exc
    return total, [
        _Candidate(doc_id=h.doc_id, kind=h.kind, start=h.start, end=h.end, section=h.section,
                   role=h.role, ntokens=h.ntokens, fts=h.score, text=h.text,
                   section_path=h.path, words=h.words, heading=h.head)
        for h in hits
    ]


# -- ranking ----------------------------------------------------------------------------------


def _idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _proximity(text: str, words: Sequence[str], joined: str | None = None) -> float:
    """1 when the query's words appear verbatim together, else the share of adjacent query
    word pairs found within a few characters of each other (``joined``: the words joined,
    when the caller has it)."""
    if len(words) < 2:
        return 0.0
    if (joined if joined is not None else "".join(words)) in text:
        return 1.0
    near = 0
    for a, b in itertools.pairwise(words):
        i = text.find(a)
        while i >= 0 and not (0 <= text.find(b, i + len(a)) - (i + len(a)) <= 6):
            i = text.find(a, i + 1)
        near += i >= 0
    return 0.6 * near / (len(words) - 1)


#: One query term as ranking reads it: token, weight × idf, typed by the user.
_Weighted = tuple[str, float, bool]


def _score(c: _Candidate, parsed: ParsedQuery, weights: Sequence[_Weighted], total: float,
           avgdl: float, joined: str) -> float:
    norm = _K1 * (1 - _B + _B * c.ntokens / avgdl)
    bm25 = heading = covered = 0.0
    words, head = c.words, c.heading
    for token, w, original in weights:
        tf = words.count(token)
        in_heading = token in head
        if tf:
            bm25 += w * tf * (_K1 + 1) / (tf + norm)
        if in_heading:
            heading += 0.4 * w
        if original and (tf or in_heading):
            covered += w
    coverage = covered / total if total else 0.0
    prox = _proximity(c.text, parsed.words, joined)
    score = (bm25 + heading) * (0.25 + 0.75 * coverage ** 2) * (1 + 0.5 * prox)
    c.extra = {"bm25": bm25, "heading": heading, "coverage": coverage, "proximity": prox}
    return score * _role_factor(c, parsed)


def _role_factor(c: _Candidate, parsed: ParsedQuery) -> float:
    factor = 0.7 if c.kind == "section" else 1.0
    if c.role in ("other", "appendix"):
        factor *= 0.9
    if parsed.role_hint and c.role == parsed.role_hint:
        factor *= 1.3 if parsed.role_hint == "glossary" else 1.15
    return factor


def rank(store: Store, parsed: ParsedQuery, cands: list[_Candidate]) -> list[_Candidate]:
    """Re-score engine candidates (see the module docstring), best first."""
    stats = index_stats(store)
    df = document_frequencies(store, [t.token for t in parsed.terms])
    idf = {t: _idf(d, max(stats.rows, 1)) for t, d in df.items()}
    weights = [(t.token, t.weight * idf[t.token], t.original) for t in parsed.terms]
    total = 0.0
    for _token, w, original in weights:  # summed in term order, as per candidate before
        if original:
            total += w
    joined = "".join(parsed.words)
    for c in cands:
        c.score = _score(c, parsed, weights, total, stats.avg_tokens, joined)
    cands.sort(key=lambda c: (-c.score, c.doc_id, c.start))
    return cands


# -- passages ---------------------------------------------------------------------------------


def make_snippet(text: str, marks: Sequence[str], width: int = SNIPPET_CHARS) -> str:
    """A window of ``text`` around the densest cluster of ``marks``, each marked 【…】."""
    spans = _mark_spans(text, marks)
    if not spans:
        cut = text[:width]
        return cut + ("…" if len(text) > width else "")
    best_start = _densest_window(text, spans, width)
    lo, hi = best_start, min(len(text), best_start + width)
    out: list[str] = ["…" if lo > 0 else ""]
    pos = lo
    for s, e in spans:
        if s < lo or e > hi:
            continue
        out += [text[pos:s], MARK_OPEN, text[s:e], MARK_CLOSE]
        pos = e
    out += [text[pos:hi], "…" if hi < len(text) else ""]
    return "".join(out)


def _densest_window(text: str, spans: list[tuple[int, int]], width: int) -> int:
    """Where the snippet window starts: of the windows starting a quarter width before a
    span (kept inside the text), the first holding the most characters of distinct marked
    strings whole. ``spans`` are sorted and do not overlap, so a window's spans are one run
    of them, found by bisection."""
    starts = [a for a, _b in spans]
    most = sum(len(m) for m in {text[a:b] for a, b in spans})
    best_start, best = 0, -1
    for s, _e in spans:
        lo = max(0, min(s - width // 4, len(text) - width))
        top = lo + width
        i = bisect_left(starts, lo)
        seen: set[str] = set()
        while i < len(spans) and spans[i][1] <= top:
            seen.add(text[spans[i][0]:spans[i][1]])
            i += 1
        hits = sum(map(len, seen))
        if hits > best:
            best_start, best = lo, hits
            if best == most:  # no later window can hold more
                break
    return best_start


def word_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of ``words`` in ``text``, longest word first, in text order."""
    spans: list[tuple[int, int]] = []
    taken = bytearray(len(text))  # 1 where a kept span lies
    for word in sorted({w for w in words if w}, key=len, reverse=True):
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if taken.find(1, i, j) < 0:
                spans.append((i, j))
                taken[i:j] = b"\x01" * (j - i)
            i = text.find(word, j)
    return sorted(spans)


def _mark_spans(text: str, marks: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of ``marks`` in ``text`` (case-insensitive), adjacent spans merged."""
    spans = word_spans(text.lower(), marks)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s == merged[-1][1]:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _doc_infos(store: Store, doc_ids: Sequence[str], flt: Filters) -> dict[str, sqlite3.Row]:
    """Citation fields of the documents that still exist and pass the filters."""
    where, args = flt.sql()
    wanted = list(dict.fromkeys(doc_ids))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = store.conn.execute(
        f"SELECT id, source, row, title, region, year FROM documents AS d "
        f"WHERE d.id IN ({marks}){where}", [*wanted, *args]).fetchall()
    return {r["id"]: r for r in rows}


def to_passage(doc: sqlite3.Row, c: _Candidate, marks: Sequence[str]) -> Passage:
    """A ranked candidate as a cited ``Passage`` with its snippet."""
    return Passage(
        doc_id=c.doc_id, source=doc["source"], row=doc["row"], start=c.start, end=c.end,
        section=c.section_path, text=c.text, score=round(c.score, 4), title=doc["title"],
        region=doc["region"], year=doc["year"], snippet=make_snippet(c.text, marks),
    )


@dataclass(frozen=True)
class SearchPage:
    """One page of search results and how many passages matched in all."""

    total: int
    offset: int
    passages: list[Passage]


def search(
    where: Any,
    query: str,
    *,
    region: str | None = None,
    year: int | None = None,
    doc_type: str | None = None,
    role: str | None = None,
    limit: int = 10,
) -> list[Passage]:
    """The passages of the library (a ``Library`` or ``Store``) that best match ``query``.

    Filters narrow the documents (region in short or full form, year delivered, doc_type)
    or the passages (section role: review, plan, glossary …). Raises ``QueryError`` for an
    empty, overlong or wordless query. Passages come best first with a 【】-marked snippet.
    """
    return search_page(where, query, region=region, year=year, doc_type=doc_type, role=role,
                       limit=limit).passages


def search_page(
    where: Any,
    query: str,
    *,
    region: str | None = None,
    year: int | None = None,
    doc_type: str | None = None,
    role: str | None = None,
    limit: int = 10,
    offset: int = 0,
) -> SearchPage:
    """``search`` with paging: results ``offset`` to ``offset + limit`` and the total number
    of matching passages (every passage holding one of the query's selective words)."""
    store = _store_of(where)
    if limit < 1:
        raise QueryError(f"limit must be at least 1, not {limit}")
    if offset < 0 or offset > MAX_OFFSET:
        raise QueryError(f"offset must be between 0 and {MAX_OFFSET}, not {offset}")
    check_query(query)
    sync_index(store)
    flt = Filters(region, year, doc_type, role)
    with pinned(store):
        key = _page_key(store, query, flt, limit, offset)
        if key is not None:
            with _PAGES_LOCK:
                cached = _PAGES.get(key)
                if cached is not None:
                    _PAGES.move_to_end(key)
                    return SearchPage(cached.total, offset, list(cached.passages))
        parsed = parse_query(store, query)
        total, passages = _search(store, parsed, flt, limit, offset)
    found = SearchPage(total, offset, passages)
    if key is not None:
        with _PAGES_LOCK:
            _PAGES[key] = SearchPage(total, offset, list(passages))
            while len(_PAGES) > PAGE_CACHE:
                _PAGES.popitem(last=False)
    return found


#: Result pages kept per process (the web server answers a repeated query from here).
PAGE_CACHE = 256
_PAGES: OrderedDict[tuple[Any, ...], SearchPage] = OrderedDict()
_PAGES_LOCK = threading.Lock()


def forget_results() -> None:
    """Drop the result pages, decoded passages and text blocks this process keeps."""
    from baogao.ask.hits import forget_hits
    from baogao.store import sqlite as store_sqlite

    with _PAGES_LOCK:
        _PAGES.clear()
    forget_hits()
    with store_sqlite._TEXT_BLOCKS_LOCK:
        store_sqlite._TEXT_BLOCKS.clear()


def _page_key(store: Store, query: str, flt: Filters, limit: int, offset: int
              ) -> tuple[Any, ...] | None:
    """What a result page depends on: the query, filters and page, the committed index
    this process searches, and the library's contents (every document saved or deleted
    takes a number from ``search_queue``'s sequence; re-analysed glossary terms get new
    ids). None for an in-memory library, or with ``PAGE_CACHE`` set to 0: not cached."""
    if store.path == ":memory:" or PAGE_CACHE <= 0:
        return None
    row = store.conn.execute(
        "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'search_queue'), "
        "(SELECT MAX(id) FROM terms)").fetchone()
    return (store.path, search_index(store).state(), tuple(row), query.strip(), flt, limit,
            offset)


def search_parsed(store: Store, parsed: ParsedQuery, *, region: str | None = None,
                  year: int | None = None, doc_type: str | None = None,
                  role: str | None = None, limit: int = 10) -> list[Passage]:
    """``search`` for an already parsed query (``ask`` uses it with its own terms)."""
    with pinned(store):
        return _search(store, parsed, Filters(region, year, doc_type, role), limit, 0)[1]


def _search(store: Store, parsed: ParsedQuery, flt: Filters, limit: int,
            offset: int) -> tuple[int, list[Passage]]:
    total, cands = _candidates(store, parsed, flt, max(CANDIDATES, 3 * (offset + limit)))
    ranked = rank(store, parsed, cands)
    # hits of documents deleted (or changed) since the index last caught up are dropped
    checked = ranked[:offset + limit + 20]
    docs = _doc_infos(store, [c.doc_id for c in checked], flt)
    kept = [c for c in checked if c.doc_id in docs]
    if len(kept) < min(len(ranked), offset + limit):  # many stale hits: check them all
        checked = ranked
        docs = _doc_infos(store, [c.doc_id for c in checked], flt)
        kept = [c for c in checked if c.doc_id in docs]
    dropped = len(checked) - len(kept)
    page = kept[offset:offset + limit]
    return max(total - dropped, len(kept)), [to_passage(docs[c.doc_id], c, parsed.highlight)
                                             for c in page]
