"""Structured data from normalized reports: numbers, indicator facts, tables, glossary."""

from baogao.extract.catalog import Indicator, convert, find_mentions, load_catalog
from baogao.extract.facts import extract_facts
from baogao.extract.glossary import extract_terms
from baogao.extract.numbers import Quantity, find_quantities, parse_number
from baogao.extract.tables import table_facts

__all__ = [
    "Indicator",
    "Quantity",
    "convert",
    "extract_facts",
    "extract_terms",
    "find_mentions",
    "find_quantities",
    "load_catalog",
    "parse_number",
    "table_facts",
]
