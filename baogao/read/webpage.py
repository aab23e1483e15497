"""The report body of a web page, by text density; refusal of pages that hold no report.

General method, no list of sites: every laid-out line of the page (``html.page_lines``) gets a
score — prose (Chinese text with sentence punctuation), headings, title-block lines and table
rows count for their length; link lines, furniture and short label lines count against;
a long line that already appeared (the mobile copy of the same article) counts against. The
body is the run of lines with the highest total (maximum subarray), which keeps headings, bold
lead-ins and table rows between paragraphs and drops navigation, footers and the second copy.

Pages that hold no report raise ``NotAReport`` with the reason: a firewall or challenge page
("拒绝执行 | 云防护", a script-only page), an index or list page (mostly links), or a page
whose densest block has too little text to be a report. Cue words and thresholds live in
``baogao/data/webpage.json``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from baogao.data import load_json
from baogao.errors import NotAReport
from baogao.read.html import Page, PageLine
from baogao.read.normalize import is_chrome

_CJK = re.compile(r"[\u4e00-\u9fff]")
_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|"
    r"\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])"
)
_TITLE_BLOCK = re.compile(
    r"报告$|会议上|人民代表大会|^[—－\-―]{2}|[省市区县]长\s*[\u4e00-\u9fff]|主席\s*[\u4e00-\u9fff]|总理"
)


@dataclass(frozen=True)
class _Cues:
    block_words: tuple[str, ...]
    marks: frozenset[str]
    heading_starts: tuple[str, ...]
    report_words: tuple[str, ...]
    min_report_chars: int
    min_with_cues: int
    max_link_share: float


@functools.lru_cache(maxsize=1)
def _cues() -> _Cues:
    raw = load_json("webpage.json")
    return _Cues(
        block_words=tuple(raw["block_page_words"]), marks=frozenset(raw["sentence_marks"]),
        heading_starts=tuple(raw["heading_starts"]), report_words=tuple(raw["report_words"]),
        min_report_chars=int(raw["min_report_chars"]),
        min_with_cues=int(raw["min_report_chars_with_cues"]),
        max_link_share=float(raw["max_link_share"]),
    )


def cjk_count(text: str) -> int:
    """Number of Chinese characters in ``text``."""
    return len(_CJK.findall(text))


def _score(line: PageLine, seen: set[str], prose_seen: bool = True) -> float:
    cues = _cues()
    text = line.text.strip()
    chars = cjk_count(text)
    if line.link_chars * 2 > len(text):
        return -max(3.0, float(chars))
    # a second copy of the page (mobile / print version); a title printed again at the top
    # of the article, before any prose (after the page's title block), is the report's own
    # title line
    own_title = not prose_seen and len(text) <= 60 and text.endswith("报告")
    if chars >= 6 and text in seen and not text.startswith(cues.heading_starts) and not own_title:
        return -float(max(chars, 10))
    if line.table_row:
        return float(max(chars, 2))
    if chars == 0:
        return -1.0
    marks = sum(1 for ch in text if ch in cues.marks)
    if marks and chars >= 10 and not is_chrome(text):
        return float(chars)
    if _HEADING.match(text) or text.startswith(cues.heading_starts):
        return float(chars)
    if _TITLE_BLOCK.search(text) and len(text) <= 80:
        return float(chars)
    if is_chrome(text):
        return -5.0
    return -3.0


def _densest_run(scores: list[float]) -> tuple[int, int, float]:
    """(start, end, total) of the contiguous run with the highest total score."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for i, s in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += s
        if total > best[2]:
            best = (start, i + 1, total)
    return best


def select_body(page: Page, name: str) -> str:
    """The report body of a laid-out page as text, one line per block or table row.

    Raises ``NotAReport`` (naming ``name``) when the page is a block page, an index page or
    has too little report text."""
    cues = _cues()
    lines = page.lines
    all_text = "\n".join(ln.text for ln in lines)
    total = cjk_count(all_text)
    head = page.title + "\n" + all_text[:600]
    blocked = next((w for w in cues.block_words if w.lower() in head.lower()), None)
    if blocked and total < cues.min_report_chars:
        raise NotAReport(name, f"a firewall or access-block page (says {blocked!r}), not a "
                               "report; save the page again from a browser that can open it")
    if total < 200:
        raise NotAReport(name, f"the page has only {total} Chinese characters of text (a "
                               "script-only or challenge page?), not a report")
    seen: set[str] = set()
    scores: list[float] = []
    repeated: list[bool] = []
    prose_seen = False
    for line in lines:
        text = line.text.strip()
        repeated.append(text in seen)
        scores.append(_score(line, seen, prose_seen))
        seen.add(text)
        prose_seen = prose_seen or (cjk_count(text) >= 30 and scores[-1] > 0)
    start, end, _ = _densest_run(scores)
    # inside the run, drop link lines and second copies; keep short label lines (主要做了以下工作。)
    kept = [ln.text.strip() for i, ln in enumerate(lines[start:end], start)
            if not (scores[i] < 0 and (ln.link_chars * 2 > len(ln.text) or repeated[i]))]
    body = "\n".join(kept)
    body_chars = cjk_count(body)
    cue_words = sum(1 for w in cues.report_words if w in body)
    if body_chars < (cues.min_with_cues if cue_words >= 2 else cues.min_report_chars):
        links = sum(ln.link_chars for ln in lines)
        share = links / max(1, sum(len(ln.text) for ln in lines))
        if share > cues.max_link_share:
            raise NotAReport(name, f"an index or list page ({share:.0%} of its text is links), "
                                   "not a report")
        raise NotAReport(name, f"too little report text: the main block has {body_chars} "
                               f"Chinese characters (a report has thousands)")
    return body
