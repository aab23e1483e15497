"""Planners that answer from the text: which regions mention a topic, definitions, best
passages, and counts over any planner's rows (split from ``planners``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from baogao.ask.index import search_index
from baogao.ask.planners import (
    MAX_LISTED,
    MENTION_ROWS,
    PER_REGION,
    Context,
    Plan,
    Table,
    _Cites,
    _order,
    _where,
    plan_filter,
    plan_verdict,
    unsupported,
)
from baogao.ask.question import Question
from baogao.ask.search import (
    _term_keys,
    glossary_containing,
    make_snippet,
    parse_query,
    search_parsed,
)
from baogao.ask.segment import cut_words, stopwords
from baogao.errors import QueryError
from baogao.models import Passage, Term
from baogao.read.regions import canonical_region, gazetteer


def plan_count(ctx: Context, q: Question) -> Plan:
    """How many regions: the rows of the counted verdict, filter or mention question."""
    inner = {"verdict": plan_verdict, "filter": plan_filter, "mention": plan_mention}
    counted = q.counted or "filter"
    plan = inner.get(counted, plan_filter)(ctx, q)
    if not plan.supported:
        return plan
    n = len(plan.regions)
    return Plan(answer=f"共{n}个。" + plan.answer, supported=True, method=plan.method,
                citations=plan.citations, facts=plan.facts, passages=plan.passages,
                table=plan.table, regions=plan.regions)


# -- text planners ----------------------------------------------------------------------------


def _topic_words(topic: str) -> list[str]:
    stop = stopwords()
    words = [w for w in cut_words(topic) if w not in stop]
    return list(dict.fromkeys(words)) or [topic]


@dataclass(frozen=True)
class _Hit:
    doc_id: str
    start: int
    end: int
    text: str
    path: str
    region: str
    year: int | None


def _searcher(ctx: Context) -> tuple[Any, Any]:
    """The library's search index and its schema (looked up once per question)."""
    index = search_index(ctx.store)
    return index, index.schema()


def _hits(ctx: Context, tokens: Sequence[str], n: int, *, region: str | None,
          years: Sequence[int], engine: tuple[Any, Any]) -> list[_Hit]:
    """The ``n`` best passages holding every token, of one region (or any) and the years."""
    import tantivy

    index, schema = engine
    must = [tantivy.Query.term_query(schema, "words", t, "freq") for t in tokens]
    if region is not None:  # a term query: a term-set query builds an automaton per call
        must.append(tantivy.Query.term_query(schema, "region", region))
    if years:
        must.append(tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "year", int(y)))
             for y in years]))
    query = tantivy.Query.boolean_query([(tantivy.Occur.Must, m) for m in must])
    found = [_Hit(doc_id=h.doc_id, start=h.start, end=h.end, text=h.text, path=h.path,
                  region=region or "", year=None) for h in index.hits(query, n)[1]]
    if region is not None:
        return found
    docs = ctx.load(h.doc_id for h in found)
    return [replace(h, region=canonical_region(docs[h.doc_id].region) or "",
                    year=docs[h.doc_id].year) for h in found if h.doc_id in docs]


def _mention_hits(ctx: Context, q: Question, topic: str) -> list[_Hit]:
    """Passages holding the topic's words: per named region or province (a few each, so
    no region is crowded out by others), else the best ``MENTION_ROWS`` in the library."""
    try:
        parsed = parse_query(ctx.store, topic)
    except QueryError:
        return []
    tokens = [t.token for t in parsed.terms if t.original]
    if not tokens:
        return []
    if q.regions:
        per_region: list[str] | None = list(q.regions)
    elif q.scope == "province":
        per_region = list(gazetteer().provinces)
    else:
        per_region = None
    if per_region is None:
        hits = _hits(ctx, tokens, MENTION_ROWS, region=None, years=q.years,
                     engine=_searcher(ctx))
        docs = ctx.docs
        return [h for h in hits if h.region and (
            q.scope != "any" or (docs[h.doc_id].level not in (None, "national")))]
    hits = []
    engine = _searcher(ctx)
    for region in per_region:
        hits += _hits(ctx, tokens, PER_REGION, region=region, years=q.years, engine=engine)
    return hits


def _passage_text(ctx: Context, doc_id: str, start: int, end: int) -> str:
    from baogao.store.packing import unpack_text

    row = ctx.store.conn.execute("SELECT text FROM documents WHERE id = ?",
                                 (doc_id,)).fetchone()
    return unpack_text(row[0])[start:end] if row else ""


