"""The cheap tests that let extraction skip work must never skip anything that counts: where
a gate says "nothing here", the full reading finds nothing either (on real reports)."""

from __future__ import annotations

import random
import re
from re import _parser  # type: ignore[attr-defined]

import pytest
from conftest import NATIONAL, SEEDS

from baogao.extract.facts import _may_hold_values, _values_in
from baogao.extract.numbers import find_quantities, first_quantity, may_hold_quantity
from baogao.extract.periods import _Span, iter_sentences, paragraph_spans
from baogao.extract.subjects import _carried_sentence_res, _dating_char, _required_chars
from baogao.models import Document
from baogao.pipeline import read

#: Tune seeds only (seed 002 is held out).
_TUNE_SEEDS = ("000_", "001_", "003_", "004_")


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [doc for path in sorted(SEEDS.iterdir()) if path.name.startswith(_TUNE_SEEDS)
            for doc in read(path)]


def _spans(doc: Document) -> list[tuple[int, int]]:
    """Every sentence of ``doc`` and as many random spans of up to 80 characters."""
    found = [(s.start, s.end) for p in paragraph_spans(doc)
             for s in iter_sentences(doc.text, p.start, p.end)]
    rng = random.Random(len(doc.text))
    for _ in range(len(found)):
        start = rng.randrange(len(doc.text))
        found.append((start, min(len(doc.text), start + rng.randrange(1, 80))))
    return found


def test_unit_gate_never_hides_a_quantity(documents: list[Document]) -> None:
    skipped = 0
    for doc in documents:
        for start, end in _spans(doc):
            if not may_hold_quantity(doc.text, start, end):
                skipped += 1
                assert find_quantities(doc.text, start, end) == []
                assert first_quantity(doc.text, start, end) is None
    assert skipped > 100  # the gate does skip spans


def test_value_gate_never_hides_a_value(documents: list[Document]) -> None:
    skipped = 0
    for doc in documents:
        for start, end in _spans(doc):
            span = _Span(start, end)
            if not _may_hold_values(doc.text, span):
                skipped += 1
                assert _values_in(doc.text, span) == []
    assert skipped > 100


def test_required_chars_of_a_pattern() -> None:
    def required(pattern: str) -> set[str]:
        return _required_chars(_parser.parse(pattern).data)

    assert required("a(?:b|bc)d?") == {"a", "b"}
    assert required("(?:x|y)+z{2}w*") == {"z"}
    assert required("[ab]c(?=d)") == {"c"}  # a class or a lookahead requires no one letter


def test_every_dated_carried_value_holds_the_dating_char() -> None:
    char = _dating_char()
    assert char is not None
    value_re, year_re, _ = _carried_sentence_res()
    for dated in ("一九八一年实际执行结果为", "2025年达到", "一九五二年也还只有"):
        match = value_re.fullmatch(dated)
        assert match is not None and match.group("year") is not None and char in dated
    assert year_re.fullmatch("在建国初期的一九五二年") is not None
    assert re.search(re.escape(char), "在建国初期的一九五二年")


# Look-ups that replaced scans back over a long text (a report run into one line) -------------

_PIECES = [*"2019年，,。；;：！？!?\n预计到至截底末来近过去三五两以后前比较同与今本明上x一二",
           "2020年", "预计2016年", "两年来", "近三年", "1 9 9 7年", "一九八二年", "截至2019年",
           "十年来", "过去五年", "去年", "今年", "上一年", "过去一年", "本年度"]


def _random_texts(count: int, longest: int) -> list[str]:
    rng = random.Random(12)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(longest)))
            for _ in range(count)]


def test_last_of_is_the_last_of_any_character() -> None:
    from baogao.extract.span_memo import last_of

    rng = random.Random(3)
    for text in _random_texts(3000, 400):
        start, end = sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 2)))
        for chars in ("\n", "。\n", "\n。，,；;：:！？"):
            assert last_of(text, chars, start, end) == max(
                text.rfind(c, start, end) for c in chars)


