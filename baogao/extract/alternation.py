"""A list of words as one regular expression that the engine reads as a tree of their letters.

``"|".join(map(re.escape, words))`` makes Python's ``re`` try every word in turn at every
place where one of their first characters stands (in a report, 年, 十 and 一 stand everywhere),
so a list of 40 cue words costs 40 tries at each such place. ``words_pattern`` writes the same
words as a tree of shared prefixes (五年来|五年间|五年中 → 五年(?:来|间|中)): one test per
character read.

The two match the same text at the same places in the same order, also on backtracking inside
a larger pattern, when no word comes after a longer one of which it is a prefix (lists sorted
longest first, as the cue lists are): at a place, the words that match are prefixes of one
another, the alternation tries them in list order and the tree tries the longer ones first.
For any other order the plain alternation is returned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # key of a word ending at a node (no character is empty)

_Node = dict[str, "_Node"]


def words_pattern(words: Iterable[str], after: str = "") -> str:
    """The words as a regular expression matching exactly what their alternation matches
    (see the module docstring); the plain alternation when the tree would not be equal.

    ``after``, one character class (``[，,]``): only words right after one of its characters,
    as ``(?<=[，,])(?:…)`` finds them, tested after each word's first character (a pattern
    opening on a lookbehind is tried at every character)."""
    listed = list(words)
    if not listed or "" in listed or not _longer_first(listed):
        plain = "|".join(re.escape(w) for w in listed)
        return f"(?<={after})(?:{plain})" if after else plain
    tree: _Node = {}
    for word in listed:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not after:
        return _branch(tree)
    parts = [f"{re.escape(ch)}(?<={after}{re.escape(ch)}){_branch(child)}"
             for ch, child in tree.items()]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _longer_first(words: list[str]) -> bool:
    """True when no word comes before a longer word it is a prefix of."""
    for i, word in enumerate(words):
        if any(later.startswith(word) and later != word for later in words[i + 1 :]):
            return False
    return True


def _branch(node: _Node) -> str:
    """The alternatives below ``node``: the longer words (its children, of which at most one
    can match: they differ in their first character) first, then the word ending here."""
    parts = [re.escape(ch) + _branch(child) for ch, child in node.items() if ch != _END]
    if _END in node and parts:
        parts.append("")
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")" if parts else ""
