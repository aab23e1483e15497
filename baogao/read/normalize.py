"""Canonical text for a document, with a map back to the original.

The normalized text is what every later stage reads and every offset refers to:

1. Traditional characters become Simplified (OpenCC t2s) when the text is mostly Traditional.
2. Full-width digits, Latin letters and the symbols that matter for numbers and names
   (％ ． ＋ － ／ ＜ ＞ ＿ ＆: PM＿2.5, R＆D) become ASCII; ideographic and no-break spaces
   become plain spaces; invisible characters
   (zero-width spaces and joiners, BOM, soft hyphen) are dropped, and so are spaces and line
   breaks typeset inside a number (``8 ．8 ％``, ``74.4`` / ``万亿元``), so numbers read whole.
3. Word artefacts (``[bookmark: _Hlk…]``) and web chrome lines (下载, 打印, 字号, 分享, 相关报道…)
   are dropped; photo captions in the preamble are dropped; so are the page numbers and
   running headers of text taken from a PDF, and the spaces of letter-spaced lines
   (省 长  王 清 宪).
4. Lines are stripped; blank lines dropped; hard-wrapped lines rejoined; flattened table cells
   (one cell per tab-indented line) become one line per row with cells separated by TAB.

``offset_map[i]`` is the index in the original text of normalized character ``i``.

Everything here works on whole strings and lines (``str.translate``, compiled expressions,
slices of the offset list), never character by character in Python.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

import opencc

from baogao.data import load_json

_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_FULLWIDTH.update(
    {"％": "%", "＋": "+", "－": "-", "／": "/", "＜": "<", "＞": ">", "＝": "=", "．": ".",
     "＿": "_", "＆": "&"}
)
_SPACES = {"\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " "}
#: one character in, one character out: full-width forms and typographic spaces
_TRANSLATE = {**_FULLWIDTH, **_SPACES}
_TRANSLATABLE = re.compile("[" + re.escape("".join(sorted(_TRANSLATE))) + "]")
#: characters that carry nothing and split words and numbers: zero-width spaces and joiners,
#: word joiner, byte-order mark, soft hyphen
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]+")
_DIGITS = "0123456789０１２３４５６７８９"
_NUMBER_SPACES = " \u3000\xa0"
# spaces typeset inside a number: 8 ．8 ％ -> 8.8%
_NUMBER_SPACE = re.compile(r"(?<=[0-9０-９])[ \u3000\xa0]+(?=[％%]|[．.][0-9０-９])")
#: a space before a percent sign or a decimal point: where ``_NUMBER_SPACE`` may match (one
#: scan of the text)
_NUMBER_SPACE_HINT = re.compile(f"[{_NUMBER_SPACES}][％%．.]")
# a line break inside a number (74.4 / 万亿元, 74. / 4); the characters before the break are
# checked in ``_number_breaks``
_BREAK_BEFORE_NUMBER = re.compile(r"\n[ \u3000]*(?=[万亿%％]|[．.][0-9０-９]|[0-9０-９])")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# a pinyin gloss some sites print after a character (報(bào)告, 會（huì）議): a bracketed
# syllable with a tone mark right after a Chinese character; not report text
_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = re.compile(
    rf"(?<=[\u4e00-\u9fff])[(（][A-Za-zü{_TONE_MARKS}]{{0,6}}[{_TONE_MARKS}][a-zü{_TONE_MARKS}]{{0,6}}[)）]")
# an HTML line-break tag a copy left in its text, whole or masked (<br />, <**r />)
_TAG_FRAGMENT = re.compile(r"<[*A-Za-z][*A-Za-z ]{0,8}/>")
# a note marker printed after a word (一般公共预算收入[1]17.7亿元): a reference, not text
_NOTE_MARKER = re.compile(r"(?<=[\u4e00-\u9fff])[\[［]\d{1,2}[\]］]")
# a single space between two Chinese characters in a running paragraph (交出了一 份答卷, 同 比
# 增长): where a copy's line break was; a line is a running paragraph when long and punctuated
_BODY_LINE = re.compile(r"^[^\n]{60,}$", re.M)
_CJK_GAP = re.compile(r" (?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff])")  # sought from its space
#: a space set after a number before its unit or word, or between a Latin word and Chinese
#: (2021 年全市完成地区生产总值 6617 亿元,人均 GDP 达到 9.9 万元): typesetting, never a
#: separator; one before a number stays (建设 7000多所寄宿制学校: the verb's object follows)
_MIXED_GAP = re.compile(
    r" (?:(?<=[\u4e00-\u9fff] )(?=[A-Za-z])|(?<=[0-9A-Za-z%] )(?=[\u4e00-\u9fff]))")
#: a space between a Chinese character and a number (地区生产总值 6617亿元, 是2007年的 2.3倍)
_GAP_BEFORE_NUMBER = re.compile(r" (?<=[\u4e00-\u9fff] )(?=[0-9])")
#: anywhere (a list item, a heading): a space between a number and its unit or bound
#: (8.5 万元, 6.5% 左右, 2021 年工作回顾),
#: and one before a year (由 2007年的6.02亿元, 在 2019年): a year is no verb's count
_UNIT_GAP = re.compile(r" (?:(?<=[0-9%] )(?=[万亿千百元%个倍年月日]|左右|以上|以内|以下)"
                       r"|(?<=[\u4e00-\u9fff] )(?=(?:19|20)\d\d ?年))")
# a live transcript's speaker label and time stamp on each line: [溫家寶]:…。 [09:06]
_TRANSCRIPT_LABEL = re.compile(r"^[ \u3000]*\[([^\[\]\n]{2,8})\][:：]", re.M)
_TIME_STAMP = re.compile(r"[ \u3000]*\[\d{1,2}:\d{2}(?::\d{2})?\][ \u3000]*$", re.M)
_ARTEFACT = re.compile(r"\[bookmark: [^\]]*\]|\[image: [^\]]*\]")
_SECTION_START = re.compile(
    r"^(附件|名词解释|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)"
)
_DANGLING = "的了和与及对把被"
_CONTINUATION = "，。、；：）)》”」』！？,;"
_TERMINAL = "。！？；：…”」』）)!?;:"
#: closing marks that end a quotation or a parenthesis, seldom a paragraph
_CLOSING = "”」』）)"
_HEADING_START = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|"
    r"\d{1,2}[.．、](?!\d)|[（(]\d+[）)]|附件|名词解释|各位代表)"
)


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text and, per character, its offset in the original."""

    text: str
    offset_map: tuple[int, ...]
    spaced_lines: frozenset[int] = frozenset()


