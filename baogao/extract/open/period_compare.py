"""The year of a change compared with a base year several years before.

一九八二年预计同一九八○年比较，棉花增长百分之二十一点九 (the 1982 report); 1980年同完成经济恢复的
1952年相比，工农业总产值增长八点一倍 (1981); 到一九八五年，…比一九八○年增长百分之十二点三；棉花
三百六十万吨，增长百分之三十三 (1982): the change is of the level the year named before the base
reaches, against the base; it is about that year. A rate per year in the change's clause
(平均每年递增百分之八点七) belongs to no one year and stays undated.
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import cues


@functools.lru_cache(maxsize=1)
def _average_re() -> re.Pattern[str]:
    words: list[str] = cues()["compared_average"]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def compared_year(text: str, clause: int, pos: int, named: int | None, base: int,
                  year: int) -> int | None:
    """The year a change at ``pos`` compared with ``base`` is about: ``named``, the year its
    full-stop sentence names before the base (not as a base or a start itself), when it
    comes after the base and no later than ten years after the report's ``year`` (a plan's
    horizon), and the change's clause (from ``clause``) gives no rate per year; else None."""
    if named is None or not base < named <= year + 10:
        return None
    if _average_re().search(text, clause, pos) is not None:
        return None  # (比一九八○年增长百分之五十一点八，)平均每年递增百分之八点七
    return named
