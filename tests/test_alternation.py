"""Word lists written as letter trees (``extract.alternation.words_pattern``) match exactly what
their plain alternation matches: the same spans in the same order, also inside a larger pattern
that backtracks into them, on real reports and on every shipped word list."""

from __future__ import annotations

import random
import re

import pytest
from conftest import SEEDS

from baogao.data import load_json
from baogao.extract.alternation import words_pattern
from baogao.models import Document
from baogao.pipeline import read

#: Tune seeds only (seed 002 is held out).
_TUNE_SEEDS = ("000_", "001_", "003_", "004_")


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [doc for path in sorted(SEEDS.iterdir()) if path.name.startswith(_TUNE_SEEDS)
            for doc in read(path)]


def _word_lists() -> list[list[str]]:
    """Every list of words in the shipped cue and vocabulary tables, longest first."""
    lists: list[list[str]] = []
    for name in ("cues.json", "commitments.json", "name_grammar.json", "open_names.json"):
        table = load_json(name)
        for value in table.values():
            if isinstance(value, list) and len(value) > 1 and all(
                    isinstance(w, str) and w for w in value):
                lists.append(sorted(value, key=len, reverse=True))
    return lists


def test_shipped_lists_match_as_their_alternation(documents: list[Document]) -> None:
    lists = _word_lists()
    assert len(lists) > 50
    treed = 0
    rng = random.Random(7)
    for words in lists:
        plain = re.compile("|".join(re.escape(w) for w in words))
        tree = re.compile(words_pattern(words))
        treed += tree.pattern != plain.pattern
        # inside a larger pattern: a word then a comma, so a longer word that matched but is
        # not followed by one is given up for a shorter one
        plain_in = re.compile(f"(?:{plain.pattern})[，,]")
        tree_in = re.compile(f"(?:{tree.pattern})[，,]")
        for doc in documents:
            text = doc.text
            assert [m.span() for m in tree.finditer(text)] == [
                m.span() for m in plain.finditer(text)]
            assert [m.span() for m in tree_in.finditer(text)] == [
                m.span() for m in plain_in.finditer(text)]
            for _ in range(20):
                start = rng.randrange(len(text))
                end = min(len(text), start + rng.randrange(1, 200))
                a, b = plain.search(text, start, end), tree.search(text, start, end)
                assert (a and a.span()) == (b and b.span())
    assert treed > 50  # the lists are written as trees


def test_trees_share_prefixes() -> None:
    pattern = words_pattern(["过去五年", "五年来", "五年间", "五年"])
    assert pattern == "(?:过去五年|五年(?:来|间|))"
    assert re.compile(pattern).findall("过去五年，五年来，五年。") == ["过去五年", "五年来", "五年"]


def test_a_word_before_a_longer_one_it_begins_keeps_the_alternation() -> None:
    # the alternation finds 五年 in 五年来 (listed first); a tree would find 五年来
    words = ["五年", "五年来"]
    assert words_pattern(words) == "五年|五年来"
    assert re.compile(words_pattern(words)).match("五年来").group() == "五年"


def test_empty_words_keep_the_alternation() -> None:
    assert words_pattern(["", "五年"]) == "|五年"
    assert words_pattern([]) == ""


def test_words_after_a_mark_match_as_the_lookbehind_alternation(
        documents: list[Document]) -> None:
    # (?<=[，,])(?:…) as carried growth names are sought: the lookbehind moves after each
    # word's first character, and the matches stay the same
    words = ["比上年增长", "同比增长", "增长速度", "比上年", "增长率", "增长", "其中", "增速"]
    plain = re.compile(f"(?<=[，,])(?:{'|'.join(words)})")
    tree = re.compile(words_pattern(words, after="[，,]"))
    assert tree.pattern.startswith("(?:比(?<=[，,]比)")
    found = 0
    for doc in documents:
        spans = [m.span() for m in plain.finditer(doc.text)]
        assert [m.span() for m in tree.finditer(doc.text)] == spans
        found += len(spans)
    assert found > 0
    assert words_pattern(["五年", "五年来"], after="[，,]") == "(?<=[，,])(?:五年|五年来)"