@functools.lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _chrome() -> tuple[frozenset[str], re.Pattern[str]]:
    raw = load_json("chrome.json")
    lines = frozenset(raw["lines"])
    return lines, re.compile("|".join(f"(?:{p})" for p in raw["patterns"]))


def is_mostly_traditional(text: str, sample: int = 4000) -> bool:
    """True when converting to Simplified changes a noticeable share of the CJK characters."""
    chunk = "".join(_CJK_RUN.findall(text[: sample * 2]))[:sample]
    if not chunk:
        return False
    converted = _converter().convert(chunk)
    if len(converted) != len(chunk):
        return True
    changed = 0
    for i in range(0, len(chunk), 64):  # compare blocks; count characters only where they differ
        a, b = chunk[i:i + 64], converted[i:i + 64]
        if a != b:
            changed += sum(1 for x, y in zip(a, b, strict=True) if x != y)
    return changed / len(chunk) > 0.02


def to_simplified(text: str) -> str:
    """Convert Traditional to Simplified keeping one output character per input character."""
    conv = _converter()
    out: list[str] = []
    for line in text.split("\n"):
        converted = conv.convert(line)
        if len(converted) != len(line):
            converted = "".join(
                c if len(c := conv.convert(ch)) == 1 else ch for ch in line
            )
        out.append(converted)
    return "\n".join(out)


def _delete(
    text: str, offsets: list[int] | None, spans: list[tuple[int, int]]
) -> tuple[str, list[int]]:
    """``text`` without the sorted, disjoint ``spans``, and the offsets of what is left
    (``offsets`` of ``text``, or its own positions when None)."""
    parts: list[str] = []
    kept: list[int] = []
    pos = 0
    for a, b in [*spans, (len(text), len(text))]:
        if a > pos:
            parts.append(text[pos:a])
            kept.extend(range(pos, a) if offsets is None else offsets[pos:a])
        pos = max(pos, b)
    return "".join(parts), kept


