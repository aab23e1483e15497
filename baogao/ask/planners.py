"""Planners: one per intent, each answering from structured data first and text second.

A planner gets the ``Question`` (``baogao.ask.question``) and returns a ``Plan``: the short
Chinese answer, the citations it rests on (title, region, year, section, quoted words and
offsets of the stored text — never a file path), the facts and passages used, and a table
when the answer is a list or a series. When the library cannot support an answer the plan
says so (库中报告未提及…) and ``supported`` is False; nothing is guessed.

Structured data: stored facts (one fact per region, indicator, period and kind, chosen as
``analyze.track`` chooses them), track verdicts (``analyze.track.track_facts`` over the facts of
one indicator and period only), glossary terms. Text: the search index, grouped by region for
"which regions mention …" questions (one cited passage per region; the topic alone is searched,
never the question words).

Cost: every query is bounded by an index (facts by indicator/kind/period, documents by id or
region, passages by FTS match); no planner reads every document or every fact.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from baogao.analyze.track import actual_rank, target_rank, track_facts
from baogao.ask.question import Question, vocabulary
from baogao.extract import load_catalog
from baogao.models import Document, Fact, Passage, Section, TrackRow, Verdict
from baogao.read.regions import NATIONAL, canonical_region, region_of
from baogao.store import Store
from baogao.store.sqlite import _row_to_fact

VERDICT_WORDS: dict[str, str] = {"met": "完成", "missed": "未完成", "partly": "基本完成",
                                 "unverifiable": "无法判断"}
#: Regions named in a list answer before it says "等N个".
MAX_LISTED = 40
#: Candidate passages read per mention question over the whole library, and per region when
#: the question names regions or asks about provinces (the best per region is kept).
MENTION_ROWS = 1000
PER_REGION = 8


@dataclass(frozen=True)
class Citation:
    """Where a claim was read: the report, the section and the exact words with offsets."""

    doc_id: str
    title: str | None
    region: str | None
    year: int | None
    section: str
    quote: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form (no file path)."""
        return {"doc_id": self.doc_id, "title": self.title, "region": self.region,
                "year": self.year, "section": self.section, "quote": self.quote,
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Table:
    """Rows of a list or series answer; ``cite`` holds each row's citation number (1-based)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    cite: tuple[int | None, ...] = ()
    chart: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"columns": list(self.columns), "rows": [list(r) for r in self.rows],
                "cite": list(self.cite), "chart": self.chart}


@dataclass(frozen=True)
class Plan:
    """A planner's answer and everything it rests on."""

    answer: str
    supported: bool
    method: str
    citations: tuple[Citation, ...] = ()
    facts: tuple[Fact, ...] = ()
    passages: tuple[Passage, ...] = ()
    table: Table | None = None
    terms: tuple[dict[str, Any], ...] = ()
    regions: tuple[str, ...] = ()


# -- context: documents and citations --------------------------------------------------------


@dataclass
class Context:
    """The store and the documents read so far (metadata; the outline only when needed)."""

    store: Store
    this_year: int | None = None
    docs: dict[str, Document] = field(default_factory=dict)
    outlined: set[str] = field(default_factory=set)
    _enclosing: dict[tuple[str, int], tuple[Section, ...]] = field(default_factory=dict)

    def load(self, ids: Iterable[str], *, outline: bool = False) -> dict[str, Document]:
        """Documents by id (metadata, and sections when ``outline``), each read once."""
        ids = list(ids)
        wanted = [i for i in dict.fromkeys(ids) if i and (
            i not in self.docs or (outline and i not in self.outlined))]
        conn = self.store.conn
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk:chunk + 500]
            marks = ",".join("?" * len(part))
            sections: dict[str, list[Section]] = {i: [] for i in part}
            if outline:
                for s in conn.execute(f"SELECT * FROM sections WHERE doc_id IN ({marks}) "
                                      "ORDER BY doc_id, idx", part):
                    sections[s["doc_id"]].append(_section(s))
                self.outlined.update(part)
            for r in conn.execute(
                "SELECT id, source, row, title, region, region_path, level, year, doc_type "
                f"FROM documents WHERE id IN ({marks})", part,
            ):
                self.docs[r["id"]] = Document(
                    id=r["id"], source=r["source"], row=r["row"], text="", original="",
                    offset_map=(), title=r["title"], region=r["region"],
                    region_path=tuple(json.loads(r["region_path"] or "[]")), level=r["level"],
                    year=r["year"], doc_type=r["doc_type"],
                    sections=tuple(sections.get(r["id"], [])))
        return {i: self.docs[i] for i in ids if i in self.docs}

    def doc(self, doc_id: str) -> Document | None:
        """One document's metadata and outline."""
        return self.load([doc_id], outline=True).get(doc_id)

    def sections_at(self, doc_id: str, offset: int) -> tuple[Section, ...]:
        """The sections enclosing ``offset``, outermost first (one indexed query)."""
        key = (doc_id, offset)
        if key not in self._enclosing:
            self._enclosing[key] = tuple(_section(r) for r in self.store.conn.execute(
                'SELECT * FROM sections WHERE doc_id = ? AND start <= ? AND "end" > ? '
                "ORDER BY level, start", (doc_id, offset, offset)))
        return self._enclosing[key]

    def around(self, facts: Iterable[Fact]) -> dict[str, Document]:
        """Each fact's document with the sections around its facts only (enough for
        ``Document.role_at`` at those offsets; ``track`` ranks statements by role)."""
        facts = list(facts)
        metas = self.load(f.doc_id for f in facts)
        found: dict[str, dict[int, Section]] = {}
        for f in facts:
            for sec in self.sections_at(f.doc_id, f.start):
                found.setdefault(f.doc_id, {})[sec.index] = sec
        return {i: replace(d, sections=tuple(v for _, v in sorted(found.get(i, {}).items())))
                for i, d in metas.items()}

    def cite(self, doc_id: str, start: int, end: int, quote: str, *,
             section: str | None = None) -> Citation:
        """A citation of ``quote`` at ``start:end`` of a document (its section path read from
        the outline unless given)."""
        if section is None:
            section = " > ".join(s.title for s in self.sections_at(doc_id, start))
        doc = self.load([doc_id]).get(doc_id)
        return Citation(doc_id=doc_id, title=doc.title if doc else None,
                        region=doc.region if doc else None, year=doc.year if doc else None,
                        section=section, quote=quote, start=start, end=end)

    def cite_fact(self, fact: Fact) -> Citation:
        """The citation of a fact: its evidence sentence."""
        return self.cite(fact.doc_id, fact.start, fact.end, fact.evidence)

    def has_region(self, region: str) -> bool:
        """True when the library holds a report of ``region``."""
        row = self.store.conn.execute("SELECT 1 FROM documents WHERE region = ? LIMIT 1",
                                      (region,)).fetchone()
        return row is not None


