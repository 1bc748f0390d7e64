"""Knowledge: what the extractors know, loaded from ``helpers/data/``.

The actor dictionary (:mod:`~helpers.knowledge.actors`), the offline gazetteer
(:mod:`~helpers.knowledge.gazetteer`) and the language's vocabularies
(``helpers/data/<language>/``). Each data file states its source and licence in
``helpers/data/SOURCES.md``.
"""
