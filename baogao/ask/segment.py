"""Chinese word segmentation for search: rjieba plus the report lexicon.

Reports have no spaces between words and most words are two characters long, so the search
index stores *words*, not characters. ``index_tokens`` cuts text in rjieba's search mode
(新质生产力 also yields 生产力 and 生产), so a query for a part of a long word still matches;
``query_tokens`` cuts a query in default mode and drops the words that carry no topic
(什么, 如何, 是多少 …, listed in ``data/search_stopwords.txt``).

Tokens are runs of letters and digits, latin letters lower-cased, so SQLite's
``unicode61`` tokenizer reads a space-joined token string back exactly as it was written.

The report lexicon (``data/lexicon.txt``: 新质生产力, 接诉即办, 一刻钟便民生活圈, 两区 …) is
loaded into a private rjieba instance, so the words stay whole. ``TOKENIZER_VERSION``
changes whenever segmentation changes; a stored index of another version is rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import re
from typing import Any

from baogao.data import data_text

_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _data_lines(name: str) -> list[str]:
    text = data_text(name)
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def lexicon() -> tuple[str, ...]:
    """The report lexicon (``baogao/data/lexicon.txt``)."""
    return tuple(_data_lines("lexicon.txt"))


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Query words without topic (``baogao/data/search_stopwords.txt``)."""
    return frozenset(_data_lines("search_stopwords.txt"))


@functools.lru_cache(maxsize=1)
def tokenizer_version() -> str:
    """A short hash of the segmentation setup; the index records it."""
    digest = hashlib.sha1("\n".join(("rjieba-search-1", *lexicon())).encode("utf-8"))
    return digest.hexdigest()[:12]


@functools.lru_cache(maxsize=1)
def _jieba() -> Any:
    import rjieba  # loads its dictionary: only when text is first cut

    jieba = rjieba.Jieba()
    for word in lexicon():
        jieba.add_word(word, None, None)
    return jieba


def _clean(pieces: list[str]) -> list[str]:
    """Word-character runs of each piece, lower-cased; punctuation and spaces vanish."""
    return _WORD.findall(" ".join(pieces).lower())


def index_text(text: str) -> str:
    """The token string to index for ``text``: search-mode words (long words and their
    parts) joined by spaces; ``unicode61`` drops the punctuation tokens."""
    return " ".join(_jieba().cut_for_search(text)).lower()


def index_lines(text: str) -> list[str]:
    """``index_text`` of every line of ``text`` (split at ``\\n``), from one cut of the whole
    text: rjieba cuts at line breaks anyway (a break is a token of its own), and one call per
    document costs about 0.13 CPU s per MB against 0.21 for one call per line. Lines must not
    start or end with a space (normalized text never does), so `` \\n `` marks a break."""
    return index_text(text).split(" \n ")


def index_tokens(text: str) -> list[str]:
    """The tokens ``index_text`` yields, as the index reads them."""
    return split_tokens(index_text(text))


def split_tokens(token_text: str) -> list[str]:
    """Read a stored token string back into tokens, as ``unicode61`` does."""
    return _WORD.findall(token_text)


def cut_words(text: str) -> list[str]:
    """Default-mode words of ``text`` (lexicon words kept whole), punctuation dropped."""
    return _clean(_jieba().cut(text))


def query_tokens(text: str) -> list[str]:
    """The topic words of a query, in order, without stop words or repeats."""
    stop = stopwords()
    words = [w for w in cut_words(text) if w not in stop]
    return list(dict.fromkeys(words))


def sub_tokens(word: str) -> list[str]:
    """The parts of a word the index may hold instead of it: its search-mode pieces, else
    its character bigrams (for a word the dictionary does not know)."""
    parts = [t for t in index_tokens(word) if t != word]
    if parts:
        return list(dict.fromkeys(parts))
    return [word[i:i + 2] for i in range(len(word) - 1)] if len(word) > 2 else []


def has_cjk(text: str) -> bool:
    """True when ``text`` contains a Chinese character."""
    return _CJK.search(text) is not None


def tag_words(text: str) -> list[tuple[str, str]]:
    """Default-mode words of ``text`` with their part-of-speech tags, punctuation kept, so
    the words joined give ``text`` back (open facts read word boundaries from them)."""
    words: list[tuple[str, str]] = _jieba().tag(text)  # a new list of (word, tag) pairs
    return words