def _drop_spans(text: str) -> list[tuple[int, int]]:
    """Invisible characters, spaces inside numbers, pinyin glosses, note markers, spaces
    between Chinese characters of a paragraph, left-over line-break tags and the spaces of
    letter-spaced lines (searched only when present)."""
    spans: list[tuple[int, int]] = []
    if any(ch in text for ch in _INVISIBLE):
        spans += [m.span() for m in _INVISIBLE_RUN.finditer(text)]
    if _NUMBER_SPACE_HINT.search(text):
        spans += [m.span() for m in _NUMBER_SPACE.finditer(text)]
    if any(mark in text for mark in _TONE_MARKS):
        spans += [m.span() for m in _PINYIN_GLOSS.finditer(text)]
    if "[" in text or "［" in text:
        spans += [m.span() for m in _NOTE_MARKER.finditer(text)]
    if " " in text:
        spans += _paragraph_gaps(text)
        spans += [m.span() for m in _UNIT_GAP.finditer(text) if not _in_column(text, m.start())]
    if "]:" in text or "]：" in text:
        spans += _transcript_marks(text)
    if "/>" in text:
        spans += [m.span() for m in _TAG_FRAGMENT.finditer(text)]
    if " " in text or "\u3000" in text:
        spans += _letter_spaces(text)
        spans += _spaced_digits(text)
    if _BULLET_HINT.search(text):
        spans += [m.span() for m in _LINE_BULLET.finditer(text)]
    return sorted(spans)


#: a bullet opening a line (●地区生产总值增长6.5%左右 on an infographic's list): a mark, not a
#: word; ○ and 〇 stay (二○○八年 may lose its first character at a line start: ○○八年)
_BULLETS = "●•■◆▲►▶◇□★☆◎※✓√▪▸➤❖◼"
_BULLET_HINT = re.compile(f"[{_BULLETS}]")
_LINE_BULLET = re.compile(f"^[ \u3000]*[{_BULLETS}][ \u3000]*(?=[^\\s])", re.M)


#: a number typeset one digit at a time (1 6 5 5 亿美元, 1 5 ．3 ％, 1 9 9 7 年): single digits
#: (a decimal point stays with the digit after it) each followed by one space, at least two,
#: right before a Chinese character or a percent sign, or one digit after a Chinese character
#: right before 万 or 亿; a column of numbers (12 34) never is
#: (each branch opens on its digit and looks behind after it: the engine skips ahead to
#: digits; a branch opening on a lookbehind was tried at every character)
_SPACED_DIGITS = re.compile(
    r"[0-9０-９](?<![0-9０-９.．][0-9０-９])(?: (?:[0-9０-９]|[.．][0-9０-９]))+ ?"
    r"(?=[\u4e00-\u9fff%％‰])"
    # 钢产量达到1 亿吨: one digit, then its order
    r"|[0-9０-９](?<=[\u4e00-\u9fff][0-9０-９]) (?=[万亿])")


def _spaced_digits(text: str) -> list[tuple[int, int]]:
    """The spaces inside numbers typeset one digit at a time (1 6 5 5 亿美元 → 1655亿美元)."""
    spans: list[tuple[int, int]] = []
    for m in _SPACED_DIGITS.finditer(text):
        spans += [(m.start() + i, m.start() + i + 1) for i, ch in enumerate(m.group())
                  if ch == " "]
    return spans


def _transcript_marks(text: str) -> list[tuple[int, int]]:
    """The speaker labels of a live transcript (one label opening three lines or more), but
    the first, which may name the speaker, and the time stamps ending its lines."""
    labels = list(_TRANSCRIPT_LABEL.finditer(text))
    counts: dict[str, int] = {}
    for m in labels:
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    repeated = {name for name, n in counts.items() if n >= 3}
    if not repeated:
        return []
    spans = [m.span() for m in labels if m.group(1) in repeated][1:]
    return spans + [m.span() for m in _TIME_STAMP.finditer(text)]


def _in_column(text: str, space: int) -> bool:
    """Whether the number ending at ``space`` stands after a space itself (表 12 34 亿元, a
    column of numbers whose unit heads them all; 表 1 万): outside a body line only a number
    run into its words (39.8 万亿元, 6.5% 左右) or opening a line (2021 年工作回顾) loses it."""
    i = space
    while i > 0 and text[i - 1] in "0123456789.%":
        i -= 1
    return i >= 1 and text[i - 1] in " \u3000\xa0"


