"""Sitrep helpers: load conflict news, parse it (cached), and extract tables with evidence.

The data path, one sub-package per stage: :mod:`helpers.ingest` (read a corpus)
→ :mod:`helpers.nlp` (parse, cached) → :mod:`helpers.extract` (the extractor
registry, one shared context, drawing on :mod:`helpers.knowledge`) →
:mod:`helpers.aggregate` (corpus tables) → :mod:`helpers.run` (local and Dask
runners, publishing, reading back) → :mod:`helpers.views` (notebooks and
reports). See the README for the tables it writes. ``extract`` itself is
:func:`helpers.run.extract`: the name ``helpers.extract`` is the sub-package.
"""

from helpers.aggregate.counts import count_mentions
from helpers.ingest import articles_frame, load_corpus
from helpers.run import Tables, load_tables

__all__ = ["Tables", "articles_frame", "count_mentions", "load_corpus", "load_tables"]
