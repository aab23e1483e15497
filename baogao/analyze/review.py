"""What a later report says about its year: the review sentences a tracker reads, which
passages are about several years (这五年…, “十四五”时期…, and the parts such an opening
carries), and a sentence saying a promise or a whole 民生实事 list was carried out without a
number (``find_done``). Used by ``analyze.commitments`` and kept per report by
``analyze.commitment_rows``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baogao.extract.catalog import cues
from baogao.extract.facts import _Span, iter_sentences
from baogao.extract.open.facts import vocabulary
from baogao.extract.open.multiyear import _multi_year_paragraph, _multi_year_sentence
from baogao.models import Commitment, Document

_CLAUSE = re.compile(r"[，,；;]")


@dataclass(frozen=True)
class Said:
    """A review sentence of a later report (``clauses``: split at commas and semicolons)."""

    doc_id: str
    source: str
    row: int
    start: int
    end: int
    text: str
    clauses: tuple[str, ...] = ()


def review_sentences(doc: Document, passages: YearPassages | None = None) -> list[Said]:
    """Sentences of the review part of ``doc`` outside multi-year passages (这五年…,
    “十四五”时期…, 五年累计…); ``passages``: the document's ``YearPassages``, if at hand."""
    found: list[Said] = []
    passages = passages or YearPassages(doc)
    for para in doc.paragraphs:
        if para.is_table_row or doc.role_at(para.start) != "review":
            continue
        span = _Span(para.start, para.end)
        for s in iter_sentences(doc.text, para.start, para.end):
            if passages.about_years(span, _Span(s.start, s.end)):
                continue
            sentence = doc.text[s.start : s.end]
            found.append(Said(doc.id, doc.source, doc.row, s.start, s.end, sentence,
                              tuple(_CLAUSE.split(sentence))))
    return found


#: A sentence opening on several years (这五年，…; 五年来，…; 回望“十四五”…; 过去的五年).
_TURN = re.compile(r"\s*(?:(?:这|过去的?|近)?五年(?:来|间|中)?[，,]"
                   r"|(?:回望|回首|回顾).{0,3}(?:五年|“?十[一二三四五]五))")