def _paragraph_gaps(text: str) -> list[tuple[int, int]]:
    """Single spaces between Chinese characters inside long punctuated lines, and those after
    a number or around a Latin word there (``_MIXED_GAP``)."""
    spans: list[tuple[int, int]] = []
    for line in _BODY_LINE.finditer(text):
        a, b = line.span()  # searched in place (the line's ends stop the lookarounds)
        gaps = text.count(" ", a, b)
        if not gaps or text.find("。", a, b) < 0:
            continue
        if gaps < 0.1 * (b - a):
            spans += [m.span() for m in _CJK_GAP.finditer(text, a, b)]
        spans += [m.span() for m in _MIXED_GAP.finditer(text, a, b)]
        before = [m.span() for m in _GAP_BEFORE_NUMBER.finditer(text, a, b)]
        if len(before) >= 3:  # the line's typesetting, not one stray space (建设 7000多所)
            spans += before
    return sorted(spans)


# a line whose every character stands alone between spaces: 省 长  王 清 宪, 增 长 5 . 2 %, or
# whose Chinese characters do (增 长 5.2% ，) — a PDF text layer written one character at a time,
# a title spread across the page
_SPACED_LINE = re.compile(
    r"^[ \u3000\xa0]*(?:[!-~]+|\S)(?:[ \u3000\xa0]+(?:[!-~]+|\S)){4,}[ \u3000\xa0]*$", re.M)
_SPACE_RUN = re.compile(r"[ \u3000\xa0]+")


def _letter_spaces(text: str) -> list[tuple[int, int]]:
    """The spaces of letter-spaced lines: at least five parts, most of them single characters
    and at least three of them Chinese."""
    if text.count(" ") + text.count("\u3000") < 4:
        return []
    spans: list[tuple[int, int]] = []
    for m in _SPACED_LINE.finditer(text):
        parts = m.group().split()
        chinese = sum(1 for part in parts if len(part) == 1 and _CJK_RUN.match(part))
        single = sum(1 for part in parts if len(part) == 1)
        if chinese >= 3 and single >= 0.6 * len(parts):
            spans += [(m.start() + a.start(), m.start() + a.end())
                      for a in _SPACE_RUN.finditer(m.group())]
    return spans


def _number_breaks(text: str) -> list[tuple[int, int]]:
    """Line breaks (with the spaces around them) that cut a number in two."""
    spans: list[tuple[int, int]] = []
    for m in _BREAK_BEFORE_NUMBER.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in " \u3000":
            start -= 1
        before = text[max(0, start - 2):start]
        after = text[m.end()]
        number_end = bool(before) and (
            before[-1] in _DIGITS or (before[-1] in ".．" and before[:1] in _DIGITS)
        )
        if not number_end:
            continue
        if after in _DIGITS and before[-1] in _DIGITS:
            continue  # two numbers on two lines (a table column)
        spans.append((start, m.end()))
    return spans


#: a three-character token a reposting site writes where the copied text broke its lines
#: (…会议上hd9 / …圆满完成。hd9 / 2019年及今年以来工作回顾hd92019年是…): never inside a Latin word
#: (the character before is tested after the token: a pattern opening on a character class is
#: sought by the engine's quick scan, one opening on a lookbehind is tried at every character)
_BREAK_TOKEN = re.compile(r"([A-Za-z][A-Za-z0-9]{2}|[0-9][A-Za-z][A-Za-z0-9])(?<![A-Za-z0-9]{4})")
_SENTENCE_END = "。！？；：:!?;"


def _repost_breaks(text: str) -> str:
    """``text`` with a reposting site's line-break token put back as line breaks (same length:
    the token's first character becomes the break, the rest invisible). A token is one when it
    stands at least three times after a sentence end or at a line end and mostly there (人均GDP,
    which stands inside sentences, is none)."""
    counts: dict[str, list[int]] = {}
    for m in _BREAK_TOKEN.finditer(text):
        token = m.group(1)
        before = text[m.start() - 1] if m.start() else "\n"
        after = text[m.end()] if m.end() < len(text) else "\n"
        at_break = before in _SENTENCE_END or after in "\n\r"
        tally = counts.setdefault(token, [0, 0])
        tally[0] += 1
        tally[1] += at_break
    tokens = [t for t, (n, k) in counts.items() if k >= 3 and 2 * k >= n]
    if not tokens:
        return text
    pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(map(re.escape, tokens))})")
    return pattern.sub(lambda m: "\n" + "\u200b" * (len(m.group()) - 1), text)


