"""Numbers with a unit in running text: where each amount is, its value, unit and bound.

    amounts = find_amounts(text, start, end)

Used by the open-fact reader (``open_facts``), the 民生实事 table reader and the reader view that
marks every number. Counted but not read: ordinals (第3个), ranks (前10), numbers inside quoted
slogans (“31条”), glued codes (5G, A级) and the single 一 (一批, 一个). Units and bound words
live in ``baogao/data/commitments.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from baogao.extract.catalog import cues
from baogao.extract.numbers import (
    begins_with,
    parse_number,
    printed_in_yi,
    printed_order,
    scan,
)
from baogao.extract.open.words import _alternation, _skip_words, vocabulary
from baogao.extract.span_memo import SpanMemo
from baogao.models import Bound
from baogao.settings import limit

__all__ = ["Amount", "find_amounts"]

_HAN = re.compile(r"[\u4e00-\u9fff]")


@functools.lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern[str]:
    table = cues()
    vocab = vocabulary()
    pre = _alternation([w for ws in table["prefix_bounds"].values() for w in ws])
    post = _alternation([w for ws in table["suffix_bounds"].values() for w in ws])
    seps = _alternation(table["range_separators"])
    mult = _alternation(vocab["multipliers"])
    units = _alternation(vocab["units"])
    more = _alternation(vocab["approx_marks"])
    per = _alternation(vocab["per_units"])
    after_mult = _alternation(vocab["multiplied_units"])
    digits = "零〇一二两三四五六七八九"
    # 5·8%: a middle dot between digits is a decimal point (older printed reports)
    # 14，328，144，000元: digits grouped by commas (the older reports' budgets) read whole
    # 一千二百万千瓦: a 千 before 瓦 opens the unit 千瓦, it is no numeral
    number = (rf"(?:\d{{1,3}}(?:[,，]\d{{3}})+(?![\d.·])|\d+(?:[.·]\d+)?"
              rf"|(?:[{digits}十百万亿]|千(?!瓦))+(?:点[{digits}]+)?)")
    unit = rf"(?:百分之)?(?:(?:{mult})?(?:{units})|(?:{mult})(?:{after_mult}))"
    return re.compile(
        rf"(?P<pre>{pre})?(?P<pct>百分之)?(?P<num>{number})"
        # 500多万台: an approximation mark may also stand before the multiplier
        # 二千零三十亿度: a unit read only after 万 or 亿 (度 alone is a degree, a time)
        rf"(?P<unit>(?:(?P<more0>{more})(?={mult}))?(?:(?:{mult})?(?P<more>{more})?(?:{units})"
        rf"|(?:(?:{mult})|(?<=[万亿]))(?P<more1>{more})?(?:{after_mult}))"
        rf"(?:/(?:{per}))?)?"
        # 70% 以上: a space printed before the bound word (a PDF copy)
        rf"(?:(?P<sep>{seps})(?P<num2>{number})(?P<unit2>{unit}))?(?: ?(?P<post>{post}))?"
    )


@functools.lru_cache(maxsize=1)
def _quantity_start() -> re.Pattern[str]:
    """Where a ``_quantity_re`` match can begin: a bound word, a digit or a numeral (see
    ``numbers.scan``)."""
    return begins_with([w for ws in cues()["prefix_bounds"].values() for w in ws],
                       "零〇一二两三四五六七八九十百千万亿")


@functools.lru_cache(maxsize=1)
def _unit_gate() -> re.Pattern[str]:
    """A necessary condition for ``find_amounts`` to find anything: a numeral character
    right before a unit (the quantity pattern's number always ends with one), or 百分之."""
    vocab = vocabulary()
    mult = _alternation(vocab["multipliers"])
    units = _alternation([*vocab["units"], *vocab["multiplied_units"]])
    more = _alternation(vocab["approx_marks"])
    return re.compile(rf"[\d零〇一二两三四五六七八九十百千万亿](?:{mult})?(?:{more})?(?:{units})"
                      r"|百分之")


@functools.lru_cache(maxsize=1)
def _bounds() -> dict[str, Bound]:
    found: dict[str, Bound] = {}
    for key in ("prefix_bounds", "suffix_bounds"):
        for bound, words in cues()[key].items():
            for word in words:
                found[word] = bound
    return found


@dataclass(frozen=True)
class Amount:
    """A number with its unit as printed (``1.2万个``: value 1.2, unit 万个)."""

    start: int
    end: int
    num_start: int
    value: Decimal
    unit: str
    bound: Bound | None
    value_high: Decimal | None = None


def _in_quotes(text: str, pos: int, floor: int) -> bool:
    head = text[floor:pos]
    return head.count("“") > head.count("”")


_RANKED = re.compile("排名|位次|名次|位列|排在|居全国|居全省")
_ARABIC = re.compile(r"\d+(?:[.·]\d+)?|\d{1,3}(?:[,，]\d{3})+")
_SMALL_COUNT = re.compile(r"[二两三四五六七八九十]")
_MAGNITUDE = re.compile(r"[十百千万亿点]")
_GLUED = re.compile(r"[\dA-Za-z.]")
_MAGNITUDE_WORDS = re.compile("[万亿]")


def _plausible(numeral: str) -> bool:
    if _ARABIC.fullmatch(numeral):
        return True
    if numeral in ("一", "〇", "零") or numeral[0] in "百千万亿":
        return False
    if _SMALL_COUNT.fullmatch(numeral):
        return False  # 两个万亿元台阶, 七种能力, 五个方面: counts that name things
    if not _MAGNITUDE.search(numeral):
        return len(numeral) == 1
    return True


_DIGIT_VALUES = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿、"


def _guessed_range(text: str, floor: int, num_start: int, numeral: str) -> bool:
    """True when a lone smaller digit and 、 stand right before a Chinese numeral (二、三百亿度,
    三、五千个, 八、九十万人): two guesses at one magnitude, not a number and a list item."""
    if num_start - 2 < floor or text[num_start - 1] != "、":
        return False
    lower = _DIGIT_VALUES.get(text[num_start - 2])
    upper = _DIGIT_VALUES.get(numeral[0])
    if lower is None or upper is None or lower >= upper or len(numeral) < 2:
        return False
    # not the last of a list of numbers (十一、十二个): the digit stands alone
    return num_start - 3 < floor or text[num_start - 3] not in _NUMERAL_CHARS


def measure_noun(text: str, at: int) -> str:
    """The noun at ``at`` that carries its own measure (个体工商户: counted in 户), or ""."""
    return next((n for n in vocabulary()["measure_nouns"] if text.startswith(n, at)), "")


def find_amounts(text: str, start: int, end: int) -> list[Amount]:
    """Numbers with a unit in ``text[start:end]`` that state a quantity.

    Ordinals, ranks, years, slogans in quotes and the lone 一 are left out.
    """
    return list(_amounts(text, start, end))


def _find_amounts(text: str, start: int, end: int) -> list[Amount]:
    return list(_iter_amounts(text, start, end))


def has_amount(text: str, start: int, end: int) -> bool:
    """``bool(_find_amounts(text, start, end))``, stopping at the first amount."""
    return next(_iter_amounts(text, start, end), None) is not None


def _iter_amounts(text: str, start: int, end: int) -> Iterator[Amount]:
    """The amounts of ``_find_amounts``, one by one (``has_amount`` stops at the first)."""
    if _unit_gate().search(text, start, end) is None:
        return
    vocab = vocabulary()
    max_chars = limit("max_numeral_chars")  # read once here, not once per numeral
    skip_before, skip_after = _skip_words("skip_before"), _skip_words("skip_after")
    rank_units = _skip_words("rank_units")
    bounds = _bounds()
    in_quotes = vocab["skip_in_quotes"]
    for match in scan(_quantity_re(), _quantity_start(), text, start, end):
        unit_group, pct, more, numeral, pre, post, sep = match.group(
            "unit", "pct", "more", "num", "pre", "post", "sep")
        if match.group("more0") and _MAGNITUDE_WORDS.search(numeral):
            continue  # 六亿三千多万: the 万 multiplies only the part after 亿
        more = more or match.group("more0") or match.group("more1")
        if not unit_group and not pct:
            continue  # no unit: not a quantity
        unit = (unit_group or "").replace(more or "@", "", 1)
        if pct:
            unit = "%"
        if not unit or not (_plausible(numeral) or (numeral == "十" and match.group("more0"))):
            continue  # (十多万人, 十余万千瓦: more than 十万, not a count of ten things)
        num_start = match.start("num")
        # 第 二个: a space may stand after the ordinal mark
        before = text[max(start, num_start - 3) : num_start].rstrip(" \u3000")
        after = text[match.end("unit") : match.end("unit") + 2] if unit_group else ""
        if before.endswith(skip_before) and not pre:
            continue
        if after.startswith(skip_after) and not post:
            continue
        if in_quotes and (_HAN.match(numeral) or text.startswith("”", match.end())
                          or text.startswith("”", match.end() + 1)
                          or text.startswith("“", num_start - 1)) and _in_quotes(
                text, num_start, start):
            continue  # “两个确立”, 支持民营经济发展“31条”, “双20条”: names, not amounts
        if num_start > start and _GLUED.match(text[num_start - 1]):
            continue
        if num_start > start and text[num_start - 1] in "几数" and numeral[0] in "十百千万":
            continue  # 几十万个现有企业, 数百家: no number is stated
        if _guessed_range(text, start, num_start, numeral):
            continue  # 多耗电二、三百亿度, 八、九十万人: two guesses, no number is stated
        if unit.endswith(rank_units) and _RANKED.search(
                text, max(start, num_start - 12), num_start):
            continue  # 全国排名46位、82位: ranks, not counts
        value = parse_number(numeral.replace("·", "."), max_chars)
        if value is None:
            continue
        if not sep and not more and unit[:1] not in "万亿%" and (
                split := printed_order(numeral)) is not None:
            # 五千三百亿元 is 5300 亿元, as 5300亿元 is: the order stays in the unit as printed
            head = parse_number(split[0], max_chars)
            if head is not None:
                value, unit = head, split[1] + unit
        elif not sep and not more and unit[:1] not in "万亿%" and (
                in_yi := printed_in_yi(numeral)) is not None:
            value, unit = in_yi, "亿" + unit  # 二十六亿六千万美元 is 26.6 亿美元
        high: Decimal | None = None
        if sep:
            high = parse_number(match.group("num2"), max_chars)
            unit = match.group("unit2") if not unit_group else unit
            if high is None or high <= value:
                high = None
        end_at = match.end()
        if unit.endswith("个") and end_at == match.end("unit") and (
                noun := measure_noun(text, end_at - 1)):
            # 900多万个体工商户: the 个 begins the noun; its measure is the noun's (户)
            unit, end_at = unit[:-1] + vocab["measure_nouns"][noun], end_at - 1
        pre_word = pre or ""
        start_at = match.start()
        if pre_word == "约" and start_at > start and (
                text[start_at - 1] in vocab["approx_word_blockers"]):
            pre_word, start_at = "", start_at + 1  # 签约1009户: 约 belongs to 签约
        bound = bounds.get(post or "") or bounds.get(pre_word)
        if bound is None and more:
            bound = "min"
        yield Amount(start_at, end_at, num_start, value, unit, bound, high)


#: The amounts of the text last read, by span: the commitments read the sentences the open
#: facts have just read (see ``SpanMemo``).
_amounts: SpanMemo[Amount] = SpanMemo(_find_amounts)


# Names, actions and scopes -----------------------------------------------------------------
