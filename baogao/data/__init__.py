"""Shipped data: indicator catalog, gazetteer, cue words, topic dictionaries (editable)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


def data_text(name: str) -> str:
    """The text of the data file ``name`` shipped in this package."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


@functools.cache
def load_json(name: str) -> Any:
    """The data file ``name`` parsed as JSON, once per process (shared: never change it)."""
    return json.loads(data_text(name))