def _char_level(text: str) -> tuple[str, list[int]]:
    """Per-character substitutions; returns the new text and its offsets into ``text``."""
    if is_mostly_traditional(text):
        text = to_simplified(text)
    if _BREAK_TOKEN.search(text):
        text = _repost_breaks(text)
    chars, offsets = _delete(text, None, _drop_spans(text))
    breaks = _number_breaks(chars)
    if breaks:
        chars, offsets = _delete(chars, offsets, breaks)
    if _TRANSLATABLE.search(chars):
        chars = _TRANSLATABLE.sub(lambda m: _TRANSLATE[m.group()], chars)
    return chars, offsets


@dataclass(slots=True)
class _Line:
    text: str
    offsets: list[int]
    indented: bool
    blank_before: int = 0
    origin: int = 0
    lead: int = 0  # spaces the line opened on (a typed paragraph indent)
    last: int = -1  # width of its last printed line, indent included, once lines are joined

    @property
    def last_width(self) -> int:
        return self.last if self.last >= 0 else visual_width(self.text) + 2 * self.lead


def visual_width(text: str) -> int:
    """The printed width of ``text`` in half-character units: Chinese characters and marks
    take two, ASCII letters, digits and marks one (the half-width digits of a PDF line)."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def _split_lines(text: str, offsets: list[int]) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    blanks = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        line_offsets = offsets[pos:end]
        indented = raw.startswith("\t")
        cleaned, kept = _strip_artefacts(raw, line_offsets)
        origin = offsets[pos] if pos < len(offsets) else (offsets[-1] + 1 if offsets else 0)
        lead = 0 if indented or not cleaned else len(raw) - len(raw.lstrip(" "))
        lines.append(_Line(cleaned, kept, indented, blanks, origin, lead))
        blanks = 0 if cleaned else blanks + 1
        pos = end + 1
    return lines


_WS_RUN = re.compile(r"[ \t\r]{2,}|\r")


def _strip_artefacts(raw: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Drop Word artefacts and surrounding whitespace; a run of inner whitespace becomes its
    tabs (cell separators) if it has any, else one space."""
    if "[" in raw:
        spans = [m.span() for m in _ARTEFACT.finditer(raw)]
        if spans:
            raw, offsets = _delete(raw, offsets, spans)
    stripped = raw.strip()
    if len(stripped) != len(raw):
        lead = len(raw) - len(raw.lstrip())
        raw, offsets = stripped, offsets[lead:lead + len(stripped)]
    if "\r" not in raw and "  " not in raw and "\t" not in raw:
        return raw, offsets
    parts: list[str] = []
    kept: list[int] = []
    pos = 0
    for m in _WS_RUN.finditer(raw):
        a, b = m.span()
        parts.append(raw[pos:a])
        kept.extend(offsets[pos:a])
        tabs = [a + k for k, c in enumerate(m.group()) if c == "\t"]
        if tabs:
            parts.append("\t" * len(tabs))
            kept.extend(offsets[i] for i in tabs)
        else:
            parts.append(" ")
            kept.append(offsets[a])
        pos = b
    parts.append(raw[pos:])
    kept.extend(offsets[pos:])
    return "".join(parts), kept


def is_chrome(line: str) -> bool:
    """True for a line that is web-page furniture rather than report text."""
    lines, pattern = _chrome()
    return line in lines or pattern.fullmatch(line) is not None


def _merge_table_rows(lines: list[_Line]) -> list[_Line]:
    """Join tab-indented cell lines (a flattened Word table) into one TAB-separated row line.

    A row is a run of indented lines; an unindented non-empty line inside the run continues
    the previous cell (a wrapped cell); an empty line ends the row.
    """
    out: list[_Line] = []
    row: list[_Line] | None = None

    def flush() -> None:
        nonlocal row
        if row:
            text_parts: list[str] = []
            offs: list[int] = []
            for k, cell in enumerate(row):
                if k:
                    text_parts.append("\t")
                    offs.append(offs[-1] + 1 if offs else cell.origin)
                text_parts.append(cell.text)
                offs.extend(cell.offsets)
            out.append(_Line("".join(text_parts), offs, True))
        row = None

    for line in lines:
        if "\t" in line.text:  # a whole row already (docx, HTML): cells separated by TAB
            flush()
            out.append(_Line(line.text, list(line.offsets), True, 0, line.origin))
        elif line.indented:
            if row is None:
                row = []
            row.append(_Line(line.text, list(line.offsets), True, 0, line.origin))
        elif row is not None and line.text and not _SECTION_START.match(line.text):
            if row:
                last = row[-1]
                row[-1] = _Line(last.text + line.text, last.offsets + line.offsets, True)
        else:
            flush()
            out.append(line)
    flush()
    # rows whose every cell is empty carry no information
    return [ln for ln in out if not (ln.indented and not ln.text.replace("\t", "").strip())]