def plan_mention(ctx: Context, q: Question) -> Plan:
    """Which regions mention a topic: one cited passage per region (latest report first)."""
    topic = q.topic or ""
    if not topic:
        return unsupported(q, "所问的内容")
    words = _topic_words(topic)
    best: dict[str, tuple[int, Passage]] = {}
    for h in _mention_hits(ctx, q, topic):
        region = h.region
        if not region or (region in best and best[region][0] == 0):
            continue
        text = h.text
        grade = 0 if topic in text else (1 if all(w in text for w in words) else 2)
        if grade == 2 or (region in best and best[region][0] <= grade):
            continue
        doc = ctx.load([h.doc_id]).get(h.doc_id)
        best[region] = (grade, Passage(
            doc_id=h.doc_id, source="", row=0, start=h.start, end=h.end,
            section=h.path, text=text, score=0.0,
            title=doc.title if doc else None, region=region,
            year=doc.year if doc else h.year,
            snippet=make_snippet(text, [topic, *words])))
    if any(grade == 0 for grade, _ in best.values()):  # the topic as written, when it is found
        best = {r: gp for r, gp in best.items() if gp[0] == 0}
    where = _where(q) if (q.regions or q.scope) else "库中报告"
    year = "、".join(f"{y}年" for y in q.years)
    if q.negate:
        return _not_mentioned(ctx, q, topic, set(best), year)
    if not best:
        return unsupported(q, f"“{topic}”（查找范围：{year}{where}）")
    cites = _Cites()
    order = _order(best, q)
    passages = [best[r][1] for r in order]
    parts: list[str] = []
    rows: list[tuple[str, ...]] = []
    cite_ids: list[int | None] = []
    for region, p in zip(order, passages, strict=True):
        quote = _sentence_with(p.text, [topic, *words])
        offset = p.text.find(quote)
        n = cites.add(ctx.cite(p.doc_id, p.start + offset, p.start + offset + len(quote), quote,
                               section=p.section))
        cite_ids.append(n)
        rows.append((region, str(p.year or ""), quote))
        if len(parts) < MAX_LISTED:
            parts.append(f"{region}[{n}]")
    if q.regions and len(q.regions) == 1 and q.scope is None:
        answer = f"提到了。{year}{q.regions[0]}的报告提到“{topic}”[1]。"
    else:
        answer = f"{year}提到“{topic}”的有{len(order)}个地区：{'、'.join(parts)}。"
    return Plan(answer=answer, supported=True, method="grouped_search",
                citations=tuple(cites.items), passages=tuple(passages),
                table=Table(("地区", "年份", "原文"), tuple(rows), tuple(cite_ids)),
                regions=tuple(order))


def _reports_of(ctx: Context, q: Question) -> dict[str, tuple[str, str | None, int | None]]:
    """The latest report (id, title, year) of each named region, or of each province, in
    the question's years (one indexed lookup per region)."""
    found: dict[str, tuple[str, str | None, int | None]] = {}
    years = list(q.years)
    clause = f" AND year IN ({','.join('?' * len(years))})" if years else ""
    for region in q.regions or tuple(gazetteer().provinces):
        row = ctx.store.conn.execute(
            f"SELECT id, title, year FROM documents WHERE region = ?{clause} "
            "ORDER BY year DESC LIMIT 1", [region, *years]).fetchone()
        if row is not None:
            found[region] = (row[0], row[1], row[2])
    return found


def _not_mentioned(ctx: Context, q: Question, topic: str, mentioned: set[str],
                   year: str) -> Plan:
    """Regions whose reports do not contain the topic (an absence is shown, not quoted)."""
    reports = _reports_of(ctx, q)
    absent = [r for r in _order(reports, q) if r not in mentioned]
    if not reports:
        return unsupported(q, f"{year}{_where(q)}的报告")
    rows = tuple((r, str(reports[r][2] or ""), reports[r][1] or "") for r in absent)
    listed = "、".join(absent[:MAX_LISTED]) + (f"等{len(absent)}个" if len(absent) > MAX_LISTED
                                               else "")
    answer = (f"库中{year}有报告的{len(reports)}个地区中，{len(absent)}个的报告未出现“{topic}”："
              f"{listed}。" if absent else
              f"库中{year}有报告的{len(reports)}个地区的报告都提到了“{topic}”。")
    return Plan(answer=answer, supported=True, method="grouped_search",
                table=Table(("地区", "年份", "报告"), rows), regions=tuple(absent))


def _sentence_with(text: str, words: Sequence[str]) -> str:
    """The sentence of ``text`` holding the first of ``words`` found (the whole text if none)."""
    for word in words:
        i = text.find(word)
        if i < 0:
            continue
        lo = max(text.rfind(ch, 0, i) for ch in "。；！？") + 1
        ends = [j for j in (text.find(ch, i) for ch in "。；！？") if j >= 0]
        hi = min(ends) + 1 if ends else len(text)
        return text[lo:hi].strip() or text
    return text