def _section(s: sqlite3.Row) -> Section:
    return Section(index=s["idx"], level=s["level"], marker=s["marker"], title=s["title"],
                   start=s["start"], end=s["end"], heading_end=s["heading_end"],
                   role=s["role"], parent=s["parent"])


class _Cites:
    """Numbered citations of one answer (a citation used twice keeps its number)."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def add(self, c: Citation) -> int:
        for i, old in enumerate(self.items, 1):
            if (old.doc_id, old.start, old.end) == (c.doc_id, c.start, c.end):
                return i
        self.items.append(c)
        return len(self.items)


# -- facts ------------------------------------------------------------------------------------


def _level_ok(region: str | None, level: str | None, q: Question) -> bool:
    """Whether a region (of a given level) is within the question's regions or scope."""
    if not region:
        return False
    if q.regions:
        return canonical_region(region) in q.regions
    if q.scope == "province":
        return level == "province"
    if q.scope == "any":
        return level != "national"
    return True


#: Columns that make two stored facts the same statement (copies of a report state it alike).
_SAME = "region, year, kind, period, name, value, value_high, bound, text, evidence, estimated"


def _facts(ctx: Context, q: Question, *, kind: str | None, period: int | None) -> list[Fact]:
    """Stored facts of the question's indicator (and kind, period), in its regions or scope;
    a statement repeated in copies of a report comes once (grouped in SQL, by index)."""
    assert q.indicator is not None
    clauses = ["indicator = ?", "open_vocabulary = 0", "value IS NOT NULL"]
    args: list[Any] = [q.indicator]
    if kind is not None:
        clauses.append("kind = ?")
        args.append(kind)
    if period is not None:
        clauses.append("period = ?")
        args.append(period)
    if q.regions:
        clauses.append(f"region IN ({','.join('?' * len(q.regions))})")
        args += list(q.regions)
    sql = (f"SELECT * FROM facts WHERE id IN (SELECT MIN(id) FROM facts WHERE "
           f"{' AND '.join(clauses)} GROUP BY {_SAME}) ORDER BY source, row, start, id")
    facts = [_row_to_fact(r) for r in ctx.store.conn.execute(sql, args)]
    levels = {r: (found.level if (found := region_of(r)) else None)
              for r in {f.region for f in facts if f.region}}
    unknown = [f.doc_id for f in facts if f.region and levels[f.region] is None]
    docs = ctx.load(unknown)
    for f in facts:
        if f.region and levels[f.region] is None and f.doc_id in docs:
            levels[f.region] = docs[f.doc_id].level
    return [f for f in facts if _level_ok(f.region, levels.get(f.region or ""), q)]