def _dominant_width(lines: list[_Line]) -> int | None:
    """The printed width (``visual_width``) of the lines of a hard-wrapped text, if many long
    lines share it."""
    widths = [ln.last_width for ln in lines if len(ln.text) >= 20 and not ln.indented]
    if len(widths) < 6:
        return None
    counts: dict[int, int] = {}
    for w in widths:
        counts[w] = counts.get(w, 0) + 1
    width, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    # an excerpt of a few lines (six or more) is hard-wrapped when three of them share a width
    return width if n >= 0.3 * len(widths) and (len(widths) >= 10 or n >= 3) else None


#: a line opening on a year (2022年一季度，…): after a full line's sentence end, likely a new
#: paragraph, whose period it sets
_YEAR_OPENER = re.compile(r"(?:19|20)\d{2}年")


def _clustered(lines: list[_Line], width: int | None) -> bool:
    """Whether most long lines of a hard-wrapped text reach its width (within one character):
    a text wrapped at a display width, whose lines end wherever the width falls."""
    if width is None:
        return False
    long = [ln for ln in lines if len(ln.text) >= 20 and not ln.indented]
    return sum(1 for ln in long if width - 2 <= ln.last_width <= width + 2) >= 0.5 * len(long)


def _should_join(prev: _Line, nxt: _Line, width: int | None, soft_breaks: bool,
                 indents: bool = False, clustered: bool = False) -> bool:
    if prev.indented or nxt.indented or not prev.text or not nxt.text:
        return False
    if nxt.text[0] in _CONTINUATION or nxt.text.startswith(("是：", "是:")) or (
        prev.text[-1] in _DANGLING and not _HEADING_START.match(nxt.text)
    ):
        return True
    if indents and nxt.lead:
        return False  # an indented line opens a paragraph
    if soft_breaks and nxt.blank_before == 0:
        heading = _HEADING_START.match(prev.text) and len(prev.text) <= 40
        return not (heading or _HEADING_START.match(nxt.text) or prev.text[-1] in _TERMINAL)
    full = width is not None and prev.last_width >= width - 2
    if _HEADING_START.match(nxt.text):
        # a heading follows a paragraph's end; after a full line cut inside a sentence the
        # line goes on (排名世界第一、第 / 二、世界第三。)
        return full and prev.text[-1] not in _TERMINAL
    if prev.text[-1] in _CLOSING and full:
        return True  # a full line ending on a closing quote: 专精特新“小巨人” / 企业113家
    if indents and full and prev.text[-1] in "。！？；：" and not nxt.lead:
        return True  # paragraphs open on an indent: a full line's sentence end is not one
    if clustered and full and prev.text[-1] in "。！？；：!?;:" and nxt.blank_before == 0 \
            and not nxt.lead and not (_HEADING_START.match(prev.text) and len(prev.text) <= 40) \
            and not _YEAR_OPENER.match(nxt.text):
        # a text wrapped at one display width: a line reaching the width was cut there, its
        # sentence end falling on the width by chance; a paragraph ends on a short line, or
        # (a paragraph that happened to fill its last line) before a line opening on a year
        return True
    if prev.text[-1] in _TERMINAL:
        return False
    # a wrapped dateline: ——2023年1月4日在北京市西城区第十七届 / 人民代表大会第三次会议上
    if prev.text.startswith(("——", "—", "（", "(")) and re.search(r"会议上?[）)]?$", nxt.text):
        return not re.search(r"会议上?[）)]?$", prev.text)
    return full


def _cut_body(lines: list[_Line]) -> int:
    """Where the body opens (the salutation's line) in a copy wrapped at no one width whose
    long lines mostly end inside a sentence (an aggregator's excerpt: …一般公共 / 预算支出
    完成14.34亿元); the number of lines when the copy is not such a one."""
    body = next((k for k, ln in enumerate(lines) if ln.text.startswith("各位代表")), len(lines))
    # only the body's lines vote: a page's title, byline and furniture above the salutation
    # (breadcrumbs, 【字体：大 中 小】) end inside no sentence of the report
    long = [ln for ln in lines[body:] if len(ln.text) >= 20 and not ln.indented]
    cut = sum(1 for ln in long if ln.text[-1] not in _TERMINAL + _CLOSING)
    if len(long) < 6 or cut < 0.6 * len(long):
        return len(lines)
    return body


