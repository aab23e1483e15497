"""Safe HTML for search snippets and answers: escape the text, then mark the matched words.

Search marks matched words in plain text as 【word】; a document's own 【】 brackets are rare
and short-lived in snippets, so only short bracketed runs with no bracket or line break
inside become ``<mark>``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from baogao.ask.search import word_spans

_MARKED = re.compile(r"【([^【】\n]{1,24})】")


def escape_around(
    text: str, pattern: re.Pattern[str], render: Callable[[re.Match[str]], str]
) -> str:
    """``text`` escaped, with each match of ``pattern`` replaced by ``render(match)`` (HTML)."""
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(str(escape(text[pos:m.start()])))
        out.append(render(m))
        pos = m.end()
    out.append(str(escape(text[pos:])))
    return "".join(out)


def snippet_html(snippet: str) -> Markup:
    """A 【】-marked snippet as HTML with ``<mark>`` around the matched words."""
    return Markup(escape_around(snippet, _MARKED, lambda m: f"<mark>{escape(m.group(1))}</mark>"))


def marked_words(snippet: str) -> list[str]:
    """The words a snippet marks with 【】, longest first."""
    return sorted({m.group(1) for m in _MARKED.finditer(snippet)}, key=len, reverse=True)


def mark_words(text: str, words: Sequence[str]) -> Markup:
    """``text`` escaped, with every occurrence of ``words`` wrapped in ``<mark>``."""
    out: list[str] = []
    pos = 0
    for s, e in word_spans(text, words):
        out += [str(escape(text[pos:s])), f"<mark>{escape(text[s:e])}</mark>"]
        pos = e
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
