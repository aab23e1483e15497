"""Charts as self-contained SVG, written by hand (no plotting library, no external assets).

    svg = bar_chart([("广东省", 4.5), ("甘肃省", 5.5)], title="2026年增长目标", unit="%")
    svg = line_chart({"目标": [(2024, 5.0), (2025, 5.0)], "实际": [(2024, 5.0)]}, title=...)
    Path("out.svg").write_text(svg, "utf-8")

Labels are Chinese; the font stack asks for a CJK font the viewer has (Noto/Source Han,
PingFang, Microsoft YaHei), so the file embeds no font and opens in any browser.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from baogao.data import load_json
from baogao.labels import amount

if TYPE_CHECKING:
    from baogao.analyze.compare import CompareRow

FONT = ("'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
        "'WenQuanYi Micro Hei',SimHei,sans-serif")
PALETTE = ("#2f6db5", "#d2691e", "#3a9a5b", "#a23b72", "#6b6b6b", "#c9a227")
BAR_HEIGHT = 22
BAR_GAP = 8
WIDTH = 760
#: Labels written on charts (Chinese, as the charts go into Chinese reports and pages).
KIND_LABELS = {"target": "目标", "actual": "实际"}
SOURCE_NOTE = "数据来源：政府工作报告（baogao 提取，每个数值附原文证据）"


@dataclass(frozen=True)
class Bar:
    """One bar: a label, a value, an optional upper end (a range target) and its text."""

    label: str
    value: float
    high: float | None = None
    text: str | None = None


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis ticks covering ``low..high`` (steps of 1, 2 or 5 × 10^k)."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _fmt(value: float, unit: str = "") -> str:
    """A tick or value label: never scientific notation; 亿元 amounts ≥ 1万亿 in 万亿元."""
    return amount(value, unit)


def _text(x: float, y: float, content: str, *, size: int = 12, anchor: str = "start",
          fill: str = "#222", weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="{fill}" font-weight="{weight}">{escape(content)}</text>')


def _document(width: int, height: int, title: str, body: list[str]) -> str:
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="{escape(FONT)}" role="img">')
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>', head,
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        _text(width / 2, 26, title, size=16, anchor="middle", weight="bold"),
        *body, "</svg>", "",
    ])


def bar_chart(bars: Sequence[Bar | tuple[str, float]], *, title: str, unit: str = "",
              note: str = "", width: int = WIDTH) -> str:
    """A horizontal bar chart (one bar per region); a range target shows its upper part."""
    items = [b if isinstance(b, Bar) else Bar(b[0], b[1]) for b in bars]
    label_w = 12 + 13 * max((len(b.label) for b in items), default=2)
    left, right, top = label_w + 10, 90, 48
    height = top + len(items) * (BAR_HEIGHT + BAR_GAP) + 56
    values = [v for b in items for v in (b.value, b.high) if v is not None]
    ticks = nice_ticks(min(0.0, *values) if values else 0.0, max(values, default=1.0))
    lo, hi = ticks[0], ticks[-1]
    if width < 500:  # a phone: short labels, a narrow value margin
        right = 70
    plot_w = width - left - right

    def x_of(v: float) -> float:
        return left + (v - lo) / (hi - lo) * plot_w

    body = _axis_x(ticks, x_of, top, height - 50, unit)
    for i, bar in enumerate(items):
        y = top + i * (BAR_HEIGHT + BAR_GAP)
        body.append(_text(left - 8, y + BAR_HEIGHT * 0.7, bar.label, anchor="end"))
        x0, x1 = x_of(max(lo, 0.0)), x_of(bar.value)
        body.append(f'<rect x="{min(x0, x1):.1f}" y="{y}" width="{abs(x1 - x0):.1f}" '
                    f'height="{BAR_HEIGHT}" fill="{PALETTE[0]}"/>')
        end = x1
        if bar.high is not None and bar.high > bar.value:
            end = x_of(bar.high)
            body.append(f'<rect x="{x1:.1f}" y="{y}" width="{end - x1:.1f}" '
                        f'height="{BAR_HEIGHT}" fill="{PALETTE[0]}" fill-opacity="0.35"/>')
        body.append(_text(end + 6, y + BAR_HEIGHT * 0.7, bar.text or _fmt(bar.value, unit),
                          size=11))
    if note:
        body.append(_text(left, height - 12, note, size=10, fill="#666"))
    return _document(width, height, title, body)


def _axis_x(ticks: Sequence[float], x_of: Callable[[float], float], top: float, bottom: float,
            unit: str) -> list[str]:
    out = []
    for t in ticks:
        x = x_of(t)
        out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{bottom}" '
                   'stroke="#e3e3e3"/>')
        out.append(_text(x, bottom + 16, _fmt(t, unit), size=11, anchor="middle", fill="#555"))
    return out


def line_chart(series: Mapping[str, Sequence[tuple[int, float]]], *, title: str,
               unit: str = "", note: str = "", width: int = WIDTH) -> str:
    """A line chart over years, one line per series; a line breaks where years are missing."""
    points = [p for pts in series.values() for p in pts]
    height, left, right, top, bottom = 400, 84, 120, 48, 340
    if width < 500:  # a phone: the legend goes under the plot
        right = 16
        bottom = 300
        height = bottom + 40 + 18 * len(series) + 20
    years = [p[0] for p in points] or [0]
    x_lo, x_hi = min(years), max(max(years), min(years) + 1)
    ticks = nice_ticks(min(0.0, *(p[1] for p in points)) if points else 0.0,
                       max((p[1] for p in points), default=1.0))
    y_lo, y_hi = ticks[0], ticks[-1]

    def x_of(year: float) -> float:
        return left + (year - x_lo) / (x_hi - x_lo) * (width - left - right)

    def y_of(value: float) -> float:
        return bottom - (value - y_lo) / (y_hi - y_lo) * (bottom - top)

    body = _axis_y(ticks, y_of, left, width - right, unit)
    body += [_text(x_of(y), bottom + 18, str(y), size=11, anchor="middle", fill="#555")
             for y in _year_ticks(x_lo, x_hi)]
    for i, (name, pts) in enumerate(series.items()):
        color = PALETTE[i % len(PALETTE)]
        body += _series(sorted(pts), x_of, y_of, color, unit)
        if width < 500:
            body.append(_text(left, bottom + 40 + 18 * i, f"■ {name}", fill=color))
        else:
            body.append(_text(width - right + 14, top + 16 + 18 * i, f"■ {name}", fill=color))
    if note:
        body.append(_text(left if width >= 500 else 8, height - 12, note, size=10,
                          fill="#666"))
    return _document(width, height, title, body)


def _axis_y(ticks: Sequence[float], y_of: Callable[[float], float], left: float, right: float,
            unit: str) -> list[str]:
    out = []
    for t in ticks:
        y = y_of(t)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        out.append(_text(left - 6, y + 4, _fmt(t, unit), size=11, anchor="end", fill="#555"))
    return out


def _year_ticks(lo: int, hi: int) -> list[int]:
    step = max(1, math.ceil((hi - lo) / 10))
    return list(range(lo, hi + 1, step))


def _series(pts: Sequence[tuple[int, float]], x_of: Callable[[float], float],
            y_of: Callable[[float], float], color: str, unit: str = "") -> list[str]:
    out = []
    run: list[str] = []
    for j, (year, value) in enumerate(pts):
        if j and year - pts[j - 1][0] > 1:
            out.append(_polyline(run, color))
            run = []
        run.append(f"{x_of(year):.1f},{y_of(value):.1f}")
        out.append(f'<circle cx="{x_of(year):.1f}" cy="{y_of(value):.1f}" r="3.5" '
                   f'fill="{color}"><title>{year}: {_fmt(value, unit)}</title></circle>')
    out.append(_polyline(run, color))
    return [s for s in out if s]


def _polyline(coords: list[str], color: str) -> str:
    if len(coords) < 2:
        return ""
    return (f'<polyline points="{" ".join(coords)}" fill="none" stroke="{color}" '
            'stroke-width="2"/>')


def compare_chart(rows: Sequence[CompareRow], *, title: str, unit: str = "",
                  width: int = WIDTH) -> str:
    """The chart of a compare result: bars across regions for one year, else one line per
    region over the years."""
    regions = list(dict.fromkeys(r.region for r in rows))
    periods = {r.period for r in rows}
    if len(regions) > 1 and len(periods) == 1:
        bars = [Bar(r.region, r.value or 0.0, r.value_high, r.text) for r in rows]
        return bar_chart(bars, title=title, unit=unit, note=SOURCE_NOTE, width=width)
    series = {name: [(r.period, r.value) for r in rows if r.region == name and r.value is not None]
              for name in regions[:len(PALETTE)]}
    return line_chart(series, title=title, unit=unit, note=SOURCE_NOTE, width=width)


TILE = 58


@functools.lru_cache(maxsize=1)
def tile_layout() -> dict[str, tuple[int, int]]:
    """Province -> (column, row) of the tile-grid map (baogao/data/tile_grid.json)."""
    raw = load_json("tile_grid.json")
    return {name: (int(pos[0]), int(pos[1])) for name, pos in raw["tiles"].items()}


def tile_grid(values: Mapping[str, tuple[float, str]], *, title: str, unit: str = "") -> str:
    """A tile-grid map of the provinces: one square per province in its rough place, shaded
    by value (darker = higher) and labelled with the value as written; grey = no value."""
    layout = tile_layout()
    cols = max(c for c, _ in layout.values()) + 1
    rows = max(r for _, r in layout.values()) + 1
    width, top = cols * TILE + 24, 44
    height = top + rows * TILE + 40
    known = [v for v, _ in values.values()]
    lo, hi = (min(known), max(known)) if known else (0.0, 1.0)
    body = []
    for name, (col, row) in layout.items():
        x, y = 12 + col * TILE, top + row * TILE
        hit = values.get(name)
        if hit is None:
            fill, ink, label = "#eef0f3", "#888", "—"
        else:
            share = 0.5 if hi == lo else (hit[0] - lo) / (hi - lo)
            fill = _blend("#dbe8f7", "#1f4e8c", share)
            ink = "#fff" if share > 0.55 else "#1d2129"
            label = hit[1] or _fmt(hit[0], unit)
        short = _short_province(name)
        body.append(f'<rect x="{x + 2}" y="{y + 2}" width="{TILE - 4}" height="{TILE - 4}" '
                    f'rx="4" fill="{fill}"><title>{escape(name)}：{escape(label)}</title></rect>')
        body.append(_text(x + TILE / 2, y + 24, short, size=13, anchor="middle", fill=ink,
                          weight="bold"))
        body.append(_text(x + TILE / 2, y + 42, label if len(label) <= 8 else label[:7] + "…",
                          size=10, anchor="middle", fill=ink))
    body.append(_text(12, height - 14, SOURCE_NOTE, size=10, fill="#666"))
    return _document(width, height, title, body)


def _short_province(name: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _blend(a: str, b: str, t: float) -> str:
    pa = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    pb = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(pa, pb, strict=True))


def write_svg(svg: str, path: str | Path) -> Path:
    """Write an SVG document (UTF-8) and return its path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(svg, "utf-8")
    return out