def _choose(ctx: Context, facts: Sequence[Fact], kind: str) -> Fact:
    """The one fact to report among several statements (as ``track`` chooses)."""
    single = [f for f in facts if not _multi_year(f)]
    facts = single or list(facts)
    if kind == "target":
        docs = ctx.around(facts) if len(facts) > 1 else ctx.load(f.doc_id for f in facts)
        return min(facts, key=lambda f: target_rank(f, docs))
    catalog = load_catalog()
    name = facts[0].name
    if facts[0].indicator in catalog:
        name = catalog[facts[0].indicator or ""].name
    return min(facts, key=lambda f: actual_rank(f, name))


def _multi_year(f: Fact) -> bool:
    """True when the clause before the value calls it a multi-year figure (五年…, 年均…)."""
    i = f.evidence.find(f.text)
    if i < 0:
        return False
    clause = re.split(r"[，,；;。：:]", f.evidence[:i])[-1]
    return any(w in clause for w in vocabulary()["multi_year"])


def _per_region(ctx: Context, facts: Sequence[Fact], kind: str) -> dict[str, Fact]:
    """One chosen fact per region (and the period of the facts given)."""
    groups: dict[str, list[Fact]] = {}
    for f in facts:
        region = canonical_region(f.region)
        if region:
            groups.setdefault(region, []).append(f)
    return {r: _choose(ctx, fs, kind) for r, fs in groups.items()}


def _kinds(q: Question) -> list[str]:
    """Kinds to try: the one asked for; results first, then targets, when none was."""
    return [q.kind] if q.kind else ["actual", "target"]


def _span(f: Fact) -> tuple[float, float]:
    assert f.value is not None
    high = f.value_high if f.value_high is not None else f.value
    return min(f.value, high), max(f.value, high)


def _label(f: Fact) -> str:
    """How a fact is named in an answer: 目标 / 预计 / nothing for a result."""
    return "目标" if f.kind == "target" else ("预计" if f.estimated else "")


def _unit_ok(f: Fact, unit: str | None) -> bool:
    return unit is None or f.unit is None or f.unit == unit or (unit == "%" and f.unit == "%")


def _passes(f: Fact, q: Question) -> bool:
    c = q.comparator
    if c is None:
        return True
    if not _unit_ok(f, c.unit):
        return False
    lo, hi = _span(f)
    if c.op == ">":
        return lo > c.value
    if c.op == ">=":
        return lo >= c.value
    if c.op == "<":
        return hi < c.value
    if c.op == "<=":
        return hi <= c.value
    same_bound = c.bound is None or f.bound == c.bound
    return lo == hi == c.value and same_bound


def _period(q: Question) -> int | None:
    return q.years[0] if q.years else None


def _where(q: Question) -> str:
    if q.regions:
        return "、".join(q.regions)
    return "各省份" if q.scope == "province" else "各地"


def _what(q: Question, kind: str | None = None) -> str:
    year = f"{_period(q)}年" if _period(q) else ""
    label = "目标" if (kind or q.kind) == "target" else ""
    return f"{year}{q.indicator_name or ''}{label}"


