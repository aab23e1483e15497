"""Reading numbers, units, ranges and bounds out of report text, on ``Decimal``.

``parse_number`` reads one numeral (``5700.1``, ``五百七十``, ``一千二百万``, ``两``,
``百分之七点五``);
``find_quantities`` scans a span of text for values with units (``134.9万亿元``, ``5%左右``,
``4.5%—5%``, ``不超过4%``) and reports each with its exact span, so the caller can cite it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from baogao.extract.alternation import words_pattern
from baogao.extract.catalog import cues, page_shapes
from baogao.models import Bound
from baogao.settings import limit

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
# Characters a typesetter or a web page may leave inside a number (7 4 7 7 2, 74.4<U+200B>万).
_INSIDE = "[ \u200b\u200c\u200d\u2060\ufeff]"
_STRIP_INSIDE = re.compile(_INSIDE)
_AR_NUM = rf"\d(?:{_INSIDE}?\d)*(?:{_INSIDE}?[.·・]{_INSIDE}?\d(?:{_INSIDE}?\d)*)?"
# 3，680亿斤: digits grouped by commas (a full-width comma only right before a unit or 万/亿)
_GROUPED = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"  # 12,885.5亿元: the decimals belong to it
    r"|\d{1,3}(?:，\d{3})+(?=[万亿]|[^\d，,。；;\s]{1,3}(?:[，,。；;\s]|$))"
)
# 108亿3038万元: 亿 and then the 万 below it, written in digits (read in 万 by ``_read``)
_COMPOUND = r"\d{1,5}亿\d{1,4}(?=万)"
_COMPOUND_PARTS = re.compile(r"(\d{1,5})亿(\d{1,4})")
_CN_NUM = rf"[{_CN_CHARS}]+(?:点[零〇一二两三四五六七八九]+)?"


@dataclass(frozen=True)
class Quantity:
    """A value found in text.

    ``start``/``end`` span the words that state it (bound words included: ``3.5%以内``,
    ``不超过4%``); ``unit`` is as printed (``万亿元``, ``%``, ``个百分点``) or ``""``.
    ``value_high`` is set for a range (``4.5%—5%``).
    """

    start: int
    end: int
    value: Decimal
    unit: str
    bound: Bound | None = None
    value_high: Decimal | None = None
    negative_sign: bool = False


def _parse_cn_integer(text: str) -> int | None:
    """An integer written in Chinese numerals, or None if malformed."""
    if not text:
        return None
    if all(ch in _DIGITS for ch in text):
        if len(text) == 1:
            return _DIGITS[text]
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = 0
    section = 0
    digit: int | None = None
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0 and digit != 0:
                return None
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch in _BIG_UNITS:
            section += digit or 0
            if section == 0 and total == 0:
                return None
            total = (total + section) * _BIG_UNITS[ch] if ch == "亿" else total + section * 10**4
            section = 0
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def _parse_cn(text: str) -> Decimal | None:
    """A Chinese numeral with an optional 点 decimal part."""
    whole, _, frac = text.partition("点")
    integer = _parse_cn_integer(whole)
    if integer is None:
        return None
    if not frac:
        return Decimal(integer)
    if not all(ch in _DIGITS for ch in frac):
        return None
    return Decimal(f"{integer}." + "".join(str(_DIGITS[ch]) for ch in frac))


def parse_number(text: str, max_chars: int | None = None) -> Decimal | None:
    """Read one numeral: Arabic (``5700.1``, ``-4.4``), Chinese (``一千二百万``, ``两``,
    ``七点五``), Arabic with a Chinese multiplier (``1.2万``), or ``百分之…`` (returned as the
    percent number). Returns None when ``text`` is not a numeral, or longer than
    ``max_chars`` (default: the ``max_numeral_chars`` limit).
    """
    if max_chars is None:  # a caller reading many numerals reads the limit once
        max_chars = limit("max_numeral_chars")
    if len(text) <= _CACHED_CHARS:  # numerals recur: short ones are kept
        return _parse_cached(text, max_chars)
    return _parse_number(text, max_chars)


#: Numerals up to this long are kept by ``parse_number`` (never a long hostile run).
_CACHED_CHARS = 32


def _parse_number(text: str, max_chars: int) -> Decimal | None:
    """``parse_number`` with the numeral length limit given."""
    text = _STRIP_INSIDE.sub("", text.strip()).replace(",", "").replace("，", "")
    text = text.replace("·", ".").replace("・", ".")
    if not text or len(text) > max_chars:
        return None  # a run of digits too long to be a value (and to convert in linear time)
    if text.startswith("百分之"):
        return _parse_number(text[3:], max_chars)
    sign = Decimal(-1) if text[0] in "-−" else Decimal(1)
    body = text[1:] if text[0] in "-−+" else text
    scale = Decimal(1)
    while body and body[-1] in _BIG_UNITS and re.search(r"\d", body):
        scale *= _BIG_UNITS[body[-1]]
        body = body[:-1]
    if re.fullmatch(_AR_NUM, body):
        try:
            return sign * Decimal(body) * scale
        except InvalidOperation:
            return None
    if re.fullmatch(_CN_NUM, body):
        value = _parse_cn(body)
        return None if value is None else sign * value * scale
    return None


_parse_cached = functools.lru_cache(maxsize=8192)(_parse_number)


def _alternation(words: list[str]) -> str:
    return words_pattern(sorted(words, key=len, reverse=True))


def begins_with(words: Iterable[str], chars: str) -> re.Pattern[str]:
    """One character class of the characters a match can begin with: a digit, one of
    ``chars`` or the first character of one of ``words`` (for ``scan``)."""
    firsts = {w[0] for w in words if w} | set(chars)
    return re.compile(r"[\d" + "".join(re.escape(c) for c in sorted(firsts)) + "]")


def opening_chars(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``begins_with`` read from ``pattern`` itself: one character class of the characters
    its matches open on, when every alternative opens on a literal character or a class of
    them, or an optional part before one (a phrase list: 完成…|(?:力争)?保持…|[与和同]…);
    None when one may open otherwise (an empty match, an anchor, a lookaround, a negated or
    category class, a case-insensitive pattern): ``scan`` could not skip to it."""
    from re import _parser  # type: ignore[attr-defined]

    if pattern.flags & re.IGNORECASE:
        return None
    chars = _opening_chars(_parser.parse(pattern.pattern).data)
    if not chars:
        return None
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def _opening_chars(items: Any) -> set[str] | None:
    """The characters a parsed sequence's first item must consume one of, or None."""
    if not items:
        return None
    op, av = items[0]
    name = str(op)
    if name == "LITERAL":
        return {chr(av)}
    if name == "IN":
        found: set[str] = set()
        for kind, value in av:
            if str(kind) == "LITERAL":
                found.add(chr(value))
            elif str(kind) == "RANGE" and value[1] - value[0] < 64:
                found.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None  # a negation, a category (\d) or a wide range
        return found
    if name == "SUBPATTERN":
        return None if av[1] or av[2] else _opening_chars(av[-1])  # no inline flags
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        inner = _opening_chars(av[2])
        if av[0] >= 1 or inner is None:
            return inner
        after = _opening_chars(items[1:])  # (?:力争)?保持…: its body, or what follows
        return None if after is None else inner | after
    if name == "BRANCH":
        union: set[str] = set()
        for alternative in av[1]:
            opens = _opening_chars(alternative)
            if opens is None:
                return None
            union |= opens
        return union
    return None


