"""Aggregate: corpus tables built from the per-article tables (actors, persons, places,
casualty totals, incidents), listed in :mod:`helpers.aggregate.registry`."""
