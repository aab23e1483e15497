"""Views of the analysis stages, one module per library module (search, ask, track, …).

Each module defines ``router`` with its ``/api/...`` endpoint and its page; ``routers()``
returns the routers whose library modules are present.
"""

from __future__ import annotations

import importlib

from fastapi import APIRouter

#: View module name -> the library module it needs.
VIEWS = {
    "search": "baogao.ask.search",
    "ask": "baogao.ask.answer",
    "track": "baogao.analyze.track",
    "commitments": "baogao.analyze.commitments",
    "compare": "baogao.analyze.compare",
    "diff": "baogao.analyze.diff",
    "attention": "baogao.analyze.attention",
}


def routers() -> list[APIRouter]:
    """Routers of the views whose library modules can be imported."""
    found: list[APIRouter] = []
    for name, needs in VIEWS.items():
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name in (f"{__name__}.{name}", needs) or (exc.name or "").startswith(needs):
                continue
            raise
        found.append(module.router)
    return found


def available() -> set[str]:
    """Names of the library modules present (their nav entries are shown)."""
    out = set()
    for name, needs in VIEWS.items():
        try:
            importlib.import_module(needs)
        except ModuleNotFoundError:
            continue
        out.add(name)
    return out
