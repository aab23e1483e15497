"""Word .doc and PDF copies of reports against the .docx they were saved from.

    python benchmarks/office_twins.py [--convert]

Government sites publish a report as .docx, .doc or PDF. The same report read from each format
should give the same catalog facts and metadata. Twins are the files of
``tests/data/formats/doc`` and ``tests/data/formats/pdf`` (saved by LibreOffice from the
repository's .docx files); with ``--convert`` (needs LibreOffice's ``soffice`` on the PATH)
every .docx of ``tests/data/formats/provinces-2025`` is saved as .doc and as PDF into a
temporary folder first, and all of them are compared.

Prints per format: documents, catalog facts of the .docx, of the twin, in common, precision
and recall of the twin against the .docx, and how many twins have the same region, year,
speaker and date.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from baogao.errors import InputError
from baogao.extract import extract_facts
from baogao.models import Document
from baogao.pipeline import build_document
from baogao.read import read_file

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "formats"
DOCX = DATA / "provinces-2025"

Key = tuple[object, ...]


def _read(path: Path) -> Document:
    return build_document(read_file(path)[0])


def _facts(doc: Document) -> set[Key]:
    return {(f.indicator, f.kind, f.period, f.value, f.bound) for f in extract_facts(doc)}


def _meta(doc: Document) -> Key:
    return (doc.region, doc.year, doc.speaker, doc.date)


def _twins(folder: Path, suffix: str) -> list[tuple[Path, Path]]:
    pairs = []
    for twin in sorted(folder.glob(f"*{suffix}")):
        docx = DOCX / (twin.stem + ".docx")
        if docx.exists():
            pairs.append((twin, docx))
    return pairs


def _convert(out: Path, target: str) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("--convert needs LibreOffice (soffice) on the PATH")
    sources = sorted(DOCX.glob("*.docx"))
    if not sources:  # soffice with no file would wait for a window
        sys.exit(f"no .docx under {DOCX}")
    profile = out / "profile"  # a profile of its own: no lock shared with a running soffice
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", target, "--outdir", str(out),
                    *map(str, sources)], check=True, timeout=900,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def report(name: str, pairs: list[tuple[Path, Path]]) -> None:
    want = got = common = same_meta = failed = 0
    for twin, docx in pairs:
        try:
            a = _read(twin)
        except InputError as exc:
            print(f"  {twin.name}: {exc}")
            failed += 1
            continue
        b = _read(docx)
        fa, fb = _facts(a), _facts(b)
        want, got, common = want + len(fb), got + len(fa), common + len(fa & fb)
        same_meta += _meta(a) == _meta(b)
    p = common / got if got else 1.0
    r = common / want if want else 1.0
    print(f"{name:6} {len(pairs):5} {failed:6} {want:6} {got:6} {common:7} {p:10.3f} {r:7.3f}"
          f"   {same_meta}/{len(pairs) - failed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--convert", action="store_true",
                        help="save every .docx as .doc and PDF with LibreOffice first")
    args = parser.parse_args()
    print(f"{'format':6} {'docs':>5} {'failed':>6} {'docx':>6} {'twin':>6} {'common':>7} "
          f"{'precision':>10} {'recall':>7}   same region/year/speaker/date")
    if args.convert:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            _convert(out, "doc")
            _convert(out, "pdf")
            report("doc", _twins(out, ".doc"))
            report("pdf", _twins(out, ".pdf"))
    else:
        report("doc", _twins(DATA / "doc", ".doc"))
        report("pdf", _twins(DATA / "pdf", ".pdf"))


if __name__ == "__main__":
    main()
