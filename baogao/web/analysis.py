"""API routes of the analysis stages (search, ask, track, compare, diff, attention)."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    """Routers for the analysis modules present in this install."""
    return []