def matching_terms(ctx: Context, q: Question) -> list[Term]:
    """Glossary terms the question names (its quoted term first, then the longest name)."""
    quotes = "“”\"「」『』‘’'"
    pieces = [p for p in re.split(f"[{quotes}、，,\\s]+", q.term or "") if p]
    text = "".join(ch for ch in q.text if ch not in quotes)
    if not pieces:
        return []

    def length(name: str) -> int:
        found = max((len(k) for k in _term_keys(name) if k in text), default=0)
        if not found and all(p in name for p in pieces):
            found = sum(map(len, pieces))
        return found

    word = max(pieces, key=len)
    pairs = glossary_containing(ctx.store, word)
    if pairs is None:  # a LIKE wildcard in the word: the store's own match
        hits = [(n, t) for t in ctx.store.terms(term=word) if (n := length(t.term))]
        best = max((n for n, _ in hits), default=0)
        return [t for n, t in hits if n == best] if best else []
    # the distinct entries are scored from the cached glossary; only the best terms' rows
    # are read, by the term index (the same rows, in the same order, as a LIKE scan)
    scored = {name: length(name) for name in {t for t, _ in pairs}}
    best = max(scored.values(), default=0)
    if not best:
        return []
    chosen = {(t, d) for t, d in pairs if scored[t] == best}
    return [t for t in ctx.store.terms_named(sorted({t for t, _ in chosen}))
            if (t.term, t.definition) in chosen]


def plan_definition(ctx: Context, q: Question, search: Callable[[str], list[Passage]]
                    ) -> Plan:
    """A 名词解释 entry, with the report it comes from; else say it is not defined."""
    terms = matching_terms(ctx, q) if q.term else []
    ctx.load([t.doc_id for t in terms])  # every term's report in one query, not one each
    if q.regions:
        local = [t for t in terms
                 if (d := ctx.load([t.doc_id]).get(t.doc_id))
                 and canonical_region(d.region) in q.regions]
        terms = local or terms
    if not terms:
        passages = search(q.term) if q.term else []
        return _defined_in_text(ctx, q, passages) or unsupported(
            q, f"“{q.term or q.text}”的名词解释", passages)
    t = max(terms, key=lambda t: _year_of(ctx, t.doc_id))
    cite = ctx.cite(t.doc_id, t.start, t.end, _passage_text(ctx, t.doc_id, t.start, t.end))
    doc = ctx.doc(t.doc_id)
    term = {"term": t.term, "definition": t.definition, "doc_id": t.doc_id, "start": t.start,
            "end": t.end, "title": doc.title if doc else None,
            "region": doc.region if doc else None, "year": doc.year if doc else None}
    return Plan(answer=f"{t.term}：{t.definition}[1]", supported=True, method="glossary",
                citations=(cite,), terms=(term,))


#: How a report defines a term in running text: 新质生产力是指…, “两重”即…
_DEFINES = ("是指", "指的是", "即", "就是", "简称", "是…的简称")


def _defined_in_text(ctx: Context, q: Question, passages: Sequence[Passage]) -> Plan | None:
    """A sentence of the best passages that defines the term (term + 是指/即 …), if any."""
    term = q.term or ""
    pieces = [p for p in re.split(r"[“”\"「」『』‘’'、，,\s]+", term) if p]
    if not pieces:
        return None
    key = max(pieces, key=len)
    pattern = re.compile(rf"{re.escape(key)}[”」』’\"']?[，,]?(?:{'|'.join(_DEFINES[:4])})")
    for p in passages:
        m = pattern.search(p.text)
        if m is None:
            continue
        start = max(p.text.rfind(ch, 0, m.start()) for ch in "。；！？") + 1
        quote = _sentence_with(p.text[start:], [key])
        offset = p.start + start + max(p.text[start:].find(quote), 0)
        cite = ctx.cite(p.doc_id, offset, offset + len(quote), quote, section=p.section)
        return Plan(answer=f"库中名词解释未收录“{term}”；报告正文中的说明：“{quote}”[1]",
                    supported=True, method="passages", citations=(cite,), passages=(p,))
    return None


def _year_of(ctx: Context, doc_id: str) -> int:
    doc = ctx.load([doc_id]).get(doc_id)
    return doc.year or 0 if doc else 0


def plan_passages(ctx: Context, q: Question, limit: int) -> Plan:
    """The best passages for the question's words, limited to its regions and years."""
    text = q.topic or q.text
    try:
        parsed = parse_query(ctx.store, text)
    except QueryError:
        parsed = parse_query(ctx.store, q.text)
    passages: list[Passage] = []
    regions: list[str | None] = list(q.regions) or [None]
    years: list[int | None] = list(q.years) or [None]
    for region in regions:
        for year in years:
            passages += search_parsed(ctx.store, parsed, region=region, year=year, limit=limit)
    passages.sort(key=lambda p: -p.score)
    passages = passages[:limit]
    if not passages:
        return unsupported(q, f"“{text}”")
    cites = _Cites()
    parts: list[str] = []
    for p in passages[:2]:
        quote = _sentence_with(p.text, list(parsed.highlight))
        offset = max(p.text.find(quote), 0)
        n = cites.add(ctx.cite(p.doc_id, p.start + offset, p.start + offset + len(quote), quote,
                               section=p.section))
        parts.append(f"《{p.title or ''}》：“{quote}”[{n}]")
    return Plan(answer="最相关的原文：" + "；".join(parts), supported=True, method="passages",
                citations=tuple(cites.items), passages=tuple(passages),
                regions=tuple(dict.fromkeys(p.region or "" for p in passages)))