def test_last_opening_finds_what_a_scan_finds() -> None:
    from baogao.extract.open.checks import _RUN_SPAN, _SENTENCE_STOPS, _sentence_opener
    from baogao.extract.span_memo import last_match, last_opening

    rng = random.Random(4)
    for text in _random_texts(3000, 60):
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        para = rng.randrange(start + 1)
        scanned = last_match(_sentence_opener(), text, start, end)
        found = last_opening(_sentence_opener(), text, start, end, _SENTENCE_STOPS,
                             "到至截预12一二")
        assert (found and found.span()) == (scanned and scanned.span())
        scanned = last_match(_RUN_SPAN, text, start, end,
                             lambda m, t=text, p=para: (m.start() == p
                                                        or t[m.start() - 1] in "。；;："))
        found = last_opening(_RUN_SPAN, text, start, end, "。；;：",
                             "23456789两三四五六七八九十近过", para)
        assert (found and found.span()) == (scanned and scanned.span())


def test_last_match_end_finds_what_a_scan_finds(documents: list[Document]) -> None:
    """The last sector topic (优化发展金融服务业。) and the last printed year before a place,
    picked from matches found once per text, are those a scan of the span finds, on the tune
    seeds' paragraphs and on random texts (a report run into one line read them quadratically)."""
    from baogao.extract.fact_timing import _NAMED_YEAR
    from baogao.extract.span_memo import last_match_end
    from baogao.extract.subjects import _SECTOR_TOPIC

    def scanned(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
        found = list(pattern.finditer(text, start, end))
        return found[-1].end() if found else -1

    rng = random.Random(5)
    cases = [(doc.text, p.start) for doc in documents for p in paragraph_spans(doc)]
    pieces = [*_PIECES, "优化发展金融服务业", "做强文创产业", "业", " ", "\n", "全省"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(300)))
        cases.append((text, rng.randrange(len(text) + 1)))
    topics = years = 0
    for text, floor in cases:
        end = rng.randrange(floor, len(text) + 1)
        for pattern, group in ((_SECTOR_TOPIC, 1), (_NAMED_YEAR, 0)):
            found = last_match_end(pattern, text, floor, end, group)
            assert found == scanned(pattern, text, floor, end)
            topics += pattern is _SECTOR_TOPIC and found >= 0
            years += pattern is _NAMED_YEAR and found >= 0
    assert topics and years  # both patterns were found, not only missed


def test_relative_year_over_a_long_head_reads_as_a_scan() -> None:
    from baogao.extract.periods import cue_words, relative_year

    def scanned(text: str, start: int, pos: int) -> str | None:
        found: tuple[int, str] | None = None  # the word nearest pos wins
        for key, label in (("last_year", "last"), ("this_year", "this")):
            for word in cue_words(key):
                idx = text.rfind(word, start, pos)
                if idx >= 0 and not (idx > start and text[idx - 1] in "比较同与") and (
                        found is None or idx > found[0]):
                    found = (idx, label)
        return found[1] if found else None

    rng = random.Random(5)
    for text in _random_texts(400, 1500):
        for _ in range(10):
            start = rng.randrange(len(text) + 1)
            pos = rng.randrange(start, len(text) + 1)
            assert relative_year(text, start, pos) == scanned(text, start, pos)


# Open facts: amounts looked for only as far as needed; a place name sought after its suffix ----


def test_has_amount_is_whether_any_amount_is_found(documents: list[Document]) -> None:
    from baogao.extract.open.amounts import _find_amounts, has_amount

    found = 0
    for doc in documents:
        for start, end in _spans(doc):
            some = bool(_find_amounts(doc.text, start, end))
            found += some
            assert has_amount(doc.text, start, end) == some
    assert found > 100  # spans with amounts and spans without were both tried


def test_place_suffix_gate_never_hides_a_place(documents: list[Document]) -> None:
    from baogao.extract.open.names import _place_suffix, _scope_tables

    places = _scope_tables()[2]
    skipped = 0
    for doc in documents:
        for start, end in _spans(doc):
            head = doc.text[start:end]
            if _place_suffix().search(head, 2) is None:
                skipped += 1
                assert places.search(head) is None
    assert skipped > 100