def scan(pattern: re.Pattern[str], begins: re.Pattern[str], text: str, start: int,
         end: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)`` for a pattern that never matches empty and
    whose matches begin with a character of ``begins`` (one character class): the engine
    skips to those characters and tries the long pattern only there, where ``finditer``
    would try it at every position (same matches, several times faster)."""
    pos = start
    while (found := begins.search(text, pos, end)) is not None:
        at = found.start()
        match = pattern.match(text, at, end)
        if match is None:
            pos = at + 1
            continue
        yield match
        pos = match.end()


@functools.lru_cache(maxsize=1)
def _quantity_begins() -> re.Pattern[str]:
    """Where a ``_quantity_re`` match can begin: a bound word, a sign, 百分之 or a numeral."""
    table = cues()
    return begins_with([w for words in table["prefix_bounds"].values() for w in words],
                       "-−百" + _CN_CHARS)


def _quantities(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    return scan(_quantity_re(), _quantity_begins(), text, start, end)


@functools.lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern[str]:
    table = cues()
    units = _alternation(table["units"])
    pre = _alternation([w for words in table["prefix_bounds"].values() for w in words])
    post = _alternation([w for words in table["suffix_bounds"].values() for w in words])
    seps = _alternation(table["range_separators"])
    number = rf"(?:{_COMPOUND}|{_GROUPED}|{_AR_NUM}|{_CN_NUM})"
    gap = rf"{_INSIDE}?"  # 6617 亿元, 突破 450 亿元, 5% 左右: a space a copy left around a number
    return re.compile(
        rf"(?:(?P<pre>{pre}){gap})?(?P<sign>[-−])?"
        rf"(?:(?P<pct>百分之)(?P<pnum>{number})|(?P<num>{number}){gap}"
        rf"(?:(?P<more>多|余)(?={units}))?(?P<unit>{units})?)"
        rf"(?:(?P<sep>{seps})(?:(?P<pct2>百分之)(?P<pnum2>{number})|"
        rf"(?P<num2>{number}){gap}(?P<unit2>{units})))?"
        rf"(?:{gap}(?P<post>{post}))?"
    )


@functools.lru_cache(maxsize=1)
def _unit_gate() -> re.Pattern[str]:
    """A necessary condition for a quantity with a unit: a numeral character right before a
    unit (the number of ``_quantity_re`` ends with one; spaces and 多/余 may come between),
    百分之, or 每 (a unit written first). Where it finds nothing, ``find_quantities`` (with
    units required) finds nothing either. It opens on one character class (a numeral or 每;
    then 每 itself, 百分之, or a unit after the numeral), so the engine skips ahead to those
    characters instead of trying every branch at every position."""
    units = _alternation(cues()["units"])
    return re.compile(
        rf"[\d{_CN_CHARS}每](?:(?<=每)|(?<=百)分之|{_INSIDE}?(?:多|余)?(?:{units}))")


def may_hold_quantity(text: str, start: int, end: int) -> bool:
    """False when ``text[start:end]`` surely holds no quantity with a unit (see
    ``_unit_gate``): a cheap test before reading its numbers."""
    return _unit_gate().search(text, start, end) is not None


@functools.lru_cache(maxsize=1)
def _unit_first_re() -> re.Pattern[str]:
    """每立方米20微克: a per-unit written before the number, the amount unit after it."""
    table = cues()
    pre = _alternation([w for words in table["prefix_bounds"].values() for w in words])
    post = _alternation([w for words in table["suffix_bounds"].values() for w in words])
    per = _alternation(list(table["unit_first"]))
    amounts = _alternation(sorted({a for units in table["unit_first"].values() for a in units}))
    return re.compile(
        rf"(?P<pre>{pre})?每(?P<per>{per})(?P<num>{_AR_NUM})(?P<amount>{amounts})"
        rf"(?P<post>{post})?"
    )


def _canonical_unit(unit: str) -> str:
    canonical: dict[str, str] = cues()["unit_synonyms"]
    return canonical.get(unit, unit)


@functools.lru_cache(maxsize=1)
def _bound_of() -> dict[str, Bound]:
    table = cues()
    found: dict[str, Bound] = {}
    for key in ("prefix_bounds", "suffix_bounds"):
        for bound, words in table[key].items():
            for word in words:
                found[word] = bound
    return found


def _plausible_cn(numeral: str) -> bool:
    """False for Chinese numerals that are words, not values: 一二, 千 (千亿元), 万."""
    if not re.fullmatch(_CN_NUM, numeral):
        return True
    if numeral[0] in "十百千万亿":
        return numeral[0] == "十" and len(numeral) > 1
    if not re.search(r"[十百千万亿点]", numeral):
        return len(numeral) == 1
    return True


def _unit_of(match: re.Match[str], pct: str, unit: str) -> str:
    if match.group(pct):
        return "%"
    return _canonical_unit(match.group(unit) or "")


def _magnitude_only(numeral: str) -> bool:
    """千亿, 万亿, 百亿: a bare order of magnitude (突破万亿元 = 1万亿元)."""
    return bool(re.fullmatch(r"[十百千万]亿?|[十百千]万", numeral))


def printed_order(numeral: str) -> tuple[str, str] | None:
    """五千三百亿 → (五千三百, 亿): a Chinese numeral whose only order of magnitude (万, 亿,
    万亿) closes it, split so that the order can stay in the unit as printed (5300 亿元, as
    5300亿元 reads). None for Arabic numerals, a bare order (万) and numerals with two orders
    (三亿三千五百万, read whole). A 万 inside a numeral closing on 亿 counts the 亿s
    (二万零一百八十八亿 → (二万零一百八十八, 亿), as 20188亿元 reads)."""
    if not numeral or numeral[-1] not in "万亿" or re.search(r"\d", numeral):
        return None
    head = numeral.rstrip("万亿")
    order = numeral[len(head):]
    if not head or "亿" in head or ("万" in head and order != "亿"):
        return None
    return head, order


def printed_in_yi(numeral: str) -> Decimal | None:
    """二十六亿六千万 → 26.6: a Chinese numeral with 亿 and a part below it, read in 亿 so that
    the order stays in the unit (26.6亿美元), as ``printed_order`` keeps the one order of a
    numeral that ends on it. None for Arabic numerals, numerals ending on their order, with
    万亿, with 亿 twice, or with a part below 万."""
    if (not numeral or numeral.count("亿") != 1 or numeral[-1] == "亿" or "万亿" in numeral
            or re.search(r"\d", numeral)):
        return None
    value = _parse_cn(numeral)
    if value is None or value % 10**4:
        return None  # 一亿五千零七十二万四千: no whole number of 万 below the 亿, read whole
    return value / _BIG_UNITS["亿"]


def _read(match: re.Match[str], require_unit: bool) -> Quantity | None:
    unit = _unit_of(match, "pct", "unit")
    if require_unit and not unit and not match.group("sep"):
        return None  # no unit (a year, a bare count): known before reading the numeral
    first = match.group("pnum") or match.group("num")
    threshold = match.group("pre") and _bound_of().get(match.group("pre")) == "min"
    if match.group("num") and threshold and _magnitude_only(first):
        first = "一" + first
    compound = _COMPOUND_PARTS.fullmatch(first)
    if compound is not None:  # in 万 (the unit starts with it): 108亿3038 -> 1083038
        value: Decimal | None = (Decimal(compound.group(1)) * 10**4 + Decimal(compound.group(2))
                                 if unit.startswith("万") else None)
    else:
        value = parse_number(first)
    if value is None:
        return None
    high: Decimal | None = None
    if match.group("sep"):
        second = match.group("pnum2") or match.group("num2")
        high = parse_number(second)
        unit2 = _unit_of(match, "pct2", "unit2")
        if high is None or (unit and unit != unit2) or high <= value:
            return None
        unit = unit2
    if require_unit and not unit:
        return None
    if not match.group("num") and not match.group("pct") and not match.group("num2"):
        return None
    if match.group("num") and not _plausible_cn(first):
        return None
    bound = _bound_of().get(match.group("post") or "") or _bound_of().get(match.group("pre") or "")
    if match.group("more") and not re.match(r"\d", first):
        # 三亿三千五百多万吨: the 万 after 多 belongs to the group before it (3.35亿吨 plus)
        if "亿" not in first or not unit.startswith("万") or len(unit) < 2:
            if unit[:1] in ("万", "亿") and unit[:1] in first:
                return None
        else:
            whole = parse_number(first + "万")
            if whole is None or high is not None:
                return None
            value, unit = whole, unit[1:]
    if bound is None and match.group("more"):
        bound = "min"  # 67700多亿元, 700余万人: more than the number
    negative = bool(match.group("sign"))
    if negative:
        value = -value
    return Quantity(
        start=match.start(),
        end=match.end(),
        value=value,
        unit=unit,
        bound=bound,
        value_high=high,
        negative_sign=negative,
    )


def find_quantities(
    text: str, start: int = 0, end: int | None = None, require_unit: bool = True
) -> list[Quantity]:
    """Values with units in ``text[start:end]``, left to right, spans in ``text`` offsets.

    With ``require_unit`` False a bare number (a table cell: ``5左右``, ``<3.5``) is read too.
    """
    stop = len(text) if end is None else end
    found: list[Quantity] = []
    if require_unit and _unit_gate().search(text, start, stop) is None:
        return found
    for match in _quantities(text, start, stop):
        if not (match.group("num") or match.group("pnum")):
            continue
        if _BROKEN_TAIL.match(text, max(0, match.start() - 2)) and match.start() >= 2:
            continue  # 完成21⏎2.8亿元: the tail of a number a line break cut, not a value
        quantity = _read(match, require_unit)
        if quantity is not None:
            found.append(quantity)
    if "每" in text[start:stop]:
        extra = _unit_first(text, start, stop)
        if extra:
            found = [
                q for q in found if not any(e.start < q.end and q.start < e.end for e in extra)
            ]
            found = sorted([*found, *extra], key=lambda q: q.start)
    if len(found) > 1 and "分别" in text[start:stop]:
        found = _shared_bounds(text, found)
    return found


_RATE_UNITS = frozenset({"%", "‰"})
#: a digit (or decimal point) and a line break right before a numeral
_BROKEN_TAIL = re.compile(r"[\d.．]\n")


def _shared_bounds(text: str, found: list[Quantity]) -> list[Quantity]:
    """分别增长10.6%和12.3%左右, 分别控制在4.2%、3%以内: the bound written after the last value
    of a list taken 分别 holds for every value of the list."""
    table = page_shapes()
    joiners = tuple(table["shared_bound_joiners"])
    suffixes = sorted((w for words in cues()["suffix_bounds"].values() for w in words),
                      key=len, reverse=True)
    out = list(found)
    first = 0
    for i in range(1, len(found) + 1):
        if i < len(found) and text[found[i - 1].end : found[i].start] in joiners:
            continue
        run = found[first:i]
        first = i
        last = run[-1]
        lead = text[max(0, run[0].start - int(table["shared_bound_lead"])) : run[0].start]
        if (len(run) < 2 or last.bound is None or "分别" not in lead
                or not any(text.startswith(w, last.end - len(w)) for w in suffixes)):
            continue
        units = {q.unit for q in run}
        if len(units) > 1 and not units <= _RATE_UNITS:
            continue
        if any(q.bound is not None or q.value_high is not None for q in run[:-1]):
            continue
        for q in run[:-1]:
            out[found.index(q)] = dataclasses.replace(q, bound=last.bound)
    return out


def first_quantity(text: str, start: int, end: int,
                   skip_units: tuple[str, ...] = ()) -> Quantity | None:
    """The first of ``find_quantities(text, start, end)`` whose unit is not in
    ``skip_units``, reading no numeral after it."""
    if _unit_gate().search(text, start, end) is None:
        return None
    if "每" in text[start:end]:  # unit-first quantities may come first: read them all
        return next((q for q in find_quantities(text, start, end) if q.unit not in skip_units),
                    None)
    for match in _quantities(text, start, end):
        if not (match.group("num") or match.group("pnum")):
            continue
        quantity = _read(match, True)
        if quantity is not None and quantity.unit not in skip_units:
            return quantity
    return None


def _unit_first(text: str, start: int, stop: int) -> list[Quantity]:
    """Quantities written unit-first: 每立方米20微克 → 20 微克/立方米."""
    extra: list[Quantity] = []
    for match in _unit_first_re().finditer(text, start, stop):
        value = parse_number(match.group("num"))
        if value is None:
            continue
        bound = _bound_of().get(match.group("post") or "") or _bound_of().get(
            match.group("pre") or ""
        )
        unit = f"{match.group('amount')}/{match.group('per')}"
        extra.append(Quantity(match.start(), match.end(), value, unit, bound))
    return extra


def read_cell(cell: str) -> Quantity | None:
    """The value of a whole table cell (``5左右``, ``<3.5``, ``稳定在98.5以上``), or None.

    The cell must hold one value and nothing else but bound words (稳定在, 不低于…).
    """
    body = cell.strip()
    lead = _alternation(cues()["cell_leads"])
    body_start = 0
    lead_match = re.match(rf"(?:{lead})", body)
    if lead_match:
        body_start = lead_match.end()
    matches = find_quantities(body, body_start, require_unit=False)
    if len(matches) != 1:
        return None
    quantity = matches[0]
    if quantity.start != body_start or quantity.end != len(body):
        return None
    return quantity
