"""Sitrep helpers: load conflict news, parse it (cached), and extract tables with evidence.

The data path, one sub-package per stage: :mod:`helpers.ingest` (read a corpus)
→ :mod:`helpers.nlp` (parse, cached) → :mod:`helpers.extract` (the extractor
registry, one shared context, drawing on :mod:`helpers.knowledge`) →
:mod:`helpers.aggregate` (corpus tables) → :mod:`helpers.run` (local and Dask
runners, publishing, reading back) → :mod:`helpers.views` (notebooks and
reports). See the README for the tables it writes.
"""

from helpers.aggregate.counts import count_mentions
from helpers.ingest import articles_frame, load_corpus
from helpers.run import Tables, extract, load_tables

__all__ = ["Tables", "articles_frame", "count_mentions", "extract", "load_corpus", "load_tables"]