class YearPassages:
    """Which passages of a later report are about several years (``open_facts`` rules),
    unless their paragraph opens on the year before the report (刚刚过去的2025年…,
    过去一年…) under a 十四五 heading. Paragraph answers are computed once.

    A paragraph opening on several years (“十四五”时期是…极不平凡的五年, 五年来…) carries
    them to the paragraphs after it in the same part ((一)…(六) of a review headed
    “十四五”时期和2025年工作回顾), until one opens on the year (刚刚过去的2025年…)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._paragraphs: dict[int, tuple[bool, bool]] = {}
        words = [*vocabulary()["one_year_leads"]] + (
            [f"{doc.year - 1}年"] if doc.year else [])
        self._one_year_words = tuple(words)
        self._carried: frozenset[int] | None = None

    def _paragraph(self, para: _Span) -> tuple[bool, bool]:
        known = self._paragraphs.get(para.start)
        if known is None:
            lead = self.doc.text[para.start : min(para.end, para.start + 16)]
            known = (_multi_year_paragraph(self.doc, para),
                     any(w in lead for w in self._one_year_words))
            self._paragraphs[para.start] = known
        return known

    def _carried_starts(self) -> frozenset[int]:
        """Starts of the paragraphs a multi-year opening before them carries (see above)."""
        if self._carried is None:
            doc = self.doc
            tops = sorted((s.start, s.end) for s in doc.sections if s.level == 1)
            carried: set[int] = set()
            run: tuple[tuple[int, int] | None] | None = None  # (the part the run is in,)
            for para in doc.paragraphs:
                if para.is_table_row:
                    continue
                top = next(((a, b) for a, b in tops if a <= para.start < b), None)
                review = doc.role_at(para.start) == "review"
                if not review or (run is not None and run[0] != top):
                    run = None
                several, one_year_lead = self._paragraph(_Span(para.start, para.end))
                if one_year_lead:
                    run = None
                elif run is not None:
                    carried.add(para.start)
                elif several:
                    run = (top,)
                if run is None and review and self._turns(
                        _Span(para.start, para.end)):
                    run = (top,)  # 2025年目标的完成，标志着“十四五”顺利收官。这五年，…
            self._carried = frozenset(carried)
        return self._carried

    def _turns(self, para: _Span) -> bool:
        """A paragraph turning to several years after its opening sentence (…顺利收官。
        这五年，… / 五年来，… / 回望“十四五”…)."""
        sentences = list(iter_sentences(self.doc.text, para.start, para.end))
        return any(_TURN.match(self.doc.text, s.start, min(s.end, s.start + 12))
                   for s in sentences[1:])

    def about_years(self, para: _Span, sentence: _Span) -> bool:
        """True for a sentence about several years."""
        several, one_year_lead = self._paragraph(para)
        several = several or para.start in self._carried_starts()
        if not (several or _multi_year_sentence(self.doc.text, sentence)):
            return False
        text = self.doc.text[sentence.start : sentence.end]
        return not (one_year_lead and not any(w in text for w in cues()["multi_year_sentence"]))


def about_years(doc: Document, para: _Span, sentence: _Span) -> bool:
    """A passage about several years (see ``YearPassages``)."""
    return YearPassages(doc).about_years(para, sentence)


def _done_words() -> list[str]:
    return sorted(vocabulary()["done_words"], key=len, reverse=True)


class SaidIndex:
    """Review sentences looked up by a character pair of a key: the sentences holding a
    pair are found once (on first use), so a key is looked for in the sentences holding
    its rarest pair only (in report order); the 民生实事 list answer (the same for every
    item) is found once too."""

    def __init__(self, said: list[Said]) -> None:
        self.said = said
        self._by_pair: dict[str, list[Said]] = {}
        self._list_done: tuple[Said, str] | None = None
        self._list_checked = False

    def _holding_pair(self, pair: str) -> list[Said]:
        found = self._by_pair.get(pair)
        if found is None:
            found = self._by_pair[pair] = [s for s in self.said if pair in s.text]
        return found

    def holding(self, key: str) -> list[Said]:
        """The sentences that may hold ``key`` (at least two characters), in order."""
        return min((self._holding_pair(key[j : j + 2]) for j in range(len(key) - 1)),
                   key=len)

    def list_done(self) -> tuple[Said, str] | None:
        """The sentence saying the 民生实事 list was completed (``find_done``)."""
        if not self._list_checked:
            self._list_done, self._list_checked = _find_list_done(self.said), True
        return self._list_done


#: A clause saying the year's task was done (完成年度…任务, …任务全面完成).
_TASK_DONE = re.compile(r"(?:完成|超额完成)(?:年度|全年|今年|当年)\S*任务|(?:年度|全年)\S*任务"
                        r"(?:全面|全部|圆满|超额|如期|顺利)?完成")


def find_done(c: Commitment, said: list[Said], index: SaidIndex | None = None
              ) -> tuple[Said, str] | None:
    """A sentence saying the commitment was carried out, and the reason template
    (``index``: ``said`` indexed, for many commitments against the same sentences)."""
    if len(c.key) >= 4:
        for s in index.holding(c.key) if index is not None else said:
            if c.key not in s.text:
                continue
            for clause in s.clauses or tuple(_CLAUSE.split(s.text)):
                if (c.key in clause and any(w in clause for w in _done_words())
                        and not re.search(r"\d", clause)
                        and (c.value is None or _TASK_DONE.search(clause))):
                    # a number is answered by a number, or by its year's task done
                    # (完成年度“四类管线”改造任务)
                    return s, "done"
    if c.list_name:
        return index.list_done() if index is not None else _find_list_done(said)
    return None


def _find_list_done(said: list[Said]) -> tuple[Said, str] | None:
    """A sentence saying the 民生实事 list was completed."""
    cues = vocabulary()["done_list_cues"]
    complete = [w for w in _done_words() if len(w) >= 4] + ["兑现", "落地见效"]
    for s in said:
        if not any(w in s.text for w in cues):
            continue
        for clause in s.clauses or tuple(_CLAUSE.split(s.text)):
            if any(w in clause for w in cues) and any(w in clause for w in complete):
                return s, "done_list"
    return None
