"""Facts lost and facts newly wrong when the tune pages of the fresh page sets are hard-wrapped
at a display width, the way a plain-text copy or a terminal wraps a report.

    python benchmarks/wrap_perturb.py benchmarks/data/fresh13 ... [--widths 30 35 40] [--details]

Each tune page (never a held-out one) is read as it is and again with every line of it cut at
``W`` characters of display width (a Chinese character or mark takes two columns, an ASCII
digit or letter one), the paragraphs kept on their own lines as the page has them. Both
readings are scored against the page's annotation the way ``fresh_pages.py`` scores; a fact is
*lost* when it is right on the page and missed once wrapped, *new wrong* when it is wrong
only once wrapped. ``--details`` lists them (tune pages only).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from facts_quality import Score, load_expected, score
from fresh_pages import load_manifest

from baogao.errors import InputError
from baogao.extract import extract_facts
from baogao.models import Fact
from baogao.pipeline import build_document
from baogao.read import read_file


def _columns(ch: str) -> int:
    return 1 if ch.isascii() else 2


def wrap_line(line: str, width: int) -> list[str]:
    """``line`` cut into pieces of at most ``2 * width`` display columns."""
    pieces: list[str] = []
    cur: list[str] = []
    used = 0
    for ch in line:
        cols = _columns(ch)
        if used + cols > 2 * width and cur:
            pieces.append("".join(cur))
            cur, used = [], 0
        cur.append(ch)
        used += cols
    if cur:
        pieces.append("".join(cur))
    return pieces or [""]


def wrap_text(text: str, width: int) -> str:
    """Every line of ``text`` hard-wrapped at ``width`` (indents and blank lines kept)."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(wrap_line(line.rstrip(), width) if line.strip() else [line])
    return "\n".join(out)


def _facts(path: Path, name: str) -> list[Fact]:
    try:
        raws = read_file(path, name)
    except InputError:
        return []
    return extract_facts(build_document(raws[0])) if raws else []


def _score(rows: list[dict[str, object]], name: str, facts: list[Fact]) -> Score:
    return score(rows, {(name, 0): facts}, {str(r["indicator"]) for r in rows}).get(
        "*", Score())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--widths", type=int, nargs="+", default=[30, 35, 40])
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    base_tp = 0
    lost = dict.fromkeys(args.widths, 0)
    new = dict.fromkeys(args.widths, 0)
    tps = dict.fromkeys(args.widths, 0)
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in args.folders:
            split_of = load_manifest(folder)
            expected = load_expected(folder / "expected" / "facts")
            for name in sorted(n for n, s in split_of.items() if s == "tune"):
                rows = [r for r in expected if r["source"] == name]
                if not rows:
                    continue
                page = folder / "pages" / name
                clean = _score(rows, name, _facts(page, name))
                base_tp += clean.tp
                text = page.read_text("utf-8")
                for w in args.widths:
                    wrapped = Path(tmp) / name
                    wrapped.write_text(wrap_text(text, w), "utf-8")
                    got = _score(rows, name, _facts(wrapped, name))
                    tps[w] += got.tp
                    gone = [k for k in got.missed if k not in clean.missed]
                    bad = [k for k in got.wrong if k not in clean.wrong]
                    lost[w] += len(gone)
                    new[w] += len(bad)
                    lines += [f"w{w} {folder.name}/{name} LOST {k}" for k in gone]
                    lines += [f"w{w} {folder.name}/{name} NEW-WRONG {k}" for k in bad]
    if args.details:
        print("\n".join(lines))
    print(f"tune pages, right facts as printed: {base_tp}")
    for w in args.widths:
        print(f"width {w:3}: right {tps[w]:4}  lost {lost[w]:4}  new wrong {new[w]:4}")


if __name__ == "__main__":
    main()