def unsupported(q: Question, what: str, passages: Sequence[Passage] = ()) -> Plan:
    """The plain answer when the library does not hold what is asked."""
    return Plan(answer=f"库中报告未提及{what}。", supported=False, method="none",
                passages=tuple(passages))


def _fact_rows(ctx: Context, q: Question, kind: str) -> dict[str, Fact]:
    """One fact per region for the question's period (the latest one when none is asked)."""
    facts = _facts(ctx, q, kind=kind, period=_period(q))
    if _period(q) is None and facts:
        latest = max(f.period or 0 for f in facts)
        facts = [f for f in facts if (f.period or 0) == latest]
    return _per_region(ctx, facts, kind)


def _region_facts(ctx: Context, q: Question) -> tuple[dict[str, Fact], str]:
    """One fact per region for the question's period, trying the kinds in order."""
    for kind in _kinds(q):
        rows = _fact_rows(ctx, q, kind)
        if rows:
            return rows, kind
    return {}, q.kind or "actual"


def _order(regions: Iterable[str], q: Question) -> list[str]:
    named = {r: i for i, r in enumerate(q.regions)}
    return sorted(regions, key=lambda r: (named.get(r, len(named)), r))


def _list_plan(ctx: Context, q: Question, chosen: Sequence[tuple[str, Fact]], method: str,
               lead: str) -> Plan:
    """An answer listing regions with a value each, and the table of them."""
    cites = _Cites()
    rows: list[tuple[str, ...]] = []
    cite_ids: list[int | None] = []
    parts: list[str] = []
    for region, f in chosen:
        n = cites.add(ctx.cite_fact(f))
        rows.append((region, f"{f.period or ''}", f.text, _label(f) or "实际"))
        cite_ids.append(n)
        if len(parts) < MAX_LISTED:
            parts.append(f"{region}{_label(f)}{f.text}[{n}]")
    more = f"等{len(chosen)}个" if len(chosen) > MAX_LISTED else ""
    periods = {f.period for _, f in chosen}
    if not q.years and len(periods) == 1 and None not in periods:
        lead = f"{periods.pop()}年{lead}"
    answer = f"{lead}{'、'.join(parts)}{more}。"
    table = Table(("地区", "年份", q.indicator_name or "数值", "类型"), tuple(rows),
                  tuple(cite_ids))
    return Plan(answer=answer, supported=True, method=method, citations=tuple(cites.items),
                facts=tuple(f for _, f in chosen), table=table,
                regions=tuple(r for r, _ in chosen))


# -- planners ---------------------------------------------------------------------------------


def plan_value(ctx: Context, q: Question) -> Plan:
    """The value of an indicator for a region and period (results first unless 目标)."""
    if not q.regions and q.scope is None:
        q = _with_region(q, NATIONAL)
    for kind in _kinds(q):
        if _period(q) is None:
            facts = _facts(ctx, q, kind=kind, period=None)
            if facts:
                latest = max(f.period or 0 for f in facts)
                facts = [f for f in facts if (f.period or 0) == latest]
        else:
            facts = _facts(ctx, q, kind=kind, period=_period(q))
        chosen = _per_region(ctx, facts, kind)
        if chosen:
            order = _order(chosen, q)
            return _list_plan(ctx, q, [(r, chosen[r]) for r in order], "facts",
                              f"{_what(q, kind)}：")
    return unsupported(q, f"{_where(q)}{_what(q)}")


def plan_filter(ctx: Context, q: Question) -> Plan:
    """Regions whose value passes the threshold (a range passes only when all of it does)."""
    rows, kind = _region_facts(ctx, q)
    if not rows:
        return unsupported(q, f"{_where(q)}{_what(q)}")
    chosen = [(r, rows[r]) for r in _order(rows, q) if _passes(rows[r], q)]
    cond = q.comparator.text if q.comparator else ""
    if not chosen:
        return Plan(answer=f"库中{len(rows)}个地区的{_what(q, kind)}都不满足“{cond}”。",
                    supported=True, method="facts",
                    facts=tuple(rows.values()))
    lead = f"{_what(q, kind)}{cond}的有{len(chosen)}个：" if cond else f"{_what(q, kind)}："
    return _list_plan(ctx, q, chosen, "facts", lead)


