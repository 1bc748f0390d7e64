"""The model's matrix products on numpy's BLAS, one thread: the same annotations in less time.

thinc computes the matrix products of spaCy's layers (the tok2vec CNN, the tagger, the
feature layers of the parser and the NER) with the BLIS library it bundles. Its own
``NumpyOps(use_blis=False)`` hands them to numpy instead, whose wheels bring OpenBLAS. On
the benchmark machine (AMD EPYC, AVX2) OpenBLAS on one thread computes the model's
products 2.5 to 3 times faster than BLIS, and a cold ``extract`` spends a fifth less CPU
on the model: on 300 GVA articles, tok2vec 6.6 s → 3.2 s and the NER 13.3 s → 9.4 s of CPU,
with every token's tag, lemma, head, dependency, entity and sentence start identical
(128,926 tokens compared), and every table ``extract`` writes identical. The parser's and
NER's per-step products and their output layer stay on BLIS (spaCy's compiled step calls
it directly).

The model runs on **one** BLAS thread (:func:`one_blas_thread`, with ``threadpoolctl``):
OpenBLAS would otherwise use every core, and ``--processes N`` workers would compete for
them. More cores are for ``--processes``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from spacy.language import Language
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import threadpool_limits

#: The ops Sitrep's pipelines are loaded with: thinc's numpy ops, products through numpy's BLAS.
MODEL_OPS = "numpy BLAS"


@contextlib.contextmanager
def numpy_blas_ops() -> Iterator[None]:
    """Within the block, new thinc models (e.g. of ``spacy.load``) compute products with numpy's BLAS."""
    previous = get_current_ops()
    set_current_ops(NumpyOps(use_blis=False))
    try:
        yield
    finally:
        set_current_ops(previous)


def ops_name(nlp: Language) -> str:
    """How ``nlp``'s trained components compute matrix products (part of the pipeline key).

    Returns:
        :data:`MODEL_OPS`, ``"BLIS"``, or ``"none"`` for a pipeline without trained components.
    """
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "ops"):
            return "BLIS" if getattr(model.ops, "use_blis", False) else MODEL_OPS
    return "none"


def one_blas_thread() -> contextlib.AbstractContextManager:
    """A context in which numpy's BLAS (and a BLAS of any other loaded library) uses one thread.

    The loaded libraries are looked up on each call (under a millisecond): a library
    loaded since the last call (SciPy brings its own OpenBLAS) is limited too. Worker
    processes that ``nlp.pipe`` forks within the block keep the limit.
    """
    return threadpool_limits(limits=1, user_api="blas")
