"""How things are shown to people: document labels, Chinese names of codes, money amounts.

Shared by the CLI, the web pages, the charts and the API's text fields so that a report is
called the same thing everywhere and a number never appears in scientific notation.
"""

from __future__ import annotations

import math
import re

DOC_TYPE_LABELS = {"work_report": "政府工作报告", "plan_report": "计划报告",
                   "budget_report": "预算报告", "public_report": "公开报告",
                   "npc_resolution": "人大决议", "other": "其他"}
LEVEL_LABELS = {"national": "国家", "province": "省级", "city": "市级", "district": "区县"}
KIND_LABELS = {"actual": "实际", "target": "目标"}
VERDICT_LABELS = {"met": "完成", "missed": "未完成", "partly": "部分完成",
                  "unverifiable": "无法核验"}

#: A title that is only a file name (000_b5713cac4734963f.txt, report-2.html …).
_FILE_NAME = re.compile(r"^[\w.-]*(\.[a-z]{2,5}|_[0-9a-f]{8,})$", re.I)


def document_label(title: str | None, region: str | None, year: int | None,
                   doc_type: str | None = None) -> str:
    """What to call a document: its title, completed with region and year when it lacks them.

    ``政府工作报告`` of 北京市西城区 2023 → ``北京市西城区 2023年 政府工作报告``; a title that is
    only a file name is replaced by region, year and document type.
    """
    clean = (title or "").strip()
    if not clean or _FILE_NAME.match(clean):
        clean = DOC_TYPE_LABELS.get(doc_type or "", "") or "报告"
    parts: list[str] = []
    short_region = _short_region(region)
    if region and region not in clean and (short_region is None or short_region not in clean):
        parts.append(region)
    if year and str(year) not in clean:
        parts.append(f"{year}年")
    return " ".join([*parts, clean])


def _short_region(region: str | None) -> str | None:
    if not region:
        return None
    tail = re.split(r"(?<=[省市])", region)[-1] or region
    return re.sub(r"(省|市|自治区|区|县)$", "", tail) or None


def plain_number(value: float) -> str:
    """A number without scientific notation or needless zeros: 1349000.0 → 1349000."""
    if math.isnan(value) or math.isinf(value):
        return ""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def amount(value: float | None, unit: str | None) -> str:
    """A value with its unit for people: 亿元 amounts of 10,000 or more in 万亿元.

    ``amount(1349000, "亿元")`` → ``134.9万亿元``; ``amount(5.2, "%")`` → ``5.2%``.
    """
    if value is None:
        return ""
    unit = unit or ""
    if unit == "亿元" and abs(value) >= 10000:
        return f"{_round(value / 10000)}万亿元"
    if unit == "万元" and abs(value) >= 10000:
        return f"{_round(value / 10000)}亿元"
    return f"{_round(value)}{unit}"


def _round(value: float) -> str:
    """At most 2 decimals for large numbers and 4 significant digits for small ones."""
    if abs(value) >= 100:
        return plain_number(round(value, 2))
    return plain_number(float(f"{value:.4g}"))


def axis_amount(value: float, unit: str) -> str:
    """A chart-axis tick: short, never scientific (``1.5万亿`` for 15000 亿元)."""
    if unit == "亿元" and abs(value) >= 10000:
        return f"{_round(value / 10000)}万亿"
    if abs(value) >= 1e8:
        return f"{_round(value / 1e8)}亿"
    if abs(value) >= 1e4:
        return f"{_round(value / 1e4)}万"
    return _round(value)


def indicator_by_name(value: str | None) -> str | None:
    """The catalog id of an indicator given by id, Chinese name or alias; None if unknown."""
    if not value:
        return None
    from baogao.extract import load_catalog

    catalog = load_catalog()
    text = value.strip()
    if text in catalog:
        return text
    for ind in catalog.values():
        if text == ind.name or text in ind.aliases:
            return ind.id
    return None


def citation(*, label: str, name: str, text: str, period: int | None, kind: str,
             evidence: str, source: str, row: int, start: int, end: int, url: str) -> str:
    """A "cite this" line for one fact: where it is, what it says, the words, the link."""
    when = f"{period}年" if period else ""
    where = f"{source}#{row}" if row else source
    return (f"{label}：{name}{when}{KIND_LABELS.get(kind, kind)}{text}。原文：“{evidence}”"
            f"（{where}，字符 {start}–{end}）。{url}")