def plan_superlative(ctx: Context, q: Question) -> Plan:
    """The highest or lowest regions (ranges by their midpoint; ties all listed)."""
    rows, kind = _region_facts(ctx, q)
    if not rows:
        return unsupported(q, f"{_where(q)}{_what(q)}")
    units = {f.unit for f in rows.values()}
    if len(units) > 1:
        common = max(units, key=lambda u: sum(f.unit == u for f in rows.values()))
        rows = {r: f for r, f in rows.items() if f.unit == common}

    def mid(f: Fact) -> float:
        lo, hi = _span(f)
        return (lo + hi) / 2

    sign = -1 if q.superlative == "max" else 1
    ranked = sorted(rows.items(), key=lambda kv: (sign * mid(kv[1]), kv[0]))
    cutoff = mid(ranked[min(q.top, len(ranked)) - 1][1])
    chosen = [(r, f) for r, f in ranked if sign * mid(f) <= sign * cutoff]
    word = "最高" if q.superlative == "max" else "最低"
    if len(q.regions) >= 2:
        word = "更高" if q.superlative == "max" else "更低"
    lead = (f"{_what(q, kind)}{word}的是：" if q.top == 1 else
            f"{_what(q, kind)}{'前' if q.superlative == 'max' else '后'}{q.top}位：")
    return _list_plan(ctx, q, chosen, "facts", lead)


def plan_compare(ctx: Context, q: Question) -> Plan:
    """The same indicator side by side for the named regions."""
    rows, kind = _region_facts(ctx, q)
    if not rows:
        return unsupported(q, f"{_where(q)}{_what(q)}")
    chosen = [(r, rows[r]) for r in q.regions if r in rows]
    missing = [r for r in q.regions if r not in rows]
    plan = _list_plan(ctx, q, chosen, "facts", f"{_what(q, kind)}：")
    answer = plan.answer
    if missing:
        answer += f"库中报告未提及{'、'.join(missing)}的{_what(q, kind)}。"
    if q.same and len(chosen) >= 2 and not missing:
        keys = {(*_span(f), f.bound, f.unit) for _, f in chosen}
        answer += "两者相同。" if len(keys) == 1 and len(chosen) == 2 else (
            "相同。" if len(keys) == 1 else "不同。")
    return Plan(answer=answer, supported=plan.supported, method=plan.method,
                citations=plan.citations, facts=plan.facts, table=plan.table,
                regions=plan.regions)


def plan_series(ctx: Context, q: Question) -> Plan:
    """One value per year for one region (the nation when none is named)."""
    if not q.regions:
        q = _with_region(q, NATIONAL)
    region = q.regions[0]
    for kind in _kinds(q):
        facts = _facts(ctx, q, kind=kind, period=None)
        by_year: dict[int, list[Fact]] = {}
        for f in facts:
            if f.period is not None and (not q.years or f.period in q.years):
                by_year.setdefault(f.period, []).append(f)
        if not by_year:
            continue
        cites = _Cites()
        years = list(q.years) if q.years else sorted(by_year)
        rows: list[tuple[str, ...]] = []
        cite_ids: list[int | None] = []
        parts: list[str] = []
        chosen: list[Fact] = []
        for year in years:
            if year not in by_year:
                rows.append((str(year), "未提及", ""))
                cite_ids.append(None)
                parts.append(f"{year}年库中报告未提及")
                continue
            f = _choose(ctx, by_year[year], kind)
            chosen.append(f)
            n = cites.add(ctx.cite_fact(f))
            rows.append((str(year), f.text, _label(f) or "实际"))
            cite_ids.append(n)
            parts.append(f"{year}年{f.text}[{n}]")
        label = "目标" if kind == "target" else ""
        answer = f"{region}{q.indicator_name}{label}：{'；'.join(parts)}。"
        if q.same and len(chosen) >= 2 and len(chosen) == len(years):
            alike = len({(*_span(f), f.bound, f.unit) for f in chosen}) == 1
            answer += "各年相同。" if alike else "各年不同。"
        table = Table(("年份", q.indicator_name or "数值", "类型"), tuple(rows),
                      tuple(cite_ids), chart=True)
        return Plan(answer=answer, supported=True, method="facts",
                    citations=tuple(cites.items), facts=tuple(chosen), table=table,
                    regions=(region,))
    return unsupported(q, f"{region}的{q.indicator_name}")