def _cut_inside(prev: _Line, nxt: _Line) -> bool:
    """A long line cut inside its sentence, and a line that goes on with it."""
    # (a cut falling on a semicolon cuts the sentence too: …一般公共预算总收入3.8亿元、增长
    # 15.78%; / 地方一般公共预算收入2.68亿元、…)
    ends = (_TERMINAL + _CLOSING).replace("；", "").replace(";", "")
    return (len(prev.text) >= 20 and not prev.indented and not nxt.indented
            and nxt.blank_before == 0 and prev.text[-1] not in ends
            and not _HEADING_START.match(nxt.text)
            and not (_HEADING_START.match(prev.text) and len(prev.text) <= 40))


def _join_wrapped(lines: list[_Line]) -> list[_Line]:
    """Rejoin lines broken inside a sentence.

    Three signals: a line starting with a continuation mark (，。、) belongs to the one before;
    a page whose paragraphs are separated by blank lines and which shows such breaks uses
    single newlines as soft breaks (link text split out by a web scraper); and a hard-wrapped
    text whose lines share one width.
    """
    width = _dominant_width(lines)
    soft_breaks = sum(1 for ln in lines if ln.text[:1] in _CONTINUATION) >= 2 and (
        sum(1 for ln in lines if ln.blank_before) >= 0.3 * len(lines)
    )
    # a hard-wrapped text whose paragraphs open on a typed indent (　　) and whose other
    # lines do not: a line without one continues its paragraph
    indents = width is not None and sum(1 for ln in lines if ln.lead) >= 0.05 * len(lines)
    body = _cut_body(lines) if width is None and not soft_breaks else len(lines)
    clustered = not soft_breaks and not indents and _clustered(lines, width)
    out: list[_Line] = []
    for k, line in enumerate(lines):
        if out and ((k > body and _cut_inside(out[-1], line))
                    or _should_join(out[-1], line, width, soft_breaks, indents, clustered)):
            prev = out[-1]
            out[-1] = _Line(
                prev.text + line.text, prev.offsets + line.offsets, False, prev.blank_before,
                lead=prev.lead, last=line.last_width,
            )
        else:
            out.append(line)
    return out


def _drop_chrome(lines: list[_Line]) -> list[_Line]:
    """Drop chrome lines, the value line after a bare label (来源： / 宁夏日报), breadcrumbs."""
    kept: list[_Line] = []
    skip_next = False
    for i, ln in enumerate(lines):
        text = ln.text
        if ln.indented:
            kept.append(ln)
            skip_next = False
            continue
        if skip_next and len(text) <= 30 and not _HEADING_START.match(text):
            skip_next = False
            continue
        skip_next = False
        if is_chrome(text):
            skip_next = text.endswith(("：", ":")) and text not in ("各位代表：", "各位代表:")
            continue
        if len(text) <= 20 and {lines[j].text for j in (i - 1, i + 1) if 0 <= j < len(lines)
                                } & {">", "»", "＞"}:
            continue  # a breadcrumb between > marks
        kept.append(ln)
    return _drop_preamble_noise(kept)


#: a page number printed at a page foot: — 3 —, -3-, 第3页, 第 3 页 共 40 页, 3/40
_PAGE_NUMBER = re.compile(
    r"[-—–~]{1,2} ?\d{1,4} ?[-—–~]{1,2}"
    r"|(?:共 ?\d{1,4} ?页 ?)?第 ?\d{1,4} ?页(?: ?[,，/]? ?共 ?\d{1,4} ?页)?"
    r"|\d{1,4} ?/ ?\d{1,4}|[Pp]age \d{1,4}(?: of \d{1,4})?"
)
_BARE_NUMBER = re.compile(r"\d{1,4}")
#: a page number run onto the end of a text line, after a space (a separate text object)
_TRAILING_PAGE_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff，。、；：）”]) (?:[-—–~]{1,2} ?\d{1,4} ?[-—–~]{1,2}|第 ?\d{1,4} ?页)$")
_SENTENCE_MARKS = re.compile(r"[，。；！？,;!?]")


