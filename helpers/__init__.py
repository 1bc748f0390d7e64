"""Sitrep helpers: load conflict news, parse it (cached), and extract tables with evidence.

The notebooks call into this package; see the README for the tables it writes.
"""

from .extraction import Tables, extract, load_tables
from .loading import articles_frame, load_corpus
from .mentions import count_mentions

__all__ = ["Tables", "articles_frame", "count_mentions", "extract", "load_corpus", "load_tables"]
