"""Extract: the per-article extractors, their registry and the context they share.

:mod:`helpers.extract.registry` lists every extractor (the tables it writes
and reads); :mod:`helpers.extract.context` builds the one
:class:`~helpers.extract.context.Context` (actor dictionary, gazetteer,
lexicons, language) that every extractor gets. One sub-module or sub-package
per extractor: :mod:`~helpers.extract.persons`, :mod:`~helpers.extract.places`,
:mod:`~helpers.extract.mentions`, :mod:`~helpers.extract.quotes`,
:mod:`~helpers.extract.casualties`; every row carries the evidence of
:mod:`~helpers.extract.evidence`.
"""
