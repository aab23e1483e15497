"""General guards on catalog facts, learned from baogao's first look at unseen pages.

Run on pages nobody had fixed anything for (``benchmarks/first_look.py``), baogao's wrong
catalog facts were mostly right numbers tied to no year: the page's year could not be read, so
the fact's period stayed null, and a value with a citation but no year is a wrong fact for the
contract (``benchmarks/data/fresh16/GUARDS.md``). The guards here apply to any page, whatever
its wording: a catalog fact that cannot be tied to a year is not emitted (the number is still
read as an open fact, where a null period is allowed).
"""

from __future__ import annotations

from baogao.models import Fact


def dated(facts: list[Fact]) -> list[Fact]:
    """``facts`` without those whose period could not be told (abstain rather than guess)."""
    return [f for f in facts if f.period is not None]