def _track_rows(ctx: Context, q: Question) -> list[TrackRow]:
    period = _period(q)
    facts = _facts(ctx, q, kind=None, period=period)
    rows = track_facts(facts, ctx.around(facts))
    return [r for r in rows
            if r.indicator == q.indicator and (period is None or r.period == period)]


def _verdict_sentence(ctx: Context, row: TrackRow, cites: _Cites) -> str:
    t = cites.add(ctx.cite(row.target_doc_id, *_evidence_span(ctx, row, target=True)))
    target = f"{row.region}{row.period}年{row.name}目标{row.target_text}[{t}]"
    if row.actual_text is None or row.actual_doc_id is None:
        return f"{target}，库中报告未提及其实际结果，无法判断"
    a = cites.add(ctx.cite(row.actual_doc_id, *_evidence_span(ctx, row, target=False)))
    estimated = "预计" if row.actual_estimated else ""
    return (f"{target}，{estimated}实际{row.actual_text}[{a}]："
            f"{VERDICT_WORDS[row.verdict]}")


def _evidence_span(ctx: Context, row: TrackRow, *, target: bool) -> tuple[int, int, str]:
    """Offsets of a track row's evidence (looked up among the stored facts of its document)."""
    doc_id = row.target_doc_id if target else row.actual_doc_id
    evidence = row.target_evidence if target else row.actual_evidence
    hit = ctx.store.conn.execute(
        'SELECT start, "end" FROM facts WHERE doc_id = ? AND evidence = ? LIMIT 1',
        (doc_id, evidence)).fetchone()
    return (hit[0], hit[1], evidence or "") if hit else (0, 0, evidence or "")


def plan_verdict(ctx: Context, q: Question) -> Plan:
    """Whether targets were met (from ``track``): 完成 / 未完成 / 基本完成, with both quotes."""
    if not q.regions and q.scope is None:
        q = _with_region(q, NATIONAL)
    rows = _track_rows(ctx, q)
    if not rows:
        return unsupported(q, f"{_where(q)}{_what(q, 'target')}")
    cites = _Cites()
    if q.regions:
        sentences = [_verdict_sentence(ctx, r, cites) for r in rows]
        return Plan(answer="；".join(sentences) + "。", supported=True, method="track",
                    citations=tuple(cites.items), regions=tuple(r.region or "" for r in rows),
                    table=_verdict_table(rows, cites, ctx))
    wanted: Verdict | None = q.verdict
    decided = [r for r in rows if r.verdict != "unverifiable"]
    if not q.years and decided:  # no year asked: the latest period with verdicts
        latest = max(r.period or 0 for r in decided)
        decided = [r for r in decided if (r.period or 0) == latest]
        q = replace(q, years=(latest,))
    chosen = [r for r in decided if wanted is None or r.verdict == wanted]
    word = VERDICT_WORDS[wanted] if wanted else "判定"
    summary = "，".join(f"{VERDICT_WORDS[v]}{n}个" for v, n in _counts(decided).items() if n)
    lead = f"{_what(q, 'target')}：库中可判定的{len(decided)}个地区中，{summary}"
    if not chosen:
        answer = f"{lead}；没有{word}的地区。"
    else:
        listed = "；".join(_verdict_sentence(ctx, r, cites) for r in chosen[:MAX_LISTED])
        answer = f"{lead}。{word}的{len(chosen)}个：{listed}。"
    return Plan(answer=answer, supported=True, method="track", citations=tuple(cites.items),
                regions=tuple(r.region or "" for r in chosen),
                table=_verdict_table(chosen, cites, ctx))


def _counts(rows: Iterable[TrackRow]) -> dict[str, int]:
    counts = {"met": 0, "partly": 0, "missed": 0}
    for r in rows:
        if r.verdict in counts:
            counts[r.verdict] += 1
    return counts


def _verdict_table(rows: Sequence[TrackRow], cites: _Cites, ctx: Context) -> Table:
    return Table(("地区", "年份", "目标", "实际", "结论"), tuple(
        (r.region or "", str(r.period or ""), r.target_text, r.actual_text or "",
         VERDICT_WORDS[r.verdict]) for r in rows))


def _with_region(q: Question, region: str) -> Question:
    return replace(q, regions=(region,))