def test_break_token_pattern_finds_what_a_lookbehind_first_one_finds(
        documents: list[Document]) -> None:
    from baogao.read.normalize import _BREAK_TOKEN

    plain = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{2}|[0-9][A-Za-z][A-Za-z0-9])")
    rng = random.Random(6)
    texts = [doc.original for doc in documents]
    texts += ["".join(rng.choice("ab1Z9。\n，x中 ") for _ in range(rng.randrange(30)))
              for _ in range(5000)]
    assert any(plain.search(text) for text in texts)
    for text in texts:
        assert [m.span() for m in _BREAK_TOKEN.finditer(text)] == [
            m.span() for m in plain.finditer(text)]


def test_qualitative_phrases_found_from_their_opening_characters(
        documents: list[Document]) -> None:
    from baogao.extract.facts import (
        _any_qualitative_re,
        _opening,
        _phrases,
        _qualitative_re,
        _qualitative_target_re,
    )

    patterns = (_any_qualitative_re(), _qualitative_re(), _qualitative_target_re())
    assert all(_opening(p) is not None for p in patterns)  # the quick path is taken
    found = 0
    for doc in documents:
        for start, end in _spans(doc):
            for pattern in patterns:
                spans = [m.span() for m in pattern.finditer(doc.text, start, end)]
                found += len(spans)
                assert [m.span() for m in _phrases(pattern, doc.text, start, end)] == spans
    assert found > 10


def test_opening_chars_of_a_pattern() -> None:
    from baogao.extract.numbers import opening_chars

    def opening(pattern: str) -> str | None:
        found = opening_chars(re.compile(pattern))
        return found.pattern if found else None

    assert opening("完成|达到|[与和同]x") == "[与同和完达]"
    assert opening("(?:力争)?保持") == "[保力]"
    assert opening("[a-c]x|(?:y|z)+") == "[abcyz]"
    for pattern in ("x*", "a?", "^a", "(?i)a", "[^a]b", r"\dx", "(?=a)a", "(?:a|b?)c"):
        assert opening(pattern) is None  # may open on anything, or match empty


def test_clause_ends_found_as_by_a_lookbehind_first_pattern(documents: list[Document]) -> None:
    from baogao.extract.open.facts import _CLAUSE_END

    plain = re.compile(r"[：:；;。！？]|(?<!\d)[，,]|[，,](?!\d{3}(?!\d))")
    rng = random.Random(7)
    texts = [doc.text for doc in documents]
    texts += ["".join(rng.choice("1，,2。a；3") for _ in range(rng.randrange(20)))
              for _ in range(3000)]
    for text in texts:
        for start in range(0, len(text) + 1, max(1, len(text) // 40)):
            assert [m.span() for m in _CLAUSE_END.finditer(text, start)] == [
                m.span() for m in plain.finditer(text, start)]


# Work kept for the document (or text) last read is never another document's ----------------


def test_kept_body_spans_and_several_years_follow_the_document(documents: list[Document]) -> None:
    """Body spans (kept per document) and the several-years test (kept per sentence span of
    the text last read) give what a fresh reading gives, documents read in turn."""
    from baogao.extract.open.facts import _body_spans, body_spans
    from baogao.extract.open.multiyear import _multi_year_sentence, _several_years_in

    several = 0
    for doc in [*documents, *reversed(documents), documents[0]]:
        assert list(body_spans(doc)) == list(_body_spans(doc))
        assert list(body_spans(doc)) == list(_body_spans(doc))  # kept, not used up
        for start, end in _spans(doc):
            fresh = bool(_several_years_in(doc.text, start, end))
            assert _multi_year_sentence(doc.text, _Span(start, end)) is fresh
            several += fresh
    assert several > 10  # some sentences are about several years


def test_topic_gate_finds_a_clause_where_the_clause_pattern_does(
        documents: list[Document]) -> None:
    from baogao.extract.subjects import _topic_clause_re, _topic_gate_re

    assert _topic_gate_re().pattern != _topic_clause_re().pattern  # the lookahead's words
    # the clauses stand in the older national reports (一九八一年计划为…，实际达到…); tune
    # years only (years ending in 3 or 7 are held out)
    national = [doc for doc in read(NATIONAL)
                if doc.year is not None and doc.year % 10 not in (3, 7)]
    found = 0
    for doc in [*documents, *national]:
        for start, end in _spans(doc):
            clause = _topic_clause_re().search(doc.text, start, end)
            assert (_topic_gate_re().search(doc.text, start, end) is None) == (clause is None)
            found += clause is not None
    assert found > 10
