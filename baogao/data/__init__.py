"""Shipped data: indicator catalog, gazetteer, cue words, topic dictionaries (editable)."""