def _drop_page_furniture(lines: list[_Line]) -> list[_Line]:
    """Drop what a PDF repeats on every page: page numbers (— 3 —, 第3页, or bare numbers
    counting up) and running headers (a short line repeated next to the page numbers, or a
    repeated title line), keeping the first copy of a header; the lines of a paragraph cut by
    a page break then meet again and are rejoined like any hard-wrapped text."""
    marked = [not ln.indented and _PAGE_NUMBER.fullmatch(ln.text) is not None for ln in lines]
    bare = [i for i, ln in enumerate(lines)
            if not ln.indented and _BARE_NUMBER.fullmatch(ln.text)]
    if len(bare) >= 3:
        rising = [i for k, i in enumerate(bare)
                  if k and int(lines[i].text) == int(lines[bare[k - 1]].text) + 1]
        if len(rising) >= 0.6 * len(bare):
            for i in bare:
                marked[i] = True
    where: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if (not ln.indented and not marked[i] and len(ln.text) <= 40
                and not _SENTENCE_MARKS.search(ln.text)):
            where.setdefault(ln.text, []).append(i)
    for text, found in where.items():
        if len(found) < 3:
            continue
        near = sum(1 for i in found
                   if any(marked[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)))
        if near * 2 >= len(found) or text.endswith("报告"):
            # the first copy stays when it opens the document (the title line)
            for i in found[1:] if found[0] < 3 else found:
                marked[i] = True
    if not any(marked):
        return lines
    kept: list[_Line] = []
    for ln, drop in zip(lines, marked, strict=True):
        if drop:
            continue
        tail = _TRAILING_PAGE_NUMBER.search(ln.text) if not ln.indented else None
        if tail:  # a page foot laid out on the page's last text line: …经济运行稳 - 6 -
            ln = dataclasses.replace(ln, text=ln.text[: tail.start()],
                                     offsets=ln.offsets[: tail.start()], last=-1)
        kept.append(ln)
    return kept


_DATELINE_END = re.compile(r"会议上[）)]?$")
#: a byline opening on the full date (2025年1月19日在…会议上省长许昆林作政府工作报告。); a photo
#: caption gives the day without the year (1月19日，…)
_DATED_BYLINE = re.compile(r"[—\-]{0,2}(?:\d{4}|[〇○零一二三四五六七八九]{4})年.{1,3}月.{1,3}日在")
_CAPTION = re.compile(r".{0,200}(记者|摄影|图片来源).{0,20}(摄|供图)?$|.{2,40}作政府工作报告。?$")


def _drop_preamble_noise(lines: list[_Line]) -> list[_Line]:
    """Drop captions and repeated header lines above the salutation (各位代表)."""
    first_body = next(
        (i for i, ln in enumerate(lines) if ln.text.startswith("各位代表")), None
    )
    if first_body is None or first_body > 40:
        return lines
    seen: set[str] = set()
    out: list[_Line] = []
    width = _dominant_width(lines)
    for i, ln in enumerate(lines):
        if i < first_body:
            # the tail of a hard-wrapped byline (…安徽省人民政府省 / 长 王清宪作政府工作报告)
            # continues the full line before it; it is no caption
            wrapped = (width is not None and i > 0 and lines[i - 1].last_width >= width - 2
                       and lines[i - 1].text[-1] not in _TERMINAL)
            caption = (_CAPTION.fullmatch(ln.text) and not _DATELINE_END.search(ln.text)
                       and not _DATED_BYLINE.match(ln.text) and not wrapped)
            if ln.text in seen or caption:
                continue
            seen.add(ln.text)
        out.append(ln)
    return out


def normalize(text: str) -> NormalizedText:
    """Return the canonical text of ``text`` and the offset map back to it."""
    chars, offsets = _char_level(text)
    lines = _split_lines(chars, offsets)
    lines = _merge_table_rows(lines)
    lines = [ln for ln in lines if ln.text]
    lines = _drop_page_furniture(lines)
    lines = _drop_chrome(lines)
    lines = _join_wrapped(lines)
    out_text: list[str] = []
    out_map: list[int] = []
    spaced: set[int] = set()
    pos = 0
    for k, ln in enumerate(lines):
        if k:
            out_text.append("\n")
            out_map.append(out_map[-1] + 1 if out_map else 0)
            pos += 1
        if ln.blank_before >= 2:
            spaced.add(pos)
        out_text.append(ln.text)
        out_map.extend(ln.offsets)
        pos += len(ln.text)
    return NormalizedText("".join(out_text), tuple(out_map), frozenset(spaced))


def original_span(offset_map: tuple[int, ...], start: int, end: int) -> tuple[int, int]:
    """The span of the original text covering normalized ``[start, end)``."""
    if not offset_map or start >= end:
        return (0, 0)
    return offset_map[start], offset_map[min(end, len(offset_map)) - 1] + 1
